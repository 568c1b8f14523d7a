// The SystemC engine lives in its own executable, locksim-timed, beside
// locksim. Only `run` needs it: loading libsystemc costs a
// process ~14 ms of start-up, and a dynamically linked locksim ~3 ms more
// than a static one, which a sweep of litmus tests (one process each)
// should not pay. locksim hands those commands over with execv, unchanged.
#pragma once

#include <ostream>

#include "sim/cli/run_command.h"

namespace locksim {

inline constexpr const char* kTimedExecutable = "locksim-timed";

// What the CLI calls for the timed commands when it is locksim-timed.
struct TimedEngine {
  int (*run)(const RunRequest& request, std::ostream& out, std::ostream& err);
};

}  // namespace locksim
