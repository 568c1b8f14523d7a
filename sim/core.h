// One simulated core: runs a thread's instructions through the shared
// semantics (cpu/execute) with a timed memory port: store buffer, private
// L1, interconnect. Cycles spent on non-memory instructions accumulate
// locally and are paid in one wait at the next memory operation, so a core
// costs host time per memory access, not per cycle; a stalled core sleeps
// on an event.
#pragma once

#include <systemc>

#include <functional>
#include <string>
#include <vector>

#include "cache/interconnect.h"
#include "cache/l1_cache.h"
#include "cpu/cpu_state.h"
#include "cpu/flat_memory.h"
#include "cpu/mem_port.h"
#include "cpu/program.h"
#include "sim/machine_config.h"
#include "sim/store_buffer.h"

namespace locksim {

struct CoreStats {
  uint64_t instructions = 0;
  uint64_t finish_cycle = 0;
  // Stall causes are disjoint; bus arbitration and waits for a locked line
  // or bus are interconnect_wait, the rest of a miss is load/store_miss.
  uint64_t stall_load_miss = 0;
  uint64_t stall_store_miss = 0;  // stores that write through (no store buffer)
  uint64_t stall_store_forward = 0;  // loads waiting for a partially overlapping store
  uint64_t stall_store_buffer_full = 0;
  uint64_t stall_drain_fence = 0;
  uint64_t stall_drain_lock = 0;
  uint64_t stall_interconnect = 0;
  uint64_t forwarded_loads = 0;
  uint64_t store_forward_stalls = 0;  // loads that waited for a partially overlapping store
  std::vector<uint64_t> store_buffer_occupancy;  // cycles spent at each occupancy
};

class Core : public sc_core::sc_module, private cpu::MemPort {
 public:
  Core(sc_core::sc_module_name name, uint32_t id, const MachineConfig& config, const cpu::Program& program,
       cpu::FlatMemory& memory, cache::Interconnect& interconnect, cache::L1Cache& l1,
       std::function<void()> on_finished);

  // Gives the core a thread to run from time 0 (before sc_start).
  void assign(uint32_t entry, const cpu::CpuState& initial);

  bool assigned() const { return assigned_; }
  bool finished() const { return finished_; }
  const cpu::CpuState& state() const { return state_; }
  const CoreStats& stats() const { return stats_; }
  const std::string& fault() const { return fault_; }
  const StoreBuffer& store_buffer() const { return sb_; }
  const char* waiting_on() const { return waiting_on_; }
  uint32_t id() const { return id_; }

  // Traced in VCD output.
  uint32_t sb_occupancy_trace = 0;

 private:
  void run();
  void drain();

  uint64_t load(uint64_t address, unsigned size) override;
  void store(uint64_t address, unsigned size, uint64_t value) override;
  void lock_begin(uint64_t address, unsigned size) override;
  void lock_end() override;
  void barrier(cpu::Barrier kind) override;

  uint64_t line_of(uint64_t address) const { return address / config_.l1_line_size; }
  uint64_t logical_now() const { return cache::now_cycles() + local_; }
  // Pays the accumulated local cycles with one wait.
  void sync();
  // True when no other process can act before this core's local time, so a
  // cache-state check now equals one made after waiting.
  bool alone_until_local_time() const;
  void wait_store_buffer_drained(uint64_t& stall, const char* why);
  void write_through(uint64_t address, unsigned size, uint64_t value);
  void note_occupancy(uint64_t at);
  void check_finished();

  uint32_t id_;
  const MachineConfig& config_;
  const cpu::Program& program_;
  cpu::FlatMemory& memory_;
  cache::Interconnect& interconnect_;
  cache::L1Cache& l1_;
  std::function<void()> on_finished_;

  cpu::CpuState state_;
  uint32_t entry_ = 0;
  bool assigned_ = false, thread_done_ = false, finished_ = false;
  StoreBuffer sb_;
  sc_core::sc_event sb_pushed_, sb_popped_;
  uint64_t local_ = 0;
  bool touched_memory_ = false;
  bool in_lock_ = false;
  bool bus_locked_ = false;
  std::vector<uint64_t> locked_lines_;
  uint64_t occupancy_since_ = 0;
  const char* waiting_on_ = "nothing";
  std::string fault_;
  CoreStats stats_;
};

}  // namespace locksim
