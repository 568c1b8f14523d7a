// `locksim-bench explore`: speed of the x86-TSO explorer.
#pragma once

#include <ostream>

namespace locksim::bench {

int run_explore_bench(std::ostream& out);

}  // namespace locksim::bench
