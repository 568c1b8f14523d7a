// A runnable scenario (scenarios/*.yaml): machine, program, threads, seed.
// The same file drives the timed engine (`run`) and the explorer (`explore`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cpu/cpu_state.h"
#include "cpu/program.h"
#include "kernel/kernel.h"
#include "sim/input/machine_config.h"

namespace locksim {

struct ThreadSpec {
  std::string entry;
  unsigned line = 0, column = 0;  // of the entry, for errors
  std::vector<std::pair<std::string, uint64_t>> regs;
};

// A final-state condition in herd7 syntax, for the explorer.
struct CheckSpec {
  std::string quantifier;  // exists, forall or not_exists
  std::string condition;
  unsigned line = 0, column = 0;
};

// Limits on a scenario's numbers (errors name them). max_cycles stays far
// below where SystemC's picosecond clock (2^64 ps) would overflow.
inline constexpr uint64_t kMaxCycles = 1'000'000'000'000;  // 10^12
inline constexpr uint64_t kMaxJitter = 1'000'000;

// A label the scenario names (switch routine, restart range), for errors.
struct LabelRef {
  std::string name;
  unsigned line = 0, column = 0;
};

// The scenario's kernel settings (see kernel/kernel.h).
struct KernelSettings {
  uint32_t cpus = 0;  // 0: one per thread
  uint32_t preemptions = 0;
  std::optional<LabelRef> switch_routine;
  std::vector<std::pair<LabelRef, LabelRef>> restart;
  uint64_t cpu_area_bytes = 0, thread_bytes = 0;
};
inline constexpr uint32_t kMaxPreemptions = 16;

struct Scenario {
  std::string file;
  std::string description;
  MachineConfig machine;
  std::vector<std::string> program;  // paths, resolved against the scenario's folder
  std::vector<ThreadSpec> threads;
  uint64_t seed = 1;
  uint64_t max_cycles = 100'000'000;
  uint32_t jitter = 0;
  std::optional<CheckSpec> check;
  KernelSettings kernel;
  uint32_t cpus() const { return kernel.cpus ? kernel.cpus : static_cast<uint32_t>(threads.size()); }
};

// Thread `index`'s starting registers: its own stack, then the scenario's regs.
cpu::CpuState initial_state(const ThreadSpec& spec, uint32_t index);

// Thread `index`'s entry routine in the scenario's assembled program; an
// unknown symbol is an error at the thread's `entry:` in the scenario.
uint32_t thread_entry(const Scenario& s, const cpu::Program& program, uint32_t index);

// The kernel model's spec for the scenario's assembled program: labels
// resolved (an unknown or non-code label is an error at the scenario's
// key), scheduling on when threads can leave their CPUs.
kernel::Spec kernel_spec(const Scenario& s, const cpu::Program& program);

// Loads and validates a scenario. `machine` (a config name or path, if not
// empty) replaces the scenario's machine; `sets` are --set KEY=VALUE
// overrides applied after the scenario's own. Throws InputError at
// file:line:col.
Scenario load_scenario(const std::string& path, const std::vector<std::string>& sets, const std::string& machine = "");
// The same for a scenario's text, read as if from the file `path` (program
// files are found beside it).
Scenario parse_scenario(const std::string& path, const std::string& text, const std::vector<std::string>& sets,
                        const std::string& machine = "");

}  // namespace locksim
