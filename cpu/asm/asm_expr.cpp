#include "cpu/asm/asm_expr.h"

#include <cstdint>

#include "cpu/asm/input_error.h"

namespace locksim::cpu {
namespace {

class Evaluator {
 public:
  Evaluator(const std::string& file, const Expr& expr, const SymbolResolver& resolve)
      : file_(file), toks_(expr.tokens), resolve_(resolve) {}

  int64_t run() {
    int64_t v = additive();
    if (pos_ < toks_.size()) fail(toks_[pos_], "unexpected '" + toks_[pos_].text + "' in expression");
    return v;
  }

 private:
  [[noreturn]] void fail(const Token& t, const std::string& msg) { throw InputError(file_, t.line, t.column, msg); }
  bool at(const char* p) const { return pos_ < toks_.size() && toks_[pos_].punct(p); }

  int64_t additive() {
    int64_t v = bitwise();
    while (at("+") || at("-")) {
      bool plus = toks_[pos_++].text == "+";
      int64_t r = bitwise();
      v = static_cast<int64_t>(plus ? static_cast<uint64_t>(v) + static_cast<uint64_t>(r)
                                    : static_cast<uint64_t>(v) - static_cast<uint64_t>(r));
    }
    return v;
  }
  int64_t bitwise() {
    int64_t v = multiplicative();
    while (at("|") || at("&") || at("^")) {
      char op = toks_[pos_++].text[0];
      int64_t r = multiplicative();
      v = op == '|' ? (v | r) : op == '&' ? (v & r) : (v ^ r);
    }
    return v;
  }
  int64_t multiplicative() {
    int64_t v = unary();
    while (at("*") || at("/") || at("%") || at("<<") || at(">>")) {
      const Token& op = toks_[pos_++];
      int64_t r = unary();
      if ((op.text == "/" || op.text == "%") && r == 0) fail(op, "division by zero in expression");
      // The one quotient that does not fit in 64 bits (GNU as itself dies
      // of SIGFPE on it).
      if ((op.text == "/" || op.text == "%") && v == INT64_MIN && r == -1)
        fail(op, "division overflows 64 bits in expression");
      // A shift count is taken as unsigned: a negative one, like one of 64
      // or more, shifts out everything (GNU as gives 0 too, with a warning).
      const uint64_t count = static_cast<uint64_t>(r);
      if (op.text == "*") v = static_cast<int64_t>(static_cast<uint64_t>(v) * static_cast<uint64_t>(r));
      else if (op.text == "/") v = v / r;
      else if (op.text == "%") v = v % r;
      else if (op.text == "<<") v = count >= 64 ? 0 : static_cast<int64_t>(static_cast<uint64_t>(v) << count);
      else v = count >= 64 ? 0 : static_cast<int64_t>(static_cast<uint64_t>(v) >> count);
    }
    return v;
  }
  // Unary operators and parentheses recurse; bound how deep.
  struct Nested {
    Evaluator& e;
    Nested(Evaluator& ev, const Token& at) : e(ev) {
      if (++e.depth_ > kMaxExprDepth)
        e.fail(at, "expression nested deeper than " + std::to_string(kMaxExprDepth) + " levels");
    }
    ~Nested() { --e.depth_; }
  };
  int64_t unary() {
    if (at("-") || at("+") || at("~") || at("!")) {
      const Token& op = toks_[pos_++];
      Nested nested(*this, op);
      const int64_t v = unary();
      if (op.text == "-") return static_cast<int64_t>(0 - static_cast<uint64_t>(v));
      if (op.text == "~") return ~v;
      if (op.text == "!") return v == 0;
      return v;
    }
    return primary();
  }
  int64_t primary() {
    if (pos_ >= toks_.size()) {
      const Token& last = toks_.empty() ? Token{} : toks_.back();
      fail(last, "expected a number or symbol at end of expression");
    }
    const Token& t = toks_[pos_++];
    if (t.punct("(")) {
      Nested nested(*this, t);
      int64_t v = additive();
      if (!at(")")) fail(pos_ < toks_.size() ? toks_[pos_] : t, "expected ')' in expression");
      ++pos_;
      return v;
    }
    if (t.kind == TokenKind::Number) return t.value;
    if (t.kind == TokenKind::Ident) {
      if (auto v = resolve_(t)) return *v;
      fail(t, "undefined symbol '" + t.text + "'");
    }
    fail(t, "expected a number or symbol, found '" + t.text + "'");
  }

  const std::string& file_;
  const std::vector<Token>& toks_;
  const SymbolResolver& resolve_;
  size_t pos_ = 0;
  unsigned depth_ = 0;
};

}  // namespace

int64_t evaluate(const std::string& file, const Expr& expr, const SymbolResolver& resolve) {
  return Evaluator(file, expr, resolve).run();
}

}  // namespace locksim::cpu
