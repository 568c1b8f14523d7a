// Every way the assembler rejects input names file:line:col and what it
// expected. Positions below are counted by hand from the source text.
#include <gtest/gtest.h>

#include "cpu/asm/assembler.h"
#include "cpu/asm/input_error.h"

namespace locksim::cpu {
namespace {

struct BadSource {
  const char* name;
  const char* text;
  const char* where;    // "line:col"
  const char* message;  // a phrase the error must contain
};

const BadSource kCases[] = {
    {"unknown_mnemonic", "f:\n  frob %eax\n", "2:3", "unknown instruction 'frob'"},
    {"bad_combination_mem_mem", "f: add (%rax), (%rbx)\n", "1:4", "invalid operand combination for 'add' (memory, memory)"},
    {"bad_combination_imm_dst", "f: mov %eax, $1\n", "1:4", "invalid operand combination for 'mov'"},
    {"suffix_mismatch", "f: movl %rax, %rbx\n", "1:9", "does not match the 'l' size suffix"},
    {"register_size_mismatch", "f: add %eax, %rbx\n", "1:14", "operand size mismatch"},
    {"ambiguous_size", "f: inc (%rax)\n", "1:4", "operand size of 'inc' is ambiguous"},
    {"undefined_symbol", "f: mov nowhere(%rip), %rax\n", "1:8", "undefined symbol 'nowhere'"},
    {"duplicate_label", "a: nop\na: nop\n", "2:1", "duplicate label 'a' (first defined at line 1)"},
    {"malformed_number", "f: mov $12ab, %eax\n", "1:9", "malformed number '12ab'"},
    {"malformed_hex", "f: mov $0xzz, %eax\n", "1:9", "malformed number '0xzz'"},
    {"number_too_large", "f: mov $0x1ffffffffffffffff, %rax\n", "1:9", "does not fit in 64 bits"},
    {"unknown_register", "f: mov %exx, %eax\n", "1:8", "unknown register '%exx'"},
    {"unknown_directive", ".frobnicate 3\n", "1:1", "unknown directive '.frobnicate'"},
    {"unterminated_string", ".data\n.ascii \"abc\n", "2:8", "unterminated string"},
    {"unterminated_comment", "nop /* forever\n", "1:5", "unterminated /* comment"},
    {"stray_character", "f: mov ?, %eax\n", "1:8", "unexpected character '?'"},
    {"lock_not_allowed", "f: lock mov %eax, (%rbx)\n", "1:9", "lock prefix is not allowed on 'mov'"},
    {"lock_register_destination", "f: lock add %eax, %ebx\n", "1:9", "lock prefix needs a memory destination"},
    {"lock_at_end", "f: nop\nlock\n", "2:1", "lock prefix at end of file"},
    {"lock_before_label", "lock\nf: add %eax, (%rbx)\n", "2:1", "prefix must be followed by an instruction"},
    {"lock_before_directive", "lock\n.data\n", "2:1", "prefix must be followed by an instruction"},
    {"immediate_range_8", "f: movb $256, %al\n", "1:9", "immediate 256 out of range for this 8-bit instruction"},
    {"immediate_range_64", "f: addq $0x80000000, %rax\n", "1:9", "out of range for this 64-bit instruction"},
    {"shift_count_range", "f: shl $300, %eax\n", "1:8", "shift count 300 out of range"},
    {"bad_scale", "f: mov (%rax,%rbx,3), %eax\n", "1:19", "scale must be 1, 2, 4 or 8, found 3"},
    {"rsp_index", "f: mov (%rax,%rsp,2), %eax\n", "1:14", "%rsp cannot be an index register"},
    {"address_register_size", "f: mov (%eax), %ebx\n", "1:9", "address register '%eax' must be a 64-bit register"},
    {"rip_with_index", "f: mov x(%rip,%rax), %ebx\nx: nop\n", "1:15", "takes no index register"},
    {"branch_to_data", ".data\nd: .quad 0\n.text\nf: jmp d\n", "4:8", "branch target 'd' is not an instruction"},
    {"instruction_in_data", ".data\n  nop\n", "2:3", "instruction 'nop' outside .text"},
    {"data_in_bss", ".bss\n.quad 1\n", "2:7", "data directives are not allowed in .bss"},
    {"local_label_backward_missing", "f: jmp 1b\n", "1:8", "local label '1b' has no earlier definition"},
    {"local_label_forward_missing", "1: nop\nf: jmp 1f\n", "2:8", "local label '1f' has no later definition"},
    {"equ_cycle", ".equ a, b\n.equ b, a\nf: mov $a, %eax\n", "1:6", "'a' is defined in terms of itself"},
    {"zero_needs_constant", ".data\n.zero later\nlater: .quad 0\n", "2:7", "expected a constant expression"},
    {"division_by_zero", "f: mov $1/0, %eax\n", "1:10", "division by zero in expression"},
    {"missing_operand", "f: add %eax,\n", "1:12", "missing operand after ','"},
    {"operand_count", "f: inc %eax, %ebx\n", "1:4", "'inc' takes 1 operand, found 2"},
    {"shift_count_register", "f: shl %dl, %eax\n", "1:8", "shift count must be an immediate or %cl"},
    {"movzx_ambiguous", "f: movzx (%rax), %eax\n", "1:4", "source size of 'movzx' is ambiguous"},
    {"movzx_bad_widths", "f: movzbw %al, %eax\n", "1:16", "does not match 'movzbw'"},
    {"high8_with_rex", "f: mov %ah, %sil\n", "1:8", "can't encode register '%ah' in an instruction requiring a REX prefix"},
    {"align_not_power", ".data\n.align 3\n", "2:8", "alignment must be a power of two"},
    {"unsupported_section", ".section .init_array\n", "1:10", "unsupported section '.init_array'"},
    {"intel_syntax", ".intel_syntax noprefix\n", "1:1", "'.intel_syntax' is not supported"},
    {"setcc_size", "f: sete %eax\n", "1:9", "'sete' needs an 8-bit operand"},
    {"segment_override", "f: mov %xs:0, %eax\n", "1:8", "unknown segment register '%xs'"},
    {"byte_value_range", ".data\n.byte 300\n", "2:7", "value 300 does not fit in '.byte'"},
    {"displacement_range", "f: mov 0x100000000(%rax), %eax\n", "1:8", "does not fit in 32 bits"},
    {"absolute_range", "f: mov 0x100000000, %eax\n", "1:8", "does not fit in a signed 32-bit displacement"},
    {"expression_garbage", "f: mov $(1+), %eax\n", "1:12", "expected a number or symbol, found ')'"},
    {"jcc_needs_label", "f: je %rax\n", "1:7", "'je' needs a label as its target"},
    {"indirect_on_non_branch", "f: mov *%rax, %rbx\n", "1:8", "'*' (indirect operand) is only allowed on jmp and call"},
    {"rep_prefix", "f: rep movsb\n", "1:8", "the rep prefix is only supported on nop"},
    {"rep_at_end", "f: nop\nrep\n", "2:1", "rep prefix at end of file"},
    {"repne_prefix", "f: repne nop\n", "1:4", "prefix 'repne' is not supported"},
    {"lea_byte", "f: lea (%rax), %al\n", "1:4", "'lea' has no 8-bit form"},
    {"push_32bit", "f: push %eax\n", "1:4", "'push' has no 32-bit form in 64-bit mode"},
    {"negative_zero_size", ".data\n.zero -4\n", "2:7", "size must not be negative"},
    {"popsection_without_push", ".popsection\n", "1:1", "'.popsection' without a matching '.pushsection'"},
    // The one 64-bit quotient that overflows: GNU as dies of SIGFPE on it.
    {"division_overflow", ".data\n.quad (-0x7fffffffffffffff-1) / -1\n", "2:31", "division overflows 64 bits"},
    {"remainder_overflow", ".data\n.quad (-0x7fffffffffffffff-1) % -1\n", "2:31", "division overflows 64 bits"},
    // .fill's size is repeat * size, checked before a byte is written.
    {"fill_over_limit", ".data\n.fill 1000000000, 8, 0\n", "2:1", "section would exceed the limit of 64 MiB"},
    {"zero_over_limit_in_steps", ".bss\n.zero 0x3000000\n.zero 0x1000001\n", "3:1",
     "section would exceed the limit of 64 MiB"},
    // Found by fuzzing: std::stoll threw out_of_range.
    {"local_label_number_too_large", "f: jmp 33333333333333333333b\n", "1:8", "local label number '33333333333333333333' is too large"},
    {"comm_over_limit", ".comm big, 0x5000000\n", "1:1", "section would exceed the limit of 64 MiB"},
};

void PrintTo(const BadSource& c, std::ostream* os) { *os << c.name; }

class AssemblerErrors : public ::testing::TestWithParam<BadSource> {};

TEST_P(AssemblerErrors, NamesPositionAndExpectation) {
  const BadSource& c = GetParam();
  try {
    assemble({SourceFile{"t.s", c.text}});
    FAIL() << "accepted: " << c.text;
  } catch (const InputError& e) {
    std::string msg = e.what();
    EXPECT_EQ(msg.rfind(std::string("t.s:") + c.where + ": error: ", 0), 0u) << msg;
    EXPECT_NE(msg.find(c.message), std::string::npos) << msg;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, AssemblerErrors, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(AssemblerLinkErrors, DuplicateGlobalAcrossFiles) {
  try {
    assemble({SourceFile{"a.s", ".globl f\nf: ret\n"}, SourceFile{"b.s", "  .globl f\nf: ret\n"}});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "b.s:1:10: error: global symbol 'f' is also defined in a.s");
  }
}

TEST(AssemblerLinkErrors, UnknownEntrySymbolListsCodeLabels) {
  Program p = assemble({SourceFile{"a.s", "f: ret\ng: ret\n.data\nd: .quad 0\n"}});
  try {
    find_entry(p, "main");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "error: unknown entry symbol 'main' (code labels: f, g)");
  }
  try {
    find_entry(p, "d");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "a.s:4:1: error: entry symbol 'd' is not an instruction in .text");
  }
}

TEST(AssemblerLinkErrors, MissingFile) {
  try {
    assemble_files({"/nonexistent/x.s"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "error: cannot read assembly file '/nonexistent/x.s': No such file or directory");
  }
}

TEST(AssemblerLinkErrors, DirectoryIsNotASourceFile) {
  try {
    assemble_files({"/tmp"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "error: cannot read assembly file '/tmp': it is a directory");
  }
}

// Inputs built to exhaust the stack or memory: each is an error naming the
// limit, at the token where the limit is crossed.
std::string expect_error(const std::string& text) {
  try {
    assemble({SourceFile{"t.s", text}});
  } catch (const InputError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(AssemblerLimits, ExpressionNesting) {
  // 100,000 parentheses used to overflow the host stack.
  std::string deep = "f: mov $" + std::string(100000, '(') + "1" + std::string(100000, ')') + ", %eax\n";
  // The 257th '(' is at column 9 + 256.
  EXPECT_EQ(expect_error(deep), "t.s:1:265: error: expression nested deeper than 256 levels");
  std::string unary = "f: mov $" + std::string(100000, '-') + "1, %eax\n";
  EXPECT_EQ(expect_error(unary), "t.s:1:265: error: expression nested deeper than 256 levels");
  // 256 levels are fine: -(-(...(1)...)) with an even count is 1.
  std::string ok = "f: mov $" + std::string(128, '-') + std::string(128, '(') + "1" + std::string(128, ')') + ", %eax\n";
  EXPECT_EQ(expect_error(ok), "accepted");
}

TEST(AssemblerLimits, EquChainDepth) {
  // s0 = 1, s1 = s0, ..., s100000 = s99999: evaluating the last one recursed
  // once per link.
  std::string text;
  text += ".equ s0, 1\n";
  for (int i = 1; i <= 100000; ++i) text += ".equ s" + std::to_string(i) + ", s" + std::to_string(i - 1) + "\n";
  text += "f: mov $s100000, %eax\n";
  const std::string msg = expect_error(text);
  EXPECT_NE(msg.find("is defined through more than 256 levels of .equ/.set"), std::string::npos) << msg;
}

TEST(AssemblerLimits, InstructionCount) {
  std::string text = "f:\n";
  for (size_t i = 0; i <= kMaxInstructions; ++i) text += "nop\n";
  // Instruction 1,000,001 is on line 1,000,002.
  EXPECT_EQ(expect_error(text), "t.s:1000002:1: error: more than the limit of 1000000 instructions in one program");
}

TEST(AssemblerExpressions, ShiftCountsOutOfRangeGiveZeroAsGnuAsDoes) {
  // `as` (binutils 2.40) assembles these three to 0 with a warning each.
  Program p = assemble({SourceFile{"t.s", ".data\na: .quad 1 << -1\nb: .quad 5 >> -1\nc: .quad 1 << 64\n"}});
  for (size_t k = 0; k < p.data.bytes.size(); ++k) EXPECT_EQ(p.data.bytes[k], 0) << k;
  EXPECT_EQ(p.data.bytes.size(), 24u);
}

}  // namespace
}  // namespace locksim::cpu
