// How a simulated thread starts, in every engine: its registers are zero
// but rsp, which points at the top of its own stack; the host return
// address is pushed there, so returning from the entry routine ends the
// thread; pc is the entry.
#pragma once

#include <cstdint>

#include "cpu/cpu_state.h"
#include "cpu/execute.h"
#include "cpu/mem_port.h"
#include "cpu/memory_layout.h"

namespace locksim::cpu {

// Thread `index`'s registers before any argument is set.
inline CpuState initial_registers(uint32_t index) {
  CpuState s;
  s.regs[RSP] = stack_top(index);
  return s;
}

// Pushes kHostReturnAddress on the thread's stack through `memory` (the
// memory itself, not a store buffer: this happens before time 0) and
// points pc at `entry`.
inline void start_thread(uint32_t entry, CpuState& state, MemPort& memory) {
  state.regs[RSP] -= 8;
  memory.store(state.regs[RSP], 8, kHostReturnAddress);
  state.pc = entry;
}

}  // namespace locksim::cpu
