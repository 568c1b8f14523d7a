// Runs one thread to completion on a port: the loop `exec`, tests and the
// interpreter benchmark share.
#pragma once

#include <cstdint>

#include "cpu/cpu_state.h"
#include "cpu/execute.h"
#include "cpu/mem_port.h"
#include "cpu/program.h"
#include "cpu/thread_start.h"

namespace locksim::cpu {

enum class ThreadEnd : uint8_t { Returned, Halted, StepLimit };

struct ThreadRun {
  ThreadEnd end = ThreadEnd::Returned;
  uint64_t steps = 0;
};

// Starts the thread (start_thread) and executes from `entry` until the
// entry routine returns, `hlt`, or `max_steps` instructions. Throws
// ExecutionFault / MemoryFault.
inline ThreadRun run_thread(const Program& program, uint32_t entry, CpuState& state, MemPort& port,
                            uint64_t max_steps) {
  start_thread(entry, state, port);
  ThreadRun run;
  const Instr* code = program.code.data();
  try {
    while (run.steps < max_steps) {
      StepOutcome outcome = execute(program, code[state.pc], state, port);
      ++run.steps;
      if (outcome == StepOutcome::Returned) return run;
      if (outcome == StepOutcome::Halted) {
        run.end = ThreadEnd::Halted;
        return run;
      }
      if (outcome == StepOutcome::Service)  // exec runs one thread with no kernel beneath it
        throw ExecutionFault(program.where(code[state.pc]) + ": " + std::string(service_name(code[state.pc].service)) +
                             ": kernel services need the kernel model (`locksim run` or `locksim explore`), not `exec`");
    }
  } catch (const MemoryFault& e) {
    throw located(program, code[state.pc], e);  // pc is still the faulting instruction's
  }
  run.end = ThreadEnd::StepLimit;
  return run;
}

}  // namespace locksim::cpu
