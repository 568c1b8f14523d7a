// cpu/liveness.h against cpu/execute.cpp, the semantics it summarises: for
// every instruction form the locks and compilers use, a register the table
// says is not read is changed at random, and the instruction must do the
// same thing (same memory, pc and outcome, the same other registers), the
// register itself passing through unchanged, or, when the table says the
// instruction kills it, coming out the same whatever it held. Then the
// dataflow on small programs whose live registers are derived by hand.
#include <gtest/gtest.h>

#include <random>

#include "cpu/asm/assembler.h"
#include "cpu/execute.h"
#include "cpu/flat_memory.h"
#include "cpu/liveness.h"
#include "cpu/memory_layout.h"

namespace locksim::cpu {
namespace {

const char* const kForms[] = {
    "movq %rax, %rdx", "movl %eax, %edx", "movw %ax, %dx", "movb %al, %dl", "movb %ah, %dl", "movq $5, %rax",
    "movl $5, %eax", "movq (%rbx), %rax", "movq %rax, (%rbx)", "movq 8(%rbx,%rcx,8), %rsi", "movl buf(%rip), %r8d",
    "movb $1, (%rbx)", "movzbl (%rbx), %eax", "movzwl %ax, %edx", "movzbw %al, %dx", "movsbq %al, %rdx",
    "movslq %eax, %rdx", "leaq 8(%rbx,%rcx,4), %rdx", "leal (%rax), %edx", "addq %rax, %rdx", "addl $3, %edx",
    "addb %al, %dl", "addq %rax, (%rbx)", "addq (%rbx), %rdx", "orq %rsi, %rdi", "orb $1, %dh", "andq $-64, %rax",
    "andl %esi, %edi", "subq %rax, %rdx", "subq $1, (%rbx)", "xorl %eax, %eax", "xorq %rsi, %rdx", "adcq %rax, %rdx",
    "adcl $0, %edx", "sbbq %rax, %rdx", "sbbl %eax, %eax", "cmpq %rax, %rdx", "cmpb $1, (%rbx)", "cmpq $0, buf(%rip)",
    "testq %rax, %rax", "testl $1, %edx", "testb $1, (%rbx)", "incq %rax", "decl %edx", "incb (%rbx)",
    "lock incq (%rbx)", "lock decl (%rbx)", "negq %rax", "negl %edx", "notq %rax", "notb %al", "shlq $1, %rax",
    "shlq $3, %rax", "shrl %cl, %edx", "sarq $0, %rax", "shrq %rax", "rolq $5, %rax", "rorb $1, %al", "imulq %rdx",
    "imulq %rsi, %rdx", "imulq $7, %rsi, %rdx", "mulq %rsi", "divq %rsi", "idivl %esi", "btq %rax, %rdx",
    "btsq $3, (%rbx)", "btrl %eax, %edx", "btcq $1, %rax", "xchgq %rax, %rdx", "xchgq %rax, (%rbx)",
    "xchgb %al, (%rbx)", "xaddq %rax, %rdx", "lock xaddq %rax, (%rbx)", "cmpxchgq %rdx, (%rbx)",
    "lock cmpxchgl %edx, (%rbx)", "lock cmpxchgq %rsi, (%rbx)", "cmpxchgq %rdx, %rsi", "lock cmpxchg16b (%rbx)",
    "lock cmpxchg8b (%rbx)", "lock orq $1, (%rbx)", "lock andl $-2, (%rbx)", "sete %al", "setne (%rbx)",
    "cmovel %eax, %edx", "cmovneq (%rbx), %rdx", "jne t", "je t", "jmp t", "call t", "ret", "pushq %rax",
    "pushq $3", "pushq (%rbx)", "popq %rdx", "popq (%rbx)", "pushfq", "popfq", "leave", "cbtw", "cwtl", "cltq",
    "cwtd", "cltd", "cqto", "nop", "pause", "mfence", "lfence", "sfence", "clc", "stc", "cmc", "hlt",
    "call __futex_wait", "call __cs_enter", "call __turnstile_block",
};

struct Outcome {
  bool fault = false;
  StepOutcome step = StepOutcome::Continue;
  CpuState state;
  std::vector<uint64_t> memory;
};

class Form : public ::testing::TestWithParam<const char*> {};

TEST_P(Form, ReadsAndKillsMatchTheSemantics) {
  const Program p = assemble({SourceFile{"form.s", std::string(".data\n.p2align 6\nbuf: .zero 256\n.text\nf: ") +
                                                       GetParam() + "\nt: nop\nnop\n"}});
  const Instr& in = p.code[0];
  const RegEffect e = reg_effect(in);
  std::mt19937_64 rng(12345);
  const uint64_t buf = p.symbols.at("buf").address;
  const uint64_t rsp = stack_top(0) - 512;
  auto run = [&](const CpuState& start, const std::vector<uint64_t>& words) {
    FlatMemory m(p, 1);
    for (size_t i = 0; i < words.size(); ++i) m.store(buf + 8 * i, 8, words[i]);
    // A return address on the stack, for ret (and leave's pop).
    for (uint64_t a = rsp; a < rsp + 64; a += 8) m.store(a, 8, p.code[1].address);
    Outcome o;
    o.state = start;
    try {
      o.step = execute(p, in, o.state, m);
    } catch (const std::exception&) {
      o.fault = true;
    }
    for (size_t i = 0; i < words.size(); ++i) o.memory.push_back(m.peek(buf + 8 * i, 8));
    for (uint64_t a = rsp - 64; a < rsp + 64; a += 8) o.memory.push_back(m.peek(a, 8));
    return o;
  };
  int compared = 0;
  for (int trial = 0; trial < 64; ++trial) {
    CpuState base;
    for (auto& r : base.regs) r = rng();
    base.regs[RBX] = buf + 64;  // address registers point into memory
    base.regs[RCX] = rng() % 8;
    base.regs[RDX] = rng() % 4;  // so that div rarely overflows
    base.regs[RSP] = rsp;
    base.regs[RBP] = rsp + 16;
    base.rflags = (rng() & flag::kArithmetic) | flag::kFixed;
    std::vector<uint64_t> words(32);
    for (auto& w : words) w = rng() % 3 == 0 ? base.regs[RAX] : rng();  // cmpxchg succeeds sometimes
    const Outcome a = run(base, words);
    if (a.fault) continue;
    ++compared;
    for (unsigned x = 0; x <= kGprCount; ++x) {
      const RegSet xb = RegSet{1} << x;
      if (e.reads & xb) continue;
      CpuState changed = base;
      if (x < kGprCount) changed.regs[x] = rng();
      else changed.rflags ^= (rng() | 1) & flag::kArithmetic;
      const Outcome b = run(changed, words);
      const std::string what = std::string(GetParam()) + ": changing " +
                               (x < kGprCount ? std::string(kGpr64Names[x]) : std::string("the flags")) + ", trial " +
                               std::to_string(trial);
      ASSERT_FALSE(b.fault) << what;
      EXPECT_EQ(a.step, b.step) << what;
      EXPECT_EQ(a.state.pc, b.state.pc) << what;
      EXPECT_EQ(a.memory, b.memory) << what;
      for (unsigned y = 0; y < kGprCount; ++y) {
        if (y == x) continue;
        EXPECT_EQ(a.state.regs[y], b.state.regs[y]) << what << ": " << kGpr64Names[y];
      }
      if (x < kGprCount) {
        if (e.kills & xb) {
          EXPECT_EQ(a.state.regs[x], b.state.regs[x]) << what << ": killed, yet depends on what it held";
        } else {
          EXPECT_EQ(a.state.regs[x], base.regs[x]) << what << ": not killed, yet changed";
          EXPECT_EQ(b.state.regs[x], changed.regs[x]) << what << ": not killed, yet changed";
        }
        EXPECT_EQ(a.state.rflags, b.state.rflags) << what;
      } else if (e.kills & kFlagsBit) {
        EXPECT_EQ(a.state.rflags, b.state.rflags) << what << ": killed, yet depends on what they held";
      } else {
        EXPECT_EQ(a.state.rflags ^ b.state.rflags, base.rflags ^ changed.rflags) << what << ": passed through";
      }
    }
  }
  EXPECT_GT(compared, 8) << GetParam() << ": too few trials ran without a fault";
}

INSTANTIATE_TEST_SUITE_P(Forms, Form, ::testing::ValuesIn(kForms), [](const auto& info) {
  std::string n;
  for (char c : std::string(info.param)) n += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return n + "_" + std::to_string(info.index);
});

RegSet regs(std::initializer_list<Gpr> rs, bool flags = false) {
  RegSet s = flags ? kFlagsBit : 0;
  for (Gpr r : rs) s |= RegSet{1} << r;
  return s;
}

Program program(const std::string& text) { return assemble({SourceFile{"live.s", ".data\nv: .quad 0\n.text\n" + text}}); }

// Straight-line: `movq v, %rax` kills %rax, so before it only %rsp (the
// ret) and what the exit observes (%rax here: killed, so not live before
// the load) matter; between the load and the cmp, %rax; the cmp kills
// the flags, so they are dead before it; jne reads them.
TEST(Liveness, StraightLineAndAJump) {
  const Program p = program("e: movq v(%rip), %rax\ncmpq $0, %rax\njne e\nret\n");
  const Liveness l(p, {0}, {}, regs({RAX}));
  EXPECT_EQ(l.live(0), regs({RSP}));
  EXPECT_EQ(l.live(1), regs({RAX, RSP}));
  EXPECT_EQ(l.live(2), regs({RAX, RSP}, true));
  EXPECT_EQ(l.live(3), regs({RAX, RSP}));
}

// A call: the callee's ret returns after the call only, and leaves the
// thread never (the callee is no entry). After `call g` the caller kills
// %rdx: so %rdx is dead at g's ret, though g's ret is followed by the
// thread's exit only through the caller, which observes nothing.
TEST(Liveness, ARetReturnsToItsCallers) {
  const Program p = program("e: call g\nmovq $1, %rdx\nret\ng: movq %rdi, %rdx\nret\n");
  const Liveness l(p, {0}, {}, 0);
  EXPECT_EQ(l.live(4), regs({RSP}));              // g's ret: %rdx dead (killed after the call)
  EXPECT_EQ(l.live(3), regs({RSP, RDI}));         // g reads %rdi
  EXPECT_TRUE(l.may_return_to(4, 1));
  EXPECT_FALSE(l.may_return_to(4, 3));
  EXPECT_FALSE(l.may_leave(4));
  EXPECT_TRUE(l.may_leave(2));
}

// A thread preempted inside [a, c) resumes at a, which reads %rbx: %rbx is
// live throughout the range though nothing after a reads it.
TEST(Liveness, RestartRangesKeepTheStartsRegisters) {
  const Program p = program("e: movq %rbx, v(%rip)\nmovq $0, %rbx\nnop\nret\n");
  const Liveness without(p, {0}, {}, 0);
  EXPECT_EQ(without.live(2), regs({RSP}));
  const Liveness with(p, {0}, {{0, 3}}, 0);
  EXPECT_EQ(with.live(2), regs({RSP, RBX}));
}

// An indirect jump: no successor is known, so everything is live.
TEST(Liveness, AnIndirectJumpKeepsEverything) {
  const Program p = program("e: jmp *%rax\nret\n");
  const Liveness l(p, {0}, {}, 0);
  EXPECT_EQ(l.live(1), kAllRegs);
}

}  // namespace
}  // namespace locksim::cpu
