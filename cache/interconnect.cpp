#include "cache/interconnect.h"

#include <algorithm>
#include <bit>
#include <optional>
#include <string>
#include <tuple>

namespace locksim::cache {

Interconnect::Interconnect(sc_core::sc_module_name name, std::vector<L1Cache*> caches, Topology topology,
                           InterconnectTiming timing, uint64_t seed)
    : sc_core::sc_module(name),
      caches_(std::move(caches)),
      topology_(std::move(topology)),
      timing_(timing),
      rng_(seed),
      watches_(caches_.size()) {
  SC_HAS_PROCESS(Interconnect);
  SC_METHOD(arbitrate);
  sensitive << arbiter_wake_;
  dont_initialize();
}

void Interconnect::watch(uint32_t core, const std::vector<uint64_t>& lines, sc_core::sc_event* event) {
  watches_[core] = Watch{lines, event};
}

void Interconnect::unwatch(uint32_t core) { watches_[core] = Watch{}; }

const Interconnect::LineLock* Interconnect::lock_on(uint64_t line, uint64_t now) const {
  for (const LineLock& l : line_locks_)
    if (l.line == line && l.until > now) return &l;
  return nullptr;
}

bool Interconnect::pinned(uint32_t core, uint64_t line, uint64_t now) const {
  const LineLock* l = lock_on(line, now);
  return l && l->core == core;
}

bool Interconnect::bus_locked_by_other(uint32_t core, uint64_t now) const {
  return bus_locked_by_ >= 0 && bus_locked_by_ != static_cast<int>(core) && bus_unlock_at_ > now;
}

int Interconnect::bus_owner() const { return bus_unlock_at_ > now_cycles() ? bus_locked_by_ : -1; }

std::vector<std::pair<uint64_t, uint32_t>> Interconnect::locked_lines() const {
  std::vector<std::pair<uint64_t, uint32_t>> out;
  for (const LineLock& l : line_locks_)
    if (l.until > now_cycles()) out.emplace_back(l.line, l.core);
  std::sort(out.begin(), out.end());
  return out;
}

void Interconnect::wake_arbiter_at(uint64_t at, bool whole_queue) {
  // An event keeps only its earliest pending notification. Asking again for
  // a time already covered is skipped (it is a library call), unless `at`
  // comes from the whole queue: then a wake-up due earlier is moved to `at`,
  // for a request due then has since turned out to need the busy bus.
  // kForever waits for an unlock, which re-arms.
  const uint64_t now = now_cycles();
  const bool armed = arbiter_armed_at_ > now;
  if (armed && (arbiter_armed_at_ == at || (arbiter_armed_at_ < at && !whole_queue))) return;
  if (armed && arbiter_armed_at_ < at) arbiter_wake_.cancel();
  arbiter_armed_at_ = at;
  if (at != kForever) arbiter_wake_.notify(cycles(at - now));
}

void Interconnect::submit(BusTransaction& t) {
  t.granted = false;
  t.hit = false;
  t.order = next_order_++;
  // A miss stays a miss until a grant to the same core (see needs_bus), so
  // the arbiter need not wake at its arrival if the bus is busy then.
  t.needs_bus = t.kind == BusTransaction::Kind::BusLock ||
                mesi_transition(caches_[t.core]->state(t.line), t.event).request != BusRequest::None;
  auto at = std::upper_bound(queue_.begin(), queue_.end(), &t, [](const BusTransaction* a, const BusTransaction* b) {
    return std::tie(a->arrival, a->drain, a->order) < std::tie(b->arrival, b->drain, b->order);
  });
  queue_.insert(at, &t);
  if (deferred_to_arbiter()) return;
  // Only `t` is new: if it cannot go yet, the arbiter is already due for
  // everything else.
  const uint64_t now = now_cycles();
  const uint64_t earliest = earliest_grant(t, now);
  if (earliest <= now)
    arbitrate();
  else
    wake_arbiter_at(earliest, false);
}

uint64_t Interconnect::rearm(uint64_t now) {
  // In arrival order; no request goes before its arrival, and none that
  // needs the bus before it is free for somebody.
  const uint64_t bus_free = bus_free_for_anyone(now);
  uint64_t next = kForever;
  for (const BusTransaction* t : queue_) {
    if (t->arrival >= next) break;
    if (t->needs_bus && std::max(t->arrival, bus_free) >= next) continue;
    next = std::min(next, earliest_grant(*t, now));
  }
  if (next > now) wake_arbiter_at(next, true);
  return next;
}

uint64_t Interconnect::bus_free_for_anyone(uint64_t now) const {
  return bus_locked_by_ >= 0 && bus_unlock_at_ > now ? std::min(busy_until_, bus_unlock_at_) : busy_until_;
}

void Interconnect::arbitrate() {
  if (arbitrating_) return;
  arbitrating_ = true;
  const uint64_t now = now_cycles();
  std::erase_if(line_locks_, [now](const LineLock& l) { return l.until <= now; });
  // Oldest first. A request that must wait (for the bus, a locked line or a
  // locked bus) keeps its place; a younger one that need not wait (a hit, or
  // a line nobody holds locked while the bus is free) goes past it.
  for (size_t i = 0; i < queue_.size() && queue_[i]->arrival <= now;) {
    BusTransaction& t = *queue_[i];
    if (t.needs_bus && (busy_until_ > now || free_at(t, now) > now)) {
      ++i;
      continue;
    }
    std::optional<ProtocolError> failure;
    try {
      if (!try_grant(t, now)) {
        ++i;
        continue;
      }
    } catch (const ProtocolError& e) {
      failure = e;
      t.granted = true;
    }
    queue_.erase(queue_.begin() + static_cast<std::ptrdiff_t>(i));
    // The requests passed over still wait (the bus and the line locks only
    // got busier), except this core's own after a bus transaction: its L1
    // changed, so a miss may be a hit now. Go on from the first of those, or
    // from here. (A hit brings no line in.)
    if (t.kind == BusTransaction::Kind::Line && !t.hit)
      for (size_t j = 0; j < queue_.size(); ++j)
        if (queue_[j]->core == t.core) {
          queue_[j]->needs_bus = false;
          i = std::min(i, j);
        }
    changed_in_grant_ = false;
    if (failure) t.client->failed(t, *failure);
    else t.client->granted(t);
    if (changed_in_grant_) i = 0;  // it queued requests or ended locks
  }
  arbitrating_ = false;
  // Sleep until the earliest moment a queued request could go.
  rearm(now);
}

uint64_t Interconnect::earliest_grant(const BusTransaction& t, uint64_t now) const {
  return t.needs_bus ? std::max(t.arrival, free_at(t, now)) : t.arrival;
}

uint64_t Interconnect::free_at(const BusTransaction& t, uint64_t now) const {
  uint64_t at = bus_locked_by_other(t.core, now) ? bus_unlock_at_ : busy_until_;
  if (t.kind == BusTransaction::Kind::Line)
    if (const LineLock* l = lock_on(t.line, now); l && l->core != t.core) at = std::max(at, l->until);
  return at;
}

bool Interconnect::try_grant(BusTransaction& t, uint64_t now) {
  uint64_t latency = 0;
  bool hit = false;
  if (t.kind == BusTransaction::Kind::BusLock) {
    if (free_at(t, now) > now) {
      t.needs_bus = true;
      return false;
    }
    bus_locked_by_ = static_cast<int>(t.core);
    bus_locked_at_ = now;
    bus_unlock_at_ = kForever;
    ++stats.bus_locks;
  } else {
    L1Cache& l1 = *caches_[t.core];
    const Mesi st = l1.state(t.line);
    const MesiTransition& tr = mesi_transition(st, t.event);
    if (tr.request == BusRequest::None) {
      // Permission is here (E -> M needs no bus).
      if (st != tr.next)
        l1.set_state(t.line, tr.next, [&](uint64_t l) { return pinned(t.core, l, now); }, [](uint64_t, Mesi) {});
      else
        l1.touch(t.line);
      hit = true;
    } else {
      if (free_at(t, now) > now) {
        t.needs_bus = true;
        return false;
      }
      // The bus is ours: the transaction takes effect now, at its grant, so
      // every later request sees its outcome.
      latency = perform(t.core, t.line, tr.request, now);
      busy_until_ = now + latency;
    }
    if (t.lock_line) {
      std::erase_if(line_locks_, [&](const LineLock& l) { return l.line == t.line; });
      line_locks_.push_back(LineLock{t.line, t.core, kForever});
    }
  }
  t.granted = true;
  t.hit = hit;
  t.waited = now - t.arrival;
  t.latency = latency;
  return true;
}

uint64_t Interconnect::perform(uint32_t core, uint64_t line, BusRequest request, uint64_t now) {
  ++stats.transactions[static_cast<size_t>(request)];
  const MesiEvent snoop = request == BusRequest::GetS ? MesiEvent::SnoopGetS
                          : request == BusRequest::GetM ? MesiEvent::SnoopGetM : MesiEvent::SnoopUpgrade;
  int supplier = -1;
  bool others_keep_copy = false;
  uint32_t invalidation = 0;
  // The single-writer/multiple-reader check, tallied from every cache's
  // state after this transaction as it is set.
  int exclusive = 0, shared = 0;
  uint64_t lost = 0;  // cores whose copy this invalidates
  // Contention keeps coming back to one line: its entry is remembered (a
  // node-based map keeps references valid).
  if (line != last_holders_line_) {
    last_holders_ = &holders_[line];
    last_holders_line_ = line;
  }
  uint64_t& holders = *last_holders_;
  for (uint64_t others = holders & ~(uint64_t{1} << core); others; others &= others - 1) {
    const uint32_t c = static_cast<uint32_t>(std::countr_zero(others));
    const MesiTransition* t = caches_[c]->snoop(line, snoop);
    if (!t || t->next == Mesi::I) holders &= ~(uint64_t{1} << c);
    if (!t) continue;
    if (t->supplies_data) supplier = static_cast<int>(c);
    if (t->writes_back) ++stats.writebacks;
    if (t->next != Mesi::I) {
      others_keep_copy = true;
      ++(t->next == Mesi::S ? shared : exclusive);
    } else {
      invalidation = std::max(invalidation, topology_.transfer_latency(core, c));
      lost |= uint64_t{1} << c;
      const Watch& w = watches_[c];
      if (w.event && std::find(w.lines.begin(), w.lines.end(), line) != w.lines.end())
        w.event->notify(sc_core::SC_ZERO_TIME);
    }
  }
  // Their queued requests for the line are misses now (see needs_bus).
  if (lost)
    for (BusTransaction* q : queue_)
      if (q->kind == BusTransaction::Kind::Line && q->line == line && (lost >> q->core & 1)) q->needs_bus = true;
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
  caches_[core]->missed();
  caches_[core]->set_state(line, next, [&](uint64_t l) { return pinned(core, l, now); }, [&](uint64_t victim, Mesi st) {
    if (st == Mesi::M) ++stats.writebacks;
    in_llc_.insert(victim);
    if (auto it = holders_.find(victim); it != holders_.end()) it->second &= ~(uint64_t{1} << core);
  });
  holders |= uint64_t{1} << core;  // a reference into a node-based map: the callback's lookups leave it valid
  ++(next == Mesi::S ? shared : exclusive);
  require_swmr(line, exclusive, shared);
#ifndef NDEBUG
  check_swmr(line);  // debug builds also re-read every L1, not trusting the snoop filter
#endif
  return latency;
}

void Interconnect::check_swmr(uint64_t line) const {
  int exclusive = 0, shared = 0;
  for (const auto* c : caches_) {
    Mesi st = c->state(line);
    if (st == Mesi::M || st == Mesi::E) ++exclusive;
    else if (st == Mesi::S) ++shared;
  }
  require_swmr(line, exclusive, shared);
}

void Interconnect::check_snoop_filter() const {
  for (uint32_t c = 0; c < caches_.size(); ++c)
    caches_[c]->for_each_line([&](uint64_t line, Mesi st) {
      auto it = holders_.find(line);
      if (it == holders_.end() || !(it->second >> c & 1))
        throw ProtocolError("snoop filter lost core" + std::to_string(c) + "'s " + std::string(mesi_name(st)) +
                            " copy of line " + std::to_string(line));
    });
}

void Interconnect::require_swmr(uint64_t line, int exclusive, int shared) {
  if (exclusive > 1 || (exclusive == 1 && shared > 0))
    throw ProtocolError("SWMR violated on line " + std::to_string(line) + ": " + std::to_string(exclusive) +
                        " exclusive and " + std::to_string(shared) + " shared copies");
}

void Interconnect::unlock_line(uint32_t core, uint64_t line, uint64_t at) {
  auto it = std::find_if(line_locks_.begin(), line_locks_.end(),
                         [&](const LineLock& l) { return l.line == line && l.core == core; });
  if (it == line_locks_.end()) return;
  const uint64_t now = now_cycles();
  it->until = std::max(at, now);
  if (deferred_to_arbiter()) return;
  // Only another core's requests for the line wait on this lock, and they
  // can only go sooner now.
  uint64_t earliest = kForever;
  for (const BusTransaction* q : queue_)
    if (q->kind == BusTransaction::Kind::Line && q->line == line && q->core != core)
      earliest = std::min(earliest, earliest_grant(*q, now));
  if (earliest <= now)
    arbitrate();
  else if (earliest != kForever)
    wake_arbiter_at(earliest, false);
}

void Interconnect::unlock_bus(uint32_t core, uint64_t at) {
  if (bus_locked_by_ != static_cast<int>(core) || bus_unlock_at_ != kForever) return;
  at = std::max(at, now_cycles());
  stats.bus_lock_cycles += at - bus_locked_at_;
  bus_unlock_at_ = at;
  if (deferred_to_arbiter()) return;
  // Any other core's request may wait on the bus.
  if (const uint64_t now = now_cycles(); rearm(now) <= now) arbitrate();
}

}  // namespace locksim::cache
