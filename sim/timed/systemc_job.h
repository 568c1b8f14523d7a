// Runs a job inside SystemC's sc_main, as SystemC wants every simulation
// to run; exceptions keep locksim's exit codes.
#pragma once

#include <functional>

namespace locksim {

int run_in_systemc(std::function<int()> job);

}  // namespace locksim
