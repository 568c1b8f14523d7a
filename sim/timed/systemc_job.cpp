#include "sim/timed/systemc_job.h"

#include <systemc>

#include <cstdlib>
#include <iostream>

#include "sim/report/errors.h"

namespace {
std::function<int()> g_job;
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

namespace locksim {

int run_in_systemc(std::function<int()> job) {
  // SystemC prints a banner on first use unless told not to.
  setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1);
  g_job = std::move(job);
  char name[] = "locksim";
  char* argv[] = {name, nullptr};
  return sc_core::sc_elab_and_sim(1, argv);
}

}  // namespace locksim
