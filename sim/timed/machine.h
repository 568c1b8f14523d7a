// The whole simulated machine built from a MachineConfig: one Core and L1
// per configured core, the interconnect with its topology, and the
// coherent memory holding the program's sections and one stack per thread.
#pragma once

#include <systemc>

#include <memory>
#include <string>
#include <vector>

#include "cache/interconnect.h"
#include "cache/l1_cache.h"
#include "cpu/flat_memory.h"
#include "cpu/program.h"
#include "sim/timed/core.h"
#include "sim/input/machine_config.h"

namespace locksim {

enum class RunEnd { Completed, MaxCycles, Watchdog, Fault, InternalError };

struct RunResult {
  RunEnd end = RunEnd::Completed;
  uint64_t cycles = 0;
  std::string report;  // what went wrong, with the culprit, when not Completed
};

class Machine {
 public:
  Machine(const MachineConfig& config, const cpu::Program& program, uint64_t seed, uint32_t jitter);
  ~Machine();

  // Thread `index` runs on core `index`; registers not given start at zero.
  void assign_thread(uint32_t index, uint32_t entry, const cpu::CpuState& initial);
  void trace_to(sc_core::sc_trace_file* file);
  // Every core appends its steps to `schedule` (see Core::schedule_to).
  void schedule_to(std::vector<uint32_t>* schedule) {
    for (auto& c : cores_) c->schedule_to(schedule);
  }
  // Every core records its accesses into `execution` (see Core::record_to).
  void record_to(Execution* execution) {
    for (auto& c : cores_) c->record_to(execution);
  }

  RunResult run(uint64_t max_cycles);

  const Core& core(uint32_t i) const { return *cores_[i]; }
  const cache::L1Cache& l1(uint32_t i) const { return *l1s_[i]; }
  const cache::Interconnect& interconnect() const { return *interconnect_; }
  const cpu::FlatMemory& memory() const { return memory_; }
  uint32_t thread_count() const { return threads_; }

 private:
  void watchdog();
  std::string culprit_report() const;

  const MachineConfig& config_;
  const cpu::Program& program_;
  cpu::FlatMemory memory_;
  std::vector<std::unique_ptr<cache::L1Cache>> l1s_;
  std::unique_ptr<cache::Interconnect> interconnect_;
  std::vector<std::unique_ptr<Core>> cores_;
  uint32_t threads_ = 0, finished_ = 0;
  bool watchdog_fired_ = false;
  struct Watchdog;
  std::unique_ptr<Watchdog> watchdog_module_;
};

}  // namespace locksim
