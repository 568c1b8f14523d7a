// The simulated process's address space, the same in every engine (timed,
// explorer, exec): the program's sections where the assembler placed them,
// .text read-only, and one stack per thread. Nothing else is mapped.
#pragma once

#include <cstdint>

namespace locksim::cpu {

// Thread 0's stack ends here (just below the canonical user half's top).
inline constexpr uint64_t kStackTop = 0x7ffffffff000;
// Each thread's stack: as much as a kernel thread gets, and more than any
// lock routine's frame.
inline constexpr uint64_t kStackSize = uint64_t{1} << 20;
// Stacks lie this far apart; the unmapped gap between them makes an
// overflow a fault, not a write into the next thread's stack.
inline constexpr uint64_t kStackSpacing = uint64_t{16} << 20;

inline uint64_t stack_top(uint32_t thread) { return kStackTop - static_cast<uint64_t>(thread) * kStackSpacing; }
inline uint64_t stack_base(uint32_t thread) { return stack_top(thread) - kStackSize; }

// The thread among `threads` whose stack holds `address`, or -1.
inline int stack_owner(uint64_t address, uint32_t threads) {
  if (address >= kStackTop) return -1;
  const uint64_t below = kStackTop - 1 - address;  // 0 for the top byte of thread 0's stack
  const uint64_t thread = below / kStackSpacing;
  if (thread >= threads || below % kStackSpacing >= kStackSize) return -1;
  return static_cast<int>(thread);
}

}  // namespace locksim::cpu
