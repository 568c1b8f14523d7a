// A flat memory port with no caches or store buffer: the loaded sections
// plus a stack. Used by `locksim exec`, the unit tests and the interpreter
// benchmark.
#pragma once

#include <cstdint>
#include <vector>

#include "cpu/mem_port.h"
#include "cpu/program.h"

namespace locksim::cpu {

class FlatMemory final : public MemPort {
 public:
  static constexpr uint64_t kStackTop = 0x7ffffffff000;
  static constexpr uint64_t kStackSize = 1 << 20;

  // `stack_size` bytes of stack end at kStackTop (room for thread 0).
  explicit FlatMemory(const Program& program, uint64_t stack_size = kStackSize);

  uint64_t load(uint64_t address, unsigned size) override;
  void store(uint64_t address, unsigned size, uint64_t value) override;
  void lock_begin(uint64_t, unsigned) override {}
  void lock_end() override {}
  void barrier(Barrier) override {}

  // Maps a further zeroed, writable region (another thread's stack).
  void add_region(uint64_t base, uint64_t size) { regions_.push_back(Region{base, std::vector<uint8_t>(size, 0), true}); }

  // Throws MemoryFault unless [address, address+size) is mapped (and writable, for a write).
  void require_mapped(uint64_t address, unsigned size, bool write) const {
    (void)const_cast<FlatMemory*>(this)->find(address, size, write);
  }

  // Reads without faulting; bytes outside every region read as zero.
  uint64_t peek(uint64_t address, unsigned size) const;

 private:
  struct Region {
    uint64_t base;
    std::vector<uint8_t> bytes;
    bool writable;
  };
  uint8_t* find(uint64_t address, unsigned size, bool write);

  std::vector<Region> regions_;
  size_t last_found_ = 0;
};

}  // namespace locksim::cpu
