#include "cpu/flat_memory.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include <sys/mman.h>

#include "cpu/memory_layout.h"

namespace locksim::cpu {

FlatMemory::FlatMemory(const Program& program, uint32_t threads) : threads_(threads) {
  map(program.data.base, program.data.bytes, program.data.bytes.size(), true);
  map(program.bss.base, program.bss.bytes, program.bss.bytes.size(), true);
  map(program.text.base, program.text.bytes, program.text.bytes.size(), false);
  for (uint32_t t = 0; t < threads; ++t) map(stack_base(t), {}, kStackSize, true);
}

void FlatMemory::Unmap::operator()(uint8_t* p) const { munmap(p, length); }

void FlatMemory::map(uint64_t base, const std::vector<uint8_t>& contents, uint64_t size, bool writable) {
  const uint64_t length = std::max<uint64_t>(size, 1);
  void* p = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  auto* bytes = static_cast<uint8_t*>(p);
  if (!contents.empty()) std::memcpy(bytes, contents.data(), contents.size());
  regions_.push_back(Region{base, size, std::unique_ptr<uint8_t[], Unmap>(bytes, Unmap{length}), writable});
}

uint8_t* FlatMemory::find(uint64_t address, unsigned size, bool write) {
  // Accesses run in streaks on one region (a lock's data, a stack): the one
  // last found is tried first. Regions do not overlap.
  auto holds = [&](const Region& r) { return address - r.base < r.size && address + size - r.base <= r.size; };
  size_t i = last_found_;
  if (!holds(regions_[i])) {
    // A stack is found by arithmetic (cores take turns, so the last region
    // found is often another core's); the three sections by search.
    const int owner = stack_owner(address, threads_);
    if (owner >= 0) {
      i = kSections + static_cast<size_t>(owner);
    } else {
      i = static_cast<size_t>(std::find_if(regions_.begin(), regions_.begin() + kSections, holds) - regions_.begin());
      if (i == kSections)
        i = static_cast<size_t>(std::find_if(regions_.begin() + kSections + threads_, regions_.end(), holds) -
                                regions_.begin());
    }
    if (i < regions_.size() && !holds(regions_[i])) i = regions_.size();
  }
  if (i < regions_.size() && (!write || regions_[i].writable)) {
    last_found_ = i;
    return regions_[i].bytes.get() + (address - regions_[i].base);
  }
  char buf[96];
  snprintf(buf, sizeof buf, "%s of %u bytes at %#llx", write ? "write" : "read", size,
           static_cast<unsigned long long>(address));
  const bool read_only = i < regions_.size();
  throw MemoryFault(std::string("segmentation fault: ") + buf + (read_only ? " (read-only)" : " (unmapped)"));
}

uint64_t FlatMemory::load(uint64_t address, unsigned size) {
  uint64_t v = 0;
  std::memcpy(&v, find(address, size, false), size);  // host is little-endian x86-64
  return v;
}

void FlatMemory::store(uint64_t address, unsigned size, uint64_t value) {
  std::memcpy(find(address, size, true), &value, size);
}

uint64_t FlatMemory::peek(uint64_t address, unsigned size) const {
  uint64_t v = 0;
  for (unsigned i = 0; i < size; ++i) {
    for (const auto& r : regions_) {
      if (address + i - r.base < r.size) {
        v |= static_cast<uint64_t>(r.bytes[address + i - r.base]) << (8 * i);
        break;
      }
    }
  }
  return v;
}

}  // namespace locksim::cpu
