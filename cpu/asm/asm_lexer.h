// Tokenizer for GNU as AT&T-syntax x86-64 source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace locksim::cpu {

enum class TokenKind : uint8_t {
  Ident,       // mnemonic, directive (with leading '.'), symbol
  Number,      // integer literal or character literal; value in `value`
  LocalRef,    // numeric local label reference "1b"/"1f": value = label, text = "b"/"f"
  Register,    // "%eax": text holds "eax"
  String,      // "..." with escapes resolved
  Punct,       // one of $ , ( ) : * + - / % < > << >> & | ^ ~ ! = @
  EndOfStatement,  // newline or ';'
};

struct Token {
  TokenKind kind;
  std::string text;
  int64_t value = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  bool is(TokenKind k, const char* t) const { return kind == k && text == t; }
  bool punct(const char* t) const { return is(TokenKind::Punct, t); }
};

// Splits a whole file into tokens; comments (# and /* */) are dropped and
// every statement ends with an EndOfStatement token. Throws InputError on a
// malformed number, an unterminated string or comment, or a stray character.
std::vector<Token> tokenize(const std::string& file_name, const std::string& source);

}  // namespace locksim::cpu
