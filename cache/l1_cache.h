// A private L1 data cache: tag array with LRU replacement and a MESI state
// per line. It holds no data: values live in the coherent backing store,
// and the single-writer rule makes that equivalent (see Interconnect).
#pragma once

#include <systemc>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
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
  L1Cache(sc_core::sc_module_name name, uint32_t sets, uint32_t ways);

  // Inline: every access and every snoop asks.
  Mesi state(uint64_t line) const {
    const Way* w = find(line);
    return w ? w->state : Mesi::I;
  }
  // Moves `line` to `next`, allocating a way if it is not present. When a
  // victim must go, `evict` is told its line and state; `pinned` lines are
  // never chosen.
  void set_state(uint64_t line, Mesi next, const std::function<bool(uint64_t)>& pinned,
                 const std::function<void(uint64_t, Mesi)>& evict);
  void touch(uint64_t line);
  // A snoop moves a present line to `next` (S or I): never allocates, so it
  // needs none of set_state's eviction arguments.
  void snooped(uint64_t line, Mesi next) {
    Way* w = find(line);
    if (!w) return;
    if (w->state != next) ++stats.transitions[static_cast<size_t>(w->state)][static_cast<size_t>(next)];
    w->state = next;
    w->last_use = ++clock_;
  }

  L1Stats stats;

 private:
  struct Way {
    uint64_t line = 0;
    Mesi state = Mesi::I;
    uint64_t last_use = 0;
  };
  Way* find(uint64_t line) { return const_cast<Way*>(std::as_const(*this).find(line)); }
  const Way* find(uint64_t line) const {
    const Way* set = &array_[(line & (sets_ - 1)) * ways_];
    for (uint32_t w = 0; w < ways_; ++w)
      if (set[w].state != Mesi::I && set[w].line == line) return &set[w];
    return nullptr;
  }

  uint32_t sets_, ways_;
  uint64_t clock_ = 0;  // LRU stamp
  std::vector<Way> array_;
};

}  // namespace locksim::cache
