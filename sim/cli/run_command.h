// `locksim run`: a scenario on the timed engine, with stats files.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace locksim {

struct RunRequest {
  std::string scenario;
  std::string out_dir = "out";
  std::vector<std::string> sets;
  std::string vcd;
  std::string machine;             // replaces the scenario's machine when set
  std::optional<uint64_t> seed;    // replace the scenario's seed / jitter
  std::optional<uint32_t> jitter;
  bool check_sc = false;           // record the execution and check it is sequentially consistent
  bool schedule = false;           // write schedule.json: the run's steps, for `explore --replay`
};

// Exit codes: 0 every thread returned; 3 a CPU fault; 4 max_cycles or the
// watchdog (stats still written). Throws InputError for bad input.
int run_run_command(const RunRequest& request, std::ostream& out, std::ostream& err);

}  // namespace locksim
