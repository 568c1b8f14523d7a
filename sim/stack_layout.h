// Where each simulated thread's stack lives (both engines use the same
// layout, so addresses in reports agree).
#pragma once

#include <cstdint>

#include "cpu/flat_memory.h"

namespace locksim {

// Stacks 16 MiB apart, thread 0's at the top FlatMemory maps by default.
inline constexpr uint64_t kStackSpacing = 16u << 20;
inline uint64_t stack_top(uint32_t thread) {
  return cpu::FlatMemory::kStackTop - static_cast<uint64_t>(thread) * kStackSpacing;
}
// True for an address in any of `threads` threads' stacks.
inline bool in_thread_stacks(uint64_t address, uint32_t threads) {
  return address < cpu::FlatMemory::kStackTop && address >= cpu::FlatMemory::kStackTop - threads * kStackSpacing;
}

}  // namespace locksim
