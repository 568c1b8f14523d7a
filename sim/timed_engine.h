// The SystemC engine is a module the CLI loads only for the commands that
// simulate in time: linking libsystemc costs every process ~14 ms of static
// initialisation, which `exec`, `explore` and `litmus` should not pay.
#pragma once

#include <ostream>

#include "sim/run_command.h"

namespace locksim {

// Entry points the module exports (C linkage, looked up with dlsym).
using TimedRunFn = int (*)(const RunRequest& request, std::ostream& out, std::ostream& err);
using TimedBenchFn = int (*)(std::ostream& out);
inline constexpr const char* kTimedModule = "liblocksim_timed.so";
inline constexpr const char* kTimedRunSymbol = "locksim_timed_run";
inline constexpr const char* kTimedBenchSymbol = "locksim_timed_bench";

}  // namespace locksim
