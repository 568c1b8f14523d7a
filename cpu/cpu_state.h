// Architectural state of one hardware thread.
#pragma once

#include <array>
#include <cstdint>

#include "cpu/registers.h"

namespace locksim::cpu {

// RFLAGS bits that user code can observe and change.
namespace flag {
inline constexpr uint64_t CF = 1u << 0;
inline constexpr uint64_t PF = 1u << 2;
inline constexpr uint64_t AF = 1u << 4;
inline constexpr uint64_t ZF = 1u << 6;
inline constexpr uint64_t SF = 1u << 7;
inline constexpr uint64_t DF = 1u << 10;
inline constexpr uint64_t OF = 1u << 11;
inline constexpr uint64_t kArithmetic = CF | PF | AF | ZF | SF | OF;
// Bit 1 always reads as 1; IF (bit 9) is set in user mode. Together they are
// what `pushf` shows in a user process with clear arithmetic flags.
inline constexpr uint64_t kFixed = 0x202;
}  // namespace flag

struct CpuState {
  std::array<uint64_t, kGprCount> regs{};
  uint64_t rflags = flag::kFixed;
  uint32_t pc = 0;  // index into Program::code
  uint64_t fs_base = 0, gs_base = 0;

  bool flag(uint64_t bit) const { return (rflags & bit) != 0; }
};

}  // namespace locksim::cpu
