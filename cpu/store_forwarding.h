// Store-to-load forwarding, the one rule both engines apply (x86-TSO): each
// byte a load reads comes from the youngest store still in the thread's
// buffer that covers it, else from memory. The explorer merges those bytes
// with memory, as the abstract machine does; the timed engine forwards when
// a single store supplies every byte and otherwise waits for the youngest
// supplier to drain, as hardware does. The values read agree either way.
#pragma once

#include <cstddef>
#include <cstdint>

namespace locksim::cpu {

struct Forwarded {
  uint64_t value = 0;   // the buffered bytes, in place; the others zero
  uint8_t covered = 0;  // bit i: byte i came from the buffer
  bool single = true;   // every covered byte came from one store
  size_t youngest = 0;  // index of the youngest store that supplied a byte
  bool any() const { return covered != 0; }
  bool all(unsigned size) const { return covered == static_cast<uint8_t>((1u << size) - 1); }
};

// `stores`: oldest first, indexable, each with address, size and value.
template <class Stores>
Forwarded forward_from(const Stores& stores, uint64_t address, unsigned size) {
  Forwarded f;
  bool first = true;
  size_t source = 0;
  for (size_t k = stores.size(); k-- > 0;) {
    const auto& s = stores[k];
    if (s.address >= address + size || s.address + s.size <= address) continue;
    if (first && s.address <= address && address + size <= s.address + s.size) {
      // The common case, and the only one that stays inline: the youngest
      // overlapping store covers the whole load.
      const uint64_t shifted = s.value >> (8 * (address - s.address));
      f.value = size == 8 ? shifted : shifted & ((uint64_t{1} << (8 * size)) - 1);
      f.covered = static_cast<uint8_t>((1u << size) - 1);
      f.youngest = k;
      return f;
    }
    for (unsigned i = 0; i < size; ++i) {
      const uint64_t a = address + i;
      if ((f.covered >> i & 1) || a < s.address || a >= s.address + s.size) continue;
      f.covered |= static_cast<uint8_t>(1u << i);
      f.value |= (s.value >> (8 * (a - s.address)) & 0xff) << (8 * i);
      if (first) {
        first = false;
        source = k;
        f.youngest = k;
      }
      f.single = f.single && source == k;
    }
    if (f.all(size)) break;
  }
  return f;
}

}  // namespace locksim::cpu
