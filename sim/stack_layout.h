// Where each simulated thread's stack lives (both engines use the same
// layout, so addresses in reports agree).
#pragma once

#include <cstdint>

#include "cpu/flat_memory.h"

namespace locksim {

// Stacks 16 MiB apart, thread 0's at the top FlatMemory maps by default.
inline uint64_t stack_top(uint32_t thread) {
  return cpu::FlatMemory::kStackTop - static_cast<uint64_t>(thread) * (16u << 20);
}

}  // namespace locksim
