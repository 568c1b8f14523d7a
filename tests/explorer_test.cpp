// The x86-TSO explorer in process: final states, the reduction's bookkeeping
// (stack sharing learned from footprints, the cycle proviso), replays.
// Expected values are derived by hand from the abstract machine.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cpu/asm/assembler.h"
#include "cpu/thread_start.h"
#include "sim/explore/tso_explorer.h"

namespace locksim {
namespace {

cpu::Program assemble(const std::string& text) { return cpu::assemble({cpu::SourceFile{"test.s", text}}); }

std::vector<ExplorerThread> threads(const cpu::Program& p, std::initializer_list<const char*> entries) {
  std::vector<ExplorerThread> out;
  for (const char* e : entries)
    out.push_back(ExplorerThread{cpu::find_entry(p, e), cpu::initial_registers(static_cast<uint32_t>(out.size()))});
  return out;
}

using Outcomes = std::set<std::pair<uint64_t, uint64_t>>;

struct Explored {
  ExploreResult result;
  Outcomes outcomes;  // (T0's reg0, T1's reg1) in each final state
};

// Runs the explorer over every execution, collecting the outcome pairs.
Explored explore(TsoExplorer& e, cpu::Gpr reg0, cpu::Gpr reg1) {
  Explored out;
  out.result = e.run([&](uint32_t s) {
    out.outcomes.insert({e.cpu(s, 0).regs[reg0], e.cpu(s, 1).regs[reg1]});
    return true;
  });
  return out;
}

// The store-buffering program (SB) of the first and third tests below.
const char* const kStoreBuffering =
    "        .data\nx: .quad 0\n        .p2align 6\ny: .quad 0\n        .text\n"
    "t0:     movq $1, x(%rip)\n        movq y(%rip), %rax\n        ret\n"
    "t1:     movq $1, y(%rip)\n        movq x(%rip), %rax\n        ret\n";

// Store buffering: T0 stores x then loads y into rax; T1 stores y then loads
// x into rax. On the abstract machine every pair (r0, r1) is reachable:
// (1,1) and the two (0,1)/(1,0) by interleaving, and (0,0) when both loads
// run while both stores are still buffered. So 4 final states.
TEST(Explorer, StoreBufferingReachesAllFourOutcomes) {
  auto p = assemble(kStoreBuffering);
  TsoExplorer e(p, threads(p, {"t0", "t1"}), 100000);
  const auto [r, outcomes] = explore(e, cpu::RAX, cpu::RAX);
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.stuck_state, -1);
  EXPECT_EQ(outcomes, (Outcomes{{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
  EXPECT_EQ(r.restarts, 0u);  // no thread touches another's stack
}

// The same shape with mfence after each store: a load runs only after its
// thread's store reached memory, so the second load to run sees the first
// thread's store: (0,0) is gone, 3 outcomes.
TEST(Explorer, MfenceForbidsTheBothZeroOutcome) {
  auto p = assemble(
      "        .data\nx: .quad 0\n        .p2align 6\ny: .quad 0\n        .text\n"
      "t0:     movq $1, x(%rip)\n        mfence\n        movq y(%rip), %rax\n        ret\n"
      "t1:     movq $1, y(%rip)\n        mfence\n        movq x(%rip), %rax\n        ret\n");
  TsoExplorer e(p, threads(p, {"t0", "t1"}), 100000);
  EXPECT_EQ(explore(e, cpu::RAX, cpu::RAX).outcomes, (Outcomes{{0, 1}, {1, 0}, {1, 1}}));
}

// Without store buffers each instruction waits for the one before's stores
// to reach memory: in SB the second load to run comes after the other
// thread's store, so (0,0) is gone, as with mfence.
TEST(Explorer, WithoutStoreBuffersStoreBufferingIsSequential) {
  auto p = assemble(kStoreBuffering);
  TsoExplorer e(p, threads(p, {"t0", "t1"}), 100000);
  e.set_sequentially_consistent(true);
  EXPECT_EQ(explore(e, cpu::RAX, cpu::RAX).outcomes, (Outcomes{{0, 1}, {1, 0}, {1, 1}}));
}

// Store buffering with T0's flag in its own stack frame, read by T1 through
// a published pointer. T0: frame = rsp (buffered), slot = 1 (buffered),
// rbx = y. T1: wait for frame, y = 1 (buffered), rcx = *frame. (0,0) is
// reachable: drain T0's frame store only, let T1 read the pointer, store y
// (buffered) and read the slot (0: T0's slot store is still buffered), then
// T0 reads y (0: T1's store is still buffered). A reduction that took T0's
// own-stack store as invisible would drain it at once and miss (0,0).
// T1's one load of T0's stack touches one 64-byte line: one restart.
TEST(Explorer, SharedStackSlotIsSharedMemory) {
  auto p = assemble(
      "        .data\nframe: .quad 0\n        .p2align 6\ny: .quad 0\n        .text\n"
      "t0:     subq $64, %rsp\n        movq %rsp, frame(%rip)\n        movq $1, (%rsp)\n"
      "        movq y(%rip), %rbx\n        addq $64, %rsp\n        ret\n"
      "t1:\n1:      movq frame(%rip), %rsi\n        testq %rsi, %rsi\n        jz 1b\n"
      "        movq $1, y(%rip)\n        movq (%rsi), %rcx\n        ret\n");
  TsoExplorer e(p, threads(p, {"t0", "t1"}), 100000);
  const auto [r, outcomes] = explore(e, cpu::RBX, cpu::RCX);
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(outcomes, (Outcomes{{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
  EXPECT_EQ(r.restarts, 1u);
  EXPECT_EQ(r.shared_stack_lines, 1u);
  // The slot is rsp after `subq $64` below the start-up's return address:
  // stack_top(0) - 8 - 64.
  EXPECT_TRUE(e.stack_shared(cpu::stack_top(0) - 72));
  EXPECT_FALSE(e.stack_shared(cpu::stack_top(0) - 8));  // the return address: T0's alone
}

// The cycle proviso. T0 spins on `jmp` forever touching nothing, so its
// step is always invisible, and it returns to the same state. Without the
// proviso that state would be the only successor of itself and T1 would
// never run. With it: s0 (T1 at its store) -> s1 (store buffered) -> s2
// (drained) or s3 (T1 returned, store still buffered) -> s4 (returned,
// drained), reached from both: 5 states, no final state (T0 never ends),
// and the initial state is already stuck.
TEST(Explorer, ASpinningThreadDoesNotHideTheOthers) {
  auto p = assemble(
      "        .data\nx: .quad 0\n        .text\n"
      "t0:\n1:      jmp 1b\n"
      "t1:     movq $1, x(%rip)\n        ret\n");
  TsoExplorer e(p, threads(p, {"t0", "t1"}), 100000);
  ExploreResult r = e.run([](uint32_t) { return true; });
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.states, 5u);
  EXPECT_EQ(r.final_states, 0u);
  EXPECT_EQ(r.stuck_state, 0);
}

// A replay of a schedule the search could take, and of one it cannot.
TEST(Explorer, ReplaysOnlyWhatTheMachineAllows) {
  auto p = assemble(
      "        .data\nx: .quad 0\n        .text\n"
      "t0:     movq $1, x(%rip)\n        ret\n"
      "t1:     movq x(%rip), %rax\n        ret\n");
  TsoExplorer e(p, threads(p, {"t0", "t1"}), 100000);
  // T0 stores (buffered), T0 drains, T1 loads 1; then both return (each
  // `ret` reads its own stack: a step).
  ReplayResult ok = e.replay({0, 1, 2, 0, 2});
  EXPECT_TRUE(ok.ok) << ok.problem;
  EXPECT_EQ(ok.state.threads[1].cpu.regs[cpu::RAX], 1u);
  // T1 loads before the drain: it reads 0.
  ReplayResult early = e.replay({0, 2, 1, 0, 2});
  EXPECT_TRUE(early.ok) << early.problem;
  EXPECT_EQ(early.state.threads[1].cpu.regs[cpu::RAX], 0u);
  // A drain of an empty buffer is not a step of the machine.
  ReplayResult bad = e.replay({1});
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.steps, 0u);
  EXPECT_EQ(bad.problem, "T0's store buffer is empty, but the schedule drains it");
}

// A store to .text faults in the explorer as in the other engines, at the
// instruction's line.
TEST(Explorer, StoreToTextFaultsAtItsLine) {
  auto p = assemble("        .text\nt0:     movb $1, t0(%rip)\n        ret\n");
  TsoExplorer e(p, threads(p, {"t0"}), 1000);
  try {
    e.run([](uint32_t) { return true; });
    FAIL() << "expected a fault";
  } catch (const cpu::MemoryFault& f) {
    EXPECT_EQ(std::string(f.what()).rfind("test.s:2: segmentation fault: write of 1 bytes at", 0), 0u) << f.what();
    EXPECT_NE(std::string(f.what()).find("(read-only)"), std::string::npos) << f.what();
  }
}

}  // namespace
}  // namespace locksim
