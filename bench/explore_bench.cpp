#include "bench/explore_bench.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/cli/explore_command.h"
#include "sim/input/litmus.h"

#include <sys/resource.h>

namespace locksim::bench {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Wall time of `locksim explore` on a shipped scenario, in this process.
double explore_seconds(const std::string& scenario) {
  std::ostringstream out, err;
  auto t0 = std::chrono::steady_clock::now();
  ExploreRequest request;
  request.scenario = scenario;
  request.max_states = 5'000'000;
  run_explore_command(request, out, err);
  return seconds_since(t0);
}

// Wall time of `locksim litmus FILE` in a process of its own, as a user's
// sweep (or herd7) runs it: start-up included.
double litmus_process_seconds(const std::string& file) {
  // locksim itself, built beside this benchmark.
  std::string self = (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "locksim").string();
  std::vector<char*> argv = {self.data(), const_cast<char*>("litmus"), const_cast<char*>(file.c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid;
  int status = 0;
  if (posix_spawn(&pid, self.c_str(), &actions, nullptr, argv.data(), environ) == 0) waitpid(pid, &status, 0);
  double s = seconds_since(t0);
  posix_spawn_file_actions_destroy(&actions);
  return s;
}

}  // namespace

int run_explore_bench(std::ostream& out) {
  const std::string litmus_dir = LOCKSIM_LITMUS_DIR;
  const std::string scenarios = std::string(LOCKSIM_SOURCE_DIR) + "/scenarios/";
  std::vector<double> per_test, per_process;
  uint64_t states = 0;
  double intel_seconds = 0, all_seconds = 0;
  for (const std::string folder : {"", "/x86_64"}) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(litmus_dir + folder))
      if (e.path().extension() == ".litmus") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto t0 = std::chrono::steady_clock::now();
      LitmusResult r = run_litmus(f.string(), 5'000'000);
      double s = seconds_since(t0);
      per_test.push_back(s);
      per_process.push_back(litmus_process_seconds(f.string()));
      states += r.explored_states;
      all_seconds += s;
      if (folder.empty()) intel_seconds += s;
    }
  }
  std::sort(per_test.begin(), per_test.end());
  std::sort(per_process.begin(), per_process.end());
  nlohmann::ordered_json j;
  j["litmus_tests"] = per_test.size();
  j["litmus_all_seconds"] = all_seconds;
  j["litmus_x86_intel_seconds"] = intel_seconds;
  j["litmus_median_ms_in_process"] = per_test.empty() ? 0.0 : per_test[per_test.size() / 2] * 1e3;
  j["litmus_median_ms_per_process"] = per_process.empty() ? 0.0 : per_process[per_process.size() / 2] * 1e3;
  j["litmus_states_per_s"] = all_seconds > 0 ? static_cast<double>(states) / all_seconds : 0.0;
  j["peterson_unfenced_seconds"] = explore_seconds(scenarios + "peterson.yaml");
  j["ticket_lock_2x2_seconds"] = explore_seconds(scenarios + "ticket_lock_2x2.yaml");
  ExploreRequest request;
  request.scenario = scenarios + "ticket_lock_3x2.yaml";
  request.max_states = 5'000'000;
  auto t0 = std::chrono::steady_clock::now();
  std::ostringstream o, e;
  run_explore_command(request, o, e);
  double s = seconds_since(t0);
  j["ticket_lock_3x2_seconds"] = s;
  std::string text = o.str();
  auto at = text.find("explored ");
  uint64_t lock_states = at == std::string::npos ? 0 : std::stoull(text.substr(at + 9));
  j["ticket_lock_3x2_states_per_s"] = s > 0 ? static_cast<double>(lock_states) / s : 0.0;
  // The kernel mutexes (issue 12's benchmark): illumos with a preemption
  // anywhere, and the Linux and FreeBSD mutexes at 3 threads x 1 round;
  // each is cut at 5 million states.
  for (const char* name : {"illumos_mutex_2x1", "illumos_mutex_2x2", "illumos_mutex_3x1", "linux_mutex_3x1",
                           "freebsd_mutex_3x1", "futex_mutex_3x1"}) {
    ExploreRequest r;
    r.scenario = scenarios + name + ".yaml";
    r.max_states = 5'000'000;
    std::ostringstream ro, re;
    const auto start = std::chrono::steady_clock::now();
    run_explore_command(r, ro, re);
    const double sec = seconds_since(start);
    const std::string t = ro.str();
    const auto pos = t.find("explored ");
    const uint64_t n = pos == std::string::npos ? 0 : std::stoull(t.substr(pos + 9));
    j[std::string(name) + "_states"] = n;
    j[std::string(name) + "_seconds"] = sec;
    j[std::string(name) + "_states_per_s"] = sec > 0 ? static_cast<double>(n) / sec : 0.0;
    j[std::string(name) + "_complete"] = t.find("incomplete") == std::string::npos;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  j["peak_memory_mib"] = static_cast<double>(usage.ru_maxrss) / 1024;
  out << j.dump() << "\n";
  return 0;
}

}  // namespace locksim::bench
