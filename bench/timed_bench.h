// `locksim-bench timed`: simulated instructions per host second of the
// SystemC engine, against the raw rate of empty SystemC activations.
#pragma once

#include <ostream>

namespace locksim::bench {

int run_timed_bench(std::ostream& out);

}  // namespace locksim::bench
