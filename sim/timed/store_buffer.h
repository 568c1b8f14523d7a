// A core's FIFO store buffer (x86-TSO): stores retire into it and drain to
// L1 in order; loads forward from the youngest entry that covers them.
#pragma once

#include <cstdint>
#include <deque>

#include "cpu/store_forwarding.h"

namespace locksim {

struct BufferedStore {
  uint64_t address;
  uint8_t size;
  uint64_t value;
  uint64_t ready_at;  // cycle at which the store retired
  uint32_t event;     // its write in a recorded Execution, if any
  // Cycle the store leaves the buffer: set when its write is granted (until
  // then, kNotWritten). The entry is removed lazily, once that cycle has
  // come for whoever looks.
  uint64_t done_at = kNotWritten;
  static constexpr uint64_t kNotWritten = ~uint64_t{0};
};

class StoreBuffer {
 public:
  explicit StoreBuffer(uint32_t capacity) : capacity_(capacity) {}

  bool full() const { return entries_.size() >= capacity_; }
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  uint32_t capacity() const { return capacity_; }
  const BufferedStore& head() const { return entries_.front(); }
  const std::deque<BufferedStore>& entries() const { return entries_; }
  void push(const BufferedStore& s) { entries_.push_back(s); }
  void drain_head() {
    entries_.pop_front();
    --written_;
  }
  // Writes are granted in order: the first `written()` entries have their
  // done_at, and the next one is the store draining now or next.
  size_t written() const { return written_; }
  const BufferedStore& next_to_write() const { return entries_[written_]; }
  void mark_written(uint64_t done_at) { entries_[written_++].done_at = done_at; }

  enum class Forward { None, Full, Partial };
  // Applies cpu::forward_from to [address, address+size). Full: one entry
  // supplies every byte and `value` holds them; Partial: the load must wait
  // for entry `index` (the youngest that supplies a byte) to drain, as
  // hardware does. `event` gets a Full match's recorded write.
  Forward forward(uint64_t address, unsigned size, uint64_t& value, uint32_t& event, size_t& index) const {
    const cpu::Forwarded f = cpu::forward_from(entries_, address, size);
    if (!f.any()) return Forward::None;
    index = f.youngest;
    if (!f.all(size) || !f.single) return Forward::Partial;
    value = f.value;
    event = entries_[index].event;
    return Forward::Full;
  }

 private:
  uint32_t capacity_;
  std::deque<BufferedStore> entries_;
  size_t written_ = 0;
};

}  // namespace locksim
