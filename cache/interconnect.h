// A snooping bus with the shared LLC and memory behind it. One transaction
// holds the bus at a time; a LOCK'd access holds its line against snoops
// (cache locking) or the whole bus (bus locking). Calls block the calling
// SystemC thread for arbitration and transfer time; nothing here runs on
// its own, so an idle interconnect costs nothing.
#pragma once

#include <systemc>

#include <array>
#include <deque>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <vector>

#include "cache/l1_cache.h"
#include "cache/mesi.h"
#include "cache/topology.h"

namespace locksim::cache {

struct InterconnectTiming {
  uint32_t arbitration_latency;
  uint32_t llc_latency;
  uint32_t memory_latency;
  uint32_t jitter;  // up to this many extra cycles per transaction, seeded
};

struct InterconnectStats {
  std::array<uint64_t, 4> transactions{};  // by BusRequest (index 0 unused)
  uint64_t writebacks = 0;
  uint64_t cache_to_cache = 0;
  uint64_t bus_lock_cycles = 0;
  uint64_t bus_locks = 0;
};

class Interconnect : public sc_core::sc_module {
 public:
  Interconnect(sc_core::sc_module_name name, std::vector<L1Cache*> caches, Topology topology,
               InterconnectTiming timing, uint64_t seed);

  // Blocks until the bus grants `core` a transaction that gives it `line` in
  // a state allowing `event` (Load or Store), or returns at once on a hit.
  // The transaction takes effect at its grant; the caller owes `latency`
  // cycles more (nothing can touch the line meanwhile: the bus is busy until
  // then). With `lock_line`, the line stays with `core` until unlock_line.
  // `wake` is the calling thread's own event: a waiting caller is woken
  // through it exactly when its turn comes.
  struct Grant {
    uint64_t waited = 0;   // cycles spent queued for the bus or a locked line
    uint64_t latency = 0;  // cycles the transaction still takes
  };
  Grant acquire(uint32_t core, uint64_t line, MesiEvent event, bool lock_line, sc_core::sc_event& wake);
  void unlock_line(uint32_t core, uint64_t line);
  // Notifies `event` when any of `lines` leaves `core`'s L1 (another core's
  // write invalidates it): the only way a spinning core's reads can change.
  void watch(uint32_t core, const std::vector<uint64_t>& lines, sc_core::sc_event* event);
  void unwatch(uint32_t core);
  // Bus locking: no other core's transaction proceeds until unlock_bus.
  uint64_t lock_bus(uint32_t core, sc_core::sc_event& wake);
  void unlock_bus(uint32_t core);

  // Lines currently locked, with their owner, for hang reports.
  const std::map<uint64_t, uint32_t>& locked_lines() const { return line_locks_; }
  int bus_owner() const { return bus_locked_by_; }
  // Checks the single-writer/multiple-reader invariant on `line`.
  void check_swmr(uint64_t line) const;

  InterconnectStats stats;

 private:
  uint64_t perform(uint32_t core, uint64_t line, BusRequest request);
  bool pinned(uint32_t core, uint64_t line) const;
  // First come, first served arbitration. Returns once `core` may start a
  // transaction; `queued` tracks whether `wake` sits in the queue.
  bool take_bus_turn(uint32_t core, sc_core::sc_event& wake, bool& queued);
  void leave_queue(sc_core::sc_event& wake);
  void arm_head();

  std::vector<L1Cache*> caches_;
  Topology topology_;
  InterconnectTiming timing_;
  std::mt19937_64 rng_;
  sc_core::sc_time busy_until_;
  int bus_locked_by_ = -1;
  sc_core::sc_time bus_locked_at_;
  std::map<uint64_t, uint32_t> line_locks_;
  std::set<uint64_t> in_llc_;  // lines fetched from memory once (an unbounded inclusive LLC)
  std::deque<sc_core::sc_event*> bus_queue_;
  struct Watch {
    std::vector<uint64_t> lines;
    sc_core::sc_event* event = nullptr;
  };
  std::vector<Watch> watches_;  // per core
  std::multimap<uint64_t, sc_core::sc_event*> line_waiters_;
};

// One simulated cycle; cycles are counted in sc_time nanoseconds.
inline const sc_core::sc_time& cycle() {
  static const sc_core::sc_time c(1, sc_core::SC_NS);
  return c;
}
inline uint64_t now_cycles() { return sc_core::sc_time_stamp().value() / cycle().value(); }

}  // namespace locksim::cache
