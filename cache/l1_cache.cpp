#include "cache/l1_cache.h"

namespace locksim::cache {

L1Cache::L1Cache(sc_core::sc_module_name name, uint32_t sets, uint32_t ways)
    : sc_core::sc_module(name), sets_(sets), ways_(ways), array_(static_cast<size_t>(sets) * ways) {}

void L1Cache::touch(uint64_t line) {
  if (Way* w = find(line)) w->last_use = ++clock_;
}

void L1Cache::set_state(uint64_t line, Mesi next, const std::function<bool(uint64_t)>& pinned,
                        const std::function<void(uint64_t, Mesi)>& evict) {
  Way* w = find(line);
  Mesi from = w ? w->state : Mesi::I;
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
      ++stats.transitions[static_cast<size_t>(victim->state)][static_cast<size_t>(t.next)];
      evict(victim->line, victim->state);
    }
    w = victim;
    w->line = line;
  }
  if (!w) return;  // I -> I
  if (from != next) ++stats.transitions[static_cast<size_t>(from)][static_cast<size_t>(next)];
  w->state = next;
  w->last_use = ++clock_;
}

}  // namespace locksim::cache
