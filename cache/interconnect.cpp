#include "cache/interconnect.h"

#include <algorithm>
#include <string>

namespace locksim::cache {

using sc_core::sc_time;
using sc_core::sc_time_stamp;

Interconnect::Interconnect(sc_core::sc_module_name name, std::vector<L1Cache*> caches, Topology topology,
                           InterconnectTiming timing, uint64_t seed)
    : sc_core::sc_module(name),
      caches_(std::move(caches)),
      topology_(std::move(topology)),
      timing_(timing),
      rng_(seed),
      watches_(caches_.size()) {}

void Interconnect::watch(uint32_t core, const std::vector<uint64_t>& lines, sc_core::sc_event* event) {
  watches_[core] = Watch{lines, event};
}

void Interconnect::unwatch(uint32_t core) { watches_[core] = Watch{}; }

bool Interconnect::pinned(uint32_t core, uint64_t line) const {
  auto it = line_locks_.find(line);
  return it != line_locks_.end() && it->second == core;
}

bool Interconnect::take_bus_turn(uint32_t core, sc_core::sc_event& wake, bool& queued) {
  const sc_time now = sc_time_stamp();
  const bool owner = bus_locked_by_ == static_cast<int>(core);
  const bool locked_by_other = bus_locked_by_ >= 0 && !owner;
  const bool idle = busy_until_ <= now && !locked_by_other;
  if (owner) {  // the bus-lock owner never queues: everyone queued waits for it
    if (!idle) wake.notify(busy_until_ - now);
    return idle;
  }
  if (!queued) bus_queue_.push_back(&wake), queued = true;
  if (bus_queue_.front() != &wake) return false;  // arm_head wakes us at our turn
  if (idle) {
    bus_queue_.pop_front();
    queued = false;
    return true;
  }
  if (!locked_by_other) wake.notify(busy_until_ - now);  // a locked bus wakes the head on unlock
  return false;
}

void Interconnect::leave_queue(sc_core::sc_event& wake) {
  wake.cancel();
  bool was_head = !bus_queue_.empty() && bus_queue_.front() == &wake;
  bus_queue_.erase(std::remove(bus_queue_.begin(), bus_queue_.end(), &wake), bus_queue_.end());
  if (was_head) arm_head();
}

// Wakes the first queued requester when the bus next frees (a locked bus
// wakes it on unlock instead).
void Interconnect::arm_head() {
  if (bus_queue_.empty() || bus_locked_by_ >= 0) return;
  sc_time now = sc_time_stamp();
  bus_queue_.front()->notify(busy_until_ > now ? busy_until_ - now : sc_core::SC_ZERO_TIME);
}

Interconnect::Grant Interconnect::acquire(uint32_t core, uint64_t line, MesiEvent event, bool lock_line,
                                          sc_core::sc_event& wake) {
  const sc_time start = sc_time_stamp();
  bool queued = false;
  for (;;) {
    Mesi st = caches_[core]->state(line);
    const MesiTransition& t = mesi_transition(st, event);
    if (t.request == BusRequest::None) {
      // Permission is here (E -> M needs no bus).
      if (queued) leave_queue(wake);
      if (st != t.next)
        caches_[core]->set_state(line, t.next, [&](uint64_t l) { return pinned(core, l); }, [](uint64_t, Mesi) {});
      else
        caches_[core]->touch(line);
      ++caches_[core]->stats.hits;
      if (lock_line) line_locks_[line] = core;
      return Grant{(sc_time_stamp() - start).value() / cycle().value(), 0};
    }
    if (auto it = line_locks_.find(line); it != line_locks_.end() && it->second != core) {
      if (queued) leave_queue(wake), queued = false;
      line_waiters_.emplace(line, &wake);
      sc_core::wait(wake);
      continue;
    }
    if (!take_bus_turn(core, wake, queued)) {
      sc_core::wait(wake);
      continue;
    }
    wake.cancel();
    // The bus is ours: the transaction takes effect now, at its grant, so
    // every later request sees its outcome.
    uint64_t latency = perform(core, line, t.request);
    busy_until_ = sc_time_stamp() + latency * cycle();
    if (lock_line) line_locks_[line] = core;
    arm_head();
    return Grant{(sc_time_stamp() - start).value() / cycle().value(), latency};
  }
}

uint64_t Interconnect::perform(uint32_t core, uint64_t line, BusRequest request) {
  ++stats.transactions[static_cast<size_t>(request)];
  const MesiEvent snoop = request == BusRequest::GetS ? MesiEvent::SnoopGetS
                          : request == BusRequest::GetM ? MesiEvent::SnoopGetM : MesiEvent::SnoopUpgrade;
  int supplier = -1;
  bool others_keep_copy = false;
  uint32_t invalidation = 0;
  for (uint32_t c = 0; c < caches_.size(); ++c) {
    if (c == core) continue;
    Mesi st = caches_[c]->state(line);
    if (st == Mesi::I) continue;
    const MesiTransition& t = mesi_transition(st, snoop);
    if (t.supplies_data) supplier = static_cast<int>(c);
    if (t.writes_back) ++stats.writebacks;
    if (t.next != Mesi::I) {
      others_keep_copy = true;
    } else {
      invalidation = std::max(invalidation, topology_.transfer_latency(core, c));
      const Watch& w = watches_[c];
      if (w.event && std::find(w.lines.begin(), w.lines.end(), line) != w.lines.end())
        w.event->notify(sc_core::SC_ZERO_TIME);
    }
    caches_[c]->snooped(line, t.next);
  }
  uint64_t latency = timing_.arbitration_latency;
  if (request == BusRequest::Upgrade) {
    latency += invalidation;  // invalidate the sharers and collect their acks
  } else if (supplier >= 0) {
    ++stats.cache_to_cache;
    latency += topology_.transfer_latency(static_cast<uint32_t>(supplier), core);
  } else if (in_llc_.count(line)) {
    latency += timing_.llc_latency;
  } else {
    latency += timing_.memory_latency;
    in_llc_.insert(line);
  }
  if (timing_.jitter) latency += rng_() % (timing_.jitter + 1);
  const MesiTransition& mine = mesi_transition(caches_[core]->state(line),
                                               request == BusRequest::GetS ? MesiEvent::Load : MesiEvent::Store);
  Mesi next = (request == BusRequest::GetS && !others_keep_copy) ? mine.next_if_alone : mine.next;
  ++caches_[core]->stats.misses;
  caches_[core]->set_state(line, next, [&](uint64_t l) { return pinned(core, l); }, [&](uint64_t victim, Mesi st) {
    if (st == Mesi::M) ++stats.writebacks;
    in_llc_.insert(victim);
  });
  check_swmr(line);
  return latency;
}

void Interconnect::check_swmr(uint64_t line) const {
  int exclusive = 0, shared = 0;
  for (const auto* c : caches_) {
    Mesi st = c->state(line);
    if (st == Mesi::M || st == Mesi::E) ++exclusive;
    else if (st == Mesi::S) ++shared;
  }
  if (exclusive > 1 || (exclusive == 1 && shared > 0))
    throw ProtocolError("SWMR violated on line " + std::to_string(line) + ": " + std::to_string(exclusive) +
                        " exclusive and " + std::to_string(shared) + " shared copies");
}

void Interconnect::unlock_line(uint32_t core, uint64_t line) {
  auto it = line_locks_.find(line);
  if (it == line_locks_.end() || it->second != core) return;
  line_locks_.erase(it);
  auto [first, last] = line_waiters_.equal_range(line);
  for (auto w = first; w != last; ++w) w->second->notify(sc_core::SC_ZERO_TIME);
  line_waiters_.erase(first, last);
}

uint64_t Interconnect::lock_bus(uint32_t core, sc_core::sc_event& wake) {
  const sc_time start = sc_time_stamp();
  bool queued = false;
  while (!take_bus_turn(core, wake, queued)) sc_core::wait(wake);
  bus_locked_by_ = static_cast<int>(core);
  bus_locked_at_ = sc_time_stamp();
  ++stats.bus_locks;
  return (sc_time_stamp() - start).value() / cycle().value();
}

void Interconnect::unlock_bus(uint32_t core) {
  if (bus_locked_by_ != static_cast<int>(core)) return;
  stats.bus_lock_cycles += (sc_time_stamp() - bus_locked_at_).value() / cycle().value();
  bus_locked_by_ = -1;
  arm_head();
}

}  // namespace locksim::cache
