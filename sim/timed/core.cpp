#include "sim/timed/core.h"

#include "cpu/execute.h"
#include "cpu/footprint.h"

#include <algorithm>

#include <fmt/format.h>

namespace locksim {

using cache::cycles;
using cache::MesiEvent;
using cache::now_cycles;

Core::Core(sc_core::sc_module_name name, uint32_t id, const MachineConfig& config, const cpu::Program& program,
           cpu::FlatMemory& memory, cache::Interconnect& interconnect, cache::L1Cache& l1, Scheduler& scheduler,
           std::function<void()> on_finished)
    : sc_core::sc_module(name),
      id_(id),
      config_(config),
      program_(program),
      memory_(memory),
      interconnect_(interconnect),
      l1_(l1),
      on_finished_(std::move(on_finished)),
      sb_(config.store_buffer_entries),
      sched_(scheduler) {
  stats_.store_buffer_occupancy.assign(config.store_buffer_entries + 1, 0);
  run_request_.core = id_;
  run_request_.client = this;
  drain_request_.core = id_;
  drain_request_.client = this;
  drain_request_.event = MesiEvent::Store;
  drain_request_.lock_line = true;  // pinned from the grant until the store is written
  drain_request_.drain = true;
  SC_HAS_PROCESS(Core);
  SC_THREAD(run);
  SC_METHOD(update_trace);
  sensitive << trace_wake_;
  dont_initialize();
}

bool Core::alone_until_local_time() const {
  return logical_now() < end_cycle_ && !sc_core::sc_pending_activity_at_current_time() &&
         sc_core::sc_time_to_pending_activity().value() > local_ * cache::kTicksPerCycle;
}

void Core::sync() {
  if (local_ == 0) return;
  sc_core::wait(cycles(local_));
  local_ = 0;
}

void Core::run() {
  if (id_ >= sched_.cpus()) return;
  try {
    if (const int first = sched_.initial_thread(id_); first >= 0) resume(static_cast<uint32_t>(first));
    for (;;) {
      if (thread_ < 0 && !dispatch()) break;
      const Leave why = run_thread();
      if (why == Leave::Stop) return;  // a marker stopped the run
      if (!sched_.scheduling()) break;  // the thread returned; nothing else runs here
      leave(why);
      if (sched_.stopped()) return;
    }
  } catch (const sc_core::sc_unwind_exception&) {
    throw;  // SystemC killing or resetting this thread: not ours to stop
  } catch (const cpu::ExecutionFault& e) {
    fault_ = e.what();  // names the instruction's file:line itself
  } catch (const kernel::ServiceFault& e) {
    fault_ = program_.where(program_.code[current_instr_]) + ": " + e.what();
  } catch (const cpu::MemoryFault& e) {
    fault_ = cpu::located(program_, program_.code[current_instr_], e).what();
  } catch (const std::exception& e) {
    // Anything else is a broken invariant of the simulator (a coherence
    // protocol error, say), not something the program did.
    internal_error_ = program_.where(program_.code[current_instr_]) + ": " + e.what();
  }
  if (thread_ >= 0) save_thread();
  // With threads switching, a fault ends the run: the others may wait for
  // this one forever.
  if (sched_.scheduling() && (!fault_.empty() || !internal_error_.empty())) sched_.stop(RunStop::Fault, "");
  // The CPU finishes once its last store has left the store buffer (the
  // thread's time is over, so those cycles count as no stall).
  uint64_t after_return = 0;
  wait_for_stores(0, after_return, "its store buffer to drain (thread returned)");
  sync();
  waiting_on_ = "nothing (thread returned)";
  if (finished_) return;  // a drain fault finished it
  finished_ = true;
  stats_.finish_cycle = now_cycles();
  occupancy_.finish(now_cycles());
  if (!sched_.scheduling() && thread_ >= 0) sched_.finish(static_cast<uint32_t>(thread_), now_cycles(), false);
  on_finished_();
}

cpu::StepOutcome Core::step(const cpu::Instr& in) {
  touched_memory_ = false;
  step_scheduled_ = false;
  current_instr_ = state_.pc;
  const cpu::StepOutcome outcome = cpu::execute(program_, in, state_, *this);
  ++stats_.instructions;
  if (!touched_memory_) {
    local_ += cpu::is_branch(in) ? config_.branch_latency : config_.alu_latency;
    // A loop that touches no memory never waits on anything: without
    // this it would run ahead of SystemC's clock forever, past
    // max_cycles and unseen by the watchdog.
    if (local_ >= kMaxRunAhead || logical_now() >= end_cycle_) [[unlikely]]
      sync();
  }
  return outcome;
}

Core::Leave Core::run_thread() {
  const cpu::Instr* code = program_.code.data();
  for (;;) {
    // The quantum: checked at instruction boundaries, where a preemption
    // happens; only a thread waiting for a CPU makes it end.
    if (sched_.scheduling() && logical_now() >= quantum_end_) [[unlikely]] {
      if (sched_.has_ready()) return Leave::Preempted;
      quantum_end_ = logical_now() + config_.kernel_quantum_cycles;
    }
    const cpu::Instr& in = code[state_.pc];
    const cpu::StepOutcome outcome = step(in);
    if (outcome == cpu::StepOutcome::Continue) continue;
    if (outcome != cpu::StepOutcome::Service) return Leave::Returned;  // returned, or hlt
    if (Leave why; service(in, why)) return why;
  }
}

// The services on the timed machine: memory through the caches, sleeping
// and waking through the Scheduler.
class Core::ServiceHost final : public kernel::Host {
 public:
  ServiceHost(Core& core, uint32_t thread) : core_(core), thread_(thread) {}
  uint64_t read(uint64_t address, unsigned size) override { return core_.kernel_access(address, size, nullptr); }
  void write(uint64_t address, unsigned size, uint64_t value) override { core_.kernel_access(address, size, &value); }
  void sleep(uint64_t key) override {
    core_.sched_.sleep(thread_, key, core_.current_instr_);
    leave = Leave::Slept;
  }
  uint32_t wake(uint64_t key, uint64_t at_most) override { return core_.sched_.wake(key, at_most); }
  void yield() override { leave = Leave::Yielded; }
  void enter_section(uint64_t key) override {
    if (const auto clash = core_.sched_.enter_section(thread_, key)) {
      core_.sched_.stop(RunStop::Violation, fmt::format("error: {}: T{} entered it at {}\n", kernel::describe(*clash),
                                                        thread_, core_.program_.where(core_.program_.code[core_.current_instr_])));
      leave = Leave::Stop;
    }
  }
  void exit_section(uint64_t key) override { core_.sched_.exit_section(thread_, key); }
  void assertion_failed() override {
    core_.sched_.finish(thread_, core_.logical_now(), true);
    core_.sched_.stop(RunStop::Violation, fmt::format("error: T{}'s assertion failed at {}\n", thread_,
                                                      core_.program_.where(core_.program_.code[core_.current_instr_])));
    leave = Leave::Stop;
  }
  std::optional<Leave> leave;

 private:
  Core& core_;
  uint32_t thread_;
};

bool Core::service(const cpu::Instr& in, Leave& why) {
  if (kernel::is_barrier(in.service)) {  // entering the kernel
    spin_.pure = false;
    wait_for_stores(0, stats_.stall_drain_fence, "its store buffer to drain for a kernel service");
    local_ += config_.kernel_service_cycles;
  }
  // The service acts at this core's time: a wake-up, a marker's check,
  // happen in the order of the cores' clocks.
  sync();
  ServiceHost host(*this, static_cast<uint32_t>(thread_));
  kernel::call(in.service, state_, host);
  if (!host.leave) return false;
  why = *host.leave;
  if (why == Leave::Stop) save_thread();
  return true;
}

uint64_t Core::kernel_access(uint64_t address, unsigned size, const uint64_t* value) {
  lock_begin(address, size);
  uint64_t v = 0;
  if (value) store(address, size, *value);
  else v = load(address, size);
  lock_end();
  return v;
}

void Core::resume(uint32_t t) {
  TimedThread& th = sched_.thread(t);
  state_ = th.state;
  state_.gs_base = kernel::gs_base(sched_.spec(), th.given_gs_base, static_cast<int>(id_));
  thread_ = static_cast<int>(t);
  exec_id_ = t;
  thread_since_ = stats_.instructions;
  quantum_end_ = logical_now() + config_.kernel_quantum_cycles;
  spin_.valid = false;  // another thread's loop
}

void Core::save_thread() {
  TimedThread& th = sched_.thread(static_cast<uint32_t>(thread_));
  th.state = state_;
  th.instructions += stats_.instructions - thread_since_;
  thread_since_ = stats_.instructions;
}

void Core::leave(Leave why) {
  const auto t = static_cast<uint32_t>(thread_);
  if (why == Leave::Preempted) {
    state_.pc = kernel::resume_pc(sched_.spec(), state_.pc);
    ++sched_.thread(t).preemptions;
  }
  save_thread();
  thread_ = -1;
  if (why == Leave::Preempted || why == Leave::Yielded) sched_.make_ready(t);
  if (why == Leave::Returned) sched_.finish(t, logical_now(), false);
  if (sched_.lost_wakeup()) {
    sync();
    sched_.stop(RunStop::LostWakeup, "");
    return;
  }
  local_ += config_.kernel_switch_cycles;
  switch_cpu(static_cast<int>(t), -1);
}

bool Core::dispatch() {
  for (;;) {
    // At this core's own time: a notification while it paid its cycles is
    // not missed.
    sync();
    if (sched_.stopped() || sched_.all_done()) return false;
    if (const int t = sched_.take(id_); t >= 0) {
      local_ += config_.kernel_switch_cycles;
      switch_cpu(-1, t);
      resume(static_cast<uint32_t>(t));
      return true;
    }
    waiting_on_ = "a thread to run (idle)";
    sc_core::wait(sched_.dispatch_event());
    waiting_on_ = "nothing";
  }
}

void Core::switch_cpu(int out, int in) {
  const kernel::Spec& spec = sched_.spec();
  if (!spec.switch_routine) {
    // The atomic switch: on an empty store buffer, one step.
    wait_for_stores(0, stats_.stall_drain_lock, "its store buffer to drain for a thread switch");
    for (const auto& [address, value] : kernel::switch_writes(spec, id_, in)) kernel_access(address, 8, &value);
    return;
  }
  state_ = kernel::switch_context(spec, id_, out, in, kernel::kernel_stack_top(spec, id_) - 8);
  exec_id_ = sched_.thread_count() + id_;
  spin_.valid = false;
  for (;;) {
    const cpu::StepOutcome outcome = step(program_.code[state_.pc]);
    if (outcome == cpu::StepOutcome::Continue) continue;
    if (outcome == cpu::StepOutcome::Returned) return;
    throw kernel::ServiceFault(outcome == cpu::StepOutcome::Service ? "the switch routine cannot call kernel services"
                                                                     : "the switch routine halted");
  }
}

// The records are filled in place, not rebuilt: a queued one is the
// interconnect's by pointer until its grant, and the core has two.
cache::BusTransaction& Core::line_request(uint64_t line, MesiEvent event, bool lock_line, uint64_t arrival) {
  run_request_.kind = cache::BusTransaction::Kind::Line;
  run_request_.line = line;
  run_request_.event = event;
  run_request_.lock_line = lock_line;
  run_request_.arrival = arrival;
  return run_request_;
}

void Core::transact(cache::BusTransaction& t) {
  run_failure_.reset();
  interconnect_.submit(t);
  while (!t.granted) sc_core::wait(run_wake_);
  local_ = 0;  // the grant came at or after the arrival, this core's local time
  if (run_failure_) throw *run_failure_;
}

void Core::granted(cache::BusTransaction& t) {
  if (&t == &drain_request_) drain_granted();
  else run_wake_.notify();
}

void Core::failed(cache::BusTransaction& t, const cache::ProtocolError& error) {
  if (&t == &drain_request_) {
    stop_on_internal_error(std::string("store buffer drain: ") + error.what());
  } else {
    run_failure_ = error;
    run_wake_.notify();
  }
}

void Core::stop_on_internal_error(const std::string& what) {
  internal_error_ = what;
  finished_ = true;
  on_finished_();
}

void Core::drain_request(uint64_t line, uint64_t arrival) {
  drain_request_.line = line;
  drain_request_.arrival = arrival;
  interconnect_.submit(drain_request_);
}

void Core::drain_next() {
  if (draining_ || sb_.written() == sb_.size()) return;
  const BufferedStore& s = sb_.next_to_write();
  draining_ = true;
  drain_line_ = line_of(s.address);
  drain_request(drain_line_, std::max(s.ready_at, next_drain_cycle_));
}

// The draining store's bus request is granted, and completes `latency`
// cycles later. Each drain pins its line from the grant until then, so no
// other core can see the line in between: the value is written at the grant
// and the store leaves the buffer at the completion, with no process waking
// for either.
void Core::drain_granted() {
  try {
    l1_.granted(drain_request_.hit);
    const uint64_t done = now_cycles() + drain_request_.latency;
    const BufferedStore& s = sb_.next_to_write();
    if (drain_line_ < line_of(s.address + s.size - 1)) {  // a split store: its next line once this one is here
      drain_request(++drain_line_, done);
      return;
    }
    memory_.store(s.address, s.size, s.value);
    schedule_drain();
    if (execution_) execution_->commit(s.event);
    for (uint64_t line = line_of(s.address); line <= drain_line_; ++line) interconnect_.unlock_line(id_, line, done);
    sb_.mark_written(done);
    if (sb_.written() == sb_.size()) sched_.buffer_emptied();  // a ready thread that last ran here may move
    if (tracing_) trace_wake_.notify(cycles(done - now_cycles()));
    if (sb_.written() > wake_when_written_) sb_written_.notify();
    next_drain_cycle_ = done + 1;  // one L1 write per cycle
    draining_ = false;
    drain_next();
  } catch (const std::exception& e) {
    // A protocol error while draining: stop this core and report it.
    stop_on_internal_error(std::string("store buffer drain: ") + e.what());
  }
}

void Core::retire_stores(uint64_t until) {
  while (sb_.written() > 0 && sb_.head().done_at <= until) {
    occupancy_.pop(sb_.head().done_at);
    sb_.drain_head();
  }
}

void Core::update_trace() {
  const uint64_t now = now_cycles();
  uint32_t pending = 0;
  for (const BufferedStore& s : sb_.entries()) pending += s.done_at > now;
  sb_occupancy_trace = pending;
}

// Only this thread fills the store buffer, and a store's completion cycle is
// known from its grant, so the wait is for grants only: the rest is paid as
// local cycles, and a store that leaves before the core's local time costs
// no stall.
void Core::wait_for_stores(size_t at_most, uint64_t& stall, const char* why) {
  if (sb_.size() <= at_most) return;
  retire_stores(logical_now());
  if (sb_.size() <= at_most) return;
  spin_.pure = false;
  const uint64_t start = logical_now();
  const size_t last = sb_.size() - at_most - 1;  // the youngest store that must leave
  waiting_on_ = why;
  wake_when_written_ = last;
  while (sb_.written() <= last) {
    sc_core::wait(sb_written_);
    if (finished_) return;  // a drain fault: nothing more leaves
  }
  wake_when_written_ = kNoWait;
  waiting_on_ = "nothing";
  const uint64_t until = std::max(start, sb_.entries()[last].done_at);
  stall += until - start;
  local_ = until - now_cycles();
  retire_stores(until);
}

uint64_t Core::recorded_read(uint64_t address, unsigned size, uint64_t value) {
  if (execution_) execution_->read_memory(exec_id_, current_instr_, address, size, value);
  return value;
}

uint32_t Core::recorded_write(uint64_t address, unsigned size, uint64_t value, bool committed) {
  if (!execution_) return 0;
  uint32_t w = execution_->write(exec_id_, current_instr_, address, size, value);
  if (committed) execution_->commit(w);
  return w;
}

uint64_t Core::load(uint64_t address, unsigned size) {
  touched_memory_ = true;
  if (in_lock_) {
    schedule_step();
    return recorded_read(address, size, memory_.load(address, size));  // the locked line is ours
  }
  uint64_t value;
  // A store that leaves between now and the load's own cycle still forwards:
  // the same value, unless another core writes the line in that window.
  retire_stores(now_cycles());
  for (;;) {
    uint32_t source = 0;
    size_t index = 0;
    auto f = sb_.forward(address, size, value, source, index);
    if (f == StoreBuffer::Forward::Full) {
      schedule_step();
      if (execution_) execution_->read_forwarded(exec_id_, current_instr_, address, size, value, source);
      spin_.pure = false;
      ++stats_.forwarded_loads;
      local_ += config_.store_forward_latency;
      return value;
    }
    if (f == StoreBuffer::Forward::None) break;
    ++stats_.store_forward_stalls;
    wait_for_stores(sb_.size() - index - 1, stats_.stall_store_forward, "a partially overlapping store to drain");
  }
  uint64_t first = line_of(address), last = line_of(address + size - 1);
  // A line held now may be taken before this core's local time unless no
  // other process can act first. If one can, the arbiter looks at the load
  // at its own cycle: a hit if the line is still here, else a miss that goes
  // straight on the bus (one wake-up either way; the hits are counted below,
  // after the spin check). A line not held stays so (only this core's own
  // requests bring it in), and a miss goes to the bus at its own cycle.
  bool checked = false;
  unsigned checked_hits = 0;  // bit i: line first + i
  if (local_) {
    bool held = false;
    for (uint64_t line = first; line <= last; ++line) held = held || l1_.state(line) != cache::Mesi::I;
    if (held && !alone_until_local_time()) {
      checked = true;
      for (uint64_t line = first; line <= last; ++line) checked_hits |= unsigned{load_line(line)} << (line - first);
    }
  }
  // After a fast-forward the load runs again, at a later cycle.
  if (config_.spin_fast_forward && !execution_ && !schedule_ && spin_check(program_.code[state_.pc], first, last)) checked = false;
  for (uint64_t line = first; line <= last; ++line) {
    if (checked ? checked_hits >> (line - first) & 1 : l1_.state(line) != cache::Mesi::I) {
      l1_.hit(line, !checked);
    } else if (!checked && load_line(line)) {
      l1_.granted(true);  // this core's own drain brought the line in meanwhile
    }
  }
  value = memory_.load(address, size);
  schedule_step();
  local_ = l1_.data_ready(local_);  // in cycles from now: no clock read per load
  return recorded_read(address, size, value);
}

bool Core::load_line(uint64_t line) {
  waiting_on_ = "a load";
  // The request reaches the arbiter at this core's local time; the core
  // sleeps once, until the grant, which spends its local cycles.
  transact(line_request(line, MesiEvent::Load, false, logical_now()));
  waiting_on_ = "nothing";
  if (run_request_.hit) return true;
  spin_.pure = false;
  // The data is read at the grant (no one can change the line before the
  // transaction completes); the latency is paid at the next sync.
  stats_.stall_interconnect += run_request_.waited;
  stats_.stall_load_miss += run_request_.latency;
  local_ = run_request_.latency;
  return false;
}

void Core::write_through(uint64_t address, unsigned size, uint64_t value) {
  sync();
  uint64_t start = now_cycles();
  uint64_t first = line_of(address), last = line_of(address + size - 1);
  waiting_on_ = "a store (no store buffer)";
  uint64_t bus_wait = 0;
  for (uint64_t line = first; line <= last; ++line) {
    transact(line_request(line, MesiEvent::Store, true, now_cycles()));
    l1_.granted(run_request_.hit);
    if (run_request_.latency) sc_core::wait(cycles(run_request_.latency));  // visible once its GetM completes
    bus_wait += run_request_.waited;
  }
  memory_.store(address, size, value);
  schedule_drain();  // a store buffer of none: the store is its own drain
  recorded_write(address, size, value, true);
  for (uint64_t line = first; line <= last; ++line) interconnect_.unlock_line(id_, line, now_cycles());
  waiting_on_ = "nothing";
  stats_.stall_interconnect += bus_wait;
  stats_.stall_store_miss += now_cycles() - start - bus_wait;
  local_ += config_.alu_latency;
}

void Core::store(uint64_t address, unsigned size, uint64_t value) {
  touched_memory_ = true;
  spin_.pure = false;
  schedule_step();  // its reads, if any, came first
  if (in_lock_) {
    memory_.store(address, size, value);
    recorded_write(address, size, value, true);
    return;
  }
  // Fault now, as the instruction would, not later in the drain.
  memory_.require_mapped(address, size, true);
  if (sb_.capacity() == 0) {
    write_through(address, size, value);
    return;
  }
  // A full buffer mostly drains by this core's own cycle: paying for that
  // first frees many entries with one wake-up, not one entry per wake-up.
  if (sb_.full()) retire_stores(logical_now());
  if (sb_.full()) sync();
  wait_for_stores(sb_.capacity() - 1, stats_.stall_store_buffer_full, "a full store buffer");
  local_ += config_.alu_latency;
  occupancy_.push(logical_now());
  sb_.push(BufferedStore{address, static_cast<uint8_t>(size), value, logical_now(),
                         recorded_write(address, size, value, false)});
  if (tracing_) update_trace();
  drain_next();  // an idle drain queues its request for the cycle the store retires
}

void Core::lock_begin(uint64_t address, unsigned size) {
  touched_memory_ = true;
  spin_.pure = false;
  wait_for_stores(0, stats_.stall_drain_lock, "its store buffer to drain before a LOCK'd instruction");
  memory_.require_mapped(address, size, true);  // fault before taking any lock
  uint64_t first = line_of(address), last = line_of(address + size - 1);
  waiting_on_ = "a LOCK'd access";
  bool split = first != last;
  bus_locked_ = split || config_.lock_mode == LockMode::BusLock;
  uint64_t bus_wait = 0;
  if (bus_locked_) {
    run_request_.kind = cache::BusTransaction::Kind::BusLock;
    run_request_.arrival = logical_now();
    transact(run_request_);
    bus_wait += run_request_.waited;
  }
  uint64_t fetch = 0;
  for (uint64_t line = first; line <= last; ++line) {
    transact(line_request(line, MesiEvent::Store, !bus_locked_, logical_now()));
    l1_.granted(run_request_.hit);
    bus_wait += run_request_.waited;
    fetch += run_request_.latency;
    if (!bus_locked_) locked_lines_.push_back(line);
  }
  waiting_on_ = "nothing";
  stats_.stall_interconnect += bus_wait;
  stats_.stall_drain_lock += fetch;  // fetching the line; lock_end pays it with the RMW
  local_ += fetch;
  in_lock_ = true;
}

void Core::lock_end() {
  in_lock_ = false;
  local_ += config_.locked_rmw_latency;
  // The line (or bus) stays held for the whole read-modify-write, which ends
  // at this core's local time: the interconnect lets go of it then, and the
  // core need not wake for it.
  for (uint64_t line : locked_lines_) interconnect_.unlock_line(id_, line, logical_now());
  locked_lines_.clear();
  if (bus_locked_) interconnect_.unlock_bus(id_, logical_now());
  bus_locked_ = false;
}

void Core::barrier(cpu::Barrier kind) {
  touched_memory_ = true;
  switch (kind) {
    case cpu::Barrier::Mfence:
      wait_for_stores(0, stats_.stall_drain_fence, "its store buffer to drain for mfence");
      schedule_step();
      local_ += config_.mfence_latency;
      break;
    case cpu::Barrier::Lfence:
      local_ += config_.lfence_latency;
      break;
    case cpu::Barrier::Sfence:
      local_ += config_.sfence_latency;
      break;
    case cpu::Barrier::Pause:
      local_ += config_.pause_latency;
      break;
  }
}

bool Core::spin_check(const cpu::Instr& in, uint64_t first_line, uint64_t last_line) {
  for (uint64_t line = first_line; line <= last_line; ++line)
    if (l1_.state(line) == cache::Mesi::I) return false;  // a miss: load() marks the iteration impure
  bool forwarded = false;
  const bool at_snapshot = spin_.valid && spin_.pc == state_.pc;
  if (at_snapshot && spin_.pure && sb_.empty() && cpu::reads_before_writing(in) && state_.regs == spin_.regs &&
      state_.rflags == spin_.rflags) {
    bool held = true;
    for (uint64_t line : spin_.lines) held = held && l1_.state(line) != cache::Mesi::I;
    // One load per iteration: with two, an invalidation between them would
    // be seen mid-iteration, which resuming at an iteration start cannot
    // reproduce.
    if (held && l1_.stats().hits - spin_.hits == 1) {
      fast_forward(logical_now() - spin_.time, stats_.instructions - spin_.instructions, l1_.stats().hits - spin_.hits);
      forwarded = true;
    }
  }
  // (Re)start watching from this load: on first use, when the loop comes
  // round, or when an iteration has grown too long to be a spin.
  if (!spin_.valid || at_snapshot || stats_.instructions - spin_.instructions > 64) {
    spin_.valid = true;
    spin_.pure = true;
    spin_.pc = state_.pc;
    spin_.regs = state_.regs;
    spin_.rflags = state_.rflags;
    spin_.time = logical_now();
    spin_.instructions = stats_.instructions;
    spin_.hits = l1_.stats().hits;
    spin_.lines.clear();
  }
  for (uint64_t line = first_line; line <= last_line; ++line)
    if (std::find(spin_.lines.begin(), spin_.lines.end(), line) == spin_.lines.end()) spin_.lines.push_back(line);
  if (spin_.lines.size() > 4) spin_.pure = false;
  return forwarded;
}

void Core::credit_skipped_iterations(uint64_t until) {
  const uint64_t skipped = until > ff_.next ? (until - ff_.next + ff_.period - 1) / ff_.period : 0;
  stats_.instructions += skipped * ff_.instructions;
  l1_.credit_hits(skipped * ff_.hits);
  ff_.next += skipped * ff_.period;
}

void Core::settle(uint64_t end) {
  if (ff_.active) credit_skipped_iterations(end);
  if (thread_ >= 0) save_thread();  // the run stopped with it running
  // A thread still running when the run stopped (max_cycles, watchdog) has
  // run for the whole run: its cycles and occupancy cover [0, end).
  if (!finished_) {
    stats_.finish_cycle = end;
    occupancy_.finish(end);
  }
}

void Core::fast_forward(uint64_t period, uint64_t instructions_per_iteration, uint64_t hits_per_iteration) {
  // Iteration j's load would run at `next` + j * period. Loads before the
  // invalidation read the old value (and change nothing); the first at or
  // after it resumes normally.
  ff_ = FastForward{true, logical_now(), period, instructions_per_iteration, hits_per_iteration};
  interconnect_.watch(id_, spin_.lines, &spin_wake_);
  waiting_on_ = "a line its spin loop reads to change";
  const uint64_t chunk = std::max<uint64_t>(config_.watchdog_cycles / 2, 1);
  for (;;) {
    // Wakes now and then so the watchdog sees progress, and at the end of
    // the quantum, where a thread waiting for this CPU preempts the spin.
    uint64_t wait = chunk;
    if (sched_.scheduling()) wait = std::min(wait, std::max<uint64_t>(quantum_end_, now_cycles() + 1) - now_cycles());
    sc_core::wait(cycles(wait), spin_wake_);
    const bool invalidated = !sc_core::timed_out();
    // The load this began at has already read its line: an invalidation in
    // the same cycle comes after it, as in plain execution.
    credit_skipped_iterations(std::max(now_cycles(), ff_.next + 1));
    if (invalidated) break;
    if (sched_.scheduling() && now_cycles() >= quantum_end_) {
      if (sched_.has_ready()) break;  // run_thread preempts after this load
      quantum_end_ = now_cycles() + config_.kernel_quantum_cycles;
    }
  }
  interconnect_.unwatch(id_);
  ff_.active = false;
  waiting_on_ = "nothing";
  local_ = ff_.next - now_cycles();
}

}  // namespace locksim
