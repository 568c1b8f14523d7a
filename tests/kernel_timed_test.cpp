// The kernel model on the timed engine: the same services (kernel/kernel.h)
// as kernel_explorer_test.cpp checks on the explorer, on programs whose
// outcome on this engine follows by hand from the contract and from the
// timed engine's documented choices (a FIFO run queue, the oldest sleepers
// woken first, a preemption only at the end of a quantum with a thread
// waiting), and the illumos mutex keeping its exact counter.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"
#include "tests/kernel_scenario.h"

namespace locksim {
namespace {

namespace fs = std::filesystem;
using namespace locksim::testing;

struct Timed {
  CliResult cli;
  nlohmann::json stats;  // null when the run wrote none
  uint64_t reg(int thread, const char* name) const {
    return std::stoull(stats["threads"][thread]["regs"][name].get<std::string>(), nullptr, 16);
  }
  uint64_t memory(const char* label) const { return std::stoull(stats["memory"][label].get<std::string>(), nullptr, 16); }
  uint64_t thread(int t, const char* key) const { return stats["threads"][t][key].get<uint64_t>(); }
};

Timed run(const fs::path& scenario, std::vector<std::string> more = {}, fs::path out = {}) {
  if (out.empty()) out = scenario.parent_path() / "out";
  std::vector<std::string> args = {"run", scenario.string(), "--out", out.string()};
  args.insert(args.end(), more.begin(), more.end());
  Timed t;
  t.cli = run_locksim(args);
  if (fs::exists(out / "stats.json")) t.stats = nlohmann::json::parse(read_text(out / "stats.json"));
  return t;
}

// A loop of N iterations, to hold a thread back (about 2N cycles).
std::string delay(int n) { return "mov $" + std::to_string(n) + ", %ecx\n9: dec %ecx\njnz 9b\n"; }

TEST(KernelServicesTimed, FutexWaitReturnsOneWhenTheWordDiffers) {
  auto t = run(write_scenario("t-differs", "threads:\n  - entry: t0\n",
                              ".data\nword: .long 5\n.text\nt0: lea word(%rip), %rdi\nmov $3, %esi\ncall __futex_wait\nret\n"));
  ASSERT_EQ(t.cli.exit_code, 0) << t.cli.err;
  EXPECT_EQ(t.reg(0, "rax"), 1u);
  EXPECT_EQ(t.thread(0, "sleeps"), 0u);
}

// T1 waits ~4000 cycles before it sets the word and wakes one; T0 reaches
// its wait within a few hundred: T0 sleeps, T1's wake picks it (T1's %eax
// = 1) and T0's wait returns 0.
TEST(KernelServicesTimed, FutexWakeWakesTheSleeperAndCountsIt) {
  auto t = run(write_scenario("t-wake", "threads:\n  - entry: t0\n  - entry: t1\n",
                              ".data\nword: .long 0\n.text\n"
                              "t0: lea word(%rip), %rdi\nxor %esi, %esi\ncall __futex_wait\nret\n"
                              "t1: " + delay(2000) + "movl $1, word(%rip)\nlea word(%rip), %rdi\nmov $1, %esi\n"
                              "call __futex_wake\nret\n"));
  ASSERT_EQ(t.cli.exit_code, 0) << t.cli.err;
  EXPECT_EQ(t.reg(0, "rax"), 0u);
  EXPECT_EQ(t.reg(1, "rax"), 1u);
  EXPECT_EQ(t.thread(0, "sleeps"), 1u);
  EXPECT_EQ(t.thread(0, "dispatches"), 1u);  // back on a CPU once woken
}

// Three sleepers; the waker, held back until all three sleep, wakes at
// most 2: exactly two wake (%eax = 2) and the third sleeps forever, which
// the run reports as a lost wake-up naming the word and the call's line.
TEST(KernelServicesTimed, AWakeOfTwoWakesTwoAndTheThirdIsReported) {
  auto t = run(write_scenario("t-wake2", "threads:\n  - entry: w\n  - entry: w\n  - entry: w\n  - entry: k\n",
                              ".data\nword: .long 0\n.text\n"
                              "w: lea word(%rip), %rdi\nxor %esi, %esi\ncall __futex_wait\nret\n"
                              "k: " + delay(3000) + "lea word(%rip), %rdi\nmov $2, %esi\ncall __futex_wake\nret\n"));
  EXPECT_EQ(t.cli.exit_code, 4) << t.cli.err;
  EXPECT_TRUE(contains(t.cli.err, "error: lost wake-up at cycle")) << t.cli.err;
  EXPECT_TRUE(contains(t.cli.err, "sleeps on [word]")) << t.cli.err;
  EXPECT_TRUE(contains(t.cli.err, "p.s:6 (call __futex_wait)")) << t.cli.err;
  ASSERT_TRUE(t.stats.is_object());
  EXPECT_EQ(t.stats["end"], "lost_wakeup");
  EXPECT_EQ(t.reg(3, "rax"), 2u);
  int sleeping = 0;
  for (int i = 0; i < 3; ++i) sleeping += t.stats["threads"][i]["state"] == "sleeping";
  EXPECT_EQ(sleeping, 1);
}

// The layout's values, as kernel_explorer_test.cpp derives them: CPU 1
// runs thread 1 (structure 0x7f00000000c0), CPU 0 thread 0.
TEST(KernelServicesTimed, PerCpuAreaAndCurthread) {
  auto t = run(write_scenario("t-percpu", "threads:\n  - entry: t\n  - entry: t\n",
                              ".text\nt: movq %gs:0, %rax\nmovq %gs:8, %rbx\nmovq (%rax), %rcx\nmovq 8(%rax), %rdx\nret\n"));
  ASSERT_EQ(t.cli.exit_code, 0) << t.cli.err;
  EXPECT_EQ(t.reg(1, "rax"), 0x7f00000000c0u);
  EXPECT_EQ(t.reg(1, "rbx"), 1u);
  EXPECT_EQ(t.reg(1, "rcx"), 1u);
  EXPECT_EQ(t.reg(1, "rdx"), 0x7f0000000040u);
  EXPECT_EQ(t.reg(0, "rax"), 0x7f0000000080u);
  EXPECT_EQ(t.reg(0, "rdx"), 0x7f0000000000u);
}

// Both threads sit ~200 cycles inside section 1 with no lock: the second
// to enter stops the run at its __cs_enter.
TEST(KernelServicesTimed, CriticalSectionMarkersStopTheRun) {
  auto t = run(write_scenario("t-cs", "threads:\n  - entry: t\n  - entry: t\n",
                              ".text\nt: mov $1, %edi\ncall __cs_enter\n" + delay(100) + "mov $1, %edi\ncall __cs_exit\nret\n"));
  EXPECT_EQ(t.cli.exit_code, 3) << t.cli.err;
  EXPECT_TRUE(contains(t.cli.err, "mutual exclusion: T0 and T1 are both inside critical section 0x1")) << t.cli.err;
  EXPECT_TRUE(contains(t.cli.err, "p.s:3")) << t.cli.err;
  EXPECT_EQ(t.stats["end"], "violation");
}

TEST(KernelServicesTimed, AFailedAssertionStopsTheRun) {
  auto t = run(write_scenario("t-assert", "threads:\n  - entry: t\n", ".text\nt: xor %edi, %edi\ncall __assert\nret\n"));
  EXPECT_EQ(t.cli.exit_code, 3) << t.cli.err;
  EXPECT_TRUE(contains(t.cli.err, "T0's assertion failed at")) << t.cli.err;
  EXPECT_TRUE(contains(t.cli.err, "p.s:3")) << t.cli.err;  // the call
}

// One CPU, two threads, each yields once then bumps a plain counter: both
// finish, one at a time, and the counter is 2. The FIFO queue: T0 yields
// (queue T1 T0), T1 comes and yields (queue T0 T1), T0 comes and
// finishes, T1 comes and finishes: T0 is dispatched once, T1 twice.
TEST(KernelServicesTimed, MoreThreadsThanCpusAndYield) {
  auto t = run(write_scenario("t-yield", "cpus: 1\nthreads:\n  - entry: t\n  - entry: t\n",
                              ".data\nn: .quad 0\n.text\nt: call __yield\nmovq n(%rip), %rax\nincq %rax\nmovq %rax, n(%rip)\nret\n"));
  ASSERT_EQ(t.cli.exit_code, 0) << t.cli.err;
  EXPECT_EQ(t.memory("n"), 2u);
  EXPECT_EQ(t.thread(0, "dispatches"), 1u);
  EXPECT_EQ(t.thread(1, "dispatches"), 2u);
  EXPECT_EQ(t.stats["cpus"].size(), 1u);
}

// One CPU: T0 spins (plain loads) until T1 sets the flag, which only a
// preemption at the end of T0's quantum lets T1 do. T0's spin lies in a
// restart range whose first instruction counts entries: preempted once
// inside, T0 enters twice. T1 returns, T0 comes back and sees the flag.
TEST(KernelServicesTimed, QuantumPreemptsASpinnerAndRestartRangesRestart) {
  auto t = run(write_scenario("t-quantum", "cpus: 1\nrestart: [[a, c]]\nthreads:\n  - entry: t0\n  - entry: t1\n",
                              ".data\nflag: .quad 0\nentries: .quad 0\n.text\n"
                              "t0:\na: incq entries(%rip)\n1: pause\ncmpq $0, flag(%rip)\nje 1b\nc: ret\n"
                              "t1: movq $1, flag(%rip)\nret\n"),
               {"--set", "kernel.quantum_cycles=20000"});
  ASSERT_EQ(t.cli.exit_code, 0) << t.cli.err;
  EXPECT_EQ(t.thread(0, "preemptions"), 1u);
  EXPECT_EQ(t.memory("entries"), 2u);
  EXPECT_GE(t.thread(1, "cycles"), 20000u);  // T1 ran only after T0's quantum
}

// A switch routine runs at every switch on the CPU's own stack, with
// %rdi/%rsi the outgoing/incoming thread structures: one CPU, two short
// threads: T0 leaves (out T0, in 0), T1 comes (out 0, in T1), T1 leaves
// (out T1, in 0): three runs, and the routine's stores are what %gs:0
// reads (T1 sees its own structure 0x7f0000000080: one CPU area line,
// then thread 1's).
TEST(KernelServicesTimed, TheSwitchRoutineRunsAtEachSwitch) {
  auto t = run(write_scenario("t-switch", "cpus: 1\nswitch: sw\nthreads:\n  - entry: t\n  - entry: t\n",
                              ".data\nruns: .quad 0\n.text\n"
                              "sw: incq runs(%rip)\nmovq %rsi, (%rdx)\ntestq %rsi, %rsi\njz 1f\nmovq %rdx, 8(%rsi)\n"
                              "1: mfence\nret\n"
                              "t: movq %gs:0, %rax\nret\n"));
  ASSERT_EQ(t.cli.exit_code, 0) << t.cli.err;
  EXPECT_EQ(t.memory("runs"), 3u);
  EXPECT_EQ(t.reg(1, "rax"), 0x7f0000000080u);
}

TEST(KernelServicesTimed, MisuseIsAFaultAtTheCall) {
  auto t = run(write_scenario("t-misaligned", "threads:\n  - entry: t\n",
                              ".data\nword: .quad 0\n.text\nt: lea word+1(%rip), %rdi\ncall __futex_wake\nret\n"));
  EXPECT_EQ(t.cli.exit_code, 3) << t.cli.err;
  EXPECT_TRUE(contains(t.cli.err, "p.s:5: __futex_wake: futex word")) << t.cli.err;
  auto sw = run(write_scenario("t-switch-service", "cpus: 1\nswitch: sw\nthreads:\n  - entry: t\n  - entry: t\n",
                               ".text\nsw: call __yield\nret\nt: ret\n"));
  EXPECT_EQ(sw.cli.exit_code, 3) << sw.cli.err;
  EXPECT_TRUE(contains(sw.cli.err, "p.s:2: the switch routine cannot call kernel services")) << sw.cli.err;
}

// Each kernel lock under load: 6 threads on 4 CPUs, 100 rounds each (600
// increments), on a short quantum: the counter is exact, waiters did sleep
// (the slow paths ran), owners were preempted where threads run out their
// quantum, and the same seed gives the same cycles.
struct TimedCase {
  const char* scenario;
  bool preempted;  // the semaphore's waiters sleep at once, so no one runs out a quantum
};

class KernelMutexTimed : public ::testing::TestWithParam<TimedCase> {};

TEST_P(KernelMutexTimed, KeepsItsCounter) {
  const std::string name = GetParam().scenario;
  const fs::path s = fs::path(LOCKSIM_SOURCE_DIR) / "scenarios" / (name + ".yaml");
  const fs::path scratch = fs::temp_directory_path() / ("locksim-kmt-" + std::to_string(::getpid()) + name);
  auto a = run(s, {}, scratch / "a");
  ASSERT_EQ(a.cli.exit_code, 0) << a.cli.err;
  EXPECT_EQ(a.memory("counter"), 600u);
  uint64_t sleeps = 0, preemptions = 0;
  for (const auto& t : a.stats["threads"]) sleeps += t["sleeps"].get<uint64_t>(), preemptions += t["preemptions"].get<uint64_t>();
  EXPECT_GT(sleeps, 0u);
  EXPECT_EQ(preemptions > 0, GetParam().preempted);
  auto b = run(s, {}, scratch / "b");
  EXPECT_EQ(a.stats["cycles"], b.stats["cycles"]);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, KernelMutexTimed,
                         ::testing::Values(TimedCase{"illumos_mutex_timed", true}, TimedCase{"linux_mutex_timed", true},
                                           TimedCase{"futex_mutex_timed", true}, TimedCase{"freebsd_mutex_timed", true},
                                           TimedCase{"semaphore_timed", false}),
                         [](const auto& info) { return std::string(info.param.scenario); });

}  // namespace
}  // namespace locksim
