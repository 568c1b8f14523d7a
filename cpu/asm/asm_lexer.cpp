#include "cpu/asm/asm_lexer.h"

#include <cctype>
#include <string_view>

#include "cpu/asm/input_error.h"

namespace locksim::cpu {
namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }
bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$'; }

class Lexer {
 public:
  Lexer(const std::string& file, const std::string& src) : file_(file), src_(src) {}

  std::vector<Token> run() {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == '\n' || c == ';') {
        push(TokenKind::EndOfStatement, std::string(1, c), 0, line_, col_);
        advance();
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        advance();
      } else if (c == '#') {
        while (pos_ < src_.size() && src_[pos_] != '\n') advance();
      } else if (c == '/' && peek(1) == '*') {
        block_comment();
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        number();
      } else if (ident_start(c)) {
        uint32_t l = line_, col = col_;
        size_t start = pos_;
        while (pos_ < src_.size() && ident_char(src_[pos_])) advance();
        push(TokenKind::Ident, src_.substr(start, pos_ - start), 0, l, col);
      } else if (c == '%' && pos_ + 1 < src_.size() && std::isalpha(static_cast<unsigned char>(peek(1)))) {
        uint32_t l = line_, col = col_;
        advance();
        size_t start = pos_;
        while (pos_ < src_.size() && std::isalnum(static_cast<unsigned char>(src_[pos_]))) advance();
        std::string name = src_.substr(start, pos_ - start);
        for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));  // %RAX is %rax
        push(TokenKind::Register, name, 0, l, col);
      } else if (c == '"') {
        string_literal();
      } else if (c == '\'') {
        char_literal();
      } else if ((c == '<' && peek(1) == '<') || (c == '>' && peek(1) == '>')) {
        push(TokenKind::Punct, std::string(2, c), 0, line_, col_);
        advance();
        advance();
      } else if (std::string_view("$,():*+-/%<>&|^~!=@").find(c) != std::string_view::npos) {
        push(TokenKind::Punct, std::string(1, c), 0, line_, col_);
        advance();
      } else {
        throw InputError(file_, line_, col_, std::string("unexpected character '") + c + "'");
      }
    }
    push(TokenKind::EndOfStatement, "\n", 0, line_, col_);
    return std::move(tokens_);
  }

 private:
  char peek(size_t ahead) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }
  void advance() {
    if (src_[pos_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++pos_;
  }
  void push(TokenKind kind, std::string text, int64_t value, uint32_t line, uint32_t col) {
    tokens_.push_back(Token{kind, std::move(text), value, line, col});
  }

  void block_comment() {
    uint32_t l = line_, col = col_;
    advance();
    advance();
    while (pos_ < src_.size() && !(src_[pos_] == '*' && peek(1) == '/')) {
      // A statement may not continue across a comment that spans lines.
      if (src_[pos_] == '\n') push(TokenKind::EndOfStatement, "\n", 0, line_, col_);
      advance();
    }
    if (pos_ >= src_.size()) throw InputError(file_, l, col, "unterminated /* comment");
    advance();
    advance();
  }

  void number() {
    uint32_t l = line_, col = col_;
    size_t start = pos_;
    while (pos_ < src_.size() && (std::isalnum(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_')) advance();
    std::string text = src_.substr(start, pos_ - start);
    auto malformed = [&] { throw InputError(file_, l, col, "malformed number '" + text + "'"); };
    // "1b" / "1f": reference to the previous / next definition of local label 1.
    if (text.size() >= 2 && (text.back() == 'b' || text.back() == 'f')) {
      std::string digits = text.substr(0, text.size() - 1);
      bool all_digits = !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos;
      bool binary_literal = text.size() > 2 && (text[1] == 'b' || text[1] == 'B') && text[0] == '0';
      if (all_digits && !binary_literal) {
        // GNU as numbers local labels with small integers; a longer one
        // would not fit the label's number.
        if (digits.size() > 9) throw InputError(file_, l, col, "local label number '" + digits + "' is too large");
        push(TokenKind::LocalRef, std::string(1, text.back()), std::stoll(digits), l, col);
        return;
      }
    }
    int base = 10;
    size_t digits_at = 0;
    if (text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
      base = 16;
      digits_at = 2;
    } else if (text.size() > 1 && text[0] == '0' && (text[1] == 'b' || text[1] == 'B')) {
      base = 2;
      digits_at = 2;
    } else if (text.size() > 1 && text[0] == '0') {
      base = 8;
      digits_at = 1;
    }
    if (digits_at >= text.size()) malformed();
    uint64_t value = 0;
    for (size_t i = digits_at; i < text.size(); ++i) {
      char d = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
      int digit = std::isdigit(static_cast<unsigned char>(d)) ? d - '0' : (d >= 'a' && d <= 'f') ? d - 'a' + 10 : 99;
      if (digit >= base) malformed();
      uint64_t next = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(digit);
      if ((next - static_cast<uint64_t>(digit)) / static_cast<uint64_t>(base) != value)
        throw InputError(file_, l, col, "number '" + text + "' does not fit in 64 bits");
      value = next;
    }
    push(TokenKind::Number, text, static_cast<int64_t>(value), l, col);
  }

  char escape() {
    advance();  // backslash
    if (pos_ >= src_.size()) return '\\';
    char e = src_[pos_];
    advance();
    switch (e) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case '0': return '\0';
      case 'b': return '\b';
      case 'f': return '\f';
      default: return e;
    }
  }

  void string_literal() {
    uint32_t l = line_, col = col_;
    advance();
    std::string value;
    while (pos_ < src_.size() && src_[pos_] != '"' && src_[pos_] != '\n') {
      if (src_[pos_] == '\\') {
        value += escape();
      } else {
        value += src_[pos_];
        advance();
      }
    }
    if (pos_ >= src_.size() || src_[pos_] != '"') throw InputError(file_, l, col, "unterminated string");
    advance();
    push(TokenKind::String, value, 0, l, col);
  }

  // GNU as writes a character constant as 'c (optionally closed with ').
  void char_literal() {
    uint32_t l = line_, col = col_;
    advance();
    if (pos_ >= src_.size() || src_[pos_] == '\n') throw InputError(file_, l, col, "empty character constant");
    char c;
    if (src_[pos_] == '\\') {
      c = escape();
    } else {
      c = src_[pos_];
      advance();
    }
    if (pos_ < src_.size() && src_[pos_] == '\'') advance();
    push(TokenKind::Number, std::string("'") + c, static_cast<unsigned char>(c), l, col);
  }

  const std::string& file_;
  const std::string& src_;
  size_t pos_ = 0;
  uint32_t line_ = 1, col_ = 1;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(const std::string& file_name, const std::string& source) {
  return Lexer(file_name, source).run();
}

}  // namespace locksim::cpu
