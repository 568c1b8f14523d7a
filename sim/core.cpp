#include "sim/core.h"

#include "cpu/execute.h"

namespace locksim {

using cache::cycle;
using cache::MesiEvent;
using cache::now_cycles;

Core::Core(sc_core::sc_module_name name, uint32_t id, const MachineConfig& config, const cpu::Program& program,
           cpu::FlatMemory& memory, cache::Interconnect& interconnect, cache::L1Cache& l1,
           std::function<void()> on_finished)
    : sc_core::sc_module(name),
      id_(id),
      config_(config),
      program_(program),
      memory_(memory),
      interconnect_(interconnect),
      l1_(l1),
      on_finished_(std::move(on_finished)),
      sb_(config.store_buffer_entries) {
  stats_.store_buffer_occupancy.assign(config.store_buffer_entries + 1, 0);
  SC_HAS_PROCESS(Core);
  SC_THREAD(run);
  SC_THREAD(drain);
}

void Core::assign(uint32_t entry, const cpu::CpuState& initial) {
  entry_ = entry;
  state_ = initial;
  assigned_ = true;
}

bool Core::alone_until_local_time() const {
  return !sc_core::sc_pending_activity_at_current_time() && sc_core::sc_time_to_pending_activity() > local_ * cycle();
}

void Core::sync() {
  if (local_ == 0) return;
  sc_core::wait(local_ * cycle());
  local_ = 0;
}

void Core::run() {
  if (!assigned_) return;
  state_.regs[cpu::RSP] -= 8;
  memory_.store(state_.regs[cpu::RSP], 8, cpu::kHostReturnAddress);
  state_.pc = entry_;
  const cpu::Instr* code = program_.code.data();
  try {
    for (;;) {
      const cpu::Instr& in = code[state_.pc];
      touched_memory_ = false;
      cpu::StepOutcome outcome = cpu::execute(program_, in, state_, *this);
      ++stats_.instructions;
      if (!touched_memory_) {
        bool branch = in.op == cpu::Op::Jcc || in.op == cpu::Op::Jmp || in.op == cpu::Op::Call || in.op == cpu::Op::Ret;
        local_ += branch ? config_.branch_latency : config_.alu_latency;
      }
      if (outcome != cpu::StepOutcome::Continue) break;
    }
  } catch (const std::exception& e) {
    fault_ = program_.where(code[state_.pc]) + ": " + e.what();
  }
  sync();
  thread_done_ = true;
  waiting_on_ = "nothing (thread returned)";
  check_finished();
}

void Core::check_finished() {
  if (finished_ || !thread_done_ || !sb_.empty()) return;
  finished_ = true;
  stats_.finish_cycle = now_cycles();
  note_occupancy(now_cycles());
  on_finished_();
}

void Core::note_occupancy(uint64_t at) {
  if (at > occupancy_since_) stats_.store_buffer_occupancy[sb_.size()] += at - occupancy_since_;
  occupancy_since_ = std::max(occupancy_since_, at);
}

// Drains the store buffer head by head, in order. Each drain pins its line
// from the grant of the bus transaction until the value is written, so no
// other core can take the line in between.
void Core::drain() {
  try {
    for (;;) {
      while (sb_.empty()) sc_core::wait(sb_pushed_);
      const BufferedStore s = sb_.head();
      if (s.ready_at > now_cycles()) sc_core::wait((s.ready_at - now_cycles()) * cycle());
      uint64_t first = line_of(s.address), last = line_of(s.address + s.size - 1);
      for (uint64_t line = first; line <= last; ++line) interconnect_.acquire(id_, line, MesiEvent::Store, true);
      memory_.store(s.address, s.size, s.value);
      for (uint64_t line = first; line <= last; ++line) interconnect_.unlock_line(id_, line);
      note_occupancy(now_cycles());
      sb_.drain_head();
      sb_occupancy_trace = static_cast<uint32_t>(sb_.size());
      sb_popped_.notify(sc_core::SC_ZERO_TIME);
      check_finished();
      sc_core::wait(cycle());  // one L1 write per cycle
    }
  } catch (const std::exception& e) {
    // A protocol error while draining: stop this core and report it.
    fault_ = std::string("store buffer drain: ") + e.what();
    thread_done_ = true;
    finished_ = true;
    on_finished_();
  }
}

void Core::wait_store_buffer_drained(uint64_t& stall, const char* why) {
  sync();
  uint64_t start = now_cycles();
  waiting_on_ = why;
  while (!sb_.empty()) sc_core::wait(sb_popped_);
  waiting_on_ = "nothing";
  stall += now_cycles() - start;
}

uint64_t Core::load(uint64_t address, unsigned size) {
  touched_memory_ = true;
  if (in_lock_) return memory_.load(address, size);  // the locked line is ours
  if (local_ && !alone_until_local_time()) sync();
  uint64_t value;
  for (;;) {
    auto f = sb_.forward(address, size, value);
    if (f == StoreBuffer::Forward::Full) {
      ++stats_.forwarded_loads;
      local_ += config_.store_forward_latency;
      return value;
    }
    if (f == StoreBuffer::Forward::None) break;
    ++stats_.store_forward_stalls;
    sync();
    uint64_t start = now_cycles();
    waiting_on_ = "a partially overlapping store to drain";
    sc_core::wait(sb_popped_);
    waiting_on_ = "nothing";
    stats_.stall_store_forward += now_cycles() - start;
  }
  uint64_t first = line_of(address), last = line_of(address + size - 1);
  for (uint64_t line = first; line <= last; ++line) {
    if (l1_.state(line) != cache::Mesi::I) {
      ++l1_.stats.hits;
      l1_.touch(line);
      continue;
    }
    sync();
    uint64_t start = now_cycles();
    waiting_on_ = "a load miss";
    uint64_t bus_wait = interconnect_.acquire(id_, line, MesiEvent::Load, false);
    waiting_on_ = "nothing";
    stats_.stall_interconnect += bus_wait;
    stats_.stall_load_miss += now_cycles() - start - bus_wait;
  }
  value = memory_.load(address, size);
  local_ += config_.l1_hit_latency;
  return value;
}

void Core::write_through(uint64_t address, unsigned size, uint64_t value) {
  sync();
  uint64_t start = now_cycles();
  uint64_t first = line_of(address), last = line_of(address + size - 1);
  waiting_on_ = "a store (no store buffer)";
  uint64_t bus_wait = 0;
  for (uint64_t line = first; line <= last; ++line) bus_wait += interconnect_.acquire(id_, line, MesiEvent::Store, true);
  memory_.store(address, size, value);
  for (uint64_t line = first; line <= last; ++line) interconnect_.unlock_line(id_, line);
  waiting_on_ = "nothing";
  stats_.stall_interconnect += bus_wait;
  stats_.stall_store_miss += now_cycles() - start - bus_wait;
  local_ += config_.alu_latency;
}

void Core::store(uint64_t address, unsigned size, uint64_t value) {
  touched_memory_ = true;
  if (in_lock_) {
    memory_.store(address, size, value);
    return;
  }
  // Fault now, as the instruction would, not later in the drain.
  (void)memory_.load(address, size);
  if (sb_.capacity() == 0) {
    write_through(address, size, value);
    return;
  }
  if (sb_.full()) {
    sync();
    uint64_t start = now_cycles();
    waiting_on_ = "a full store buffer";
    while (sb_.full()) sc_core::wait(sb_popped_);
    waiting_on_ = "nothing";
    stats_.stall_store_buffer_full += now_cycles() - start;
  }
  local_ += config_.alu_latency;
  note_occupancy(logical_now());
  sb_.push(BufferedStore{address, static_cast<uint8_t>(size), value, logical_now()});
  sb_occupancy_trace = static_cast<uint32_t>(sb_.size());
  sb_pushed_.notify(sc_core::SC_ZERO_TIME);
}

void Core::lock_begin(uint64_t address, unsigned size) {
  touched_memory_ = true;
  wait_store_buffer_drained(stats_.stall_drain_lock, "its store buffer to drain before a LOCK'd instruction");
  (void)memory_.load(address, size);  // fault before taking any lock
  uint64_t first = line_of(address), last = line_of(address + size - 1);
  uint64_t start = now_cycles();
  waiting_on_ = "a LOCK'd access";
  bool split = first != last;
  bus_locked_ = split || config_.lock_mode == LockMode::BusLock;
  uint64_t bus_wait = bus_locked_ ? interconnect_.lock_bus(id_) : 0;
  for (uint64_t line = first; line <= last; ++line) {
    bus_wait += interconnect_.acquire(id_, line, MesiEvent::Store, !bus_locked_);
    if (!bus_locked_) locked_lines_.push_back(line);
  }
  waiting_on_ = "nothing";
  stats_.stall_interconnect += bus_wait;
  stats_.stall_drain_lock += now_cycles() - start - bus_wait;  // fetching the line for the LOCK'd access
  in_lock_ = true;
}

void Core::lock_end() {
  in_lock_ = false;
  local_ += config_.locked_rmw_latency;
  sync();  // the line (or bus) stays held for the whole read-modify-write
  for (uint64_t line : locked_lines_) interconnect_.unlock_line(id_, line);
  locked_lines_.clear();
  if (bus_locked_) interconnect_.unlock_bus(id_);
  bus_locked_ = false;
}

void Core::barrier(cpu::Barrier kind) {
  touched_memory_ = true;
  switch (kind) {
    case cpu::Barrier::Mfence:
      wait_store_buffer_drained(stats_.stall_drain_fence, "its store buffer to drain for mfence");
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

}  // namespace locksim
