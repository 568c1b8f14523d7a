#include "cache/interconnect.h"

#include <string>

namespace locksim::cache {

using sc_core::sc_time;
using sc_core::sc_time_stamp;

Interconnect::Interconnect(sc_core::sc_module_name name, std::vector<L1Cache*> caches, Topology topology,
                           InterconnectTiming timing, uint64_t seed)
    : sc_core::sc_module(name), caches_(std::move(caches)), topology_(std::move(topology)), timing_(timing), rng_(seed) {}

bool Interconnect::pinned(uint32_t core, uint64_t line) const {
  auto it = line_locks_.find(line);
  return it != line_locks_.end() && it->second == core;
}

uint64_t Interconnect::acquire(uint32_t core, uint64_t line, MesiEvent event, bool lock_line) {
  const sc_time start = sc_time_stamp();
  for (;;) {
    Mesi st = caches_[core]->state(line);
    const MesiTransition& t = mesi_transition(st, event);
    if (t.request == BusRequest::None) {
      // Permission already here (E -> M needs no bus).
      if (st != t.next)
        caches_[core]->set_state(line, t.next, [&](uint64_t l) { return pinned(core, l); }, [](uint64_t, Mesi) {});
      else
        caches_[core]->touch(line);
      if (lock_line) line_locks_[line] = core;
      return (sc_time_stamp() - start).value() / cycle().value();
    }
    if (auto it = line_locks_.find(line); it != line_locks_.end() && it->second != core) {
      sc_core::wait(line_unlocked_);
      continue;
    }
    if (bus_locked_by_ >= 0 && bus_locked_by_ != static_cast<int>(core)) {
      sc_core::wait(bus_unlocked_);
      continue;
    }
    if (busy_until_ > sc_time_stamp()) {
      sc_core::wait(busy_until_ - sc_time_stamp());
      continue;
    }
    // The bus is ours: the transaction takes effect now, at its grant, so
    // every later request sees its outcome; the requester waits its latency.
    uint64_t latency = perform(core, line, t.request);
    busy_until_ = sc_time_stamp() + latency * cycle();
    if (lock_line) line_locks_[line] = core;
    sc_core::wait(latency * cycle());
    return (sc_time_stamp() - start).value() / cycle().value() - latency;
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
    if (t.next != Mesi::I) others_keep_copy = true;
    else invalidation = std::max(invalidation, topology_.transfer_latency(core, c));
    caches_[c]->set_state(line, t.next, [](uint64_t) { return false; }, [](uint64_t, Mesi) {});
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
  if (it != line_locks_.end() && it->second == core) {
    line_locks_.erase(it);
    line_unlocked_.notify(sc_core::SC_ZERO_TIME);
  }
}

uint64_t Interconnect::lock_bus(uint32_t core) {
  const sc_time start = sc_time_stamp();
  for (;;) {
    if (bus_locked_by_ >= 0 && bus_locked_by_ != static_cast<int>(core)) {
      sc_core::wait(bus_unlocked_);
      continue;
    }
    if (busy_until_ > sc_time_stamp()) {
      sc_core::wait(busy_until_ - sc_time_stamp());
      continue;
    }
    break;
  }
  bus_locked_by_ = static_cast<int>(core);
  bus_locked_at_ = sc_time_stamp();
  ++stats.bus_locks;
  return (sc_time_stamp() - start).value() / cycle().value();
}

void Interconnect::unlock_bus(uint32_t core) {
  if (bus_locked_by_ != static_cast<int>(core)) return;
  stats.bus_lock_cycles += (sc_time_stamp() - bus_locked_at_).value() / cycle().value();
  bus_locked_by_ = -1;
  bus_unlocked_.notify(sc_core::SC_ZERO_TIME);
}

}  // namespace locksim::cache
