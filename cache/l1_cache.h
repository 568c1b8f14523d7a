// A private L1 data cache: tag array with LRU replacement and a MESI state
// per line. It holds no data: values live in the coherent backing store,
// and the single-writer rule makes that equivalent (see Interconnect).
#pragma once

#include <systemc>

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "cache/mesi.h"

namespace locksim::cache {

struct L1Stats {
  uint64_t hits = 0, misses = 0;
  std::array<std::array<uint64_t, 4>, 4> transitions{};  // [from][to]
};

class L1Cache : public sc_core::sc_module {
 public:
  // `hit_latency`: load-to-use cycles once every line a load reads is here.
  L1Cache(sc_core::sc_module_name name, uint32_t sets, uint32_t ways, uint32_t hit_latency);

  // Timing and accounting of an access, which the L1 owns. A load or store
  // finding `line` here: a hit (touching the line for LRU unless the
  // arbiter just did).
  void hit(uint64_t line, bool touch = true) {
    ++stats_.hits;
    if (touch) this->touch(line);
  }
  // A bus request granted without the bus (the permission was here).
  void granted(bool was_hit) { stats_.hits += was_hit; }
  // A request that needed the bus (a fill or an upgrade).
  void missed() { ++stats_.misses; }
  // Hits a spinning core's skipped iterations would have made.
  void credit_hits(uint64_t n) { stats_.hits += n; }
  // The cycle a load's data is ready when its lines are all here at `at`
  // (any time base: the core passes cycles from now).
  uint64_t data_ready(uint64_t at) const { return at + hit_latency_; }
  const L1Stats& stats() const { return stats_; }

  // Inline: every access and every snoop asks.
  Mesi state(uint64_t line) const {
    const Way* w = find(line);
    return w ? w->state : Mesi::I;
  }
  // Moves `line` to `next`, allocating a way if it is not present. When a
  // victim must go, `evict(line, state)` is told its line and state; lines
  // for which `pinned(line)` holds are never chosen. A template: the
  // interconnect calls it on every transaction.
  template <class Pinned, class Evict>
  void set_state(uint64_t line, Mesi next, const Pinned& pinned, const Evict& evict) {
    Way* w = find(line);
    const Mesi from = w ? w->state : Mesi::I;
    if (!w && next != Mesi::I) {
      Way* set = &array_[(line & (sets_ - 1)) * ways_];
      Way* victim = nullptr;
      for (uint32_t i = 0; i < ways_; ++i) {
        if (set[i].state == Mesi::I) {
          victim = &set[i];
          break;
        }
        if (pinned(set[i].line)) continue;
        if (!victim || set[i].last_use < victim->last_use) victim = &set[i];
      }
      if (!victim) throw ProtocolError("every way of an L1 set is pinned by a locked access");
      if (victim->state != Mesi::I) {
        const auto& t = mesi_transition(victim->state, MesiEvent::Evict);
        ++stats_.transitions[static_cast<size_t>(victim->state)][static_cast<size_t>(t.next)];
        evict(victim->line, victim->state);
      }
      w = victim;
      w->line = line;
    }
    if (!w) return;  // I -> I
    if (from != next) ++stats_.transitions[static_cast<size_t>(from)][static_cast<size_t>(next)];
    set_way(*w, next);
  }
  void touch(uint64_t line);
  // Calls f(line, state) for every line held.
  template <class F>
  void for_each_line(const F& f) const {
    for (const Way& w : array_)
      if (w.state != Mesi::I) f(w.line, w.state);
  }
  // Another core's request seen on the bus: a present line takes `event`'s
  // transition, which is returned (nullptr when the line is absent). Never
  // allocates, so it needs none of set_state's eviction arguments.
  const MesiTransition* snoop(uint64_t line, MesiEvent event) {
    Way* w = find(line);
    if (!w) return nullptr;
    const MesiTransition& t = mesi_transition(w->state, event);
    if (w->state != t.next) ++stats_.transitions[static_cast<size_t>(w->state)][static_cast<size_t>(t.next)];
    set_way(*w, t.next);
    return &t;
  }


 private:
  L1Stats stats_;
  uint32_t hit_latency_;
  // An invalid way holds kNoLine, so a lookup compares tags only.
  static constexpr uint64_t kNoLine = ~uint64_t{0};
  struct Way {
    uint64_t line = kNoLine;
    Mesi state = Mesi::I;
    uint64_t last_use = 0;
  };
  Way* find(uint64_t line) { return const_cast<Way*>(std::as_const(*this).find(line)); }
  // Lock contention keeps asking about the same line or two, so the way
  // last found is tried first.
  const Way* find(uint64_t line) const {
    if (array_[last_found_].line == line) return &array_[last_found_];
    const size_t base = (line & (sets_ - 1)) * ways_;
    for (uint32_t w = 0; w < ways_; ++w)
      if (array_[base + w].line == line) {
        last_found_ = base + w;
        return &array_[base + w];
      }
    return nullptr;
  }
  void set_way(Way& w, Mesi next) {
    w.state = next;
    w.line = next == Mesi::I ? kNoLine : w.line;
    w.last_use = ++clock_;
  }

  uint32_t sets_, ways_;
  uint64_t clock_ = 0;  // LRU stamp
  mutable size_t last_found_ = 0;
  std::vector<Way> array_;
};

}  // namespace locksim::cache
