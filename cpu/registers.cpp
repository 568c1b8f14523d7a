#include "cpu/registers.h"

#include <string>

namespace locksim::cpu {
namespace {

constexpr std::array<std::string_view, kGprCount> kNames32 = {
    "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
    "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
constexpr std::array<std::string_view, kGprCount> kNames16 = {
    "ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
    "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
constexpr std::array<std::string_view, kGprCount> kNames8 = {
    "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
    "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};
constexpr std::array<std::string_view, 4> kNamesHigh8 = {"ah", "ch", "dh", "bh"};

}  // namespace

std::optional<RegRef> parse_register(std::string_view name) {
  for (uint8_t i = 0; i < kGprCount; ++i) {
    if (name == kGpr64Names[i]) return RegRef{i, 8, false};
    if (name == kNames32[i]) return RegRef{i, 4, false};
    if (name == kNames16[i]) return RegRef{i, 2, false};
    if (name == kNames8[i]) return RegRef{i, 1, false};
  }
  for (uint8_t i = 0; i < 4; ++i)
    if (name == kNamesHigh8[i]) return RegRef{i, 1, true};
  // GNU as also accepts the "r8l" spelling of r8b.
  if (name.size() >= 3 && name.front() == 'r' && name.back() == 'l') {
    auto alt = std::string(name.substr(0, name.size() - 1)) + "b";
    for (uint8_t i = 8; i < kGprCount; ++i)
      if (alt == kNames8[i]) return RegRef{i, 1, false};
  }
  return std::nullopt;
}

std::string_view register_name(RegRef reg) {
  if (reg.high8) return kNamesHigh8[reg.gpr];
  switch (reg.size) {
    case 1: return kNames8[reg.gpr];
    case 2: return kNames16[reg.gpr];
    case 4: return kNames32[reg.gpr];
    default: return kGpr64Names[reg.gpr];
  }
}

std::optional<Gpr> parse_gpr64(std::string_view name) {
  for (uint8_t i = 0; i < kGprCount; ++i)
    if (name == kGpr64Names[i]) return static_cast<Gpr>(i);
  return std::nullopt;
}

}  // namespace locksim::cpu
