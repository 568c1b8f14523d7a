// Store-to-load forwarding (cpu::forward_from) and the timed engine's store
// buffer (locksim::StoreBuffer), in process. Every expected value below is
// worked out by hand from the stores' bytes: x86 is little-endian, so the
// store of V at address A puts byte k of V (V >> 8k & 0xff) at A + k, and a
// load of N bytes at B reads byte i from B + i into bits 8i..8i+7.
#include <gtest/gtest.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <source_location>
#include <sstream>
#include <string>
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

// "load of N bytes at 0xA", naming the case in a failure message.
std::string describe_load(uint64_t address, unsigned size) {
  std::ostringstream out;
  out << "load of " << size << " bytes at 0x" << std::hex << address;
  return out.str();
}

// What forward_from should find for one load. `covered` has bit i set for
// each of the load's bytes a store supplies; any() and all(size) follow from
// it. `single` and `youngest` are checked only where a case gives them.
struct Expected {
  uint64_t value;
  unsigned covered;
  std::optional<bool> single = std::nullopt;
  std::optional<size_t> youngest = std::nullopt;
};

// Checks cpu::forward_from(stores, address, size) against `want`. A failure
// names the load and the line of the call.
template <class Buffer>
void expect_forwarded(const Buffer& stores, uint64_t address, unsigned size, const Expected& want,
                      std::source_location where = std::source_location::current()) {
  const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), describe_load(address, size));
  const cpu::Forwarded f = cpu::forward_from(stores, address, size);
  EXPECT_EQ(f.value, want.value);
  EXPECT_EQ(unsigned{f.covered}, want.covered);
  EXPECT_EQ(f.any(), want.covered != 0);
  EXPECT_EQ(f.all(size), want.covered == (1u << size) - 1);
  if (want.single) {
    EXPECT_EQ(f.single, *want.single);
  }
  if (want.youngest) {
    EXPECT_EQ(f.youngest, *want.youngest);
  }
}

// ------------------------------------------------------------ forward_from

TEST(ForwardFrom, EmptyBufferSuppliesNothing) {
  const Stores none;
  expect_forwarded(none, 0x100, 8, {.value = 0, .covered = 0});
}

TEST(ForwardFrom, AdjacentStoresDoNotOverlap) {
  // The load reads [0x108, 0x110). The first store covers [0x100, 0x108),
  // ending exactly where the load begins; the second covers [0x110, 0x114),
  // beginning exactly where the load ends. Neither shares a byte with it.
  const Stores stores = {{0x100, 8, 0x1111111111111111}, {0x110, 4, 0x22222222}};
  expect_forwarded(stores, 0x108, 8, {.value = 0, .covered = 0});
}

TEST(ForwardFrom, LoadExactlyCoveredByOneStore) {
  // Store 0xdeadbeef at 0x200 (4 bytes): ef be ad de at 0x200..0x203. A
  // 4-byte load at 0x200 reads them back in order: 0xdeadbeef. All four
  // bytes covered: mask 0b1111 = 0xf.
  const Stores stores = {{0x200, 4, 0xdeadbeef}};
  expect_forwarded(stores, 0x200, 4, {.value = 0xdeadbeef, .covered = 0xf, .single = true, .youngest = 0});
}

TEST(ForwardFrom, WiderStoreSuppliesTheLoadsBytesAtTheirOffset) {
  // 8-byte store of 0x1122334455667788 at 0x300 lays out, from 0x300 up:
  //   0x300:88 0x301:77 0x302:66 0x303:55 0x304:44 0x305:33 0x306:22 0x307:11
  const Stores stores = {{0x300, 8, 0x1122334455667788}};

  // 2 bytes at 0x302: 66 (byte 0), 55 (byte 1) -> 0x66 | 0x55 << 8 = 0x5566.
  expect_forwarded(stores, 0x302, 2, {.value = 0x5566, .covered = 0x3, .single = true});

  // 4 bytes at 0x304: 44 33 22 11 -> 0x11223344, all four covered (0xf).
  expect_forwarded(stores, 0x304, 4, {.value = 0x11223344, .covered = 0xf});

  // 1 byte at 0x307: the most significant byte, 0x11.
  expect_forwarded(stores, 0x307, 1, {.value = 0x11, .covered = 0x1});

  // 1 byte at 0x300: the least significant byte, 0x88.
  expect_forwarded(stores, 0x300, 1, {.value = 0x88, .covered = 0x1});
}

TEST(ForwardFrom, BitsAboveAStoresSizeAreIgnored) {
  // A 2-byte store whose value has junk above bit 15: only its two bytes
  // (34 at 0x900, 12 at 0x901) are stored. A 4-byte load at 0x900 gets
  // those two (mask 0b0011) and nothing else: 0x1234.
  const Stores stores = {{0x900, 2, 0xffffffffffff1234}};
  expect_forwarded(stores, 0x900, 4, {.value = 0x1234, .covered = 0x3});
}

TEST(ForwardFrom, YoungestOfTwoCoveringStoresWins) {
  // Both cover [0x400, 0x404); index 1 is younger: its bytes 44 33 22 11
  // are read, not the older aa aa aa aa. All four covered (0xf).
  const Stores stores = {{0x400, 4, 0xaaaaaaaa}, {0x400, 4, 0x11223344}};
  expect_forwarded(stores, 0x400, 4, {.value = 0x11223344, .covered = 0xf, .single = true, .youngest = 1});
}

TEST(ForwardFrom, YoungerStoreElsewhereDoesNotHideAnOlderOne) {
  // Index 0: 0x0102030405060708 at 0x400 -> 08 07 06 05 04 03 02 01.
  // Index 1: 4 bytes at 0x404, outside the load [0x400, 0x404).
  // So the load reads only index 0's first four bytes: 08 07 06 05 ->
  // 0x05060708, supplied by index 0 alone (all four covered, 0xf).
  const Stores stores = {{0x400, 8, 0x0102030405060708}, {0x404, 4, 0xcafebabe}};
  expect_forwarded(stores, 0x400, 4, {.value = 0x05060708, .covered = 0xf, .single = true, .youngest = 0});
}

TEST(ForwardFrom, PartialOverlapAtTheLoadsStart) {
  // Store 0x11223344 at 0x500: 44 33 22 11 at 0x500..0x503. A 4-byte load
  // at 0x502 reads [0x502, 0x506): 0x502 (load byte 0) = 22, 0x503 (byte 1)
  // = 11; 0x504 and 0x505 are not in the buffer. Mask 0b0011, value
  // 0x22 | 0x11 << 8 = 0x1122.
  const Stores stores = {{0x500, 4, 0x11223344}};
  expect_forwarded(stores, 0x502, 4, {.value = 0x1122, .covered = 0x3, .youngest = 0});
}

TEST(ForwardFrom, PartialOverlapAtTheLoadsEnd) {
  // Store 0xbeef at 0x504: ef at 0x504, be at 0x505. The load [0x502, 0x506)
  // finds them as its bytes 2 and 3: mask 0b1100 = 0xc, value
  // 0xef << 16 | 0xbe << 24 = 0xbeef0000.
  const Stores stores = {{0x504, 2, 0xbeef}};
  expect_forwarded(stores, 0x502, 4, {.value = 0xbeef0000, .covered = 0xc});
}

TEST(ForwardFrom, BytesFromTwoStoresAreAllCoveredButNotSingle) {
  // Index 0: 0x11223344 at 0x600 -> 44 33 22 11 at 0x600..0x603.
  // Index 1: 0x55667788 at 0x604 -> 88 77 66 55 at 0x604..0x607.
  // An 8-byte load at 0x600: 44 33 22 11 88 77 66 55 -> 0x5566778811223344.
  // Every byte is covered (0xff) but by two stores; the youngest supplier is
  // index 1.
  const Stores stores = {{0x600, 4, 0x11223344}, {0x604, 4, 0x55667788}};
  expect_forwarded(stores, 0x600, 8, {.value = 0x5566778811223344, .covered = 0xff, .single = false, .youngest = 1});
}

TEST(ForwardFrom, YoungerNarrowStoreOverridesTheMiddleOfAnOlderWideOne) {
  // Index 0: 0x1122334455667788 at 0x700 -> 88 77 66 55 44 33 22 11.
  // Index 1: 0xaabb at 0x702 -> bb at 0x702, aa at 0x703 (younger: wins).
  // The 8-byte load at 0x700: 88 77 bb aa 44 33 22 11 -> 0x11223344aabb7788,
  // every byte covered (0xff).
  const Stores stores = {{0x700, 8, 0x1122334455667788}, {0x702, 2, 0xaabb}};
  expect_forwarded(stores, 0x700, 8, {.value = 0x11223344aabb7788, .covered = 0xff, .single = false, .youngest = 1});
}

TEST(ForwardFrom, ByteMasksNameExactlyTheBufferedBytes) {
  // One byte 0xff at 0x800; a 4-byte load at 0x7fe has 0x800 as its byte 2:
  // mask 1 << 2 = 0x4, value 0xff << 16 = 0xff0000.
  Stores stores = {{0x800, 1, 0xff}};
  expect_forwarded(stores, 0x7fe, 4, {.value = 0xff0000, .covered = 0x4});

  // Bytes 0x5a at 0x800 (index 0) and 0xa5 at 0x803 (index 1): a 4-byte load
  // at 0x800 has them as bytes 0 and 3: mask 0b1001 = 0x9, value
  // 0x5a | 0xa5 << 24 = 0xa500005a. Two suppliers, the youngest index 1.
  stores = {{0x800, 1, 0x5a}, {0x803, 1, 0xa5}};
  expect_forwarded(stores, 0x800, 4, {.value = 0xa500005a, .covered = 0x9, .single = false, .youngest = 1});
}

TEST(ForwardFrom, WorksOverADeque) {
  // Any indexable container: the same exact-cover case over a std::deque.
  const std::deque<Store> stores = {{0x200, 4, 0xdeadbeef}};
  // Bytes at 0x201, 0x202: be, ad -> 0xadbe, both covered (0x3).
  expect_forwarded(stores, 0x201, 2, {.value = 0xadbe, .covered = 0x3});
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

using Kind = StoreBuffer::Forward;

// StoreBuffer::forward's answer for one load and its three outputs. An
// output left at its sentinel is one forward() must not touch.
struct Forwarding {
  Kind kind;
  uint64_t value = kValueSentinel;
  uint32_t event = kEventSentinel;
  size_t index = kIndexSentinel;
};

// Checks sb.forward(address, size, ...), the outputs starting at the
// sentinels, against `want`. A failure names the load and the line of the
// call.
void expect_forward(const StoreBuffer& sb, uint64_t address, unsigned size, const Forwarding& want,
                    std::source_location where = std::source_location::current()) {
  const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), describe_load(address, size));
  Forwarding f{};
  f.kind = sb.forward(address, size, f.value, f.event, f.index);
  ASSERT_EQ(f.kind, want.kind);
  EXPECT_EQ(f.value, want.value);
  EXPECT_EQ(f.event, want.event);
  EXPECT_EQ(f.index, want.index);
}

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
  expect_forward(sb, 0x100, 8, {.kind = Kind::None});  // empty
  // [0x100, 0x108) and [0x110, 0x118) against a load of [0x108, 0x110).
  sb.push(buffered(0x100, 8, 0x1111111111111111, 1));
  sb.push(buffered(0x110, 8, 0x2222222222222222, 2));
  expect_forward(sb, 0x108, 8, {.kind = Kind::None});
}

TEST(StoreBuffer, FullForwardFromAWiderStore) {
  // 0x1122334455667788 at 0x1000: 88 77 66 55 44 33 22 11. A 2-byte load at
  // 0x1002 reads 66 55 -> 0x5566, from entry 0 and its event 7.
  StoreBuffer sb(4);
  sb.push(buffered(0x1000, 8, 0x1122334455667788, 7, 10));
  expect_forward(sb, 0x1002, 2, {.kind = Kind::Full, .value = 0x5566, .event = 7, .index = 0});
}

TEST(StoreBuffer, FullForwardTakesTheYoungestCoveringStore) {
  // Three stores to [0x1000, 0x1004), events 1, 2, 3 oldest first; the
  // youngest (index 2, 0x0a0b0c0d) supplies the load.
  StoreBuffer sb(4);
  sb.push(buffered(0x1000, 4, 0xaaaaaaaa, 1));
  sb.push(buffered(0x1000, 4, 0xbbbbbbbb, 2));
  sb.push(buffered(0x1000, 4, 0x0a0b0c0d, 3));
  expect_forward(sb, 0x1000, 4, {.kind = Kind::Full, .value = 0x0a0b0c0d, .event = 3, .index = 2});
  // A 1-byte load at 0x1003: the youngest's top byte, 0x0a (again index 2,
  // event 3).
  expect_forward(sb, 0x1003, 1, {.kind = Kind::Full, .value = 0x0a, .event = 3, .index = 2});
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
  expect_forward(sb, 0x2000, 8, {.kind = Kind::Partial, .index = 1});

  // A load of [0x2003, 0x2005): 0x2003 from entry 1, 0x2004 not buffered.
  expect_forward(sb, 0x2003, 2, {.kind = Kind::Partial, .index = 1});
  // A load of [0x1ffe, 0x2002): only 0x2000, 0x2001, both from entry 0.
  expect_forward(sb, 0x1ffe, 4, {.kind = Kind::Partial, .index = 0});
}

TEST(StoreBuffer, TwoStoresCoveringEveryByteArePartial) {
  // Entry 0 covers [0x4000, 0x4004), entry 1 [0x4004, 0x4008): together all
  // eight bytes of the load, but no single entry does, so the timed engine
  // waits for entry 1 (the youngest supplier) rather than merging.
  StoreBuffer sb(4);
  sb.push(buffered(0x4000, 4, 0x11223344, 1));
  sb.push(buffered(0x4004, 4, 0x55667788, 2));
  expect_forward(sb, 0x4000, 8, {.kind = Kind::Partial, .index = 1});
  // Either half alone is a Full forward from its own entry: the low half is
  // 44 33 22 11 -> 0x11223344 (event 1), the high half 0x55667788 (event 2).
  expect_forward(sb, 0x4000, 4, {.kind = Kind::Full, .value = 0x11223344, .event = 1, .index = 0});
  expect_forward(sb, 0x4004, 4, {.kind = Kind::Full, .value = 0x55667788, .event = 2, .index = 1});
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

  // A written entry stays visible to forwarding until it is drained: A
  // (0xa, event 1) at index 0.
  expect_forward(sb, 0x5000, 8, {.kind = Kind::Full, .value = 0xa, .event = 1, .index = 0});

  sb.drain_head();
  EXPECT_FALSE(sb.full());
  EXPECT_EQ(sb.size(), 2u);
  EXPECT_EQ(sb.written(), 1u);  // entry B, now at the head, is still written
  EXPECT_EQ(sb.head().event, 2u);
  EXPECT_EQ(sb.head().done_at, 120u);
  EXPECT_EQ(sb.next_to_write().event, 3u);
  expect_forward(sb, 0x5000, 8, {.kind = Kind::None});
  // Indices are positions in the buffer now: C (0xc, event 3) moved from 2
  // to 1.
  expect_forward(sb, 0x5010, 8, {.kind = Kind::Full, .value = 0xc, .event = 3, .index = 1});

  sb.drain_head();
  EXPECT_EQ(sb.written(), 0u);
  EXPECT_EQ(sb.size(), 1u);
  EXPECT_EQ(sb.head().event, 3u);
}

}  // namespace
}  // namespace locksim
