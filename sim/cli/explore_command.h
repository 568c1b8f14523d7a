// `locksim explore`: every x86-TSO execution of a scenario, checked against
// its `check:` condition, with the shortest witness or counterexample.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "sim/explore/tso_explorer.h"

namespace locksim {

struct ExploreRequest {
  std::string scenario;
  uint64_t max_states = 2'000'000;
  std::string json_path;  // also write the verdict and schedule here as JSON
  bool progress = false;  // a progress line on `err` every progress_interval seconds
  double progress_interval = 1.0;
  uint64_t max_memory_mib = kDefaultExploreMemory >> 20;  // stop (Incomplete) before the search's tables take more
  // A timed run's schedule.json (`locksim run --schedule`): replay it, then
  // check the search lists its final state, instead of checking the condition.
  std::string replay;
  std::string model = "tso";  // "sc": no store buffers (sequential consistency)
  std::string machine;  // replaces the scenario's: one without store buffers explores sequential consistency
};

// Exit codes: 0 the condition validates (Ok), 1 it does not (No), 2 bad
// input, 3 the search hit --max-states before deciding. With a replay: 0
// the replay is an x86-TSO execution ending where the timed run did and
// the search lists that state, 1 it is not or does not, 3 the search was
// cut short (the replay itself still checked).
int run_explore_command(const ExploreRequest& request, std::ostream& out, std::ostream& err);

}  // namespace locksim
