// Final-state conditions in herd7's syntax: "exists (0:rax=0 /\ 1:rax=0)",
// "~exists ...", "forall ...", over thread registers (N:reg) and memory
// locations (x or [x]).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cpu/cpu_state.h"
#include "cpu/registers.h"

namespace locksim {

struct CondAtom {
  int thread = -1;        // -1: a memory location
  std::string name;       // register as written ("EAX", "rax") or location
  bool not_equal = false;
  int64_t value = 0;
  std::string value_symbol;  // a location name used as a value (its address)
};

// Parentheses, ~ and => may nest this deep; deeper is an error (so that
// parsing and evaluating can recurse).
inline constexpr unsigned kMaxConditionDepth = 256;

struct CondExpr {
  // And and Or have two or more operands, Not one, Implies two.
  enum Kind { Atom, And, Or, Not, Implies, True, False } kind = True;
  CondAtom atom;
  std::vector<CondExpr> operands;
};

enum class Quantifier { Exists, NotExists, Forall };

struct Condition {
  Quantifier quantifier = Quantifier::Exists;
  CondExpr proposition;
  std::string text;  // the proposition as herd prints it inside "(...)"
  std::vector<CondAtom> atoms;  // every atom, for listing final states
};

// Parses "P" (a proposition) with the given quantifier. `where` prefixes
// error messages ("file:line:col"); throws InputError.
Condition parse_condition(Quantifier q, const std::string& proposition, const std::string& file, unsigned line,
                          unsigned column);

// Value of an atom's left-hand side in a final state.
using AtomValue = std::function<uint64_t(const CondAtom&)>;
// Address of a location used as a value.
using SymbolValue = std::function<uint64_t(const std::string&)>;

bool evaluate(const CondExpr& e, const AtomValue& value, const SymbolValue& symbol);

// The proposition as herd7 prints it in its result block: locations as
// [x], registers as N:REG, decimal values, /\ binding tighter than \/ and
// parentheses only where precedence needs them.
std::string herd_text(const CondExpr& e);

// A register as a condition names it ("EAX", "rax", "ah"), or nothing if
// the name is not a register.
std::optional<cpu::RegRef> condition_register(const std::string& name);
// Its value in `st`, sign-extended from the register's width (so that
// "0:EAX=-1" holds for 0xffffffff).
int64_t register_value(const cpu::CpuState& st, cpu::RegRef reg);

std::string quantifier_name(Quantifier q);  // "exists", "~exists", "forall"

}  // namespace locksim
