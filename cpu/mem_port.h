// The only way instruction semantics reach memory. The timed engine plugs in
// a store buffer and caches, the explorer its x86-TSO state, `exec` a flat
// memory.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace locksim::cpu {

enum class Barrier : uint8_t { Mfence, Lfence, Sfence, Pause };

class MemPort {
 public:
  virtual ~MemPort() = default;
  // Accesses of 1, 2, 4 or 8 bytes, little-endian, any alignment.
  virtual uint64_t load(uint64_t address, unsigned size) = 0;
  virtual void store(uint64_t address, unsigned size, uint64_t value) = 0;
  // Brackets the loads and stores of a LOCK'd read-modify-write on
  // [address, address+size): the port drains the store buffer first and makes
  // everything in between atomic with respect to other cores.
  virtual void lock_begin(uint64_t address, unsigned size) = 0;
  virtual void lock_end() = 0;
  virtual void barrier(Barrier kind) = 0;
};

// An access the machine cannot perform (unmapped or read-only address,
// misaligned cmpxchg16b); execution stops with this message.
class MemoryFault : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace locksim::cpu
