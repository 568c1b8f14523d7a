// The machine's memory as one flat image, laid out by cpu/memory_layout.h:
// the loaded sections plus a stack per thread. `exec` runs on it directly;
// the timed engine keeps the values here (caches track only state); the
// explorer reads its initial image and mapping from it.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "cpu/mem_port.h"
#include "cpu/program.h"

namespace locksim::cpu {

class FlatMemory final : public MemPort {
 public:
  // Maps `program`'s sections and the stacks of threads 0 to threads - 1.
  explicit FlatMemory(const Program& program, uint32_t threads = 1);
  // Maps `size` more bytes at `base`, zeroed and writable (the kernel's
  // per-CPU areas and thread structures).
  void map_zeroed(uint64_t base, uint64_t size) { map(base, {}, size, true); }

  uint64_t load(uint64_t address, unsigned size) override;
  void store(uint64_t address, unsigned size, uint64_t value) override;
  void lock_begin(uint64_t, unsigned) override {}
  void lock_end() override {}
  void barrier(Barrier) override {}

  // Throws MemoryFault unless [address, address+size) is mapped (and
  // writable, for a write): the one mapping check every engine makes.
  void require_mapped(uint64_t address, unsigned size, bool write) const {
    (void)const_cast<FlatMemory*>(this)->find(address, size, write);
  }

  // Reads without faulting; bytes outside every region read as zero.
  uint64_t peek(uint64_t address, unsigned size) const;

 private:
  struct Unmap {
    uint64_t length;
    void operator()(uint8_t* p) const;
  };
  struct Region {
    uint64_t base, size;
    // Mapped anonymously: a stack's megabyte is the kernel's zero pages and
    // costs nothing until touched (the explorer builds one image per test,
    // and malloc would clear memory it reuses).
    std::unique_ptr<uint8_t[], Unmap> bytes;
    bool writable;
  };
  void map(uint64_t base, const std::vector<uint8_t>& contents, uint64_t size, bool writable);
  uint8_t* find(uint64_t address, unsigned size, bool write);

  // data, bss, text, one stack per thread, then regions map_zeroed added.
  static constexpr size_t kSections = 3;
  std::vector<Region> regions_;
  uint32_t threads_;
  size_t last_found_ = 0;
};

}  // namespace locksim::cpu
