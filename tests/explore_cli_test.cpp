// `locksim explore` and `locksim litmus` as a user runs them.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"

namespace locksim {
namespace {

using testing::run_locksim;
using testing::write_temp;

using testing::contains;

TEST(Explore, StoreBufferingWitnessIsTheShortestSchedule) {
  auto r = run_locksim({"explore", "scenarios/sb.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Condition exists (0:rax=0 /\\ 1:rax=0)\nOk\n")) << r.out;
  // Both loads must run before either store drains: 2 instructions and a ret
  // per thread, one drain each, at least; 8 steps is the minimum.
  EXPECT_TRUE(contains(r.out, "Witness (shortest schedule, 8 steps):")) << r.out;
  EXPECT_TRUE(contains(r.out, "reads [y] = 0x0")) << r.out;
}

// Without store buffers (configs/sc.yaml) every execution is sequentially
// consistent, so Peterson's and Dekker's algorithms hold unfenced: their
// only failures on x86-TSO read a flag while the other's store is still
// buffered. SB's both-zero outcome needs both loads before both stores: no
// interleaving gives it, so `exists` fails.
TEST(Explore, NoStoreBuffersMeansSequentialConsistency) {
  for (const char* s : {"scenarios/peterson.yaml", "scenarios/dekker.yaml"}) {
    auto r = run_locksim({"explore", s, "--machine", "sc"});
    EXPECT_EQ(r.exit_code, 0) << s << "\n" << r.out << r.err;
    EXPECT_TRUE(contains(r.out, "Machine sc has no store buffers: sequentially consistent executions only\n")) << r.out;
  }
  auto r = run_locksim({"explore", "scenarios/sb.yaml", "--machine", "sc"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  // An unknown machine is bad input, as for `run --machine`.
  r = run_locksim({"explore", "scenarios/sb.yaml", "--machine", "nosuch"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "error: machine 'nosuch' not found (shipped configs:")) << r.err;
  EXPECT_EQ(r.out, "");
  // A non-LOCK'd increment is a load then a store even so: updates are lost.
  r = run_locksim({"explore", "scenarios/counter2_plain.yaml", "--machine", "sc"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
}

// Shared flags in a thread's stack frame, published by pointer (derivations
// in scenarios/stack_shared.s and tests/explorer_test.cpp): SB's both-zero
// outcome is reachable unfenced and not with mfence; MP lets the reader see
// the data without the flag, with or without mfence.
TEST(Explore, FlagsOnAStackAreSharedMemory) {
  auto r = run_locksim({"explore", "scenarios/stack_sb.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "reads [T0 stack-0x48] = 0x0")) << r.out;
  for (const char* s : {"scenarios/stack_sb_mfence.yaml", "scenarios/stack_mp.yaml", "scenarios/stack_mp_mfence.yaml"}) {
    r = run_locksim({"explore", s});
    EXPECT_EQ(r.exit_code, 0) << s << "\n" << r.out << r.err;
  }
}

TEST(Explore, FencesAndLocksHold) {
  for (const char* s : {"scenarios/sb_mfence.yaml", "scenarios/mp.yaml", "scenarios/peterson_mfence.yaml",
                        "scenarios/dekker_mfence.yaml", "scenarios/counter2_locked.yaml"}) {
    auto r = run_locksim({"explore", s});
    EXPECT_EQ(r.exit_code, 0) << s << "\n" << r.out << r.err;
    EXPECT_TRUE(contains(r.out, "\nOk\n")) << s;
  }
}

TEST(Explore, UnfencedMutualExclusionFailsWithAStoreBufferSchedule) {
  for (const char* s : {"scenarios/peterson.yaml", "scenarios/dekker.yaml", "scenarios/counter2_plain.yaml"}) {
    auto r = run_locksim({"explore", s});
    EXPECT_EQ(r.exit_code, 1) << s << "\n" << r.out << r.err;
    EXPECT_TRUE(contains(r.out, "\nNo\nCounterexample (shortest schedule,")) << r.out;
    EXPECT_TRUE(contains(r.out, "violates: forall (counter=")) << r.out;
  }
  // Peterson breaks because a thread reads the other's flag while its own
  // store still sits in its buffer.
  auto r = run_locksim({"explore", "scenarios/peterson.yaml"});
  EXPECT_TRUE(contains(r.out, "[flag0] <- 0x1 (buffered)")) << r.out;
  EXPECT_TRUE(contains(r.out, "T0 drain [flag0] <- 0x1")) << r.out;
  EXPECT_TRUE(contains(r.out, "Final state: counter=1;")) << r.out;
}

TEST(Explore, CounterexampleAsJsonMatchesThePrintedSchedule) {
  auto path = std::filesystem::temp_directory_path() / ("locksim-explore-" + std::to_string(::getpid()) + ".json");
  auto r = run_locksim({"explore", "scenarios/peterson.yaml", "--json", path.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(testing::read_text(path));
  std::filesystem::remove(path);
  EXPECT_EQ(j["verdict"], "No");
  EXPECT_EQ(j["condition"], "forall (counter=2)");
  EXPECT_EQ(j["final_state"]["counter"], 1);
  const auto& steps = j["counterexample"];
  EXPECT_TRUE(contains(r.out, "Counterexample (shortest schedule, " + std::to_string(steps.size()) + " steps)"));
  // Step by step, the JSON names what the text names.
  for (size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    std::string line = std::to_string(i + 1) + ". T" + std::to_string(s["thread"].get<int>()) + " ";
    if (s["kind"] == "drain") {
      const auto& e = s["effects"][0];
      EXPECT_EQ(e["access"], "write");
      line += "drain [" + e["location"].get<std::string>() + "]";
    } else {
      line += s["where"].get<std::string>();
    }
    EXPECT_TRUE(contains(r.out, line)) << line;
  }
  // The race: T0's flag0 store is still buffered when T1 reads flag0 as 0.
  bool stale_read = false;
  for (const auto& s : steps)
    for (const auto& e : s["effects"])
      stale_read |= s["thread"] == 1 && e["location"] == "flag0" && e["access"] == "read" && e["value"] == 0;
  EXPECT_TRUE(stale_read);
}

TEST(Explore, UnwritableJsonIsBadInputBeforeExploring) {
  auto r = run_locksim({"explore", "scenarios/sb.yaml", "--json", "/no/such/dir/out.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--json: cannot write '/no/such/dir/out.json'")) << r.err;
  EXPECT_EQ(r.out, "");
}

// The built-in check: AB-BA lock order satisfies its condition in every run
// that finishes, but a run where each thread holds its first lock never
// finishes. The shortest such schedule ends with both xchgs having won.
TEST(Explore, DeadlockIsFoundWhateverTheCondition) {
  auto path = std::filesystem::temp_directory_path() / ("locksim-abba-" + std::to_string(::getpid()) + ".json");
  auto r = run_locksim({"explore", "scenarios/abba.yaml", "--json", path.string()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "Condition forall (inside=2)\nNo\nStuck (shortest schedule, ")) << r.out;
  EXPECT_TRUE(contains(r.out, "reads [lock_a] = 0x0, [lock_a] <- 0x1 (locked: to memory)")) << r.out;
  EXPECT_TRUE(contains(r.out, "reads [lock_b] = 0x0, [lock_b] <- 0x1 (locked: to memory)")) << r.out;
  EXPECT_TRUE(contains(r.out, "violates: every thread can still finish (no deadlock)")) << r.out;
  auto j = nlohmann::json::parse(testing::read_text(path));
  std::filesystem::remove(path);
  EXPECT_EQ(j["verdict"], "No");
  const auto& steps = j["stuck"];
  ASSERT_FALSE(steps.empty());
  // The last step that touches memory is T1 winning lock_b while T0
  // already holds lock_a (after it, only register steps, run with it).
  size_t k = steps.size() - 1;
  while (k > 0 && steps[k]["effects"].empty()) --k;
  const auto& last = steps[k];
  ASSERT_GE(last["effects"].size(), 2u);
  EXPECT_EQ(last["thread"], 1);
  EXPECT_EQ(last["effects"][1]["location"], "lock_b");
  EXPECT_EQ(j["stuck_threads"].size(), 2u);
  // Locks taken in one order never deadlock: the ticket lock scenarios pass
  // the same check (FencesAndLocksHold and the 2x2/3x2 runs below).
  for (const char* s : {"scenarios/ticket_lock_2x2.yaml", "scenarios/ticket_lock_3x2.yaml"}) {
    auto ok = run_locksim({"explore", s});
    EXPECT_EQ(ok.exit_code, 0) << s << ok.out;
  }
}

// The register liveness assumes a ret returns after a call. This one
// returns to a pushed address, where %rbx (dead by the analysis: the exit
// observes no register) is stored: the explorer notices the ret, starts
// over keeping every register, and x is 7 in every execution.
TEST(Explore, ARetToAPushedAddressKeepsEveryRegister) {
  auto dir = std::filesystem::path(write_temp("pushed-ret.s",
                                              ".data\nx: .quad 0\ny: .quad 0\n.text\n"
                                              "t: movq $7, %rbx\nleaq land(%rip), %rax\npushq %rax\n"
                                              "movq $1, y(%rip)\nret\nland: movq %rbx, x(%rip)\nret\n"))
                 .parent_path();
  auto yaml = write_temp("pushed-ret.yaml", "program: pushed-ret.s\nthreads:\n  - entry: t\ncheck:\n  forall: \"x=7\"\n");
  auto r = run_locksim({"explore", yaml});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(Explore, BadMaxStatesIsBadInput) {
  auto r = run_locksim({"explore", "scenarios/sb.yaml", "--max-states", "lots"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--max-states")) << r.err;
}

TEST(Explore, MaxStatesGivesIncomplete) {
  auto r = run_locksim({"explore", "scenarios/peterson_mfence.yaml", "--max-states", "10"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.out, "incomplete: --max-states reached")) << r.out;
  EXPECT_TRUE(contains(r.out, "\nIncomplete\n")) << r.out;
}

struct BadCheck {
  const char* name;
  const char* check;
  const char* message;
};
void PrintTo(const BadCheck& c, std::ostream* os) { *os << c.name; }

class ExploreErrors : public ::testing::TestWithParam<BadCheck> {};

TEST_P(ExploreErrors, ExitTwoAtTheCheck) {
  std::string scenario = std::string("program: ") + LOCKSIM_SOURCE_DIR +
                         "/scenarios/sb.s\nthreads:\n  - entry: sb_t0\n  - entry: sb_t1\ncheck:\n  " + GetParam().check + "\n";
  auto path = write_temp(std::string(GetParam().name) + ".yaml", scenario);
  auto r = run_locksim({"explore", path});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, path + ":6:")) << r.err;
  EXPECT_TRUE(contains(r.err, GetParam().message)) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ExploreErrors,
    ::testing::Values(BadCheck{"unbalanced", "exists: \"(0:rax=0\"", "expected ')' in condition"},
                      BadCheck{"no_equals", "exists: \"0:rax 0\"", "expected '=' after 'rax'"},
                      BadCheck{"bad_thread", "exists: \"x:rax=0\"", "expected a thread number before ':'"},
                      BadCheck{"unknown_register", "forall: \"0:rzz=0\"", "unknown register 'rzz'"},
                      BadCheck{"unknown_location", "forall: \"nowhere=0\"", "unknown location 'nowhere'"},
                      BadCheck{"thread_out_of_range", "forall: \"5:rax=0\"", "names thread 5 but the scenario has 2"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Litmus, HerdBlockForStoreBuffering) {
  auto r = run_locksim({"litmus", std::string(LOCKSIM_LITMUS_DIR) + "/SB.litmus"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find("Time ")),
            "Test SB Allowed\nStates 4\n0:EAX=0; 1:EAX=0;\n0:EAX=0; 1:EAX=1;\n0:EAX=1; 1:EAX=0;\n0:EAX=1; 1:EAX=1;\n"
            "Ok\nWitnesses\nPositive: 1 Negative: 3\nCondition exists (0:EAX=0 /\\ 1:EAX=0)\n"
            "Observation SB Sometimes 1 3\n");
}

TEST(Litmus, NotExistsSwapsTheWitnessCounts) {
  auto r = run_locksim({"litmus", std::string(LOCKSIM_LITMUS_DIR) + "/n5.litmus"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Test n5 Forbidden\nStates 3\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "Ok\nWitnesses\nPositive: 3 Negative: 0\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "Observation n5 Never 0 3\n")) << r.out;
}

struct BadLitmus {
  const char* name;
  const char* text;
  const char* expected;  // after "<file>:"
};
void PrintTo(const BadLitmus& c, std::ostream* os) { *os << c.name; }

class LitmusErrors : public ::testing::TestWithParam<BadLitmus> {};

TEST_P(LitmusErrors, ExitTwoNamingConstructAndLine) {
  auto path = write_temp(std::string(GetParam().name) + ".litmus", GetParam().text);
  auto r = run_locksim({"litmus", path});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, path + ":" + GetParam().expected)) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LitmusErrors,
    ::testing::Values(
        BadLitmus{"arch", "ARM T\n{}\n P0 ;\n MOV EAX,$1 ;\nexists (0:EAX=1)\n", "1:1: error: unsupported architecture 'ARM'"},
        BadLitmus{"no_init", "X86 T\n P0 ;\n", "2:1: error: expected an init block"},
        BadLitmus{"header", "X86 T\n{}\n Q0 ;\n", "3:1: error: expected thread header 'P0', found 'Q0'"},
        BadLitmus{"cells", "X86 T\n{}\n P0 | P1 ;\n MOV EAX,$1 ;\nexists (0:EAX=1)\n", "4:1: error: expected 2 cells"},
        BadLitmus{"instruction", "X86 T\n{}\n P0 ;\n FROB EAX ;\nexists (0:EAX=1)\n",
                  "4:2: error: unsupported X86 instruction 'FROB'"},
        BadLitmus{"cmpxchg_x86", "X86 T\n{}\n P0 ;\n CMPXCHG [x],EAX ;\nexists (0:EAX=1)\n",
                  "4:2: error: CMPXCHG is not implemented for X86"},
        BadLitmus{"no_condition", "X86 T\n{}\n P0 ;\n MOV EAX,$1 ;\n", "4:1: error: expected a final condition"},
        BadLitmus{"filter", "X86 T\n{}\n P0 ;\n MOV EAX,$1 ;\nfilter (0:EAX=1)\nexists (0:EAX=1)\n",
                  "5:1: error: 'filter' clauses are not supported"},
        BadLitmus{"array", "X86_64 T\n{ int64_t t[2]={1,-1}; }\n P0 ;\n nop ;\nexists (0:rax=0)\n",
                  "2:1: error: unsupported init 'int64_t t[2]"},
        BadLitmus{"bad_condition", "X86 T\n{}\n P0 ;\n MOV EAX,$1 ;\nexists (0:EAX=1 /\\ )\n", "5:"},
        BadLitmus{"att_operand", "X86_64 T\n{}\n P0 ;\n movq $1,%zz ;\nexists (x=1)\n", "4:1: error: unknown register '%zz'"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Litmus, MissingFile) {
  auto r = run_locksim({"litmus", "no/such.litmus"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "error: cannot read litmus file 'no/such.litmus': No such file or directory")) << r.err;
}

}  // namespace
}  // namespace locksim
