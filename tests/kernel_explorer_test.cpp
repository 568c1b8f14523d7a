// The kernel model on the explorer: each service's contract (kernel/kernel.h)
// on small programs whose verdicts follow from it by hand, the per-CPU
// areas' documented layout, the markers, the scenario keys' errors, and the
// illumos mutex with the races mutex.c's Big Theory Statement documents.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/cli_runner.h"
#include "tests/kernel_scenario.h"

namespace locksim {
namespace {

namespace fs = std::filesystem;
using namespace locksim::testing;

CliResult explore(const fs::path& scenario, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"explore", scenario.string()};
  args.insert(args.end(), more.begin(), more.end());
  return run_locksim(args);
}

// __futex_wait returns at once with %eax = 1 when the word differs from
// %esi: the word holds 5, the thread expects 3.
TEST(KernelServices, FutexWaitReturnsOneWhenTheWordDiffers) {
  auto s = write_scenario("differs", "threads:\n  - entry: t0\ncheck:\n  forall: \"0:rax=1\"\n",
                          ".data\nword: .long 5\n.text\nt0: lea word(%rip), %rdi\nmov $3, %esi\ncall __futex_wait\nret\n");
  auto r = explore(s);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "Ok")) << r.out;
}

// T0 waits while the word is 0; T1 sets it to 1 and wakes one. By the
// contract either T0's check sees 1 (returns 1; T1's wake finds nobody:
// 0) or T0 sleeps first and T1's wake picks it (T0 gets 0, T1 woke 1).
// T1's wake is a full barrier, so its store is in memory before any wake,
// and the check is atomic with the sleep: no execution loses the wake-up.
TEST(KernelServices, FutexWakeWakesTheSleeperAndCountsIt) {
  auto s = write_scenario("wake",
                          "threads:\n  - entry: t0\n  - entry: t1\ncheck:\n  forall: \"(0:rax=1 /\\\\ 1:rax=0) \\\\/ (0:rax=0 /\\\\ 1:rax=1)\"\n",
                          ".data\nword: .long 0\n.text\n"
                          "t0: lea word(%rip), %rdi\nxor %esi, %esi\ncall __futex_wait\nret\n"
                          "t1: movl $1, word(%rip)\nlea word(%rip), %rdi\nmov $1, %esi\ncall __futex_wake\nret\n");
  auto r = explore(s);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "Kernel: 2 threads on 2 CPUs")) << r.out;
}

// Two sleepers; the waker calls __futex_wake(word, 1) until it has woken
// one (%eax = 1). A wake of at most 1 wakes exactly one, so the other
// sleeps forever: a lost wake-up, reported with where it sleeps, after a
// schedule in which the wake picked one of them.
TEST(KernelServices, AWakeOfOneLeavesTheOtherSleeperAndThatIsReported) {
  auto s = write_scenario("wake_one", "threads:\n  - entry: w\n  - entry: w\n  - entry: k\n",
                          ".data\nword: .long 0\n.text\n"
                          "w: lea word(%rip), %rdi\nxor %esi, %esi\ncall __futex_wait\nret\n"
                          "k: lea word(%rip), %rdi\nmov $1, %esi\ncall __futex_wake\ntest %eax, %eax\njz k\nret\n");
  auto r = explore(s);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "Lost wake-up")) << r.out;
  EXPECT_TRUE(contains(r.out, "sleeps on [word]")) << r.out;
  EXPECT_TRUE(contains(r.out, "wakes T0") || contains(r.out, "wakes T1")) << r.out;
  EXPECT_FALSE(contains(r.out, "wakes T0, T1")) << r.out;
}

// The documented layout (kernel/layout.h): areas from 0x7f0000000000, one
// 64-byte line each, CPUs first. CPU 1 runs thread 1: %gs:0 is thread 1's
// structure (0x7f0000000000 + 2 * 64 + 64), %gs:8 is 1, the structure's +0
// is 1 and its +8 is CPU 1's area (0x7f0000000040).
TEST(KernelServices, PerCpuAreaAndCurthread) {
  auto s = write_scenario(
      "percpu",
      "threads:\n  - entry: t\n  - entry: t\ncheck:\n  forall: \"1:rax=0x7f00000000c0 /\\\\ 1:rbx=1 /\\\\ 1:rcx=1 /\\\\ "
      "1:rdx=0x7f0000000040 /\\\\ 0:rax=0x7f0000000080 /\\\\ 0:rdx=0x7f0000000000\"\n",
      ".text\nt: movq %gs:0, %rax\nmovq %gs:8, %rbx\nmovq (%rax), %rcx\nmovq 8(%rax), %rdx\nret\n");
  auto r = explore(s);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

// Markers: two threads in a section of the same key, with no lock between
// them, are reported at the step the second enters.
TEST(KernelServices, CriticalSectionMarkersCatchTwoThreadsInside) {
  auto s = write_scenario("cs", "threads:\n  - entry: t\n  - entry: t\n",
                          ".text\nt: mov $1, %edi\ncall __cs_enter\nmov $1, %edi\ncall __cs_exit\nret\n");
  auto r = explore(s);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.out, "mutual exclusion: T0 and T1 are both inside critical section 0x1")) << r.out;
}

TEST(KernelServices, AFailedAssertionIsAViolation) {
  auto s = write_scenario("assert", "threads:\n  - entry: t\n",
                          ".text\nt: xor %edi, %edi\ncall __assert\nret\n");
  auto r = explore(s);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.out, "T0's assertion failed at")) << r.out;
  EXPECT_TRUE(contains(r.out, "p.s:2")) << r.out;
}

// More threads than CPUs: the third thread runs only when a CPU is free.
// With one CPU and __yield, both threads finish; a counter both bump
// (plain, one at a time on the only CPU) ends at 2.
TEST(KernelServices, MoreThreadsThanCpusAndYield) {
  auto s = write_scenario("cpus", "cpus: 1\nthreads:\n  - entry: t\n  - entry: t\ncheck:\n  forall: \"n=2\"\n",
                          ".data\nn: .quad 0\n.text\nt: call __yield\nmovq n(%rip), %rax\nincq %rax\nmovq %rax, n(%rip)\nret\n");
  auto r = explore(s);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "2 threads on 1 CPUs")) << r.out;
}

TEST(KernelServices, MisuseIsAFaultAtTheCall) {
  auto s = write_scenario("misaligned", "threads:\n  - entry: t\n",
                          ".data\nword: .quad 0\n.text\nt: lea word+1(%rip), %rdi\ncall __futex_wake\nret\n");
  auto r = explore(s);
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "p.s:5: __futex_wake: futex word")) << r.err;
}

// 31 sections at once are kept; the 32nd is a fault at its call (the
// loop enters keys 1 to 32 without leaving any).
TEST(KernelServices, AThreadIsInsideAtMost31Sections) {
  const std::string prog = ".text\nt: mov $1, %ebx\n1: mov %rbx, %rdi\ncall __cs_enter\ninc %rbx\ncmp $N, %rbx\njbe 1b\nret\n";
  auto ok = write_scenario("sections31", "threads:\n  - entry: t\n", std::string(prog).replace(prog.find('N'), 1, "31"));
  EXPECT_EQ(explore(ok).exit_code, 0);
  auto over = write_scenario("sections32", "threads:\n  - entry: t\n", std::string(prog).replace(prog.find('N'), 1, "32"));
  auto r = explore(over);
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "p.s:4: __cs_enter(0x20): more than 31 sections at once")) << r.err;
}

TEST(KernelInputErrors, UnknownServiceNamesTheCall) {
  auto s = write_scenario("unknown", "threads:\n  - entry: t\n", ".text\nt: call __futex_wiat\nret\n");
  auto r = explore(s);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "p.s:2:9: error: unknown kernel service '__futex_wiat' (services: __futex_wait")) << r.err;
}

TEST(KernelInputErrors, ScenarioKeys) {
  const std::string prog = ".text\nt: ret\nu: ret\n";
  struct Case {
    std::string yaml, message;
  };
  const std::vector<Case> cases = {
      {"cpus: 0\nthreads:\n  - entry: t\n", "s.yaml:2:7: error: expected a whole number from 1 to 64 for 'cpus'"},
      {"cpus: 2\nthreads:\n  - entry: t\n", "s.yaml:2:7: error: 2 CPUs for 1 threads"},
      {"preemptions: 99\nthreads:\n  - entry: t\n", "s.yaml:2:14: error: expected a whole number from 0 to 16 for 'preemptions'"},
      {"switch: nowhere\nthreads:\n  - entry: t\n", "s.yaml:2:9: error: switch: unknown entry symbol 'nowhere'"},
      {"restart: [[u, t]]\nthreads:\n  - entry: t\n", "s.yaml:2:15: error: restart range end 't' must come after its start 'u'"},
      {"restart: [t]\nthreads:\n  - entry: t\n", "s.yaml:2:11: error: expected a [start, end] pair of labels in 'restart'"},
      {"thread_bytes: 5000\nthreads:\n  - entry: t\n", "s.yaml:2:15: error: expected a whole number from 0 to 4096 for 'thread_bytes'"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    auto s = write_scenario("key" + std::to_string(i), cases[i].yaml, prog);
    auto r = explore(s);
    EXPECT_EQ(r.exit_code, 2) << cases[i].yaml << r.err;
    EXPECT_TRUE(contains(r.err, cases[i].message)) << cases[i].yaml << "\n" << r.err;
  }
}

TEST(KernelInputErrors, ModeIsTsoOrSc) {
  auto r = run_locksim({"explore", "scenarios/illumos_mutex_2x1.yaml", "--model", "pso"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

// The timed engine's half is not built yet: it refuses, as bad input.
// A timed run that switches threads cannot be replayed yet: --schedule
// says so instead of writing a schedule the replay would misread.
TEST(KernelInputErrors, RunRefusesToRecordThreadSwitches) {
  auto r = run_locksim({"run", "scenarios/illumos_mutex_2x1.yaml", "--schedule", "--out",
                        (fs::temp_directory_path() / ("locksim-kernel-run-" + std::to_string(::getpid()))).string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "--schedule: `explore --replay` does not replay thread switches yet")) << r.err;
}

// exec (one thread, no kernel) stops at a service call as a fault.
TEST(KernelInputErrors, ExecStopsAtAServiceCall) {
  auto dir = write_scenario("exec", "threads:\n  - entry: t\n", ".text\nt: call __yield\nret\n").parent_path();
  auto r = run_locksim({"exec", (dir / "p.s").string(), "--entry", "t"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "p.s:2: __yield: kernel services need the kernel model")) << r.err;
}

// The illumos adaptive mutex (locks/illumos/): the correct protocol is
// proven (markers, no lost wake-up, exact counter) with any thread
// preemptible once anywhere; each documented weakening is refuted with a
// lost wake-up (mutex.c's Big Theory Statement; the races R1, R1b, R3).
struct IllumosCase {
  const char* scenario;
  int exit_code;
};

class Illumos : public ::testing::TestWithParam<IllumosCase> {};

TEST_P(Illumos, Verdict) {
  auto r = run_locksim({"explore", std::string("scenarios/") + GetParam().scenario + ".yaml"});
  EXPECT_EQ(r.exit_code, GetParam().exit_code) << r.out << r.err;
  if (GetParam().exit_code == 1) {
    EXPECT_TRUE(contains(r.out, "Lost wake-up")) << r.out;
    // The waiter sleeps in mutex_vector_enter's turnstile block.
    EXPECT_TRUE(contains(r.out, "sleeps on [mtx]")) << r.out;
    EXPECT_TRUE(contains(r.out, "__turnstile_block")) << r.out;
  }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, Illumos,
                         ::testing::Values(IllumosCase{"illumos_mutex_2x1", 0}, IllumosCase{"illumos_r1_no_restart", 1},
                                           IllumosCase{"illumos_r1b_no_recheck", 1},
                                           IllumosCase{"illumos_r3_no_mfence", 1},
                                           IllumosCase{"illumos_exit_swapped", 1},
                                           IllumosCase{"illumos_recheck_reordered", 1}),
                         [](const auto& info) { return std::string(info.param.scenario); });

// R1: the owner is preempted inside mutex_exit, after its compare and
// before its clear, and (without the restart) resumes at the clear.
TEST(Illumos, R1ScheduleIsTheDocumentedOne) {
  auto r = run_locksim({"explore", "scenarios/illumos_r1_no_restart.yaml"});
  EXPECT_TRUE(contains(r.out, "mutex_exit.s:22 preempted")) << r.out;
  EXPECT_FALSE(contains(r.out, "restarts at")) << r.out;
}

// A restart range [a, c): a preemption at b (after the incq, inside the
// range) resumes at a, so the incq runs twice: %rbx = 2 exists. Preempted
// at a, or at c (outside), it runs once. Without the range it always runs once.
TEST(KernelServices, RestartRangesRestart) {
  const std::string prog = ".text\nt: xor %ebx, %ebx\na: incq %rbx\nb: nop\nc: ret\n";
  auto with = write_scenario("restart", "preemptions: 1\nrestart: [[a, c]]\nthreads:\n  - entry: t\ncheck:\n  exists: \"0:rbx=2\"\n", prog);
  auto r = explore(with);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "preempted; restarts at")) << r.out;
  auto without = write_scenario("norestart", "preemptions: 1\nthreads:\n  - entry: t\ncheck:\n  forall: \"0:rbx=1\"\n", prog);
  auto n = explore(without);
  EXPECT_EQ(n.exit_code, 0) << n.out << n.err;
}

// R3 needs a store buffer: without one (--model sc) the same code is
// proven; R1 does not, and stays refuted.
TEST(Illumos, R3IsAStoreBufferRaceAndR1IsNot) {
  auto r3 = run_locksim({"explore", "scenarios/illumos_r3_no_mfence.yaml", "--model", "sc"});
  EXPECT_EQ(r3.exit_code, 0) << r3.out;
  EXPECT_TRUE(contains(r3.out, "Model sc: no store buffers")) << r3.out;
  auto r1 = run_locksim({"explore", "scenarios/illumos_r1_no_restart.yaml", "--model", "sc"});
  EXPECT_EQ(r1.exit_code, 1) << r1.out;
}

}  // namespace
}  // namespace locksim
