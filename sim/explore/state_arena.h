// Packed explorer states, appended and never moved, each whole inside one
// chunk. Chunks double from 64 KiB (a litmus test needs no more) to 2 MiB
// on huge pages. Growing never copies, and a big search's memory faults in
// once per 2 MiB.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/explore/huge_page_allocator.h"

namespace locksim {

class StateArena {
 public:
  StateArena() = default;
  StateArena(const StateArena&) = delete;
  StateArena& operator=(const StateArena&) = delete;
  ~StateArena() {
    for (const auto& c : chunks_) HugePageAllocator<uint64_t>().deallocate(c.words, c.capacity);
  }

  size_t size() const { return start_.size(); }
  const uint64_t* words(size_t id) const { return start_[id]; }
  size_t length(size_t id) const { return length_[id]; }
  // What the arena holds, in bytes (chunks and index).
  uint64_t bytes() const {
    uint64_t b = start_.capacity() * sizeof(start_[0]) + length_.capacity() * sizeof(length_[0]);
    for (const auto& c : chunks_) b += c.capacity * sizeof(uint64_t);
    return b;
  }

  // Forgets every state (a search starting over).
  void clear() {
    for (const auto& c : chunks_) HugePageAllocator<uint64_t>().deallocate(c.words, c.capacity);
    chunks_.clear();
    start_.clear();
    length_.clear();
  }

  void append(const uint64_t* w, size_t n) {
    if (chunks_.empty() || chunks_.back().used + n > chunks_.back().capacity) {
      size_t capacity = chunks_.empty() ? kFirstChunkWords : std::min(chunks_.back().capacity * 2, kMaxChunkWords);
      capacity = std::max(capacity, n);
      chunks_.push_back(Chunk{HugePageAllocator<uint64_t>().allocate(capacity), capacity, 0});
    }
    Chunk& c = chunks_.back();
    uint64_t* out = c.words + c.used;
    std::copy(w, w + n, out);
    c.used += n;
    start_.push_back(out);
    length_.push_back(static_cast<uint32_t>(n));
  }

 private:
  static constexpr size_t kFirstChunkWords = (size_t{64} << 10) / sizeof(uint64_t);
  static constexpr size_t kMaxChunkWords = HugePageAllocator<uint64_t>::kHuge / sizeof(uint64_t);
  struct Chunk {
    uint64_t* words;
    size_t capacity, used;
  };

  std::vector<Chunk> chunks_;
  HugeVector<const uint64_t*> start_;  // each state's first word
  HugeVector<uint32_t> length_;
};

}  // namespace locksim
