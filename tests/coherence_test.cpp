// MESI table, SWMR check, L1 replacement and topology latencies.
#include <gtest/gtest.h>

#include "cache/interconnect.h"
#include "cache/l1_cache.h"
#include "cache/mesi.h"
#include "cache/topology.h"

namespace locksim::cache {
namespace {

TEST(Mesi, TableFollowsTheProtocol) {
  // A read miss asks for GetS and lands in E when alone, S otherwise.
  const auto& miss = mesi_transition(Mesi::I, MesiEvent::Load);
  EXPECT_EQ(miss.request, BusRequest::GetS);
  EXPECT_EQ(miss.next, Mesi::S);
  EXPECT_EQ(miss.next_if_alone, Mesi::E);
  // A write to a shared line upgrades; a write to an exclusive one is silent.
  EXPECT_EQ(mesi_transition(Mesi::S, MesiEvent::Store).request, BusRequest::Upgrade);
  EXPECT_EQ(mesi_transition(Mesi::E, MesiEvent::Store).request, BusRequest::None);
  EXPECT_EQ(mesi_transition(Mesi::E, MesiEvent::Store).next, Mesi::M);
  // The owner of a dirty line supplies it and writes it back on a read snoop.
  const auto& snoop = mesi_transition(Mesi::M, MesiEvent::SnoopGetS);
  EXPECT_TRUE(snoop.supplies_data);
  EXPECT_TRUE(snoop.writes_back);
  EXPECT_EQ(snoop.next, Mesi::S);
  EXPECT_EQ(mesi_transition(Mesi::M, MesiEvent::SnoopGetM).next, Mesi::I);
  EXPECT_TRUE(mesi_transition(Mesi::M, MesiEvent::Evict).writes_back);
}

TEST(Mesi, UnlistedPairIsAnError) {
  // Another core upgrading while this one is exclusive means SWMR was broken.
  EXPECT_THROW(mesi_transition(Mesi::M, MesiEvent::SnoopUpgrade), ProtocolError);
  EXPECT_THROW(mesi_transition(Mesi::E, MesiEvent::SnoopUpgrade), ProtocolError);
  EXPECT_THROW(mesi_transition(Mesi::I, MesiEvent::Evict), ProtocolError);
}

auto no_pin = [](uint64_t) { return false; };
auto no_evict = [](uint64_t, Mesi) {};

TEST(L1, LruVictimAndTransitionCounts) {
  L1Cache l1("lru_l1", 2, 2, 4);  // 2 sets x 2 ways: lines 0, 2, 4 share set 0
  l1.set_state(0, Mesi::E, no_pin, no_evict);
  l1.set_state(2, Mesi::M, no_pin, no_evict);
  l1.touch(0);  // line 2 is now least recently used
  std::vector<std::pair<uint64_t, Mesi>> evicted;
  l1.set_state(4, Mesi::S, no_pin, [&](uint64_t line, Mesi st) { evicted.emplace_back(line, st); });
  ASSERT_EQ(evicted.size(), 1u);
  EXPECT_EQ(evicted[0].first, 2u);
  EXPECT_EQ(evicted[0].second, Mesi::M);
  EXPECT_EQ(l1.state(2), Mesi::I);
  EXPECT_EQ(l1.state(0), Mesi::E);
  EXPECT_EQ(l1.state(4), Mesi::S);
  EXPECT_EQ(l1.stats().transitions[static_cast<int>(Mesi::M)][static_cast<int>(Mesi::I)], 1u);
  // A pinned (locked) line is never the victim.
  l1.set_state(6, Mesi::S, [](uint64_t line) { return line == 4; },
               [&](uint64_t line, Mesi st) { evicted.emplace_back(line, st); });
  EXPECT_EQ(evicted.back().first, 0u);
}

TEST(Swmr, CheckCatchesTwoWriters) {
  L1Cache a("swmr_a", 4, 2, 4), b("swmr_b", 4, 2, 4);
  Interconnect bus("swmr_bus", {&a, &b}, Topology(2, 1, 30, 120), InterconnectTiming{2, 42, 195, 0}, 1);
  a.set_state(5, Mesi::S, no_pin, no_evict);
  b.set_state(5, Mesi::S, no_pin, no_evict);
  EXPECT_NO_THROW(bus.check_swmr(5));  // many readers
  b.set_state(5, Mesi::M, no_pin, no_evict);
  EXPECT_THROW(bus.check_swmr(5), ProtocolError);  // a writer beside a reader
  a.set_state(5, Mesi::E, no_pin, no_evict);
  EXPECT_THROW(bus.check_swmr(5), ProtocolError);  // two exclusive copies
}

TEST(SnoopFilter, CheckCatchesACopyItWasNotTold) {
  L1Cache a("filter_a", 4, 2, 4), b("filter_b", 4, 2, 4);
  Interconnect bus("filter_bus", {&a, &b}, Topology(2, 1, 30, 120), InterconnectTiming{2, 42, 195, 0}, 1);
  EXPECT_NO_THROW(bus.check_snoop_filter());  // nothing cached
  b.set_state(7, Mesi::S, no_pin, no_evict);  // behind the interconnect's back
  EXPECT_THROW(bus.check_snoop_filter(), ProtocolError);
}

TEST(Topology, ShortestPathsThroughHubs) {
  Topology t(16, 2, 30, 120);
  EXPECT_EQ(t.transfer_latency(0, 0), 0u);
  EXPECT_EQ(t.transfer_latency(0, 7), 60u);    // core - hub - core
  EXPECT_EQ(t.transfer_latency(0, 8), 180u);   // core - hub - hub - core
  EXPECT_EQ(t.transfer_latency(15, 1), 180u);
  EXPECT_EQ(t.socket_of(9), 1u);
  Topology four(8, 4, 10, 50);  // every hub pair linked: never more than one socket hop
  EXPECT_EQ(four.transfer_latency(0, 7), 10u + 50u + 10u);
}

}  // namespace
}  // namespace locksim::cache

// libsystemc references sc_main; this test runs no simulation.
extern "C" int sc_main(int, char**) { return 0; }
