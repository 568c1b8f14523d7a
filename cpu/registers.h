// x86-64 general-purpose registers and sub-register views.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace locksim::cpu {

// Hardware encoding order, so tables indexed by register match the manuals.
enum Gpr : uint8_t { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 };
inline constexpr int kGprCount = 16;

// Names of the 64-bit registers in encoding order.
inline constexpr std::array<std::string_view, kGprCount> kGpr64Names = {
    "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
    "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};

// A register as named in an operand: which GPR, how many bytes, and whether it
// is one of the legacy high-byte registers (%ah %ch %dh %bh, bits 8..15).
struct RegRef {
  uint8_t gpr = 0;
  uint8_t size = 8;
  bool high8 = false;
};

// Parses a register name without the '%' ("eax", "r9b", "ah"). Returns nothing
// for names that are not general-purpose registers.
std::optional<RegRef> parse_register(std::string_view name);

// Canonical name of a register view ("eax" for RAX/4).
std::string_view register_name(RegRef reg);

// Looks up a 64-bit register by name ("rax"), also accepting the 32-bit names.
std::optional<Gpr> parse_gpr64(std::string_view name);

}  // namespace locksim::cpu
