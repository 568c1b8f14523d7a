// A recorded execution, as the axiomatic memory models see it: every memory
// access of every thread in program order, the write each byte of a read
// took its value from (reads-from), and the order in which writes reached
// memory (their commit order, which gives the coherence order of every
// byte they cover). The timed engine records one when asked (`locksim run
// --check-sc`); sc_check.h decides whether it is sequentially consistent.
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

  // Consecutive bytes of one read that came from one write.
  struct ReadSpan {
    uint32_t read;
    uint32_t source;  // a write event, or kInitial
    uint64_t address;
    uint32_t size;
  };

  // A read of memory: each byte comes from the last write to reach memory.
  uint32_t read_memory(uint32_t thread, uint32_t instr, uint64_t address, unsigned size, uint64_t value) {
    uint32_t id = add(thread, instr, false, address, size, value);
    for (unsigned i = 0; i < size; ++i) {
      auto it = last_write_.find(address + i);
      add_span(id, it == last_write_.end() ? kInitial : it->second, address + i);
    }
    return id;
  }
  // A read forwarded from a write still in the thread's store buffer.
  uint32_t read_forwarded(uint32_t thread, uint32_t instr, uint64_t address, unsigned size, uint64_t value,
                          uint32_t source) {
    uint32_t id = add(thread, instr, false, address, size, value);
    spans_.push_back(ReadSpan{id, source, address, size});
    return id;
  }
  // A write, at its place in program order; commit() it when it reaches
  // memory (at once for a LOCK'd write, at its drain for a buffered one).
  uint32_t write(uint32_t thread, uint32_t instr, uint64_t address, unsigned size, uint64_t value) {
    return add(thread, instr, true, address, size, value);
  }
  void commit(uint32_t write) {
    commits_.push_back(write);
    const MemoryEvent& e = events_[write];
    for (unsigned i = 0; i < e.size; ++i) last_write_[e.address + i] = write;
  }

  const std::vector<MemoryEvent>& events() const { return events_; }
  const std::vector<ReadSpan>& read_spans() const { return spans_; }
  // Writes in the order they reached memory.
  const std::vector<uint32_t>& commits() const { return commits_; }

 private:
  uint32_t add(uint32_t thread, uint32_t instr, bool write, uint64_t address, unsigned size, uint64_t value) {
    events_.push_back(MemoryEvent{thread, instr, write, static_cast<uint8_t>(size), address, value});
    return static_cast<uint32_t>(events_.size() - 1);
  }
  void add_span(uint32_t read, uint32_t source, uint64_t byte) {
    if (!spans_.empty()) {
      ReadSpan& last = spans_.back();
      if (last.read == read && last.source == source && last.address + last.size == byte) {
        ++last.size;
        return;
      }
    }
    spans_.push_back(ReadSpan{read, source, byte, 1});
  }

  std::vector<MemoryEvent> events_;
  std::vector<ReadSpan> spans_;
  std::vector<uint32_t> commits_;
  std::unordered_map<uint64_t, uint32_t> last_write_;  // per byte address
};

}  // namespace locksim
