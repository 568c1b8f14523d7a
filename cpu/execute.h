// The single x86-64 instruction semantics used by every engine.
#pragma once

#include <stdexcept>
#include <string>

#include "cpu/cpu_state.h"
#include "cpu/instr.h"
#include "cpu/mem_port.h"
#include "cpu/program.h"

namespace locksim::cpu {

enum class StepOutcome : uint8_t {
  Continue,  // pc moved to the next instruction to run
  Returned,  // `ret` popped kHostReturnAddress: the thread's entry routine returned
  Halted,    // `hlt`
  Service,   // a call of a kernel service: nothing done yet, pc still at the call
};

// Return address pushed below a thread's entry routine; returning to it ends
// the thread. It lies outside every section, like a return into the kernel.
inline constexpr uint64_t kHostReturnAddress = 0xdead0000;

// A CPU exception (#DE, #GP) or a jump to an address holding no instruction.
class ExecutionFault : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Executes `instr` (which must be program.code[state.pc]) on `state`,
// reaching memory only through `port`. Flags follow the Intel/AMD manuals;
// where they leave a flag undefined, it follows what AMD Zen hardware does.
// A MemoryFault from the port passes through as the port threw it (a try
// block here would cost the interpreter 15%).
StepOutcome execute(const Program& program, const Instr& instr, CpuState& state, MemPort& port);

// A port's MemoryFault names the address; every engine reports it as this,
// with the faulting instruction's file:line in front.
MemoryFault located(const Program& program, const Instr& instr, const MemoryFault& fault);

// True when the condition code holds for the given RFLAGS.
bool condition_holds(Cond cond, uint64_t rflags);

}  // namespace locksim::cpu
