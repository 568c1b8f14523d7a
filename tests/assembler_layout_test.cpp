// Directives, expressions and layout: addresses and bytes computed by hand
// from the GNU as rules (x86 ELF .align is in bytes, .p2align in powers of 2).
#include <gtest/gtest.h>

#include "cpu/asm/assembler.h"

namespace locksim::cpu {
namespace {

uint64_t data_word(const Program& p, const std::string& label, unsigned size = 8) {
  const Symbol& s = p.symbols.at(label);
  const Section& sec = s.section == SectionKind::Data ? p.data : p.bss;
  uint64_t v = 0;
  for (unsigned i = 0; i < size && s.address - sec.base + i < sec.bytes.size(); ++i)
    v |= static_cast<uint64_t>(sec.bytes[s.address - sec.base + i]) << (8 * i);
  return v;
}

TEST(AssemblerLayout, SectionsStartWhereANonPieLinkPutsThem) {
  Program p = assemble({SourceFile{"t.s", "f: nop\n ret\n.data\nd: .byte 1\n.bss\nb: .zero 4\n"}});
  EXPECT_EQ(p.symbols.at("f").address, 0x401000u);
  EXPECT_EQ(p.code.size(), 2u);
  EXPECT_EQ(p.code[1].address, 0x401001u);  // one byte per instruction
  EXPECT_EQ(p.symbols.at("d").address, 0x402000u);  // the page after the code
  EXPECT_EQ(p.symbols.at("b").address, 0x402040u);  // next 64-byte boundary after 1 data byte
}

TEST(AssemblerLayout, DataDirectivesAlignmentAndExpressions) {
  Program p = assemble({SourceFile{"t.s", R"(
        .equ SIZE, 3 * 4          # 12
        .set MASK, (1 << 4) | 1   # 17
        .data
a:      .byte 1, -1, 'A           # 3 bytes at offset 0
        .align 8                  # pad to 8
q:      .quad a + SIZE, MASK      # a's address + 12, then 17
w:      .word 0xbeef
        .p2align 4                # pad 18 bytes to 32
l:      .long -2
s:      .ascii "hi"
z:      .asciz "x"
        .fill 2, 2, 0x0102        # 02 01 02 01
e:      .quad e - a               # own offset: 32 + 4 + 2 + 2 + 4 = 44
        .balign 16, 0xcc          # 52 -> 64 with 0xcc fill
after:  .byte 7
)"}});
  const uint64_t base = p.data.base;
  EXPECT_EQ(p.symbols.at("a").address, base);
  EXPECT_EQ(data_word(p, "a", 3), 0x41ff01u);
  EXPECT_EQ(p.symbols.at("q").address, base + 8);
  EXPECT_EQ(data_word(p, "q"), base + 12);
  EXPECT_EQ(data_word(p, "w", 2), 0xbeefu);
  EXPECT_EQ(p.symbols.at("l").address, base + 32);
  EXPECT_EQ(data_word(p, "l", 4), 0xfffffffeu);
  EXPECT_EQ(data_word(p, "s", 2), 0x6968u);  // 'h' 'i'
  EXPECT_EQ(data_word(p, "z", 2), 0x78u);    // 'x' then NUL
  EXPECT_EQ(p.data.bytes[40], 0x02);
  EXPECT_EQ(p.data.bytes[41], 0x01);
  EXPECT_EQ(data_word(p, "e"), 44u);
  EXPECT_EQ(p.data.bytes[60], 0xcc);
  EXPECT_EQ(p.symbols.at("after").address, base + 64);
  EXPECT_EQ(p.symbols.at("SIZE").address, 12u);
  EXPECT_FALSE(p.symbols.at("SIZE").is_label);
}

TEST(AssemblerLayout, NumericLocalLabelsResolveNearestDefinition) {
  Program p = assemble({SourceFile{"t.s", R"(
f:      jmp 1f        # code[0] -> code[1]
1:      nop           # code[1]
1:      jmp 1b        # code[2] -> itself (the nearest earlier "1")
        jmp 1f        # code[3] -> code[4]
1:      ret           # code[4]
)"}});
  EXPECT_EQ(p.code[0].target, 1u);
  EXPECT_EQ(p.code[2].target, 2u);
  EXPECT_EQ(p.code[3].target, 4u);
}

TEST(AssemblerLayout, LabelsAreFileLocalUnlessGlobal) {
  Program p = assemble({
      SourceFile{"a.s", ".globl shared\nshared: ret\nhelper: ret\n.data\nx: .quad helper\n"},
      SourceFile{"b.s", "helper: nop\n ret\n.data\ny: .quad helper, shared\n"},
  });
  // Each file's "helper" is its own; "shared" is the global one from a.s.
  EXPECT_EQ(data_word(p, "x"), 0x401001u);
  EXPECT_EQ(p.symbols.at("y").address, p.data.base + 8);
  uint64_t y0 = 0, y1 = 0;
  for (int i = 0; i < 8; ++i) {
    y0 |= static_cast<uint64_t>(p.data.bytes[8 + i]) << (8 * i);
    y1 |= static_cast<uint64_t>(p.data.bytes[16 + i]) << (8 * i);
  }
  EXPECT_EQ(y0, 0x401002u);  // b.s's text follows a.s's two instructions
  EXPECT_EQ(y1, 0x401000u);
}

TEST(AssemblerLayout, LockPrefixSpellingsAndImpliedLock) {
  Program p = assemble({SourceFile{"t.s", R"(
f:      lock incq (%rdi)
        lock; decl (%rdi)
        lock
        addw $1, (%rdi)
        xchg %eax, (%rdi)     # implicitly locked
        xchg %eax, %ebx       # register-only: no lock
        incq (%rdi)
)"}});
  ASSERT_EQ(p.code.size(), 6u);
  EXPECT_TRUE(p.code[0].lock);
  EXPECT_TRUE(p.code[1].lock);
  EXPECT_TRUE(p.code[2].lock);
  EXPECT_TRUE(p.code[3].lock);
  EXPECT_FALSE(p.code[4].lock);
  EXPECT_FALSE(p.code[5].lock);
}

TEST(AssemblerLayout, RepNopIsPauseAndRegistersIgnoreCase) {
  Program p = assemble({SourceFile{"t.s", "f: rep; nop\n rep nop\n rep\n nop\n MOVL %EAX, %R9D\n"}});
  ASSERT_EQ(p.code.size(), 4u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(p.code[i].op, Op::Pause) << i;
  EXPECT_EQ(p.code[3].op, Op::Mov);
  EXPECT_EQ(p.code[3].operands[1].reg.gpr, R9);
  EXPECT_EQ(p.code[3].operands[1].reg.size, 4);
}

TEST(AssemblerLayout, SegmentOverridesAndAddressingForms) {
  Program p = assemble({SourceFile{"t.s", R"(
        .data
arr:    .zero 64
        .text
f:      mov %gs:8, %rax
        mov %fs:arr(,%rcx,8), %rbx
        mov arr+16(%rip), %rdx
        lea -4(%rbp,%rsi,2), %rdi
)"}});
  const auto& m0 = p.code[0].operands[0].mem;
  EXPECT_EQ(m0.segment, Segment::Gs);
  EXPECT_EQ(m0.disp, 8);
  const auto& m1 = p.code[1].operands[0].mem;
  EXPECT_EQ(m1.segment, Segment::Fs);
  EXPECT_EQ(m1.index, RCX);
  EXPECT_EQ(m1.scale, 8);
  EXPECT_EQ(m1.disp, static_cast<int64_t>(p.data.base));
  EXPECT_EQ(p.code[2].operands[0].mem.disp, static_cast<int64_t>(p.data.base + 16));
  const auto& m3 = p.code[3].operands[0].mem;
  EXPECT_EQ(m3.base, RBP);
  EXPECT_EQ(m3.index, RSI);
  EXPECT_EQ(m3.scale, 2);
  EXPECT_EQ(m3.disp, -4);
}

}  // namespace
}  // namespace locksim::cpu
