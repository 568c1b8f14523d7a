// A snooping bus with the shared LLC and memory behind it. One transaction
// holds the bus at a time; a LOCK'd access holds its line against snoops
// (cache locking) or the whole bus (bus locking).
//
// Requests are records, not blocking calls: a requester queues one with the
// cycle it reaches the bus and sleeps on its own event; an arbiter grants
// queued requests oldest first and wakes the requester at its grant. The
// arbiter runs only when a request arrives, the bus frees or a lock ends, so
// an idle interconnect costs nothing, and a miss costs its requester one
// wake-up however long it queued.
#pragma once

#include <systemc>

#include <array>
#include <cstdint>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cache/l1_cache.h"
#include "cache/mesi.h"
#include "cache/topology.h"

namespace locksim::cache {

struct BusTransaction;

// A requester, as the bus sees it. The interconnect calls one of these,
// inside its arbiter, at each of the requester's grants.
class BusClient {
 public:
  // `t` took effect: its results are filled in. The client may queue
  // requests and end locks from here; the arbiter takes those up.
  virtual void granted(BusTransaction& t) = 0;
  // Granting `t` broke a coherence invariant: a simulator bug, which the
  // client reports when it can (t.granted is set, so no one waits on).
  virtual void failed(BusTransaction& t, const ProtocolError& error) = 0;

 protected:
  ~BusClient() = default;
};

// One request for the bus. The requester owns it and keeps it alive until
// it is granted.
struct BusTransaction {
  enum class Kind : uint8_t { Line, BusLock };
  Kind kind = Kind::Line;
  uint32_t core = 0;
  uint64_t line = 0;
  MesiEvent event = MesiEvent::Load;  // Load or Store: the permission wanted
  bool lock_line = false;             // the line stays with `core` until unlock_line
  bool drain = false;                 // a store-buffer drain: at equal arrival, demand accesses go first
  uint64_t arrival = 0;               // cycle it reaches the bus
  BusClient* client = nullptr;        // told at the grant
  // Filled in at the grant. The transaction takes effect then; `latency`
  // cycles later it completes (nothing can touch the line meanwhile: the bus
  // is busy until then).
  bool granted = false;
  bool hit = false;      // the L1 already had the permission
  uint64_t waited = 0;   // cycles queued behind the bus, a locked line or a locked bus
  uint64_t latency = 0;  // cycles the transaction still takes after the grant
  uint64_t order = 0;    // the last tie-break: first queued, first served
  // Known to need the bus. Only a grant to the same core can change that
  // (only its own requests bring a line into its L1), so until then the
  // arbiter need not look in its L1 again, only at when the bus and line
  // are free for it (free_at).
  bool needs_bus = false;
};

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

  // Queues `t`. A request already due finds its turn at once when it can:
  // then t.granted is true on return and t.wake is not notified.
  void submit(BusTransaction& t);
  // Ends `core`'s lock on `line` (or on the bus) at cycle `at`: now if `at`
  // has passed, else then, without anyone having to wake at `at`.
  void unlock_line(uint32_t core, uint64_t line, uint64_t at);
  void unlock_bus(uint32_t core, uint64_t at);
  // Notifies `event` when any of `lines` leaves `core`'s L1 (another core's
  // write invalidates it): the only way a spinning core's reads can change.
  void watch(uint32_t core, const std::vector<uint64_t>& lines, sc_core::sc_event* event);
  void unwatch(uint32_t core);

  // Lines locked at this cycle, with their owner, for hang reports.
  std::vector<std::pair<uint64_t, uint32_t>> locked_lines() const;
  int bus_owner() const;
  // Checks the single-writer/multiple-reader invariant on `line` across
  // every L1 (each transaction checks it as it sets the states).
  void check_swmr(uint64_t line) const;
  // Checks that the snoop filter knows every copy in every L1 (a copy it
  // missed would never be snooped). Cheap; the machine runs it after a run.
  void check_snoop_filter() const;

  InterconnectStats stats;

 private:
  struct LineLock {
    uint64_t line;
    uint32_t core;
    uint64_t until;  // the lock ends at this cycle (kForever: at unlock_line)
  };
  static constexpr uint64_t kForever = ~uint64_t{0};

  void arbitrate();  // the method process; also called inline
  bool try_grant(BusTransaction& t, uint64_t now);
  // When the bus, and its line, are next free for `t` (kForever: at an unlock).
  uint64_t free_at(const BusTransaction& t, uint64_t now) const;
  // When the bus is next free for some core (a lower bound on free_at).
  uint64_t bus_free_for_anyone(uint64_t now) const;
  // No grant to `t` can come before this cycle (kForever: before an unlock).
  uint64_t earliest_grant(const BusTransaction& t, uint64_t now) const;
  // Returns the earliest cycle a queued request could go and, if it is
  // later than now, wakes the arbiter then.
  uint64_t rearm(uint64_t now);
  uint64_t perform(uint32_t core, uint64_t line, BusRequest request, uint64_t now);
  // Throws ProtocolError unless the copies are one exclusive or only shared.
  static void require_swmr(uint64_t line, int exclusive, int shared);
  const LineLock* lock_on(uint64_t line, uint64_t now) const;
  bool pinned(uint32_t core, uint64_t line, uint64_t now) const;
  bool bus_locked_by_other(uint32_t core, uint64_t now) const;
  // Makes sure the arbiter runs at `cycle`; `whole_queue`: `cycle` is the
  // earliest for every queued request, so a wake-up due sooner may move.
  void wake_arbiter_at(uint64_t cycle, bool whole_queue);

  std::vector<L1Cache*> caches_;
  Topology topology_;
  InterconnectTiming timing_;
  std::mt19937_64 rng_;
  uint64_t busy_until_ = 0;  // cycle the current transaction completes
  int bus_locked_by_ = -1;
  uint64_t bus_locked_at_ = 0, bus_unlock_at_ = kForever;
  std::vector<LineLock> line_locks_;  // a few at a time: one per LOCK'd access or drain in flight
  std::set<uint64_t> in_llc_;  // lines fetched from memory once (an unbounded inclusive LLC)
  // Which L1s may hold each line, as an inclusive LLC's snoop filter knows:
  // a transaction snoops only those. A bit may outlive its copy (a miss then
  // costs one lookup), never the reverse.
  std::unordered_map<uint64_t, uint64_t> holders_;
  uint64_t last_holders_line_ = ~uint64_t{0};
  uint64_t* last_holders_ = nullptr;
  std::vector<BusTransaction*> queue_;  // by (arrival, order)
  uint64_t next_order_ = 0;
  sc_core::sc_event arbiter_wake_;
  uint64_t arbiter_armed_at_ = 0;  // the cycle arbiter_wake_ is due, once it is set
  bool arbitrating_ = false;       // inside arbitrate(): a client's granted() may queue or unlock
  bool changed_in_grant_ = false;  // ... and did
  // From a client's granted(): the running arbitration looks at the queue
  // again and re-arms, so the caller need not (true then).
  bool deferred_to_arbiter() {
    if (arbitrating_) changed_in_grant_ = true;
    return arbitrating_;
  }
  struct Watch {
    std::vector<uint64_t> lines;
    sc_core::sc_event* event = nullptr;
  };
  std::vector<Watch> watches_;  // per core
};

// One simulated cycle is one sc_time nanosecond: 1000 ticks of SystemC's
// default time resolution (1 ps). A constant turns the division in every
// clock read into a multiply; Machine checks that the resolution is still
// the default.
inline constexpr uint64_t kTicksPerCycle = 1000;
// `n` cycles as an sc_time, in integers (not through a double).
inline sc_core::sc_time cycles(uint64_t n) { return sc_core::sc_time::from_value(n * kTicksPerCycle); }
// Inline: asked on every access and every arbitration, and the library's
// sc_time_stamp() is an out-of-line call.
inline uint64_t now_cycles() {
  return sc_core::sc_get_curr_simcontext()->time_stamp().value() / kTicksPerCycle;
}

}  // namespace locksim::cache
