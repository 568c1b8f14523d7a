#include "cpu/flat_memory.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace locksim::cpu {

FlatMemory::FlatMemory(const Program& program, uint64_t stack_size) {
  // Most accesses go to the stack and data, so they are searched first.
  regions_.push_back(Region{kStackTop - stack_size, std::vector<uint8_t>(stack_size, 0), true});
  regions_.push_back(Region{program.data.base, program.data.bytes, true});
  regions_.push_back(Region{program.bss.base, program.bss.bytes, true});
  regions_.push_back(Region{program.text.base, program.text.bytes, false});
}

uint8_t* FlatMemory::find(uint64_t address, unsigned size, bool write) {
  // Accesses run in streaks on one region (a lock's data, a stack): the one
  // last found is tried first. Regions do not overlap.
  auto holds = [&](const Region& r) {
    return address - r.base < r.bytes.size() && address + size - r.base <= r.bytes.size();
  };
  size_t i = last_found_;
  if (!holds(regions_[i])) i = static_cast<size_t>(std::find_if(regions_.begin(), regions_.end(), holds) - regions_.begin());
  if (i < regions_.size() && (!write || regions_[i].writable)) {
    last_found_ = i;
    return regions_[i].bytes.data() + (address - regions_[i].base);
  }
  char buf[96];
  snprintf(buf, sizeof buf, "%s of %u bytes at %#llx", write ? "write" : "read", size,
           static_cast<unsigned long long>(address));
  throw MemoryFault(std::string("segmentation fault: ") + buf +
                    (write ? " (unmapped or read-only)" : " (unmapped)"));
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
      if (address + i - r.base < r.bytes.size()) {
        v |= static_cast<uint64_t>(r.bytes[address + i - r.base]) << (8 * i);
        break;
      }
    }
  }
  return v;
}

}  // namespace locksim::cpu
