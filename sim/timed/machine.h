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
#include "kernel/kernel.h"
#include "sim/timed/core.h"
#include "sim/timed/scheduler.h"
#include "sim/input/machine_config.h"

namespace locksim {

enum class RunEnd { Completed, MaxCycles, Watchdog, Fault, InternalError, Violation, LostWakeup };

struct RunResult {
  RunEnd end = RunEnd::Completed;
  uint64_t cycles = 0;
  std::string report;  // what went wrong, with the culprit, when not Completed
};

class Machine {
 public:
  // `spec` is the scenario's kernel: its CPUs are cores 0 to cpus - 1.
  Machine(const MachineConfig& config, const cpu::Program& program, uint64_t seed, uint32_t jitter,
          const kernel::Spec& spec);
  ~Machine();

  // Thread `index` starts at `entry` with `initial` registers (0 to
  // spec.layout.threads - 1; the first cpus start on cores 0 to cpus - 1).
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
  const Scheduler& scheduler() const { return scheduler_; }
  uint32_t thread_count() const { return scheduler_.thread_count(); }

 private:
  void watchdog();
  std::string culprit_report() const;

  const MachineConfig& config_;
  const cpu::Program& program_;
  Scheduler scheduler_;
  cpu::FlatMemory memory_;
  std::vector<std::unique_ptr<cache::L1Cache>> l1s_;
  std::unique_ptr<cache::Interconnect> interconnect_;
  std::vector<std::unique_ptr<Core>> cores_;
  uint32_t finished_ = 0;  // CPUs
  bool watchdog_fired_ = false;
  struct Watchdog;
  std::unique_ptr<Watchdog> watchdog_module_;
};

}  // namespace locksim
