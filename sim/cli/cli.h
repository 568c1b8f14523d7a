// The command line shared by locksim and locksim-timed (see timed_engine.h).
#pragma once

#include "sim/cli/timed_engine.h"

namespace locksim {

// Parses and runs one command. Without a timed engine (locksim itself),
// `run` re-executes as locksim-timed with the same arguments.
int cli_main(int argc, char** argv, const TimedEngine* engine);

}  // namespace locksim
