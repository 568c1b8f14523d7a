// A recorded execution, as the axiomatic memory models see it: every memory
// access of every thread in program order, the write each byte of a read
// took its value from (reads-from), and the order in which writes to each
// byte reached memory (coherence order). The timed engine records one when
// asked (`locksim run --check-sc`); sc_check.h decides whether it is
// sequentially consistent.
#pragma once

#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

namespace locksim {

struct MemoryEvent {
  uint32_t thread;
  uint32_t instr;  // index into Program::code
  bool write;
  uint8_t size;
  uint64_t address, value;
};

class Execution {
 public:
  // The source of a byte nobody wrote before it was read.
  static constexpr uint32_t kInitial = std::numeric_limits<uint32_t>::max();

  struct ByteRead {
    uint32_t read;
    uint32_t source;  // a write event, or kInitial
    uint64_t address;
  };

  // A read of memory: each byte comes from the last write to reach memory.
  uint32_t read_memory(uint32_t thread, uint32_t instr, uint64_t address, unsigned size, uint64_t value) {
    uint32_t id = add(thread, instr, false, address, size, value);
    for (unsigned i = 0; i < size; ++i) {
      auto it = last_write_.find(address + i);
      byte_reads_.push_back(ByteRead{id, it == last_write_.end() ? kInitial : it->second, address + i});
    }
    return id;
  }
  // A read forwarded from a write still in the thread's store buffer.
  uint32_t read_forwarded(uint32_t thread, uint32_t instr, uint64_t address, unsigned size, uint64_t value,
                          uint32_t source) {
    uint32_t id = add(thread, instr, false, address, size, value);
    for (unsigned i = 0; i < size; ++i) byte_reads_.push_back(ByteRead{id, source, address + i});
    return id;
  }
  // A write, at its place in program order; commit() it when it reaches
  // memory (at once for a LOCK'd write, at its drain for a buffered one).
  uint32_t write(uint32_t thread, uint32_t instr, uint64_t address, unsigned size, uint64_t value) {
    return add(thread, instr, true, address, size, value);
  }
  void commit(uint32_t write) {
    const MemoryEvent& e = events_[write];
    for (unsigned i = 0; i < e.size; ++i) {
      coherence_[e.address + i].push_back(write);
      last_write_[e.address + i] = write;
    }
  }

  const std::vector<MemoryEvent>& events() const { return events_; }
  const std::vector<ByteRead>& byte_reads() const { return byte_reads_; }
  // Per byte address, the writes in the order they reached memory.
  const std::unordered_map<uint64_t, std::vector<uint32_t>>& coherence() const { return coherence_; }

 private:
  uint32_t add(uint32_t thread, uint32_t instr, bool write, uint64_t address, unsigned size, uint64_t value) {
    events_.push_back(MemoryEvent{thread, instr, write, static_cast<uint8_t>(size), address, value});
    return static_cast<uint32_t>(events_.size() - 1);
  }

  std::vector<MemoryEvent> events_;
  std::vector<ByteRead> byte_reads_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> coherence_;
  std::unordered_map<uint64_t, uint32_t> last_write_;
};

}  // namespace locksim
