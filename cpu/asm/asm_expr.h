// Constant and symbol expressions of GNU as ("buf+8", "(1<<4)|1", "end-start").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cpu/asm/asm_lexer.h"

namespace locksim::cpu {

// Parentheses and unary operators may nest this deep in one expression.
inline constexpr unsigned kMaxExprDepth = 256;

// Tokens of one expression, evaluated once every symbol has an address.
struct Expr {
  std::vector<Token> tokens;
  bool empty() const { return tokens.empty(); }
};

// Returns a symbol's value, or nothing if it is not (yet) known.
using SymbolResolver = std::function<std::optional<int64_t>(const Token& name)>;

// Evaluates with GNU as precedence (* / % << >> bind tightest, then | & ^,
// then + -). Throws InputError naming the file and the offending token when
// the expression is malformed or a symbol is unknown to `resolve`.
int64_t evaluate(const std::string& file, const Expr& expr, const SymbolResolver& resolve);

}  // namespace locksim::cpu
