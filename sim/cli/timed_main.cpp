// locksim-timed: the same command line as locksim, with the SystemC engine
// linked in (see timed_engine.h).
#include <iostream>

#include "sim/cli/cli.h"
#include "sim/cli/run_command.h"
#include "sim/timed/systemc_job.h"

namespace {

int timed_run(const locksim::RunRequest& request, std::ostream& out, std::ostream& err) {
  return locksim::run_in_systemc([&] { return locksim::run_run_command(request, out, err); });
}

}  // namespace

int main(int argc, char** argv) {
  const locksim::TimedEngine engine{timed_run};
  return locksim::cli_main(argc, argv, &engine);
}
