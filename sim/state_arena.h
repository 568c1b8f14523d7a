// Packed explorer states, appended and never moved: 2 MiB chunks on huge
// pages, each state whole inside one chunk. Growing never copies, and the
// memory a search touches faults in once per 2 MiB.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "sim/huge_page_allocator.h"

namespace locksim {

class StateArena {
 public:
  StateArena() = default;
  StateArena(const StateArena&) = delete;
  StateArena& operator=(const StateArena&) = delete;
  ~StateArena() {
    for (uint64_t* c : chunks_) HugePageAllocator<uint64_t>().deallocate(c, kChunkWords);
  }

  size_t size() const { return start_.size(); }
  const uint64_t* words(size_t id) const { return at(start_[id]); }
  size_t length(size_t id) const { return length_[id]; }

  void append(const uint64_t* w, size_t n) {
    if (n > kChunkWords) throw std::length_error("explorer state larger than an arena chunk");
    if (next_ % kChunkWords + n > kChunkWords) next_ = (next_ / kChunkWords + 1) * kChunkWords;  // no straddling
    if (next_ / kChunkWords == chunks_.size()) chunks_.push_back(HugePageAllocator<uint64_t>().allocate(kChunkWords));
    uint64_t* out = at(next_);
    for (size_t i = 0; i < n; ++i) out[i] = w[i];
    start_.push_back(next_);
    length_.push_back(static_cast<uint32_t>(n));
    next_ += n;
  }

 private:
  static constexpr size_t kChunkWords = (size_t{2} << 20) / sizeof(uint64_t);
  uint64_t* at(uint64_t word) const { return chunks_[word / kChunkWords] + word % kChunkWords; }

  std::vector<uint64_t*> chunks_;
  uint64_t next_ = 0;  // where the next state goes
  HugeVector<uint64_t> start_;  // each state's first word
  HugeVector<uint32_t> length_;
};

}  // namespace locksim
