// The timed engine's half of the kernel model: which thread runs where.
// The rules (what each service does, what a switch writes, where a
// preempted thread resumes) are kernel/'s, shared with the explorer; this
// is the one schedule the timed engine picks among those the explorer
// explores: a FIFO run queue, the oldest sleepers woken first, a thread
// dispatched on another CPU only once its last CPU's store buffer is
// empty (the explorer's rule).
#pragma once

#include <systemc>

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cpu/cpu_state.h"
#include "cpu/program.h"
#include "kernel/kernel.h"

namespace locksim {

using kernel::ThreadStatus;

// Why the kernel stopped a run before every thread finished.
enum class RunStop : uint8_t { None, Fault, Violation, LostWakeup };

struct TimedThread {
  uint32_t entry = 0;
  uint64_t given_gs_base = 0;  // the scenario's, if it set one
  cpu::CpuState state;         // while not running: where it resumes
  ThreadStatus status = ThreadStatus::Ready;
  int cpu = -1;  // the CPU it runs on or last ran on
  uint64_t sleep_key = 0, sleep_order = 0;
  uint32_t sleep_call = 0;  // code index of the service call it sleeps in
  std::vector<uint64_t> sections;
  // Statistics.
  uint64_t instructions = 0, finish_cycle = 0, dispatches = 0, sleeps = 0, preemptions = 0;
};

class Scheduler {
 public:
  Scheduler(const kernel::Spec& spec, const cpu::Program& program);

  const kernel::Spec& spec() const { return spec_; }
  bool scheduling() const { return spec_.scheduling; }
  uint32_t cpus() const { return spec_.layout.cpus; }
  void add_thread(uint32_t index, uint32_t entry, const cpu::CpuState& initial);
  uint32_t thread_count() const { return static_cast<uint32_t>(threads_.size()); }
  TimedThread& thread(uint32_t t) { return threads_[t]; }
  const TimedThread& thread(uint32_t t) const { return threads_[t]; }

  // Before time 0: threads 0 to cpus - 1 run on CPUs 0 to cpus - 1, the
  // rest wait in the run queue in order.
  void start();
  // The thread CPU `cpu` runs from time 0, or -1.
  int initial_thread(uint32_t cpu) const { return cpu < threads_.size() ? static_cast<int>(cpu) : -1; }
  // `buffer_empty(c)`: CPU c's store buffer is written out (set once the
  // CPUs exist).
  void set_buffer_empty(std::function<bool(uint32_t)> buffer_empty) { buffer_empty_ = std::move(buffer_empty); }
  // Takes the first ready thread allowed on `cpu`, marked running there,
  // or returns -1.
  int take(uint32_t cpu);
  bool has_ready() const { return !ready_.empty(); }
  // Idle CPUs wait on this: notified when a thread becomes ready, or (via
  // buffer_emptied) when a ready thread may now migrate.
  const sc_core::sc_event& dispatch_event() const { return dispatch_; }
  void buffer_emptied() {
    if (!ready_.empty()) dispatch_.notify(sc_core::SC_ZERO_TIME);
  }

  // A running thread leaves its CPU: runnable again (preempted, yielded),
  // asleep (its service slept) or done.
  void make_ready(uint32_t t);
  void sleep(uint32_t t, uint64_t key, uint32_t call);
  // Wakes up to `at_most` sleepers on `key`, oldest first (the woken
  // service returns 0); returns how many.
  uint32_t wake(uint64_t key, uint64_t at_most);
  void finish(uint32_t t, uint64_t cycle, bool failed);

  // The markers: enter returns the clash with another thread, if any.
  std::optional<kernel::SectionClash> enter_section(uint32_t t, uint64_t key);
  void exit_section(uint32_t t, uint64_t key);  // throws kernel::ServiceFault

  bool all_done() const { return done_ == threads_.size(); }
  // Ends the run now (the first reason given stays), with what to report.
  void stop(RunStop why, std::string report);
  bool stopped() const { return stop_ != RunStop::None; }
  RunStop stop_reason() const { return stop_; }
  const std::string& stop_report() const { return stop_report_; }
  // Nothing runs or can run, and a thread sleeps: it sleeps forever.
  bool lost_wakeup() const;
  // Each sleeper's key (with its data label) and the call it sleeps in.
  std::string sleepers() const;

 private:
  kernel::Spec spec_;
  const cpu::Program& program_;
  std::vector<TimedThread> threads_;
  std::deque<uint32_t> ready_;
  std::function<bool(uint32_t)> buffer_empty_;
  RunStop stop_ = RunStop::None;
  std::string stop_report_;
  uint64_t sleeps_ = 0;
  size_t done_ = 0;
  sc_core::sc_event dispatch_{"dispatch"};
};

}  // namespace locksim
