// Store-to-load forwarding (cpu::forward_from) and the timed engine's store
// buffer (locksim::StoreBuffer), in process. Every expected value below is
// worked out by hand from the stores' bytes: x86 is little-endian, so the
// store of V at address A puts byte k of V (V >> 8k & 0xff) at A + k, and a
// load of N bytes at B reads byte i from B + i into bits 8i..8i+7.
#include <gtest/gtest.h>

#include <cstdint>
#include <deque>
#include <vector>

#include "cpu/store_forwarding.h"
#include "sim/timed/store_buffer.h"

namespace locksim {
namespace {

// The minimal store forward_from needs: address, size, value.
struct Store {
  uint64_t address;
  unsigned size;
  uint64_t value;
};

using Stores = std::vector<Store>;  // oldest first

// ------------------------------------------------------------ forward_from

TEST(ForwardFrom, EmptyBufferSuppliesNothing) {
  const Stores none;
  const cpu::Forwarded f = cpu::forward_from(none, 0x100, 8);
  EXPECT_FALSE(f.any());
  EXPECT_EQ(f.covered, 0u);
  EXPECT_EQ(f.value, 0u);
  EXPECT_FALSE(f.all(8));
}

TEST(ForwardFrom, AdjacentStoresDoNotOverlap) {
  // The load reads [0x108, 0x110). The first store covers [0x100, 0x108),
  // ending exactly where the load begins; the second covers [0x110, 0x114),
  // beginning exactly where the load ends. Neither shares a byte with it.
  const Stores stores = {{0x100, 8, 0x1111111111111111}, {0x110, 4, 0x22222222}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x108, 8);
  EXPECT_FALSE(f.any());
  EXPECT_EQ(f.covered, 0u);
  EXPECT_EQ(f.value, 0u);
}

TEST(ForwardFrom, LoadExactlyCoveredByOneStore) {
  // Store 0xdeadbeef at 0x200 (4 bytes): ef be ad de at 0x200..0x203. A
  // 4-byte load at 0x200 reads them back in order: 0xdeadbeef. All four
  // bytes covered: mask 0b1111 = 0xf.
  const Stores stores = {{0x200, 4, 0xdeadbeef}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x200, 4);
  EXPECT_EQ(f.value, 0xdeadbeefu);
  EXPECT_EQ(f.covered, 0xfu);
  EXPECT_TRUE(f.all(4));
  EXPECT_TRUE(f.single);
  EXPECT_EQ(f.youngest, 0u);
}

TEST(ForwardFrom, WiderStoreSuppliesTheLoadsBytesAtTheirOffset) {
  // 8-byte store of 0x1122334455667788 at 0x300 lays out, from 0x300 up:
  //   0x300:88 0x301:77 0x302:66 0x303:55 0x304:44 0x305:33 0x306:22 0x307:11
  const Stores stores = {{0x300, 8, 0x1122334455667788}};

  // 2 bytes at 0x302: 66 (byte 0), 55 (byte 1) -> 0x66 | 0x55 << 8 = 0x5566.
  cpu::Forwarded f = cpu::forward_from(stores, 0x302, 2);
  EXPECT_EQ(f.value, 0x5566u);
  EXPECT_EQ(f.covered, 0x3u);
  EXPECT_TRUE(f.all(2));
  EXPECT_TRUE(f.single);

  // 4 bytes at 0x304: 44 33 22 11 -> 0x11223344.
  f = cpu::forward_from(stores, 0x304, 4);
  EXPECT_EQ(f.value, 0x11223344u);
  EXPECT_TRUE(f.all(4));

  // 1 byte at 0x307: the most significant byte, 0x11.
  f = cpu::forward_from(stores, 0x307, 1);
  EXPECT_EQ(f.value, 0x11u);
  EXPECT_EQ(f.covered, 0x1u);

  // 1 byte at 0x300: the least significant byte, 0x88.
  f = cpu::forward_from(stores, 0x300, 1);
  EXPECT_EQ(f.value, 0x88u);
}

TEST(ForwardFrom, BitsAboveAStoresSizeAreIgnored) {
  // A 2-byte store whose value has junk above bit 15: only its two bytes
  // (34 at 0x900, 12 at 0x901) are stored. A 4-byte load at 0x900 gets
  // those two (mask 0b0011) and nothing else: 0x1234.
  const Stores stores = {{0x900, 2, 0xffffffffffff1234}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x900, 4);
  EXPECT_EQ(f.value, 0x1234u);
  EXPECT_EQ(f.covered, 0x3u);
  EXPECT_FALSE(f.all(4));
}

TEST(ForwardFrom, YoungestOfTwoCoveringStoresWins) {
  // Both cover [0x400, 0x404); index 1 is younger: its bytes 44 33 22 11
  // are read, not the older aa aa aa aa.
  const Stores stores = {{0x400, 4, 0xaaaaaaaa}, {0x400, 4, 0x11223344}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x400, 4);
  EXPECT_EQ(f.value, 0x11223344u);
  EXPECT_TRUE(f.all(4));
  EXPECT_TRUE(f.single);
  EXPECT_EQ(f.youngest, 1u);
}

TEST(ForwardFrom, YoungerStoreElsewhereDoesNotHideAnOlderOne) {
  // Index 0: 0x0102030405060708 at 0x400 -> 08 07 06 05 04 03 02 01.
  // Index 1: 4 bytes at 0x404, outside the load [0x400, 0x404).
  // So the load reads only index 0's first four bytes: 08 07 06 05 ->
  // 0x05060708, supplied by index 0 alone.
  const Stores stores = {{0x400, 8, 0x0102030405060708}, {0x404, 4, 0xcafebabe}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x400, 4);
  EXPECT_EQ(f.value, 0x05060708u);
  EXPECT_TRUE(f.all(4));
  EXPECT_TRUE(f.single);
  EXPECT_EQ(f.youngest, 0u);
}

TEST(ForwardFrom, PartialOverlapAtTheLoadsStart) {
  // Store 0x11223344 at 0x500: 44 33 22 11 at 0x500..0x503. A 4-byte load
  // at 0x502 reads [0x502, 0x506): 0x502 (load byte 0) = 22, 0x503 (byte 1)
  // = 11; 0x504 and 0x505 are not in the buffer. Mask 0b0011, value
  // 0x22 | 0x11 << 8 = 0x1122.
  const Stores stores = {{0x500, 4, 0x11223344}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x502, 4);
  EXPECT_TRUE(f.any());
  EXPECT_FALSE(f.all(4));
  EXPECT_EQ(f.covered, 0x3u);
  EXPECT_EQ(f.value, 0x1122u);
  EXPECT_EQ(f.youngest, 0u);
}

TEST(ForwardFrom, PartialOverlapAtTheLoadsEnd) {
  // Store 0xbeef at 0x504: ef at 0x504, be at 0x505. The load [0x502, 0x506)
  // finds them as its bytes 2 and 3: mask 0b1100 = 0xc, value
  // 0xef << 16 | 0xbe << 24 = 0xbeef0000.
  const Stores stores = {{0x504, 2, 0xbeef}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x502, 4);
  EXPECT_EQ(f.covered, 0xcu);
  EXPECT_EQ(f.value, 0xbeef0000u);
  EXPECT_FALSE(f.all(4));
}

TEST(ForwardFrom, BytesFromTwoStoresAreAllCoveredButNotSingle) {
  // Index 0: 0x11223344 at 0x600 -> 44 33 22 11 at 0x600..0x603.
  // Index 1: 0x55667788 at 0x604 -> 88 77 66 55 at 0x604..0x607.
  // An 8-byte load at 0x600: 44 33 22 11 88 77 66 55 -> 0x5566778811223344.
  // Every byte is covered (0xff) but by two stores; the youngest supplier is
  // index 1.
  const Stores stores = {{0x600, 4, 0x11223344}, {0x604, 4, 0x55667788}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x600, 8);
  EXPECT_EQ(f.value, 0x5566778811223344u);
  EXPECT_EQ(f.covered, 0xffu);
  EXPECT_TRUE(f.all(8));
  EXPECT_FALSE(f.single);
  EXPECT_EQ(f.youngest, 1u);
}

TEST(ForwardFrom, YoungerNarrowStoreOverridesTheMiddleOfAnOlderWideOne) {
  // Index 0: 0x1122334455667788 at 0x700 -> 88 77 66 55 44 33 22 11.
  // Index 1: 0xaabb at 0x702 -> bb at 0x702, aa at 0x703 (younger: wins).
  // The 8-byte load at 0x700: 88 77 bb aa 44 33 22 11 -> 0x11223344aabb7788.
  const Stores stores = {{0x700, 8, 0x1122334455667788}, {0x702, 2, 0xaabb}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x700, 8);
  EXPECT_EQ(f.value, 0x11223344aabb7788u);
  EXPECT_TRUE(f.all(8));
  EXPECT_FALSE(f.single);
  EXPECT_EQ(f.youngest, 1u);
}

TEST(ForwardFrom, ByteMasksNameExactlyTheBufferedBytes) {
  // One byte 0xff at 0x800; a 4-byte load at 0x7fe has 0x800 as its byte 2:
  // mask 1 << 2 = 0x4, value 0xff << 16 = 0xff0000.
  Stores stores = {{0x800, 1, 0xff}};
  cpu::Forwarded f = cpu::forward_from(stores, 0x7fe, 4);
  EXPECT_EQ(f.covered, 0x4u);
  EXPECT_EQ(f.value, 0xff0000u);

  // Bytes 0x5a at 0x800 (index 0) and 0xa5 at 0x803 (index 1): a 4-byte load
  // at 0x800 has them as bytes 0 and 3: mask 0b1001 = 0x9, value
  // 0x5a | 0xa5 << 24 = 0xa500005a. Two suppliers, the youngest index 1.
  stores = {{0x800, 1, 0x5a}, {0x803, 1, 0xa5}};
  f = cpu::forward_from(stores, 0x800, 4);
  EXPECT_EQ(f.covered, 0x9u);
  EXPECT_EQ(f.value, 0xa500005au);
  EXPECT_FALSE(f.all(4));
  EXPECT_FALSE(f.single);
  EXPECT_EQ(f.youngest, 1u);
}

TEST(ForwardFrom, WorksOverADeque) {
  // Any indexable container: the same exact-cover case over a std::deque.
  const std::deque<Store> stores = {{0x200, 4, 0xdeadbeef}};
  const cpu::Forwarded f = cpu::forward_from(stores, 0x201, 2);
  // Bytes at 0x201, 0x202: be, ad -> 0xadbe.
  EXPECT_EQ(f.value, 0xadbeu);
  EXPECT_TRUE(f.all(2));
}

// ------------------------------------------------------------- StoreBuffer

BufferedStore buffered(uint64_t address, uint8_t size, uint64_t value, uint32_t event, uint64_t ready_at = 0) {
  BufferedStore s{};
  s.address = address;
  s.size = size;
  s.value = value;
  s.ready_at = ready_at;
  s.event = event;
  s.done_at = BufferedStore::kNotWritten;
  return s;
}

// Values the outputs hold before forward(), to tell "untouched" from "set".
constexpr uint64_t kValueSentinel = 0x5e5e5e5e5e5e5e5e;
constexpr uint32_t kEventSentinel = 0xdead;
constexpr size_t kIndexSentinel = 999;

TEST(StoreBuffer, FillsToCapacity) {
  StoreBuffer sb(2);
  EXPECT_EQ(sb.capacity(), 2u);
  EXPECT_TRUE(sb.empty());
  EXPECT_FALSE(sb.full());
  sb.push(buffered(0x10, 8, 1, 1));
  EXPECT_FALSE(sb.empty());
  EXPECT_FALSE(sb.full());
  EXPECT_EQ(sb.size(), 1u);
  sb.push(buffered(0x18, 8, 2, 2));
  EXPECT_TRUE(sb.full());
  EXPECT_EQ(sb.size(), 2u);
  EXPECT_EQ(sb.head().address, 0x10u);  // the oldest
  EXPECT_EQ(sb.entries().back().address, 0x18u);
}

TEST(StoreBuffer, ZeroCapacityIsAlwaysFull) {
  // store_buffer_entries: 0 (configs/sc.yaml) means no buffering at all.
  StoreBuffer sb(0);
  EXPECT_TRUE(sb.full());
  EXPECT_TRUE(sb.empty());
}

TEST(StoreBuffer, NoOverlapIsNone) {
  StoreBuffer sb(4);
  uint64_t value = kValueSentinel;
  uint32_t event = kEventSentinel;
  size_t index = kIndexSentinel;
  EXPECT_EQ(sb.forward(0x100, 8, value, event, index), StoreBuffer::Forward::None);  // empty
  // [0x100, 0x108) and [0x110, 0x118) against a load of [0x108, 0x110).
  sb.push(buffered(0x100, 8, 0x1111111111111111, 1));
  sb.push(buffered(0x110, 8, 0x2222222222222222, 2));
  EXPECT_EQ(sb.forward(0x108, 8, value, event, index), StoreBuffer::Forward::None);
  EXPECT_EQ(value, kValueSentinel);
  EXPECT_EQ(event, kEventSentinel);
  EXPECT_EQ(index, kIndexSentinel);
}

TEST(StoreBuffer, FullForwardFromAWiderStore) {
  // 0x1122334455667788 at 0x1000: 88 77 66 55 44 33 22 11. A 2-byte load at
  // 0x1002 reads 66 55 -> 0x5566, from entry 0 and its event 7.
  StoreBuffer sb(4);
  sb.push(buffered(0x1000, 8, 0x1122334455667788, 7, 10));
  uint64_t value = kValueSentinel;
  uint32_t event = kEventSentinel;
  size_t index = kIndexSentinel;
  ASSERT_EQ(sb.forward(0x1002, 2, value, event, index), StoreBuffer::Forward::Full);
  EXPECT_EQ(value, 0x5566u);
  EXPECT_EQ(event, 7u);
  EXPECT_EQ(index, 0u);
}

TEST(StoreBuffer, FullForwardTakesTheYoungestCoveringStore) {
  // Three stores to [0x1000, 0x1004), events 1, 2, 3 oldest first; the
  // youngest (index 2, 0x0a0b0c0d) supplies the load.
  StoreBuffer sb(4);
  sb.push(buffered(0x1000, 4, 0xaaaaaaaa, 1));
  sb.push(buffered(0x1000, 4, 0xbbbbbbbb, 2));
  sb.push(buffered(0x1000, 4, 0x0a0b0c0d, 3));
  uint64_t value = kValueSentinel;
  uint32_t event = kEventSentinel;
  size_t index = kIndexSentinel;
  ASSERT_EQ(sb.forward(0x1000, 4, value, event, index), StoreBuffer::Forward::Full);
  EXPECT_EQ(value, 0x0a0b0c0du);
  EXPECT_EQ(event, 3u);
  EXPECT_EQ(index, 2u);
  // A 1-byte load at 0x1003: the youngest's top byte, 0x0a.
  ASSERT_EQ(sb.forward(0x1003, 1, value, event, index), StoreBuffer::Forward::Full);
  EXPECT_EQ(value, 0x0au);
}

TEST(StoreBuffer, PartialOverlapWaitsForTheYoungestSupplier) {
  // Entry 0: [0x2000, 0x2004). Entry 1: [0x2002, 0x2004). Entry 2:
  // [0x3000, 0x3008), unrelated. An 8-byte load of [0x2000, 0x2008) gets
  // 0x2000..0x2003 from the buffer and 0x2004..0x2007 from nowhere: Partial.
  // Scanning youngest first, entry 2 supplies nothing and entry 1 supplies
  // 0x2002, so the load waits for entry 1. Value and event stay untouched.
  StoreBuffer sb(4);
  sb.push(buffered(0x2000, 4, 0x11223344, 1));
  sb.push(buffered(0x2002, 2, 0xbeef, 2));
  sb.push(buffered(0x3000, 8, 0x99, 3));
  uint64_t value = kValueSentinel;
  uint32_t event = kEventSentinel;
  size_t index = kIndexSentinel;
  ASSERT_EQ(sb.forward(0x2000, 8, value, event, index), StoreBuffer::Forward::Partial);
  EXPECT_EQ(index, 1u);
  EXPECT_EQ(value, kValueSentinel);
  EXPECT_EQ(event, kEventSentinel);

  // A load of [0x2003, 0x2005): 0x2003 from entry 1, 0x2004 not buffered.
  index = kIndexSentinel;
  ASSERT_EQ(sb.forward(0x2003, 2, value, event, index), StoreBuffer::Forward::Partial);
  EXPECT_EQ(index, 1u);
  // A load of [0x1ffe, 0x2002): only 0x2000, 0x2001, both from entry 0.
  ASSERT_EQ(sb.forward(0x1ffe, 4, value, event, index), StoreBuffer::Forward::Partial);
  EXPECT_EQ(index, 0u);
}

TEST(StoreBuffer, TwoStoresCoveringEveryByteArePartial) {
  // Entry 0 covers [0x4000, 0x4004), entry 1 [0x4004, 0x4008): together all
  // eight bytes of the load, but no single entry does, so the timed engine
  // waits for entry 1 (the youngest supplier) rather than merging.
  StoreBuffer sb(4);
  sb.push(buffered(0x4000, 4, 0x11223344, 1));
  sb.push(buffered(0x4004, 4, 0x55667788, 2));
  uint64_t value = kValueSentinel;
  uint32_t event = kEventSentinel;
  size_t index = kIndexSentinel;
  ASSERT_EQ(sb.forward(0x4000, 8, value, event, index), StoreBuffer::Forward::Partial);
  EXPECT_EQ(index, 1u);
  EXPECT_EQ(value, kValueSentinel);
  // Either half alone is a Full forward from its own entry: the low half is
  // 44 33 22 11 -> 0x11223344 (event 1), the high half 0x55667788 (event 2).
  ASSERT_EQ(sb.forward(0x4000, 4, value, event, index), StoreBuffer::Forward::Full);
  EXPECT_EQ(value, 0x11223344u);
  EXPECT_EQ(event, 1u);
  EXPECT_EQ(index, 0u);
  ASSERT_EQ(sb.forward(0x4004, 4, value, event, index), StoreBuffer::Forward::Full);
  EXPECT_EQ(value, 0x55667788u);
  EXPECT_EQ(event, 2u);
  EXPECT_EQ(index, 1u);
}

TEST(StoreBuffer, WritesAreGrantedInOrderAndDrainFromTheHead) {
  StoreBuffer sb(3);
  sb.push(buffered(0x5000, 8, 0xa, 1));
  sb.push(buffered(0x5008, 8, 0xb, 2));
  sb.push(buffered(0x5010, 8, 0xc, 3));
  EXPECT_TRUE(sb.full());
  EXPECT_EQ(sb.written(), 0u);
  EXPECT_EQ(sb.next_to_write().event, 1u);

  sb.mark_written(100);
  EXPECT_EQ(sb.written(), 1u);
  EXPECT_EQ(sb.entries()[0].done_at, 100u);
  EXPECT_EQ(sb.entries()[1].done_at, BufferedStore::kNotWritten);
  EXPECT_EQ(sb.next_to_write().event, 2u);

  sb.mark_written(120);
  EXPECT_EQ(sb.written(), 2u);
  EXPECT_EQ(sb.entries()[1].done_at, 120u);
  EXPECT_EQ(sb.next_to_write().event, 3u);

  // A written entry stays visible to forwarding until it is drained.
  uint64_t value = kValueSentinel;
  uint32_t event = kEventSentinel;
  size_t index = kIndexSentinel;
  ASSERT_EQ(sb.forward(0x5000, 8, value, event, index), StoreBuffer::Forward::Full);
  EXPECT_EQ(value, 0xau);
  EXPECT_EQ(index, 0u);

  sb.drain_head();
  EXPECT_FALSE(sb.full());
  EXPECT_EQ(sb.size(), 2u);
  EXPECT_EQ(sb.written(), 1u);  // entry B, now at the head, is still written
  EXPECT_EQ(sb.head().event, 2u);
  EXPECT_EQ(sb.head().done_at, 120u);
  EXPECT_EQ(sb.next_to_write().event, 3u);
  EXPECT_EQ(sb.forward(0x5000, 8, value, event, index), StoreBuffer::Forward::None);
  // Indices are positions in the buffer now: C moved from 2 to 1.
  ASSERT_EQ(sb.forward(0x5010, 8, value, event, index), StoreBuffer::Forward::Full);
  EXPECT_EQ(index, 1u);
  EXPECT_EQ(event, 3u);

  sb.drain_head();
  EXPECT_EQ(sb.written(), 0u);
  EXPECT_EQ(sb.size(), 1u);
  EXPECT_EQ(sb.head().event, 3u);
}

}  // namespace
}  // namespace locksim
