#include "sim/timed/machine.h"

#include <stdexcept>

#include <fmt/format.h>

#include "cpu/instr.h"
#include "cpu/thread_start.h"
#include "sim/report/errors.h"

namespace locksim {

// A module of its own so the watchdog is a SystemC process: it wakes every
// watchdog_cycles (not every cycle) and stops the run if nothing retired.
struct Machine::Watchdog : sc_core::sc_module {
  Machine& machine;
  Watchdog(sc_core::sc_module_name name, Machine& m) : sc_core::sc_module(name), machine(m) {
    SC_HAS_PROCESS(Watchdog);
    SC_THREAD(run);
  }
  void run() { machine.watchdog(); }
};

Machine::Machine(const MachineConfig& config, const cpu::Program& program, uint64_t seed, uint32_t jitter,
                 const kernel::Spec& spec)
    : config_(config),
      program_(program),
      scheduler_(spec, program),
      // The threads' stacks, then each CPU's kernel stack for its switch routine.
      memory_(program, spec.layout.threads + (spec.switch_routine ? spec.layout.cpus : 0)) {
  if (spec.layout.cpus > config.cores)
    throw std::logic_error("machine: more kernel CPUs than cores (the scenario checks)");
  memory_.map_zeroed(kernel::kKernelBase, spec.layout.size());
  if (sc_core::sc_time(1, sc_core::SC_NS).value() != cache::kTicksPerCycle)
    throw std::logic_error("SystemC's time resolution is not its default 1 ps, which now_cycles() assumes");
  std::vector<cache::L1Cache*> caches;
  for (uint32_t i = 0; i < config.cores; ++i) {
    l1s_.push_back(std::make_unique<cache::L1Cache>(fmt::format("core{}_l1", i).c_str(), config.l1_sets, config.l1_ways,
                                                       config.l1_hit_latency));
    caches.push_back(l1s_.back().get());
  }
  interconnect_ = std::make_unique<cache::Interconnect>(
      "interconnect", caches,
      cache::Topology(config.cores, config.sockets, config.core_link_latency, config.socket_link_latency),
      cache::InterconnectTiming{config.arbitration_latency, config.llc_latency, config.memory_latency, jitter}, seed);
  for (uint32_t i = 0; i < config.cores; ++i) {
    cores_.push_back(std::make_unique<Core>(fmt::format("core{}", i).c_str(), i, config, program, memory_, *interconnect_,
                                            *l1s_[i], scheduler_, [this] {
                                              if (++finished_ == scheduler_.cpus()) sc_core::sc_stop();
                                            }));
  }
  scheduler_.set_buffer_empty([this](uint32_t c) { return cores_[c]->buffer_written(); });
  watchdog_module_ = std::make_unique<Watchdog>("watchdog", *this);
}

Machine::~Machine() = default;

void Machine::assign_thread(uint32_t index, uint32_t entry, const cpu::CpuState& initial) {
  scheduler_.add_thread(index, entry, initial);
}

void Machine::trace_to(sc_core::sc_trace_file* file) {
  for (auto& c : cores_) {
    c->trace_store_buffer();
    sc_core::sc_trace(file, c->sb_occupancy_trace, std::string(c->name()) + ".store_buffer.occupancy");
  }
}

void Machine::watchdog() {
  uint64_t last = ~uint64_t{0};
  for (;;) {
    sc_core::wait(cache::cycles(config_.watchdog_cycles));
    uint64_t retired = 0;
    for (auto& c : cores_) retired += c->stats().instructions;
    if (retired == last) {
      watchdog_fired_ = true;
      sc_core::sc_stop();
      return;
    }
    last = retired;
  }
}

RunResult Machine::run(uint64_t max_cycles) {
  RunResult r;
  if (thread_count() != scheduler_.spec().layout.threads)
    throw std::logic_error("machine: the threads assigned are not the kernel spec's");
  // Before time 0: each thread's return address on its stack, the kernel's
  // per-CPU areas and thread structures, and each kernel stack's return
  // address for the switch routine (as the explorer starts).
  for (uint32_t t = 0; t < thread_count(); ++t) {
    TimedThread& th = scheduler_.thread(t);
    cpu::start_thread(th.entry, th.state, memory_);
  }
  scheduler_.start();
  const kernel::Spec& spec = scheduler_.spec();
  for (const auto& [address, value] : kernel::initial_words(spec)) memory_.store(address, 8, value);
  if (spec.switch_routine)
    for (uint32_t c = 0; c < spec.layout.cpus; ++c) memory_.store(kernel::kernel_stack_top(spec, c) - 8, 8, cpu::kHostReturnAddress);
  for (auto& c : cores_) c->set_end_cycle(max_cycles);
  if (thread_count() > 0) sc_core::sc_start(static_cast<double>(max_cycles), sc_core::SC_NS);
  r.cycles = cache::now_cycles();
  for (auto& c : cores_) c->settle(r.cycles);
  for (uint32_t t = 0; t < thread_count(); ++t) {
    TimedThread& th = scheduler_.thread(t);
    if (th.status != ThreadStatus::Done && th.status != ThreadStatus::Failed) th.finish_cycle = r.cycles;
  }
  const uint32_t cpus = scheduler_.cpus();
  for (uint32_t i = 0; i < cpus; ++i) {
    if (!cores_[i]->fault().empty()) {
      r.end = RunEnd::Fault;
      r.report += "error: core" + std::to_string(i) + ": " + cores_[i]->fault() + "\n";
    }
  }
  // A simulator bug outranks whatever the program did.
  std::string internal;
  try {
    interconnect_->check_snoop_filter();
  } catch (const cache::ProtocolError& e) {
    internal += std::string(e.what()) + "\n";
  }
  for (uint32_t i = 0; i < cpus; ++i)
    if (!cores_[i]->internal_error().empty()) internal += "core" + std::to_string(i) + ": " + cores_[i]->internal_error() + "\n";
  if (!internal.empty()) {
    r.end = RunEnd::InternalError;
    r.report = "internal error: " + internal + kReportBug;
  }
  if (r.end == RunEnd::Fault || r.end == RunEnd::InternalError) return r;
  if (scheduler_.stop_reason() == RunStop::Violation) {
    r.end = RunEnd::Violation;
    r.report = scheduler_.stop_report();
    return r;
  }
  if (scheduler_.stop_reason() == RunStop::LostWakeup) {
    r.end = RunEnd::LostWakeup;
    r.report = fmt::format("error: lost wake-up at cycle {}: no thread can run, and these sleep forever:\n{}", r.cycles,
                           scheduler_.sleepers());
    return r;
  }
  if (finished_ == cpus) {
    uint64_t end = 0;
    for (uint32_t i = 0; i < cpus; ++i) end = std::max(end, cores_[i]->stats().finish_cycle);
    r.cycles = end;
    return r;
  }
  r.end = watchdog_fired_ ? RunEnd::Watchdog : RunEnd::MaxCycles;
  r.report = watchdog_fired_
                 ? fmt::format("error: no instruction retired for {} cycles (watchdog at cycle {})\n",
                               config_.watchdog_cycles, r.cycles)
                 : fmt::format("error: max_cycles ({}) reached before every thread returned\n", max_cycles);
  r.report += culprit_report();
  return r;
}

std::string Machine::culprit_report() const {
  std::string out;
  std::vector<uint64_t> lines;
  for (uint32_t i = 0; i < scheduler_.cpus(); ++i) {
    const Core& c = *cores_[i];
    const cpu::Instr& in = program_.code[c.state().pc];
    const std::string who = !scheduler_.scheduling()  ? ""
                            : c.running_thread() >= 0 ? fmt::format(" (T{})", c.running_thread())
                                                      : " (idle or switching)";
    out += fmt::format("  core{}{}: {} at {} ('{}'), waiting on {}; {} instructions retired\n", i, who,
                       c.finished() ? "finished" : "running", program_.where(in), cpu::op_name(in.op), c.waiting_on(),
                       c.stats().instructions);
    for (const auto& s : c.store_buffer().entries()) {
      if (s.done_at <= cache::now_cycles()) continue;  // written and gone, though not yet removed
      out += fmt::format("    store buffer: [{:#x}] <- {:#x} ({} bytes)\n", s.address, s.value, s.size);
      lines.push_back(s.address / config_.l1_line_size);
    }
  }
  for (const auto& [line, owner] : interconnect_->locked_lines()) {
    out += fmt::format("  line {:#x} is locked by core{}\n", line * config_.l1_line_size, owner);
    lines.push_back(line);
  }
  out += scheduler_.sleepers();
  if (interconnect_->bus_owner() >= 0) out += fmt::format("  the bus is locked by core{}\n", interconnect_->bus_owner());
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  for (uint64_t line : lines) {
    std::string states;
    for (uint32_t i = 0; i < config_.cores; ++i)
      if (l1s_[i]->state(line) != cache::Mesi::I)
        states += fmt::format(" core{}={}", i, cache::mesi_name(l1s_[i]->state(line)));
    out += fmt::format("  contended line {:#x}:{}\n", line * config_.l1_line_size, states.empty() ? " in no L1" : states);
  }
  return out;
}

}  // namespace locksim
