// `locksim plot`: draws a run's stats.json with gnuplot. Today one kind of
// plot: where each thread's cycles went (busy, and each stall cause), one
// stacked bar per thread.
#pragma once

#include <ostream>
#include <string>

namespace locksim {

struct PlotRequest {
  std::string stats;   // a stats.json written by `locksim run`
  std::string output;  // .svg or .png; default: stalls.svg beside the stats
};

// Exit codes: 0 written, 2 bad input, 3 gnuplot failed or is missing.
int run_plot_command(const PlotRequest& request, std::ostream& out, std::ostream& err);

}  // namespace locksim
