// Final-state conditions (sim/check/condition.h) in process: the parser's
// trees, evaluate() over hand-chosen atom values, and its errors. Truth
// values are worked out by hand in the comments; columns are counted by
// hand from the text (parse_condition is given the column of the text's
// first character, so the character at 0-based index i is at column + i).
//
// The quantifier words themselves (exists, ~exists, forall) are read by the
// litmus and scenario front ends, not by parse_condition, so those cases go
// through run_litmus_text and parse_scenario (hence the locksim_input link).
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <source_location>
#include <string>

#include "cpu/asm/input_error.h"
#include "cpu/cpu_state.h"
#include "sim/check/condition.h"
#include "sim/input/litmus.h"
#include "sim/input/scenario.h"

namespace locksim {
namespace {

Condition parse(const std::string& text, Quantifier q = Quantifier::Exists) {
  return parse_condition(q, text, "t.cond", 7, 1);
}

// A final state: registers as "T:name", locations by name; symbols' addresses.
struct State {
  std::map<std::string, uint64_t> values;
  std::map<std::string, uint64_t> symbols;

  bool holds(const Condition& c) const {
    return evaluate(
        c.proposition,
        [&](const CondAtom& a) {
          const std::string key = a.thread >= 0 ? std::to_string(a.thread) + ":" + a.name : a.name;
          return values.at(key);
        },
        [&](const std::string& s) { return symbols.at(s); });
  }
};

bool holds(const std::string& text, const std::map<std::string, uint64_t>& values) {
  return State{values, {}}.holds(parse(text));
}

// The InputError parse_condition throws for `text` (given column `column`).
InputError error_for(const std::string& text, unsigned column = 1) {
  try {
    (void)parse_condition(Quantifier::Exists, text, "t.cond", 7, column);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return InputError("none");
}

// The case's text for a failure message; the depth-limit texts run to
// hundreds of characters, so a long one is cut short.
std::string describe(const std::string& text) {
  if (text.size() <= 60) return "condition: " + text;
  return "condition: " + text.substr(0, 60) + "... (" + std::to_string(text.size()) + " characters)";
}

// Checks that parse_condition rejects `text` with `message` at `column`;
// returns the error for any further checks. A failure names the case's text
// and the line of the call.
InputError expect_error(const std::string& text, unsigned column, const std::string& message,
                        std::source_location where = std::source_location::current()) {
  const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), describe(text));
  const InputError e = error_for(text);
  EXPECT_EQ(e.column(), column);
  EXPECT_EQ(e.message(), message);
  return e;
}

std::string repeat(const std::string& s, unsigned n) {
  std::string out;
  for (unsigned i = 0; i < n; ++i) out += s;
  return out;
}

// ------------------------------------------------------------------ atoms

TEST(ConditionAtoms, RegisterAndMemoryAtoms) {
  const Condition c = parse(R"(0:rax=1 /\ x=2 /\ [y]=3 /\ P1:EAX=-1 /\ 1:rbx!=0x10 /\ z<>4 /\ w==5)");
  ASSERT_EQ(c.atoms.size(), 7u);
  // "0:rax=1": thread 0's rax.
  EXPECT_EQ(c.atoms[0].thread, 0);
  EXPECT_EQ(c.atoms[0].name, "rax");
  EXPECT_EQ(c.atoms[0].value, 1);
  EXPECT_FALSE(c.atoms[0].not_equal);
  // "x=2": a location (thread -1).
  EXPECT_EQ(c.atoms[1].thread, -1);
  EXPECT_EQ(c.atoms[1].name, "x");
  EXPECT_EQ(c.atoms[1].value, 2);
  // "[y]=3": a location in brackets, named without them.
  EXPECT_EQ(c.atoms[2].thread, -1);
  EXPECT_EQ(c.atoms[2].name, "y");
  EXPECT_EQ(c.atoms[2].value, 3);
  // "P1:EAX=-1": the old "P1" thread form; the name as written; -1.
  EXPECT_EQ(c.atoms[3].thread, 1);
  EXPECT_EQ(c.atoms[3].name, "EAX");
  EXPECT_EQ(c.atoms[3].value, -1);
  // "1:rbx!=0x10": not equal, hex 0x10 = 16.
  EXPECT_EQ(c.atoms[4].thread, 1);
  EXPECT_EQ(c.atoms[4].name, "rbx");
  EXPECT_TRUE(c.atoms[4].not_equal);
  EXPECT_EQ(c.atoms[4].value, 16);
  // "z<>4" is also not equal; "w==5" is equal.
  EXPECT_TRUE(c.atoms[5].not_equal);
  EXPECT_EQ(c.atoms[5].value, 4);
  EXPECT_FALSE(c.atoms[6].not_equal);
  EXPECT_EQ(c.atoms[6].name, "w");
  EXPECT_EQ(c.atoms[6].value, 5);
  for (const auto& a : c.atoms) EXPECT_TRUE(a.value_symbol.empty()) << a.name;
  // A /\ chain is one node with every operand.
  EXPECT_EQ(c.proposition.kind, CondExpr::And);
  EXPECT_EQ(c.proposition.operands.size(), 7u);
}

TEST(ConditionAtoms, RegisterAndLocationOfTheSameNameAreDifferentAtoms) {
  // "0:x=1" is thread 0's register called x; "x=1" the location x. With the
  // register 1 and the location 0: the first holds, the second does not.
  const std::map<std::string, uint64_t> v = {{"0:x", 1}, {"x", 0}};
  EXPECT_TRUE(holds("0:x=1", v));
  EXPECT_FALSE(holds("x=1", v));
  EXPECT_TRUE(holds("x=0", v));
}

// `not` and `true` are words only when a name does not go on: `not_x` and
// `true_flag` are locations.
TEST(ConditionAtoms, KeywordPrefixesAreNames) {
  EXPECT_TRUE(holds("not_x=1", {{"not_x", 1}}));
  EXPECT_FALSE(holds("not_x=1", {{"not_x", 0}}));
  EXPECT_TRUE(holds("true_flag=2 /\\ not x=1", {{"true_flag", 2}, {"x", 0}}));
}

// The shown text drops one pair of parentheses only when it frames the
// whole proposition.
TEST(ConditionText, OuterParenthesesOnlyWhenTheyFrameTheWhole) {
  EXPECT_EQ(parse("(x=1 /\\ y=1)").text, "x=1 /\\ y=1");
  EXPECT_EQ(parse("(x=1) /\\ (y=1)").text, "(x=1) /\\ (y=1)");
}

// herd7's printing of a proposition (all 298 litmus tests' Condition lines
// match herd7's, in litmus_test): [x] for locations, N:REG, parentheses
// only where the reading needs them, "not (...)".
TEST(ConditionText, HerdPrintsTheSyntaxTree) {
  EXPECT_EQ(herd_text(parse("x=1 /\\ (y=1 \\/ 0:rax=2)").proposition), "[x]=1 /\\ ([y]=1 \\/ 0:rax=2)");
  EXPECT_EQ(herd_text(parse("(x=1 /\\ y=1) \\/ [z]=0x10").proposition), "[x]=1 /\\ [y]=1 \\/ [z]=16");
  EXPECT_EQ(herd_text(parse("~x=1").proposition), "not ([x]=1)");
  // Read left-associatively here, so the left group keeps its parentheses.
  EXPECT_EQ(herd_text(parse("x=1 => y=1 => z=1").proposition), "([x]=1 => [y]=1) => [z]=1");
}

// A minus sign goes with a number only: "x=-y" is an error, not x=y.
TEST(ConditionErrors, MinusBeforeALocation) {
  try {
    parse("x=-y");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message(), "expected a number after '-', found 'y'");
  }
}

TEST(ConditionAtoms, NotEqualNegatesTheComparison) {
  const std::map<std::string, uint64_t> v = {{"x", 3}};
  EXPECT_FALSE(holds("x!=3", v));  // 3 != 3: false
  EXPECT_TRUE(holds("x!=4", v));   // 3 != 4: true
  EXPECT_FALSE(holds("x<>3", v));
  EXPECT_TRUE(holds("x==3", v));
}

TEST(ConditionAtoms, MinusOneIsAllOnes) {
  // "-1" is two's complement: 0xffffffffffffffff compares equal.
  EXPECT_TRUE(holds("0:rax=-1", {{"0:rax", ~uint64_t{0}}}));
  EXPECT_FALSE(holds("0:rax=-1", {{"0:rax", 0xffffffff}}));
}

TEST(ConditionAtoms, ValueNamingASymbolComparesWithItsAddress) {
  const Condition c = parse("0:rax=x");
  ASSERT_EQ(c.atoms.size(), 1u);
  EXPECT_EQ(c.atoms[0].thread, 0);
  EXPECT_EQ(c.atoms[0].name, "rax");
  EXPECT_EQ(c.atoms[0].value_symbol, "x");
  EXPECT_EQ(c.atoms[0].value, 0);
  // x at 0x1000: rax = 0x1000 holds, rax = 0x1008 does not.
  State s{{{"0:rax", 0x1000}}, {{"x", 0x1000}}};
  EXPECT_TRUE(s.holds(c));
  s.values["0:rax"] = 0x1008;
  EXPECT_FALSE(s.holds(c));
  // A location holding a location's address: [p]=y with y at 0x2000.
  const Condition p = parse("[p]=y");
  EXPECT_EQ(p.atoms[0].name, "p");
  EXPECT_EQ(p.atoms[0].value_symbol, "y");
  EXPECT_TRUE((State{{{"p", 0x2000}}, {{"y", 0x2000}}}.holds(p)));
  EXPECT_FALSE((State{{{"p", 0}}, {{"y", 0x2000}}}.holds(p)));
}

TEST(ConditionAtoms, RegisterValueSignExtendsFromTheRegistersWidth) {
  cpu::CpuState st;
  const auto eax = condition_register("EAX");
  const auto ah = condition_register("ah");
  ASSERT_TRUE(eax.has_value());
  ASSERT_TRUE(ah.has_value());
  EXPECT_FALSE(condition_register("rzz").has_value());
  // rax = 0x00000000ffffffff: EAX (low 4 bytes) is all ones -> -1.
  st.regs[eax->gpr] = 0xffffffff;
  EXPECT_EQ(register_value(st, *eax), -1);
  // rax = 0x7f80: AH is bits 8..15 = 0x7f -> 127; AL would be 0x80.
  st.regs[ah->gpr] = 0x7f80;
  EXPECT_EQ(register_value(st, *ah), 127);
  // rax = 0x8000: AH = 0x80 -> -128 when sign-extended from 8 bits.
  st.regs[ah->gpr] = 0x8000;
  EXPECT_EQ(register_value(st, *ah), -128);
}

// --------------------------------------------------- operators, precedence

TEST(ConditionPrecedence, AndBindsTighterThanOr) {
  // x \/ y /\ z is x \/ (y /\ z). With x=1, y=0, z=0:
  //   x \/ (y /\ z) = 1 \/ 0 = true; (x \/ y) /\ z would be 1 /\ 0 = false.
  const Condition c = parse(R"(x=1 \/ y=1 /\ z=1)");
  ASSERT_EQ(c.proposition.kind, CondExpr::Or);
  ASSERT_EQ(c.proposition.operands.size(), 2u);
  EXPECT_EQ(c.proposition.operands[0].kind, CondExpr::Atom);
  EXPECT_EQ(c.proposition.operands[1].kind, CondExpr::And);
  EXPECT_TRUE((State{{{"x", 1}, {"y", 0}, {"z", 0}}, {}}.holds(c)));
  // x=0, y=1, z=1: 0 \/ (1 /\ 1) = true. x=0, y=1, z=0: 0 \/ 0 = false.
  EXPECT_TRUE((State{{{"x", 0}, {"y", 1}, {"z", 1}}, {}}.holds(c)));
  EXPECT_FALSE((State{{{"x", 0}, {"y", 1}, {"z", 0}}, {}}.holds(c)));
}

TEST(ConditionPrecedence, ParenthesesOverridePrecedence) {
  // (x \/ y) /\ z with x=1, y=0, z=0: 1 /\ 0 = false (unlike above).
  const Condition c = parse(R"((x=1 \/ y=1) /\ z=1)");
  ASSERT_EQ(c.proposition.kind, CondExpr::And);
  EXPECT_EQ(c.proposition.operands[0].kind, CondExpr::Or);
  EXPECT_FALSE((State{{{"x", 1}, {"y", 0}, {"z", 0}}, {}}.holds(c)));
  // x=0, y=1, z=1: (0 \/ 1) /\ 1 = true.
  EXPECT_TRUE((State{{{"x", 0}, {"y", 1}, {"z", 1}}, {}}.holds(c)));
}

TEST(ConditionPrecedence, NotBindsTighterThanAnd) {
  // ~x /\ y is (~x) /\ y. With x=1, y=0: (~1) /\ 0 = 0 /\ 0 = false,
  // where ~(x /\ y) would be ~(1 /\ 0) = true.
  const Condition c = parse(R"(~x=1 /\ y=1)");
  ASSERT_EQ(c.proposition.kind, CondExpr::And);
  EXPECT_EQ(c.proposition.operands[0].kind, CondExpr::Not);
  EXPECT_FALSE((State{{{"x", 1}, {"y", 0}}, {}}.holds(c)));
  // x=0, y=1: (~0) /\ 1 = true.
  EXPECT_TRUE((State{{{"x", 0}, {"y", 1}}, {}}.holds(c)));
  // With parentheses, ~(x /\ y) at x=1, y=0 is ~0 = true.
  EXPECT_TRUE(holds(R"(~(x=1 /\ y=1))", {{"x", 1}, {"y", 0}}));
  // And at x=1, y=1: ~1 = false.
  EXPECT_FALSE(holds(R"(~(x=1 /\ y=1))", {{"x", 1}, {"y", 1}}));
}

TEST(ConditionPrecedence, NotKeywordAndDoubleNegation) {
  EXPECT_TRUE(holds("not x=1", {{"x", 0}}));   // not 0 = 1
  EXPECT_FALSE(holds("not x=1", {{"x", 1}}));  // not 1 = 0
  EXPECT_TRUE(holds("~~x=1", {{"x", 1}}));     // ~~1 = 1
  EXPECT_FALSE(holds("~ ~x=1", {{"x", 0}}));   // ~~0 = 0
  // A location whose name starts with "not" is not the keyword.
  const Condition c = parse("notice=1");
  EXPECT_EQ(c.proposition.kind, CondExpr::Atom);
  EXPECT_EQ(c.atoms[0].name, "notice");
}

TEST(ConditionPrecedence, ImpliesBindsTighterThanAndAndOr) {
  // herd7's precedence, loosest first: \/, /\, =>, ~. So x /\ y => z is
  // x /\ (y => z). With x=0, y=0, z=0: 0 /\ (0 => 0) = 0 /\ 1 = false,
  // where (x /\ y) => z would be 0 => 0 = true.
  const Condition c = parse(R"(x=1 /\ y=1 => z=1)");
  ASSERT_EQ(c.proposition.kind, CondExpr::And);
  ASSERT_EQ(c.proposition.operands.size(), 2u);
  EXPECT_EQ(c.proposition.operands[1].kind, CondExpr::Implies);
  EXPECT_FALSE((State{{{"x", 0}, {"y", 0}, {"z", 0}}, {}}.holds(c)));
  // x=1, y=1, z=0: 1 /\ (1 => 0) = 1 /\ 0 = false; z=1: 1 /\ 1 = true.
  EXPECT_FALSE((State{{{"x", 1}, {"y", 1}, {"z", 0}}, {}}.holds(c)));
  EXPECT_TRUE((State{{{"x", 1}, {"y", 1}, {"z", 1}}, {}}.holds(c)));
  // x \/ y => z is x \/ (y => z): x=0, y=1, z=0 gives 0 \/ (1 => 0) = false;
  // x=0, y=0, z=0 gives 0 \/ (0 => 0) = true.
  EXPECT_FALSE(holds(R"(x=1 \/ y=1 => z=1)", {{"x", 0}, {"y", 1}, {"z", 0}}));
  EXPECT_TRUE(holds(R"(x=1 \/ y=1 => z=1)", {{"x", 0}, {"y", 0}, {"z", 0}}));
}

TEST(ConditionPrecedence, ImpliesTruthTable) {
  // a => b is false only for a=1, b=0.
  EXPECT_TRUE(holds("x=1 => y=1", {{"x", 0}, {"y", 0}}));
  EXPECT_TRUE(holds("x=1 => y=1", {{"x", 0}, {"y", 1}}));
  EXPECT_FALSE(holds("x=1 => y=1", {{"x", 1}, {"y", 0}}));
  EXPECT_TRUE(holds("x=1 => y=1", {{"x", 1}, {"y", 1}}));
  // ~ binds tighter than =>: ~x => y is (~x) => y. At x=1, y=1 that is
  // (~1) => 1 = 0 => 1 = true, where ~(x => y) would be ~(1 => 1) = false.
  // At x=0, y=0: (~0) => 0 = 1 => 0 = false.
  const Condition c = parse("~x=1 => y=1");
  ASSERT_EQ(c.proposition.kind, CondExpr::Implies);
  EXPECT_EQ(c.proposition.operands[0].kind, CondExpr::Not);
  EXPECT_TRUE((State{{{"x", 1}, {"y", 1}}, {}}.holds(c)));
  EXPECT_FALSE((State{{{"x", 0}, {"y", 0}}, {}}.holds(c)));
}

TEST(ConditionPrecedence, ImpliesChainIsLeftDeep) {
  // condition.cpp parses a chain of => left-associatively (documented there:
  // "left-associative, so a left-deep chain"): x => y => z is
  // (x => y) => z. With x=0, y=0, z=0: (0 => 0) => 0 = 1 => 0 = false
  // (right-associative, x => (y => z), would be 0 => ... = true).
  // NOTE: herd7's own grammar declares IMPLIES %right; see the report.
  const Condition c = parse("x=1 => y=1 => z=1");
  ASSERT_EQ(c.proposition.kind, CondExpr::Implies);
  ASSERT_EQ(c.proposition.operands.size(), 2u);
  EXPECT_EQ(c.proposition.operands[0].kind, CondExpr::Implies);
  EXPECT_EQ(c.proposition.operands[1].kind, CondExpr::Atom);
  EXPECT_FALSE((State{{{"x", 0}, {"y", 0}, {"z", 0}}, {}}.holds(c)));
}

TEST(ConditionPrecedence, ChainsAreOneWideNode) {
  const Condition c = parse(R"(a=1 \/ b=1 \/ c=1 \/ d=1)");
  ASSERT_EQ(c.proposition.kind, CondExpr::Or);
  EXPECT_EQ(c.proposition.operands.size(), 4u);
  // Only d holds: 0 \/ 0 \/ 0 \/ 1 = true; none: false.
  EXPECT_TRUE((State{{{"a", 0}, {"b", 0}, {"c", 0}, {"d", 1}}, {}}.holds(c)));
  EXPECT_FALSE((State{{{"a", 0}, {"b", 0}, {"c", 0}, {"d", 0}}, {}}.holds(c)));
  // /\ of four with one false: false.
  EXPECT_FALSE(holds(R"(a=1 /\ b=1 /\ c=1 /\ d=1)", {{"a", 1}, {"b", 1}, {"c", 0}, {"d", 1}}));
  EXPECT_TRUE(holds(R"(a=1 /\ b=1 /\ c=1 /\ d=1)", {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}}));
}

TEST(ConditionPrecedence, TrueAndFalse) {
  EXPECT_EQ(parse("true").proposition.kind, CondExpr::True);
  EXPECT_EQ(parse("false").proposition.kind, CondExpr::False);
  EXPECT_TRUE(holds("true", {}));
  EXPECT_FALSE(holds("false", {}));
  EXPECT_FALSE(holds(R"(true /\ false)", {}));
  EXPECT_TRUE(holds(R"(false \/ ~false)", {}));
  EXPECT_TRUE(holds("false => false", {}));  // 0 => 0 = 1
  EXPECT_TRUE(parse("true").atoms.empty());
}

TEST(ConditionText, CollapsesSpacesAndDropsOuterParentheses) {
  const Condition c = parse("  (0:rax=0   /\\\t 1:rax=0)  ", Quantifier::NotExists);
  EXPECT_EQ(c.text, R"(0:rax=0 /\ 1:rax=0)");
  EXPECT_EQ(c.quantifier, Quantifier::NotExists);
  EXPECT_EQ(parse("x=1", Quantifier::Forall).quantifier, Quantifier::Forall);
  EXPECT_EQ(quantifier_name(Quantifier::Exists), "exists");
  EXPECT_EQ(quantifier_name(Quantifier::NotExists), "~exists");
  EXPECT_EQ(quantifier_name(Quantifier::Forall), "forall");
}

// ------------------------------------------------------------ quantifiers

// SB (store buffering): each thread stores 1 to its own location then loads
// the other's. Under x86-TSO all four (0:EAX, 1:EAX) outcomes are reachable:
// (1,1), (0,1) and (1,0) by interleavings, (0,0) by both stores waiting in
// the store buffers while the loads read memory.
std::string sb_litmus(const std::string& condition) {
  return "X86 SB\n"
         "{ x=0; y=0; }\n"
         " P0          | P1          ;\n"
         " MOV [x],$1  | MOV [y],$1  ;\n"
         " MOV EAX,[y] | MOV EAX,[x] ;\n" +
         condition + "\n";
}

TEST(ConditionQuantifier, LitmusExistsNotExistsForall) {
  // P = 0:EAX=0 /\ 1:EAX=0 holds in (0,0) only: 1 positive, 3 negative.
  const std::string p = R"((0:EAX=0 /\ 1:EAX=0))";
  LitmusResult r = run_litmus_text("sb.litmus", sb_litmus("exists " + p), 100000);
  EXPECT_EQ(r.quantifier, "exists");
  EXPECT_EQ(r.condition, R"(0:EAX=0 /\ 1:EAX=0)");
  EXPECT_EQ(r.positive, 1u);
  EXPECT_EQ(r.negative, 3u);
  EXPECT_EQ(r.observation, "Sometimes");
  EXPECT_TRUE(r.ok);  // exists: some state satisfies P

  r = run_litmus_text("sb.litmus", sb_litmus("~exists " + p), 100000);
  EXPECT_EQ(r.quantifier, "~exists");
  EXPECT_FALSE(r.ok);  // ~exists: fails, since (0,0) satisfies P

  r = run_litmus_text("sb.litmus", sb_litmus("not exists " + p), 100000);
  EXPECT_EQ(r.quantifier, "~exists");
  EXPECT_FALSE(r.ok);

  r = run_litmus_text("sb.litmus", sb_litmus("forall " + p), 100000);
  EXPECT_EQ(r.quantifier, "forall");
  EXPECT_FALSE(r.ok);  // forall: three states violate P

  // A bare parenthesized proposition is exists.
  r = run_litmus_text("sb.litmus", sb_litmus(p), 100000);
  EXPECT_EQ(r.quantifier, "exists");
  EXPECT_TRUE(r.ok);
}

TEST(ConditionQuantifier, LitmusForallThatHolds) {
  // forall (0:EAX=0 \/ 0:EAX=1): thread 0 reads 0 or 1 in every state. The
  // final states are projected on the condition's atoms, here 0:EAX alone:
  // two states, 0:EAX=0 and 0:EAX=1, both satisfying P.
  const LitmusResult r = run_litmus_text("sb.litmus", sb_litmus(R"(forall (0:EAX=0 \/ 0:EAX=1))"), 100000);
  EXPECT_EQ(r.quantifier, "forall");
  EXPECT_EQ(r.positive, 2u);
  EXPECT_EQ(r.negative, 0u);
  EXPECT_EQ(r.observation, "Always");
  EXPECT_TRUE(r.ok);
  // ~exists of the impossible 0:EAX=2 holds: no state satisfies it.
  const LitmusResult n = run_litmus_text("sb.litmus", sb_litmus("~exists (0:EAX=2)"), 100000);
  EXPECT_EQ(n.positive, 0u);
  EXPECT_EQ(n.observation, "Never");
  EXPECT_TRUE(n.ok);
}

TEST(ConditionQuantifier, LitmusUnknownQuantifierIsAnErrorOnItsLine) {
  // "maybe" is no quantifier, so line 6 is not taken as the condition.
  try {
    run_litmus_text("sb.litmus", sb_litmus(R"(maybe (0:EAX=0 /\ 1:EAX=0))"), 100000);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "sb.litmus");
    EXPECT_EQ(e.line(), 6u);
    EXPECT_EQ(e.column(), 1u);
  }
}

const std::string kScenario = std::string(LOCKSIM_SOURCE_DIR) + "/scenarios/condition_test.yaml";

std::string sb_scenario(const std::string& check) {
  // program: sb.s resolves beside kScenario, in scenarios/.
  return "program: sb.s\n"
         "threads:\n"
         "  - entry: sb_t0\n"
         "  - entry: sb_t1\n"
         "check:\n" +
         check + "\n";
}

TEST(ConditionQuantifier, ScenarioCheckKeys) {
  for (const char* q : {"exists", "forall", "not_exists"}) {
    // Single-quoted YAML, where a backslash is literal (in double quotes
    // "\ " would be an escaped space, so /\ must be written /\\ there).
    const Scenario s = parse_scenario(kScenario, sb_scenario(std::string("  ") + q + R"(: '0:rax=0 /\ 1:rax=0')"), {});
    ASSERT_TRUE(s.check.has_value()) << q;
    EXPECT_EQ(s.check->quantifier, q);
    EXPECT_EQ(s.check->condition, R"(0:rax=0 /\ 1:rax=0)");
    // Line 6 of the text; the value (its opening quote) starts after
    // "  <q>: ", i.e. at column 2 + len(q) + 2 + 1.
    EXPECT_EQ(s.check->line, 6u);
    EXPECT_EQ(s.check->column, std::string(q).size() + 5) << q;
  }
}

TEST(ConditionQuantifier, ScenarioUnknownQuantifier) {
  // Line 6 is "  maybe: ..."; the key starts at column 3.
  try {
    parse_scenario(kScenario, sb_scenario(R"(  maybe: "0:rax=0")"), {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), kScenario);
    EXPECT_EQ(e.line(), 6u);
    EXPECT_EQ(e.column(), 3u);
    EXPECT_EQ(e.message(), "unknown key 'maybe' in check (expected one of: exists, forall, not_exists)");
  }
}

// ----------------------------------------------------------------- errors

const std::string kExpectedOperand = "expected a register (N:reg), a location or '(' in condition";
const std::string kTooDeep = "condition nested deeper than 256 levels";

TEST(ConditionErrors, DanglingAnd) {
  // "0:rax=1 /\" is 10 characters; the missing operand is at index 10.
  // Column 1 + 10 = 11.
  const InputError e = expect_error(R"(0:rax=1 /\)", 11, kExpectedOperand);
  EXPECT_EQ(e.file(), "t.cond");
  EXPECT_EQ(e.line(), 7u);
  // The same text starting at column 5: 5 + 10 = 15.
  EXPECT_EQ(error_for(R"(0:rax=1 /\)", 5).column(), 15u);
}

TEST(ConditionErrors, DanglingOrAfterSpaces) {
  // "x=1 \/   ": \/ at indices 4-5, then three spaces; the operand is
  // looked for past them, at index 9: column 10.
  expect_error(R"(x=1 \/   )", 10, kExpectedOperand);
}

TEST(ConditionErrors, DanglingImpliesAndNot) {
  // "x=1 =>": => at indices 4-5, the operand at index 6: column 7.
  EXPECT_EQ(error_for("x=1 =>").column(), 7u);
  // "~": the operand at index 1: column 2.
  EXPECT_EQ(error_for("~").column(), 2u);
  // "x=1 /\ ~": the operand of ~ at index 8: column 9.
  EXPECT_EQ(error_for(R"(x=1 /\ ~)").column(), 9u);
}

TEST(ConditionErrors, Parentheses) {
  // "(x=1": ')' expected at index 4: column 5.
  expect_error("(x=1", 5, "expected ')' in condition");
  // "x=1)": the stray ')' at index 3: column 4.
  expect_error("x=1)", 4, "unexpected ')' in condition");
  // "()": no operand at index 1: column 2.
  EXPECT_EQ(error_for("()").column(), 2u);
}

TEST(ConditionErrors, MalformedAtoms) {
  // "x=1 y=2": after x=1 the text goes on at index 4: column 5.
  expect_error("x=1 y=2", 5, "unexpected 'y=2' in condition");
  // "0:rax 1": '=' expected at index 6 (after the space): column 7.
  expect_error("0:rax 1", 7, "expected '=' after 'rax'");
  // "x:rax=0": reported once the ':' (index 1) is read, at index 2: column 3.
  expect_error("x:rax=0", 3, "expected a thread number before ':', found 'x'");
  // "12345:rax=1": five digits; reported at index 6: column 7.
  expect_error("12345:rax=1", 7, "thread number '12345' is too large");
  // "0:=1": no register after "0:" (index 2): column 3.
  expect_error("0:=1", 3, "expected a register name after '0:'");
  // "x=": no value at index 2: column 3.
  expect_error("x=", 3, "expected a value after '='");
  // "[x=1": ']' expected at index 2: column 3.
  expect_error("[x=1", 3, "expected ']' after location");
  // Values are decimal or 0x hex only. "x=0b1": the value read, "0b1",
  // ends at index 5: column 6. "x=1.5" likewise.
  expect_error("x=0b1", 6, "malformed value '0b1' (expected decimal or 0x hex)");
  EXPECT_EQ(error_for("x=1.5").message(), "malformed value '1.5' (expected decimal or 0x hex)");
  // 2^64 = 18446744073709551616 does not fit.
  EXPECT_EQ(error_for("x=18446744073709551616").message(),
            "malformed value '18446744073709551616' (expected decimal or 0x hex)");
}

TEST(ConditionErrors, NestingDepthLimit) {
  ASSERT_EQ(kMaxConditionDepth, 256u);
  // 256 parentheses are allowed, and evaluate.
  const std::string ok = repeat("(", 256) + "x=1" + repeat(")", 256);
  EXPECT_TRUE(holds(ok, {{"x", 1}}));
  EXPECT_FALSE(holds(ok, {{"x", 0}}));
  // 257: the 257th '(' (index 256) is one too deep; the error is raised
  // once it is consumed, at index 257: column 258.
  const InputError e = expect_error(repeat("(", 257) + "x=1" + repeat(")", 257), 258, kTooDeep);
  EXPECT_EQ(e.line(), 7u);
}

TEST(ConditionErrors, NotDepthLimit) {
  // 256 ~ are allowed: an even number of negations, so ~...~x=1 is x=1.
  EXPECT_TRUE(holds(repeat("~", 256) + "x=1", {{"x", 1}}));
  EXPECT_FALSE(holds(repeat("~", 256) + "x=1", {{"x", 0}}));
  // The 257th ~ (index 256), consumed at index 257: column 258.
  expect_error(repeat("~", 257) + "x=1", 258, kTooDeep);
  // Parentheses and ~ count together: 128 "(~" pairs are 256 levels, and
  // one more ~ (index 256) is the 257th: column 258.
  expect_error(repeat("(~", 128) + "~x=1" + repeat(")", 128), 258, kTooDeep);
}

TEST(ConditionErrors, ImpliesChainDepthLimit) {
  // x=1 followed by 256 " => x=1": allowed, and true (x=1 makes every
  // implication 1 => 1 = 1).
  EXPECT_TRUE(holds("x=1" + repeat(" => x=1", 256), {{"x", 1}}));
  // 257: "x=1" is 3 characters, each " => x=1" 7; the 257th "=>" ends at
  // 3 + 256 * 7 + 3 = 1798 (index), so the error is at column 1799.
  expect_error("x=1" + repeat(" => x=1", 257), 1799, kTooDeep);
}

TEST(ConditionErrors, WideChainsAreNotDeep) {
  // 1000 conjuncts stay one node: no depth error.
  const Condition c = parse("x=1" + repeat(R"( /\ x=1)", 999));
  EXPECT_EQ(c.proposition.kind, CondExpr::And);
  EXPECT_EQ(c.proposition.operands.size(), 1000u);
  EXPECT_EQ(c.atoms.size(), 1000u);
}

}  // namespace
}  // namespace locksim
