// The kernels' mutexes beyond illumos (kernel_explorer_test.cpp) on the
// explorer: each correct one proven (mutual exclusion by the markers, no
// lost wake-up, the exact counter), each broken variant refuted with a lost
// wake-up whose shortest schedule has the documented interleaving's steps
// in its order, and the store-buffer races gone under --model sc.
#include <gtest/gtest.h>

#include "tests/cli_runner.h"

namespace locksim {
namespace {

using namespace locksim::testing;

struct Verdict {
  const char* scenario;
  const char* model;
  int exit_code;
  const char* sleeper;  // for a refutation: what the thread left sleeps on
};

class KernelMutex : public ::testing::TestWithParam<Verdict> {};

TEST_P(KernelMutex, Verdict) {
  const Verdict& v = GetParam();
  auto r = run_locksim({"explore", std::string("scenarios/") + v.scenario + ".yaml", "--model", v.model});
  EXPECT_EQ(r.exit_code, v.exit_code) << r.out << r.err;
  if (v.exit_code == 0) {
    EXPECT_TRUE(contains(r.out, "\nOk\n")) << r.out;
  }
  if (v.exit_code == 1) {
    EXPECT_TRUE(contains(r.out, "Lost wake-up")) << r.out;
    EXPECT_TRUE(contains(r.out, std::string("sleeps on [") + v.sleeper)) << r.out;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Scenarios, KernelMutex,
    ::testing::Values(
        // Drepper's futex mutex, and R5: the waker's plain read of the
        // waiter count with its store still buffered.
        Verdict{"futex_mutex_2x1", "tso", 0, ""}, Verdict{"futex_mutex_2x2", "tso", 0, ""},
        Verdict{"futex_mutex_3x1", "tso", 0, ""}, Verdict{"futex_r5_no_barrier", "tso", 1, "fmutex"},
        Verdict{"futex_r5_no_barrier", "sc", 0, ""}, Verdict{"futex_r5_barrier", "tso", 0, ""},
        // The Linux count mutex, and its release made a plain store.
        Verdict{"linux_mutex_2x1", "tso", 0, ""}, Verdict{"linux_mutex_2x2", "tso", 0, ""},
        Verdict{"linux_mutex_3x1", "tso", 0, ""}, Verdict{"linux_mutex_plain_release", "tso", 1, "T1 stack"},
        Verdict{"linux_mutex_plain_release", "sc", 0, ""},
        Verdict{"linux_mutex_plain_release_2x2", "tso", 1, "T"},
        Verdict{"linux_mutex_plain_release_2x2", "sc", 1, "T"},
        // The FreeBSD sleep mutex; MTX_CONTESTED set with `lock orq` (R4)
        // and an illumos-style plain release (section 3.7), each a lost
        // wake-up on the turnstile, the second an interleaving race.
        Verdict{"freebsd_mutex_2x1", "tso", 0, ""}, Verdict{"freebsd_mutex_2x2", "tso", 0, ""},
        Verdict{"freebsd_mutex_3x1", "tso", 0, ""}, Verdict{"freebsd_r4_atomic_set", "tso", 1, "mtx"},
        Verdict{"freebsd_r4_atomic_set", "sc", 1, "mtx"}, Verdict{"freebsd_plain_release", "tso", 1, "mtx"},
        Verdict{"freebsd_plain_release", "sc", 1, "mtx"},
        // A semaphore, a wait queue with waitqueue_active and R7 (no
        // barrier before it: a store-buffer race), musl's __lockfile and
        // its pre-fix text (R13: algorithmic, so under sc too).
        Verdict{"semaphore_2x1", "tso", 0, ""}, Verdict{"waitqueue_2x1", "tso", 0, ""},
        Verdict{"waitqueue_r7_no_barrier", "tso", 1, ""}, Verdict{"waitqueue_r7_no_barrier", "sc", 0, ""},
        Verdict{"musl_lockfile_3x1", "tso", 0, ""}, Verdict{"r13_lost_wakeup", "tso", 1, ""},
        Verdict{"r13_lost_wakeup", "sc", 1, ""}),
    [](const auto& info) { return std::string(info.param.scenario) + "_" + info.param.model; });

// `parts` occur in `text` in this order.
bool in_order(const std::string& text, std::initializer_list<const char*> parts) {
  size_t at = 0;
  for (const char* p : parts) {
    at = text.find(p, at);
    if (at == std::string::npos) return false;
    at += std::string(p).size();
  }
  return true;
}

// R5 as the reference lists it: the waker's store of the futex word is
// buffered (1) and its plain read of the waiter count sees 0, so it does
// not wake (2); the waiter counts itself with a LOCK'd increment (3) and
// its futex_wait reads the old word from memory and sleeps (4); only then
// does the waker's store drain (5).
TEST(KernelMutexSchedules, R5IsTheDocumentedInterleaving) {
  auto r = run_locksim({"explore", "scenarios/futex_r5_no_barrier.yaml"});
  EXPECT_TRUE(in_order(r.out, {"[fmutex] <- 0x0 (buffered)", "reads [hb_waiters] = 0x0", "lock incl hb_waiters",
                               "call __futex_wait                reads [fmutex] = 0x2; sleeps", "drain [fmutex] <- 0x0"}))
      << r.out;
}

// The Linux release as a plain store (section 2.1's counterfactual): the
// owner's plain `count = 1` lands after the waiter's `lock decl` marked
// the count -1, erasing the mark; the waiter sleeps on its node and no
// unlock will take the slow path to wake it.
TEST(KernelMutexSchedules, LinuxPlainReleaseErasesTheWaitersMark) {
  auto r = run_locksim({"explore", "scenarios/linux_mutex_plain_release.yaml"});
  EXPECT_TRUE(in_order(r.out, {"lock decl COUNT(%rdi)            reads [mtx] = 0x0, [mtx] <- 0xffffffff",
                               "movl $1, COUNT(%rdi)             [mtx] <- 0x1 (buffered)", "drain [mtx] <- 0x1",
                               "call __futex_wait                sleeps"}))
      << r.out;
}

// R4a: the waiter reads the owner under the chain lock; the owner, back
// on its CPU, releases on the fast path; the waiter's `lock orq` turns the
// free word into a bare MTX_CONTESTED and it sleeps on a free mutex.
TEST(KernelMutexSchedules, R4SetsContestedOnAFreeMutex) {
  auto r = run_locksim({"explore", "scenarios/freebsd_r4_atomic_set.yaml"});
  EXPECT_TRUE(in_order(r.out, {"mtx_unlock.s:15 preempted", "movq (%rbx), %r12                reads [mtx] = 0x7f0000000080",
                               "reads [mtx] = 0x7f0000000080, [mtx] <- 0x0 (locked: to memory)",
                               "lock orq $MTX_CONTESTED, (%rdi)  reads [mtx] = 0x0, [mtx] <- 0x2",
                               "call __turnstile_block           [turnstile_chain] <- 0x0 (locked: to memory); sleeps"}))
      << r.out;
}

// Section 3.7: the owner's plain release is buffered; the waiter's
// compare-and-set sets MTX_CONTESTED on the owned word; the buffered 0
// lands on top and erases it; the waiter sleeps.
TEST(KernelMutexSchedules, FreeBsdPlainReleaseErasesContested) {
  auto r = run_locksim({"explore", "scenarios/freebsd_plain_release.yaml"});
  EXPECT_TRUE(in_order(r.out, {"movq $0, (%rdi)                  [mtx] <- 0x0 (buffered)", "[mtx] <- 0x7f0000000082",
                               "drain [mtx] <- 0x0", "sleeps"}))
      << r.out;
}

// R7: the waker's condition store is buffered (1) and its
// waitqueue_active load sees the queue empty (2: the list head points to
// itself); the waiter queues itself and sets its state with xchg (3),
// reads the condition 0 and sleeps (4); the condition drains (5).
TEST(KernelMutexSchedules, R7IsTheDocumentedInterleaving) {
  auto r = run_locksim({"explore", "scenarios/waitqueue_r7_no_barrier.yaml"});
  EXPECT_TRUE(in_order(r.out, {"movl $1, cond(%rip)              [cond] <- 0x1 (buffered)", "call waitqueue_active",
                               "reads [wq+8] = 0x402008", "xchgl %edx, TASK_STATE(%rax)", "reads [cond] = 0x0", "sleeps",
                               "drain [cond] <- 0x1"}))
      << r.out;
}

// R13 (musl before 0db393d3): T1 marks MAYBE_WAITERS; the owner's release
// clears it and wakes nobody; T2 takes the lock with its bare tid; T1
// sleeps on that word without re-setting the flag, so T2's release sees
// no waiters and wakes no one.
TEST(KernelMutexSchedules, R13LosesTheWaitersFlag) {
  auto r = run_locksim({"explore", "scenarios/r13_lost_wakeup.yaml"});
  EXPECT_TRUE(in_order(r.out, {"[flock] <- 0x40000001", "reads [flock] = 0x40000001, [flock] <- 0x0", "wakes nobody",
                               "reads [flock] = 0x0, [flock] <- 0x3", "reads [flock] = 0x3; sleeps",
                               "reads [flock] = 0x3, [flock] <- 0x0"}))
      << r.out;
}

}  // namespace
}  // namespace locksim
