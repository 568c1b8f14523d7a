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

// The gnuplot script for a stats.json's text (`stats_path` names it in
// errors); throws InputError. Names from the file reach the script only as
// gnuplot_quoted() strings, so nothing in a stats file is ever a command.
std::string stall_plot_script(const std::string& stats_path, const std::string& stats_text, bool png = false);
// A single-quoted gnuplot string showing `s`.
std::string gnuplot_quoted(const std::string& s);

// Exit codes: 0 written, 2 bad input, 3 gnuplot failed or is missing.
int run_plot_command(const PlotRequest& request, std::ostream& out, std::ostream& err);

}  // namespace locksim
