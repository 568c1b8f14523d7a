// locksim-timed: the same command line as locksim, with the SystemC engine
// linked in (see timed_engine.h). Each timed job runs inside sc_main, as
// SystemC wants.
#include <systemc>

#include <cstdlib>
#include <functional>
#include <iostream>

#include "bench/timed_bench.h"
#include "cpu/input_error.h"
#include "sim/cli.h"
#include "sim/errors.h"

namespace {

std::function<int()> g_job;

int run_in_systemc(std::function<int()> job) {
  // SystemC prints a banner on first use unless told not to.
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  g_job = std::move(job);
  char name[] = "locksim";
  char* argv[] = {name, nullptr};
  return sc_core::sc_elab_and_sim(1, argv);
}

int timed_run(const locksim::RunRequest& request, std::ostream& out, std::ostream& err) {
  return run_in_systemc([&] { return locksim::run_run_command(request, out, err); });
}

int timed_bench(std::ostream& out) {
  return run_in_systemc([&] { return locksim::bench::run_timed_bench(out); });
}

}  // namespace

extern "C" int sc_main(int, char**) {
  // sc_elab_and_sim reports exceptions its own way (exit 1); ours keep
  // their exit codes.
  try {
    return g_job();
  } catch (...) {
    return locksim::report_current_exception(std::cerr);
  }
}

int main(int argc, char** argv) {
  const locksim::TimedEngine engine{timed_run, timed_bench};
  return locksim::cli_main(argc, argv, &engine);
}
