#include "sim/check/condition.h"

#include <algorithm>
#include <cctype>

#include "cpu/asm/input_error.h"
#include "sim/input/value_parse.h"

namespace locksim {
namespace {

class Parser {
 public:
  Parser(const std::string& text, const std::string& file, unsigned line, unsigned column)
      : s_(text), file_(file), line_(line), column_(column) {}

  CondExpr parse(std::vector<CondAtom>& atoms) {
    atoms_ = &atoms;
    CondExpr e = disjunction();
    skip();
    if (pos_ < s_.size()) fail("unexpected '" + s_.substr(pos_, 10) + "' in condition");
    return e;
  }

 private:
  [[noreturn]] void fail(const std::string& msg) const {
    throw InputError(file_, line_, column_ + static_cast<unsigned>(pos_), msg);
  }
  void skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool eat(const std::string& t) {
    skip();
    if (s_.compare(pos_, t.size(), t) == 0) {
      pos_ += t.size();
      return true;
    }
    return false;
  }
  // Names are letters, digits, '_' and '.': `not_x` is a name, not `not`.
  static bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }
  bool eat_word(const std::string& w) {
    skip();
    if (s_.compare(pos_, w.size(), w) == 0 &&
        (pos_ + w.size() == s_.size() || !name_char(s_[pos_ + w.size()]))) {
      pos_ += w.size();
      return true;
    }
    return false;
  }
  // Loosest first: \/, /\, =>, then ~. A chain of \/ or /\ is one node
  // with every operand, so a long condition makes a wide tree, not a deep
  // one; only parentheses and ~ nest, up to kMaxConditionDepth.
  CondExpr disjunction() { return chain(CondExpr::Or, "\\/", &Parser::conjunction); }
  CondExpr conjunction() { return chain(CondExpr::And, "/\\", &Parser::implication); }
  CondExpr chain(CondExpr::Kind k, const char* op, CondExpr (Parser::*next)()) {
    CondExpr e = (this->*next)();
    if (!eat(op)) return e;
    CondExpr all;
    all.kind = k;
    all.operands.push_back(std::move(e));
    do all.operands.push_back((this->*next)());
    while (eat(op));
    return all;
  }
  CondExpr implication() {
    CondExpr e = unary();
    const unsigned depth = depth_;
    while (eat("=>")) {  // left-associative, so a left-deep chain: bound it
      enter();
      CondExpr i;
      i.kind = CondExpr::Implies;
      i.operands.push_back(std::move(e));
      i.operands.push_back(unary());
      e = std::move(i);
    }
    depth_ = depth;
    return e;
  }
  void enter() {
    if (++depth_ > kMaxConditionDepth)
      fail("condition nested deeper than " + std::to_string(kMaxConditionDepth) + " levels");
  }
  CondExpr unary() {
    if (eat("~") || eat_word("not")) {
      enter();
      CondExpr e;
      e.kind = CondExpr::Not;
      e.operands.push_back(unary());
      --depth_;
      return e;
    }
    if (eat("(")) {
      enter();
      CondExpr e = disjunction();
      if (!eat(")")) fail("expected ')' in condition");
      --depth_;
      return e;
    }
    if (eat_word("true")) return CondExpr{CondExpr::True, {}, {}};
    if (eat_word("false")) return CondExpr{CondExpr::False, {}, {}};
    return atom();
  }
  std::string word() {
    skip();
    size_t start = pos_;
    while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
    return s_.substr(start, pos_ - start);
  }
  CondExpr atom() {
    CondAtom a;
    skip();
    if (eat("[")) {
      a.name = word();
      if (!eat("]")) fail("expected ']' after location");
    } else {
      std::string w = word();
      if (w.empty()) fail("expected a register (N:reg), a location or '(' in condition");
      if (eat(":")) {
        std::string t = w[0] == 'P' ? w.substr(1) : w;  // old style "P0:EAX"
        if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos)
          fail("expected a thread number before ':', found '" + w + "'");
        if (t.size() > 4) fail("thread number '" + t + "' is too large");
        a.thread = std::stoi(t);
        a.name = word();
        if (a.name.empty()) fail("expected a register name after '" + w + ":'");
      } else {
        a.name = w;
      }
    }
    if (eat("!=") || eat("<>")) a.not_equal = true;
    else if (!eat("==") && !eat("=")) fail("expected '=' after '" + a.name + "'");
    skip();
    bool negative = eat("-");
    std::string v = word();
    if (v.empty()) fail("expected a value after '='");
    if (std::isdigit(static_cast<unsigned char>(v[0]))) {
      // herd7's values: decimal or 0x hex, 64-bit, "-N" as two's complement.
      auto n = parse_unsigned(v);
      if (!n || v.starts_with("0b") || v.starts_with("0B")) fail("malformed value '" + v + "' (expected decimal or 0x hex)");
      a.value = static_cast<int64_t>(negative ? 0 - *n : *n);
    } else {
      if (negative) fail("expected a number after '-', found '" + v + "'");
      a.value_symbol = v;
    }
    atoms_->push_back(a);
    CondExpr e;
    e.kind = CondExpr::Atom;
    e.atom = a;
    return e;
  }

  const std::string& s_;
  const std::string& file_;
  unsigned line_, column_;
  size_t pos_ = 0;
  unsigned depth_ = 0;
  std::vector<CondAtom>* atoms_ = nullptr;
};

std::string collapse_spaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

Condition parse_condition(Quantifier q, const std::string& proposition, const std::string& file, unsigned line,
                          unsigned column) {
  Condition c;
  c.quantifier = q;
  c.proposition = Parser(proposition, file, line, column).parse(c.atoms);
  c.text = collapse_spaces(proposition);
  // One pair of parentheses around the whole proposition is herd's frame,
  // not part of it: dropped only when the first closes at the very end.
  auto wraps_all = [](const std::string& t) {
    if (t.size() < 2 || t.front() != '(' || t.back() != ')') return false;
    int depth = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      depth += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
      if (depth == 0) return i + 1 == t.size();
    }
    return false;
  };
  if (wraps_all(c.text)) c.text = collapse_spaces(c.text.substr(1, c.text.size() - 2));
  return c;
}

bool evaluate(const CondExpr& e, const AtomValue& value, const SymbolValue& symbol) {
  switch (e.kind) {
    case CondExpr::True: return true;
    case CondExpr::False: return false;
    case CondExpr::Not: return !evaluate(e.operands[0], value, symbol);
    case CondExpr::And:
      return std::all_of(e.operands.begin(), e.operands.end(), [&](const CondExpr& o) { return evaluate(o, value, symbol); });
    case CondExpr::Or:
      return std::any_of(e.operands.begin(), e.operands.end(), [&](const CondExpr& o) { return evaluate(o, value, symbol); });
    case CondExpr::Implies: return !evaluate(e.operands[0], value, symbol) || evaluate(e.operands[1], value, symbol);
    case CondExpr::Atom: {
      uint64_t expected = e.atom.value_symbol.empty() ? static_cast<uint64_t>(e.atom.value) : symbol(e.atom.value_symbol);
      bool eq = value(e.atom) == expected;
      return e.atom.not_equal ? !eq : eq;
    }
  }
  return false;
}

std::optional<cpu::RegRef> condition_register(const std::string& name) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return cpu::parse_register(lower);
}

int64_t register_value(const cpu::CpuState& st, cpu::RegRef reg) {
  uint64_t v = st.regs[reg.gpr];
  unsigned size = reg.size;
  if (reg.high8) v >>= 8, size = 1;
  unsigned shift = 64 - 8 * size;
  return static_cast<int64_t>(v << shift) >> shift;
}

std::string quantifier_name(Quantifier q) {
  return q == Quantifier::Exists ? "exists" : q == Quantifier::NotExists ? "~exists" : "forall";
}

namespace {

// Binding strength, loosest first, as the parser reads it (\/, /\, =>, ~).
int precedence(CondExpr::Kind k) {
  switch (k) {
    case CondExpr::Or: return 1;
    case CondExpr::And: return 2;
    case CondExpr::Implies: return 3;
    case CondExpr::Not: return 4;
    default: return 5;
  }
}

std::string herd_text(const CondExpr& e, int context) {
  std::string out;
  switch (e.kind) {
    case CondExpr::True: out = "true"; break;
    case CondExpr::False: out = "false"; break;
    case CondExpr::Atom: {
      const CondAtom& a = e.atom;
      out = (a.thread >= 0 ? std::to_string(a.thread) + ":" + a.name : "[" + a.name + "]") +
            (a.not_equal ? "!=" : "=") + (a.value_symbol.empty() ? std::to_string(a.value) : a.value_symbol);
      break;
    }
    case CondExpr::Not: out = "not (" + herd_text(e.operands[0], 0) + ")"; break;
    case CondExpr::And: case CondExpr::Or: case CondExpr::Implies: {
      // A chain prints flat; a group on the left of an operator keeps its
      // parentheses (herd7's right-associative reading of a flat chain).
      const char* op = e.kind == CondExpr::And ? " /\\ " : e.kind == CondExpr::Or ? " \\/ " : " => ";
      const int p = precedence(e.kind);
      for (size_t i = 0; i < e.operands.size(); ++i) {
        const bool last = i + 1 == e.operands.size();
        out += (i ? op : "") + herd_text(e.operands[i], last ? p : p + 1);
      }
      break;
    }
  }
  return precedence(e.kind) < context ? "(" + out + ")" : out;
}

}  // namespace

std::string herd_text(const CondExpr& e) { return herd_text(e, 0); }

}  // namespace locksim
