// How every command ends on an exception: bad input is exit 2, a CPU fault
// of the simulated program exit 3, and anything else is a bug in locksim
// (a broken invariant, an unexpected library error, memory exhausted):
// exit 5 with a request to report it. No path ends in std::terminate.
#pragma once

#include <ostream>

namespace locksim {

inline constexpr int kExitInternalError = 5;
inline constexpr const char* kReportBug =
    "this is a bug in locksim: please report it, with the command line and the files it read\n";

// Prints what the exception being handled says, and returns the exit
// code. Call only inside a catch block.
int report_current_exception(std::ostream& err);

}  // namespace locksim
