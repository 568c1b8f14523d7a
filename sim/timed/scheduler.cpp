#include "sim/timed/scheduler.h"

#include <algorithm>

#include <fmt/format.h>

namespace locksim {

Scheduler::Scheduler(const kernel::Spec& spec, const cpu::Program& program) : spec_(spec), program_(program) {}

void Scheduler::add_thread(uint32_t index, uint32_t entry, const cpu::CpuState& initial) {
  if (threads_.size() <= index) threads_.resize(index + 1);
  TimedThread& t = threads_[index];
  t.entry = entry;
  t.state = initial;
  t.given_gs_base = initial.gs_base;
}

void Scheduler::start() {
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    if (t < cpus()) {
      threads_[t].status = ThreadStatus::Running;
      threads_[t].cpu = static_cast<int>(t);
    } else {
      threads_[t].status = ThreadStatus::Ready;
      ready_.push_back(t);
    }
  }
}

int Scheduler::take(uint32_t cpu) {
  for (auto it = ready_.begin(); it != ready_.end(); ++it) {
    TimedThread& t = threads_[*it];
    if (t.cpu >= 0 && t.cpu != static_cast<int>(cpu) && !buffer_empty_(static_cast<uint32_t>(t.cpu))) continue;
    const uint32_t index = *it;
    ready_.erase(it);
    t.status = ThreadStatus::Running;
    t.cpu = static_cast<int>(cpu);
    ++t.dispatches;
    return static_cast<int>(index);
  }
  return -1;
}

void Scheduler::make_ready(uint32_t t) {
  threads_[t].status = ThreadStatus::Ready;
  ready_.push_back(t);
  dispatch_.notify(sc_core::SC_ZERO_TIME);
}

void Scheduler::stop(RunStop why, std::string report) {
  if (stop_ != RunStop::None) return;
  stop_ = why;
  stop_report_ = std::move(report);
  sc_core::sc_stop();
}

void Scheduler::sleep(uint32_t t, uint64_t key, uint32_t call) {
  TimedThread& th = threads_[t];
  th.status = ThreadStatus::Sleeping;
  th.sleep_key = key;
  th.sleep_order = sleeps_++;
  th.sleep_call = call;
  ++th.sleeps;
}

uint32_t Scheduler::wake(uint64_t key, uint64_t at_most) {
  std::vector<uint32_t> sleepers;
  for (uint32_t u = 0; u < threads_.size(); ++u)
    if (threads_[u].status == ThreadStatus::Sleeping && threads_[u].sleep_key == key) sleepers.push_back(u);
  std::sort(sleepers.begin(), sleepers.end(),
            [&](uint32_t a, uint32_t b) { return threads_[a].sleep_order < threads_[b].sleep_order; });
  const auto n = static_cast<uint32_t>(std::min<uint64_t>(at_most, sleepers.size()));
  for (uint32_t i = 0; i < n; ++i) {
    kernel::woken(threads_[sleepers[i]].state);
    make_ready(sleepers[i]);
  }
  return n;
}

void Scheduler::finish(uint32_t t, uint64_t cycle, bool failed) {
  threads_[t].status = failed ? ThreadStatus::Failed : ThreadStatus::Done;
  threads_[t].finish_cycle = cycle;
  ++done_;
  dispatch_.notify(sc_core::SC_ZERO_TIME);  // idle CPUs see when every thread is done
}

std::optional<kernel::SectionClash> Scheduler::enter_section(uint32_t t, uint64_t key) {
  threads_[t].sections.push_back(key);
  return kernel::section_clash(thread_count(),
                               [&](uint32_t u) -> const std::vector<uint64_t>& { return threads_[u].sections; });
}

void Scheduler::exit_section(uint32_t t, uint64_t key) { kernel::leave_section(threads_[t].sections, key); }

bool Scheduler::lost_wakeup() const {
  bool sleeping = false;
  for (const auto& t : threads_) {
    if (t.status == ThreadStatus::Running || t.status == ThreadStatus::Ready) return false;
    sleeping = sleeping || t.status == ThreadStatus::Sleeping;
  }
  return sleeping;
}

std::string Scheduler::sleepers() const {
  std::string out;
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    const TimedThread& th = threads_[t];
    if (th.status != ThreadStatus::Sleeping) continue;
    const cpu::Instr& in = program_.code[th.sleep_call];
    out += fmt::format("  T{} sleeps on [{}] ({:#x}) at {} ({})\n", t, program_.location_name(th.sleep_key), th.sleep_key,
                       program_.where(in), program_.source_text(in));
  }
  return out;
}

}  // namespace locksim
