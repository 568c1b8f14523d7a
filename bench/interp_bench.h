// `locksim-bench interp`: instructions per second of the semantics alone.
#pragma once

#include <ostream>

namespace locksim::bench {

// Runs a mixed ALU/load/store/branch loop on a flat memory and prints one
// JSON object with the rate.
int run_interp_bench(std::ostream& out);

}  // namespace locksim::bench
