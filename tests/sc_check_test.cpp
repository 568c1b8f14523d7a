// The SC check on executions built by hand. Each expected verdict is the
// textbook one: SB, MP and 2+2W with their relaxed outcome are forbidden
// under sequential consistency (x86-TSO allows SB, including SB with
// forwarding, and forbids the others), and the same tests with an
// interleaved outcome are SC. Cycles are the standard ones for these shapes
// (Alglave et al., "Herding cats").
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "sim/check/sc_check.h"

namespace locksim {
namespace {

constexpr uint64_t kX = 0x1000, kY = 0x1040;

// The relations around a cycle, rotated to start at its smallest event, so
// a test can compare them with the textbook cycle.
std::string relations(const ScVerdict& v) {
  if (v.cycle.empty()) return "";
  auto start = std::min_element(v.cycle.begin(), v.cycle.end(),
                                [](const auto& a, const auto& b) { return a.event < b.event; });
  std::string s;
  for (size_t k = 0; k < v.cycle.size(); ++k) {
    const auto& step = v.cycle[(static_cast<size_t>(start - v.cycle.begin()) + k) % v.cycle.size()];
    s += std::to_string(step.event) + " " + relation_name(step.to_next) + " ";
  }
  return s;
}

TEST(ScCheck, StoreBufferingBothReadZeroIsNotSc) {
  Execution e;
  // Both stores sit in store buffers while both loads read memory.
  uint32_t wx = e.write(0, 0, kX, 8, 1);     // 0
  e.read_memory(0, 1, kY, 8, 0);             // 1
  uint32_t wy = e.write(1, 2, kY, 8, 1);     // 2
  e.read_memory(1, 3, kX, 8, 0);             // 3
  e.commit(wx);
  e.commit(wy);
  ScVerdict v = check_sc(e);
  EXPECT_FALSE(v.consistent);
  EXPECT_EQ(v.events_on_cycles, 4u);
  EXPECT_EQ(relations(v), "0 po 1 fr 2 po 3 fr ");
}

TEST(ScCheck, StoreBufferingOneSeesTheOtherIsSc) {
  Execution e;
  uint32_t wx = e.write(0, 0, kX, 8, 1);
  e.commit(wx);
  e.read_memory(0, 1, kY, 8, 0);
  uint32_t wy = e.write(1, 2, kY, 8, 1);
  e.commit(wy);
  e.read_memory(1, 3, kX, 8, 1);  // reads T0's store
  ScVerdict v = check_sc(e);
  EXPECT_TRUE(v.consistent);
  EXPECT_TRUE(v.cycle.empty());
  // po 0->1, 2->3; rf 0->3; fr 1->2.
  EXPECT_EQ(v.edges, 4u);
}

TEST(ScCheck, StoreBufferingWithForwardingIsNotSc) {
  Execution e;  // SB+rfi-pos: each thread first reads its own store from its buffer
  uint32_t wx = e.write(0, 0, kX, 8, 1);           // 0
  e.read_forwarded(0, 1, kX, 8, 1, wx);            // 1
  e.read_memory(0, 2, kY, 8, 0);                   // 2
  uint32_t wy = e.write(1, 3, kY, 8, 1);           // 3
  e.read_forwarded(1, 4, kY, 8, 1, wy);            // 4
  e.read_memory(1, 5, kX, 8, 0);                   // 5
  e.commit(wx);
  e.commit(wy);
  ScVerdict v = check_sc(e);
  EXPECT_FALSE(v.consistent);
  // W x -po-> R y -fr-> W y -po-> R x -fr-> W x; program order links
  // neighbours only, so the cycle passes through each forwarded read.
  EXPECT_EQ(relations(v), "0 po 1 po 2 fr 3 po 4 po 5 fr ");
}

TEST(ScCheck, MessagePassingStaleDataIsNotSc) {
  Execution e;
  uint32_t wd = e.write(0, 0, kX, 8, 42);  // 0: data
  uint32_t wf = e.write(0, 1, kY, 8, 1);   // 1: flag
  e.commit(wf);                            // the flag overtakes the data (not x86)
  e.read_memory(1, 2, kY, 8, 1);           // 2: sees the flag
  e.read_memory(1, 3, kX, 8, 0);           // 3: stale data
  e.commit(wd);
  ScVerdict v = check_sc(e);
  EXPECT_FALSE(v.consistent);
  EXPECT_EQ(relations(v), "0 po 1 rf 2 po 3 fr ");
}

TEST(ScCheck, TwoPlusTwoWritesIsNotSc) {
  Execution e;
  uint32_t a = e.write(0, 0, kX, 8, 1);  // 0
  uint32_t b = e.write(0, 1, kY, 8, 2);  // 1
  uint32_t c = e.write(1, 2, kY, 8, 1);  // 2
  uint32_t d = e.write(1, 3, kX, 8, 2);  // 3
  e.commit(d);  // x: 2 then 1
  e.commit(a);
  e.commit(b);  // y: 2 then 1
  e.commit(c);
  ScVerdict v = check_sc(e);
  EXPECT_FALSE(v.consistent);
  EXPECT_EQ(relations(v), "0 po 1 co 2 po 3 co ");
}

TEST(ScCheck, MixedSizeOverlapCountsEachByte) {
  Execution e;
  // T0 writes the low byte of x, then reads y; T1 writes y, then reads all
  // 8 bytes of x without seeing T0's byte: SB on overlapping locations.
  uint32_t wx = e.write(0, 0, kX, 1, 1);  // 0
  e.read_memory(0, 1, kY, 4, 0);          // 1
  uint32_t wy = e.write(1, 2, kY + 2, 2, 1);  // 2: inside y's first 4 bytes
  e.read_memory(1, 3, kX, 8, 0);          // 3
  e.commit(wx);
  e.commit(wy);
  ScVerdict v = check_sc(e);
  EXPECT_FALSE(v.consistent);
  EXPECT_EQ(relations(v), "0 po 1 fr 2 po 3 fr ");
}

TEST(ScCheck, DisjointBytesDoNotConflict) {
  Execution e;
  // As above, but T1 writes bytes of y that T0 never reads: no fr edge.
  uint32_t wx = e.write(0, 0, kX, 1, 1);
  e.read_memory(0, 1, kY, 4, 0);
  uint32_t wy = e.write(1, 2, kY + 4, 4, 1);
  e.read_memory(1, 3, kX, 8, 0);
  e.commit(wx);
  e.commit(wy);
  EXPECT_TRUE(check_sc(e).consistent);
}

}  // namespace
}  // namespace locksim
