// A snooping bus with the shared LLC and memory behind it. One transaction
// holds the bus at a time; a LOCK'd access holds its line against snoops
// (cache locking) or the whole bus (bus locking). Calls block the calling
// SystemC thread for arbitration and transfer time; nothing here runs on
// its own, so an idle interconnect costs nothing.
#pragma once

#include <systemc>

#include <array>
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

  // Blocks until `core` holds `line` in a state that allows `event` (Load or
  // Store). With `lock_line`, the line stays with `core` until unlock_line.
  // Returns the cycles spent waiting for the bus or for locked lines.
  uint64_t acquire(uint32_t core, uint64_t line, MesiEvent event, bool lock_line);
  void unlock_line(uint32_t core, uint64_t line);
  // Bus locking: no other core's transaction proceeds until unlock_bus.
  uint64_t lock_bus(uint32_t core);
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

  std::vector<L1Cache*> caches_;
  Topology topology_;
  InterconnectTiming timing_;
  std::mt19937_64 rng_;
  sc_core::sc_time busy_until_;
  int bus_locked_by_ = -1;
  sc_core::sc_time bus_locked_at_;
  std::map<uint64_t, uint32_t> line_locks_;
  std::set<uint64_t> in_llc_;  // lines fetched from memory once (an unbounded inclusive LLC)
  sc_core::sc_event line_unlocked_, bus_unlocked_;
};

// One simulated cycle; cycles are counted in sc_time nanoseconds.
inline const sc_core::sc_time& cycle() {
  static const sc_core::sc_time c(1, sc_core::SC_NS);
  return c;
}
inline uint64_t now_cycles() { return sc_core::sc_time_stamp().value() / cycle().value(); }

}  // namespace locksim::cache
