// One simulated core: runs a thread's instructions through the shared
// semantics (cpu/execute) with a timed memory port: store buffer, private
// L1, interconnect. Cycles spent on non-memory instructions accumulate
// locally and are paid in one wait at the next memory operation, so a core
// costs host time per memory access, not per cycle; a stalled core sleeps
// on an event. The store buffer drains inside the interconnect's arbiter: a
// store is written at its bus grant and leaves the buffer at the request's
// completion, without a process of its own.
//
// A core is a CPU of the kernel model: it runs the threads the Scheduler
// gives it, switching on a block, a __yield or the end of its quantum,
// and runs the scenario's switch routine (or the atomic switch) at each
// switch. Its store buffer stays with it across switches.
#pragma once

#include <systemc>

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cache/interconnect.h"
#include "cache/l1_cache.h"
#include "cpu/cpu_state.h"
#include "cpu/execute.h"
#include "cpu/flat_memory.h"
#include "cpu/mem_port.h"
#include "cpu/program.h"
#include "sim/check/execution.h"
#include "sim/input/machine_config.h"
#include "sim/timed/occupancy_histogram.h"
#include "sim/timed/scheduler.h"
#include "sim/timed/store_buffer.h"

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

class Core : public sc_core::sc_module, private cpu::MemPort, private cache::BusClient {
 public:
  // `on_finished` is called once, when the CPU has nothing left to run
  // and its store buffer is empty.
  Core(sc_core::sc_module_name name, uint32_t id, const MachineConfig& config, const cpu::Program& program,
       cpu::FlatMemory& memory, cache::Interconnect& interconnect, cache::L1Cache& l1, Scheduler& scheduler,
       std::function<void()> on_finished);
  // Records every access into `execution` (for the SC check). Spin-loop
  // fast-forward is off then: skipped iterations would go unrecorded.
  void record_to(Execution* execution) { execution_ = execution; }
  // Appends this core's steps, in the order they act on memory, to
  // `schedule` (shared by every core): id * 2 for an instruction touching
  // memory, at its first access; id * 2 + 1 for a store leaving the buffer.
  // `locksim explore --replay` replays it. Spin-loop fast-forward is off
  // then, as for recording.
  void schedule_to(std::vector<uint32_t>* schedule) { schedule_ = schedule; }
  // The run stops at this cycle: a core never runs ahead of it.
  void set_end_cycle(uint64_t end) { end_cycle_ = end; }
  // After the run: counts the iterations a fast-forwarding spin loop skipped
  // up to `end`.
  void settle(uint64_t end);

  bool finished() const { return finished_; }
  // Every store in the buffer is written to memory (a thread that last ran
  // here may move to another CPU).
  bool buffer_written() const { return sb_.written() == sb_.size(); }
  int running_thread() const { return thread_; }
  const cpu::CpuState& state() const { return state_; }
  const CoreStats& stats() const { return stats_; }
  const std::string& fault() const { return fault_; }  // a CPU fault of the program
  const std::string& internal_error() const { return internal_error_; }  // a simulator bug
  const StoreBuffer& store_buffer() const { return sb_; }
  const char* waiting_on() const { return waiting_on_; }
  uint32_t id() const { return id_; }

  // Stores in the buffer, for VCD output; kept up to date only once
  // trace_store_buffer() is called: a method then also wakes when each
  // store leaves (otherwise the buffer is only looked at when the core
  // uses it).
  uint32_t sb_occupancy_trace = 0;
  void trace_store_buffer() { tracing_ = true; }

 private:
  void run();
  // Why a thread left the CPU.
  enum class Leave { Returned, Slept, Yielded, Preempted, Stop };
  // Runs thread_ until it leaves the CPU.
  Leave run_thread();
  // Executes one instruction of the running context (thread or switch routine).
  cpu::StepOutcome step(const cpu::Instr& in);
  // A kernel service call; returns whether the thread leaves the CPU, and why.
  bool service(const cpu::Instr& in, Leave& why);
  class ServiceHost;
  // A service's memory access: a LOCK'd access through the caches.
  uint64_t kernel_access(uint64_t address, unsigned size, const uint64_t* value);
  // Puts thread t's registers in the core.
  void resume(uint32_t t);
  // The running thread leaves the CPU (the switch out runs).
  void leave(Leave why);
  // Waits for a thread to run and switches it in; false once there is none left.
  bool dispatch();
  // The switch routine (or the atomic switch) from thread `out` to `in` (-1: none).
  void switch_cpu(int out, int in);
  // Saves the running thread's registers and instruction count.
  void save_thread();
  // Puts the next store's first line on the bus unless a drain is in flight.
  void drain_next();
  // The bus at a grant: the running thread's request wakes it; the
  // draining store's acts inside the arbiter.
  void granted(cache::BusTransaction& t) override;
  void failed(cache::BusTransaction& t, const cache::ProtocolError& error) override;
  void drain_granted();
  // Stops the core for a simulator bug found outside its thread.
  void stop_on_internal_error(const std::string& what);
  // Removes the stores that have left the buffer by cycle `until`.
  void retire_stores(uint64_t until);
  // Waits until at most `at_most` stores are left at this core's local time,
  // adding the cycles that takes to `stall`.
  void wait_for_stores(size_t at_most, uint64_t& stall, const char* why);
  // The method process for VCD tracing.
  void update_trace();
  // Queues a bus request for the running thread and sleeps until its grant;
  // raises the protocol error the grant hit, if any.
  void transact(cache::BusTransaction& t);
  void drain_request(uint64_t line, uint64_t arrival);
  // Loads `line` through the arbiter at this core's local time, sleeping
  // until the grant; returns whether it was a hit (for the caller to count).
  bool load_line(uint64_t line);
  // Fills in run_request_ for a line.
  cache::BusTransaction& line_request(uint64_t line, cache::MesiEvent event, bool lock_line, uint64_t arrival);

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
  void write_through(uint64_t address, unsigned size, uint64_t value);
  // Record an access when an Execution is attached; pass the value through.
  uint64_t recorded_read(uint64_t address, unsigned size, uint64_t value);
  uint32_t recorded_write(uint64_t address, unsigned size, uint64_t value, bool committed);
  // Spin-loop fast-forward. At a load that starts an iteration again with
  // the same registers, flags and pc, an empty store buffer, and nothing in
  // between but hits on lines still held and non-memory instructions, every
  // following iteration must repeat identically until one of those lines is
  // invalidated. The core then sleeps until that invalidation and counts the
  // iterations it skipped, instead of waking for every one.
  // Returns whether it fast-forwarded: the load then runs again, later.
  bool spin_check(const cpu::Instr& in, uint64_t first_line, uint64_t last_line);
  void fast_forward(uint64_t period, uint64_t instructions_per_iteration, uint64_t hits_per_iteration);

  uint32_t id_;
  const MachineConfig& config_;
  const cpu::Program& program_;
  cpu::FlatMemory& memory_;
  cache::Interconnect& interconnect_;
  cache::L1Cache& l1_;
  std::function<void()> on_finished_;

  cpu::CpuState state_;  // the running context's registers
  bool finished_ = false;
  StoreBuffer sb_;
  sc_core::sc_event sb_written_;  // the write wait_for_stores needs was granted
  static constexpr size_t kNoWait = ~size_t{0};
  size_t wake_when_written_ = kNoWait;  // notify sb_written_ once sb_.written() exceeds this
  sc_core::sc_event run_wake_, spin_wake_, trace_wake_;
  bool tracing_ = false;
  cache::BusTransaction run_request_, drain_request_;
  std::optional<cache::ProtocolError> run_failure_;  // the running thread's request broke an invariant
  // The draining store: a bus request for each line it spans in turn (the
  // next once the previous completes), then the write at the last grant.
  bool draining_ = false;
  uint64_t drain_line_ = 0;
  struct SpinSnapshot {
    bool valid = false;
    bool pure = false;  // since the snapshot: only hits on held lines, no stores, LOCKs or stalls
    uint32_t pc = 0;
    std::array<uint64_t, cpu::kGprCount> regs{};
    uint64_t rflags = 0;
    uint64_t time = 0, instructions = 0, hits = 0;
    std::vector<uint64_t> lines;
  } spin_;
  Scheduler& sched_;
  int thread_ = -1;          // the thread this CPU runs, -1 while idle
  uint32_t exec_id_ = 0;     // who the accesses are recorded for: thread, or threads + id for the switch routine
  uint64_t thread_since_ = 0;  // stats_.instructions when thread_ came on
  uint64_t quantum_end_ = 0;
  Execution* execution_ = nullptr;
  std::vector<uint32_t>* schedule_ = nullptr;
  bool step_scheduled_ = false;  // this instruction is in schedule_ already
  void schedule_step() {
    if (schedule_ && !step_scheduled_) schedule_->push_back(exec_id_ * 2);
    step_scheduled_ = true;
  }
  void schedule_drain() {
    if (schedule_) schedule_->push_back(id_ * 2 + 1);
  }
  uint32_t current_instr_ = 0;  // for recording: the instruction executing
  uint64_t next_drain_cycle_ = 0;  // one L1 write per cycle
  uint64_t local_ = 0;
  bool touched_memory_ = false;
  bool in_lock_ = false;
  bool bus_locked_ = false;
  std::vector<uint64_t> locked_lines_;
  const char* waiting_on_ = "nothing";
  std::string fault_;
  std::string internal_error_;
  CoreStats stats_;
  OccupancyHistogram occupancy_{stats_.store_buffer_occupancy};  // after stats_, which it fills
  uint64_t end_cycle_ = ~uint64_t{0};
  // How far a core may run ahead of SystemC time on instructions that touch
  // no memory before it waits: far more than any lock's critical section.
  static constexpr uint64_t kMaxRunAhead = 100'000;
  struct FastForward {
    bool active = false;
    uint64_t next = 0, period = 1, instructions = 0, hits = 0;
  } ff_;
  void credit_skipped_iterations(uint64_t until);
};

}  // namespace locksim
