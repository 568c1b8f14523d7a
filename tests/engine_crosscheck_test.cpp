// The two engines against each other. Every run the timed engine makes
// (each shipped scenario, and generated programs, on skylake-8,
// two-socket-16 and sc, over seeds with jitter) is replayed step by step on
// the explorer's x86-TSO machine (`run --schedule`, `explore --replay`):
// each step must be possible there, the replay must end in the timed run's
// final registers and memory, and the explorer's (reduced) search must list
// that final state. On sc the explorer replays and searches without store
// buffers, so the run must be a sequentially consistent execution it lists,
// and the recorded-execution SC check (`run --check-sc`) must agree.
// Faults agree as well: the same exit code at the same file:line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <yaml-cpp/yaml.h>

#include "tests/cli_runner.h"

namespace locksim {
namespace {

using testing::contains;
using testing::run_locksim;

const char* const kMachines[] = {"skylake-8", "two-socket-16", "sc"};
constexpr int kSeeds = 4;
constexpr int kJitter = 25;
// Enough for every scenario the explorer can finish; the two 8-core
// throughput scenarios it cannot are replayed without the membership check.
constexpr const char* kMaxStates = "100000";

std::filesystem::path scratch(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("locksim-xcheck-" + std::to_string(::getpid())) / name;
  std::filesystem::create_directories(dir);
  return dir;
}

// What one timed run and its replay said.
struct CrossCheck {
  int run_exit = -1;
  std::string run_err;
  nlohmann::json replay;  // explore --replay --json
  bool sequentially_consistent = false;
};

CrossCheck cross_check(const std::string& scenario, const std::string& machine, int seed,
                       const std::filesystem::path& dir) {
  CrossCheck c;
  auto run = run_locksim({"run", scenario, "--machine", machine, "--seed", std::to_string(seed), "--jitter",
                          std::to_string(kJitter), "--schedule", "--check-sc", "--out", dir.string()});
  c.run_exit = run.exit_code;
  c.run_err = run.err;
  c.sequentially_consistent = contains(run.out, "SC check") && !contains(run.out, "NOT sequentially consistent");
  if (run.exit_code != 0) return c;
  const auto json = (dir / "replay.json").string();
  // On the same machine: on sc (no store buffers) the explorer checks and
  // lists sequentially consistent executions only.
  auto replay = run_locksim({"explore", scenario, "--machine", machine, "--replay", (dir / "schedule.json").string(),
                             "--max-states", kMaxStates, "--json", json});
  EXPECT_TRUE(replay.exit_code == 0 || replay.exit_code == 3) << scenario << " " << machine << " seed " << seed << "\n"
                                                             << replay.out << replay.err;
  if (std::filesystem::exists(json)) c.replay = nlohmann::json::parse(testing::read_text(json));
  return c;
}

void expect_engines_agree(const std::string& scenario, bool may_be_too_big = false, bool may_deadlock = false) {
  for (const char* machine : kMachines) {
    for (int seed = 1; seed <= kSeeds; ++seed) {
      const std::string what = scenario + " on " + machine + ", seed " + std::to_string(seed);
      const auto c = cross_check(scenario, machine, seed, scratch("run"));
      if (may_deadlock && c.run_exit == 4) continue;  // checked against the explorer's stuck state below
      ASSERT_EQ(c.run_exit, 0) << what << ": " << c.run_err;
      ASSERT_TRUE(c.replay.is_object()) << what;
      EXPECT_TRUE(c.replay["execution"].get<bool>()) << what << ": " << c.replay.value("problem", "");
      EXPECT_TRUE(c.replay["final_state_matches"].get<bool>()) << what << ": " << c.replay["differences"].dump();
      if (!may_be_too_big || !c.replay["listed"].is_null()) {
        EXPECT_EQ(c.replay["listed"], true) << what << ": the explorer's search misses the timed run's final state";
      }
      // A machine without store buffers is sequentially consistent.
      if (std::string(machine) == "sc") {
        EXPECT_TRUE(c.sequentially_consistent) << what;
      }
    }
  }
}

std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(LOCKSIM_SOURCE_DIR) + "/scenarios"))
    if (e.path().extension() == ".yaml") out.push_back("scenarios/" + e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// A scenario that switches threads (the kernel model) is not replayed yet
// (`run --schedule` refuses it). Its timed runs must then end as the
// explorer says every execution ends: when the explorer does not refute
// the scenario's `forall: "LABEL=N"` (proven, or too big to finish), each
// timed run completes with LABEL = N; when it refutes it, a timed run may
// hit the race (a lost wake-up, exit 4; a violation, exit 3) or miss it.
bool switches_threads(const std::string& scenario) {
  auto r = run_locksim({"run", scenario, "--schedule", "--out", scratch("probe").string()});
  return r.exit_code == 2 && contains(r.err, "does not replay thread switches");
}

void expect_kernel_runs_agree(const std::string& scenario) {
  // The scenario's `check: {forall: "LABEL=N"}`, read as YAML.
  const YAML::Node forall = YAML::LoadFile(std::string(LOCKSIM_SOURCE_DIR) + "/" + scenario)["check"]["forall"];
  ASSERT_TRUE(forall.IsScalar()) << scenario << ": a kernel scenario checks a counter";
  const std::string check = forall.as<std::string>();
  const auto eq = check.find('=');
  ASSERT_NE(eq, std::string::npos) << scenario << ": forall is LABEL=N";
  const std::string label = check.substr(0, eq);
  const uint64_t expected = std::stoull(check.substr(eq + 1));
  auto explored = run_locksim({"explore", scenario, "--max-states", kMaxStates});
  const bool refuted = explored.exit_code == 1;
  for (const char* machine : kMachines) {
    for (int seed = 1; seed <= kSeeds; ++seed) {
      const std::string what = scenario + " on " + machine + ", seed " + std::to_string(seed);
      const auto dir = scratch("kernel");
      auto run = run_locksim({"run", scenario, "--machine", machine, "--seed", std::to_string(seed), "--jitter",
                              std::to_string(kJitter), "--check-sc", "--out", dir.string()});
      if (refuted) {
        EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 3 || run.exit_code == 4) << what << ": " << run.err;
        continue;
      }
      ASSERT_EQ(run.exit_code, 0) << what << ": " << run.err;
      const auto stats = nlohmann::json::parse(testing::read_text(dir / "stats.json"));
      EXPECT_EQ(std::stoull(stats["memory"][label].get<std::string>(), nullptr, 16), expected) << what;
      // Each thread's accesses in its own program order, the switch
      // routines' as contexts of their own: a run of a correct lock on a
      // machine without store buffers is sequentially consistent.
      if (std::string(machine) == "sc") {
        EXPECT_TRUE(contains(run.out, "SC check") && !contains(run.out, "NOT sequentially consistent")) << what << run.out;
      }
    }
  }
}

class ShippedScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedScenario, TimedRunsAreExplorerExecutions) {
  const std::string s = GetParam();
  const bool throughput = s == "scenarios/ticket_lock.yaml" || s == "scenarios/lock_counter.yaml";
  const bool deadlocks = s == "scenarios/abba.yaml";
  if (switches_threads(s)) {
    expect_kernel_runs_agree(s);
    return;
  }
  expect_engines_agree(s, throughput, deadlocks);
  if (deadlocks) {
    // The timed run never finishes (exit 4, watchdog or max_cycles), and the
    // explorer finds the state from which no thread can finish.
    auto timed = run_locksim({"run", s, "--out", scratch("abba").string()});
    EXPECT_EQ(timed.exit_code, 4) << timed.err;
    auto explored = run_locksim({"explore", s});
    EXPECT_EQ(explored.exit_code, 1);
    EXPECT_TRUE(contains(explored.out, "Stuck")) << explored.out;
  }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedScenario, ::testing::ValuesIn(shipped_scenarios()),
                         [](const auto& info) {
                           std::string n = std::filesystem::path(info.param).stem().string();
                           return n;
                         });

// A random small program: 2 or 3 threads of 2 to 5 operations, each a
// store, a load, a LOCK'd read-modify-write or mfence, over 2 or 3
// locations (sometimes sharing a cache line). Deterministic per index.
std::string generated_program(uint32_t index, uint32_t& threads) {
  std::mt19937 rng(index * 7919 + 1);
  auto pick = [&](uint32_t n) { return static_cast<uint32_t>(rng() % n); };
  threads = 2 + pick(2);
  const uint32_t locations = 2 + pick(2);
  const bool same_line = pick(3) == 0;
  std::string s = "        .data\n";
  for (uint32_t l = 0; l < locations; ++l)
    s += (same_line ? "" : "        .p2align 6\n") + std::string("v") + std::to_string(l) + ":     .quad 0\n";
  s += "        .text\n";
  static const char* const kRegs[] = {"%rax", "%rbx", "%rcx", "%rdx", "%r8"};
  for (uint32_t t = 0; t < threads; ++t) {
    s += "        .globl g" + std::to_string(t) + "\ng" + std::to_string(t) + ":\n";
    const uint32_t ops = 2 + pick(4);
    for (uint32_t k = 0; k < ops; ++k) {
      const std::string loc = "v" + std::to_string(pick(locations)) + "(%rip)";
      const std::string reg = kRegs[k];
      switch (pick(6)) {
        case 0: case 1: s += "        movq $" + std::to_string(1 + t * 10 + k) + ", " + loc + "\n"; break;
        case 2: case 3: s += "        movq " + loc + ", " + reg + "\n"; break;
        case 4:
          s += "        movq $1, " + reg + "\n        lock xaddq " + reg + ", " + loc + "\n";
          break;
        default: s += "        mfence\n"; break;
      }
    }
    s += "        ret\n";
  }
  return s;
}

TEST(GeneratedPrograms, TimedRunsAreExplorerExecutions) {
  for (uint32_t i = 0; i < 24; ++i) {
    uint32_t threads = 0;
    const auto dir = scratch("gen" + std::to_string(i));
    std::ofstream(dir / "p.s") << generated_program(i, threads);
    std::string yaml = "description: generated program " + std::to_string(i) + "\nmachine: skylake-8\nprogram: p.s\nthreads:\n";
    for (uint32_t t = 0; t < threads; ++t) yaml += "  - entry: g" + std::to_string(t) + "\n";
    std::ofstream(dir / "p.yaml") << yaml;
    SCOPED_TRACE("generated program " + std::to_string(i) + ":\n" + testing::read_text(dir / "p.s"));
    expect_engines_agree((dir / "p.yaml").string());
  }
}

// The replay is a check that can fail: a schedule changed by hand is caught.
TEST(Replay, RejectsASchedulePatchedByHand) {
  const auto dir = scratch("patched");
  auto run = run_locksim({"run", "scenarios/sb.yaml", "--schedule", "--out", dir.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto original = nlohmann::json::parse(testing::read_text(dir / "schedule.json"));
  auto replay = [&](const nlohmann::json& j) {
    std::ofstream(dir / "patched.json") << j.dump();
    return run_locksim({"explore", "scenarios/sb.yaml", "--replay", (dir / "patched.json").string()});
  };
  EXPECT_EQ(replay(original).exit_code, 0);
  // Each sb thread stores once: without T0's one drain (step 1) its store
  // is left in the buffer.
  auto j = original;
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& step : j["steps"])
    if (step != 1) kept.push_back(step);
  ASSERT_EQ(kept.size() + 1, j["steps"].size());
  j["steps"] = kept;
  auto r = replay(j);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "No: not an x86-TSO execution")) << r.out;
  EXPECT_TRUE(contains(r.out, "the schedule ends with stores in T0's buffer")) << r.out;
  // Both drains first: each buffer is empty before its thread has stored.
  j = original;
  j["steps"] = {1, 3, 0, 2, 0, 2};
  r = replay(j);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "store buffer is empty, but the schedule drains it")) << r.out;
  // A final value the replay does not reach.
  j = original;
  j["final"]["memory"]["x"] = "0x5";
  r = replay(j);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "No: the final state differs: x timed 0x5, replayed 0x1")) << r.out;
  // Not a schedule at all: bad input, at its line and column.
  std::ofstream(dir / "broken.json") << "{\n  \"steps\": [1, 2,\n}";
  r = run_locksim({"explore", "scenarios/sb.yaml", "--replay", (dir / "broken.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, (dir / "broken.json").string() + ":3:1: error: invalid JSON")) << r.err;
  // A number no double holds is bad input too, not an internal error.
  std::ofstream(dir / "huge.json") << "{\"steps\": [1e400]}";
  r = run_locksim({"explore", "scenarios/sb.yaml", "--replay", (dir / "huge.json").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "invalid JSON")) << r.err;
}

// The same fault, at the same file:line, with the same exit code, from
// `run`, `explore` and (for one thread) `exec`.
struct FaultCase {
  const char* name;
  const char* body;  // thread 0's routine; thread 1 just returns
  int line;          // of the faulting instruction in the generated file
  const char* message;
};

class EnginesFault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(EnginesFault, AtTheSameLine) {
  const FaultCase& f = GetParam();
  const auto dir = scratch(std::string("fault-") + f.name);
  std::ofstream(dir / "f.s") << "        .text\n        .globl f0, f1\nf1:     ret\nf0:\n" << f.body;
  std::ofstream(dir / "f.yaml") << "machine: skylake-8\nprogram: f.s\nthreads:\n  - entry: f0\n  - entry: f1\n";
  const std::string where = (dir / "f.s").string() + ":" + std::to_string(f.line) + ": ";
  auto timed = run_locksim({"run", (dir / "f.yaml").string(), "--out", (dir / "out").string()});
  auto explored = run_locksim({"explore", (dir / "f.yaml").string()});
  auto exec = run_locksim({"exec", (dir / "f.s").string(), "--entry", "f0"});
  for (const auto* r : {&timed, &explored, &exec}) {
    EXPECT_EQ(r->exit_code, 3) << r->out << r->err;
    EXPECT_TRUE(contains(r->err, where)) << "expected '" << where << "' in:\n" << r->err;
    EXPECT_TRUE(contains(r->err, f.message)) << r->err;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EnginesFault,
    ::testing::Values(
        // .text is mapped read-only in every engine.
        FaultCase{"store_to_text", "        movb $1, f1(%rip)\n        ret\n", 5, "write of 1 bytes at 0x401000 (read-only)"},
        FaultCase{"unmapped_load", "        movq 0x10, %rax\n        ret\n", 5, "read of 8 bytes at 0x10 (unmapped)"},
        // 1 MiB of stack per thread in every engine: 2 MiB below is unmapped.
        FaultCase{"stack_overflow", "        subq $0x200000, %rsp\n        movq $1, (%rsp)\n        ret\n", 6,
                  "(unmapped)"},
        FaultCase{"divide_by_zero", "        xorl %ecx, %ecx\n        movl $1, %eax\n        divl %ecx\n        ret\n", 7,
                  "divide error"}),
    [](const auto& info) { return std::string(info.param.name); });

// A 32 KiB frame fits the 1 MiB stack of every engine.
TEST(EnginesAgree, LargeFrameCompletesEverywhere) {
  const auto dir = scratch("frame");
  std::ofstream(dir / "f.s") << "        .text\n        .globl f0, f1\nf1:     ret\n"
                                "f0:     subq $32768, %rsp\n        movq $7, (%rsp)\n        movq (%rsp), %rax\n"
                                "        addq $32768, %rsp\n        ret\n";
  std::ofstream(dir / "f.yaml") << "machine: skylake-8\nprogram: f.s\nthreads:\n  - entry: f0\n  - entry: f1\n"
                                   "check:\n  forall: \"0:rax=7\"\n";
  auto timed = run_locksim({"run", (dir / "f.yaml").string(), "--out", (dir / "out").string()});
  EXPECT_EQ(timed.exit_code, 0) << timed.err;
  auto explored = run_locksim({"explore", (dir / "f.yaml").string()});
  EXPECT_EQ(explored.exit_code, 0) << explored.out << explored.err;
  EXPECT_TRUE(contains(explored.out, "\nOk\n")) << explored.out;
}

}  // namespace
}  // namespace locksim
