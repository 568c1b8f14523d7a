// What one instruction does to the memory system, for every engine: which
// bytes it read and wrote (found by running it: the semantics in
// cpu/execute decide, not a table beside them), whether it was LOCK'd or a
// full fence (so runs only on an empty store buffer), and the static
// classes the engines ask about.
#pragma once

#include <array>
#include <cstdint>

#include "cpu/instr.h"
#include "cpu/mem_port.h"

namespace locksim::cpu {

struct Access {
  uint64_t address;
  uint8_t size;
  bool write;
};

struct Footprint {
  // No instruction makes more accesses than this (cmpxchg16b: two loads,
  // two stores); `overflow` would say one did.
  static constexpr unsigned kMaxAccesses = 8;
  std::array<Access, kMaxAccesses> accesses{};
  uint8_t count = 0;
  bool overflow = false;
  bool locked = false;  // a LOCK'd read-modify-write (or xchg with memory)
  bool mfence = false;
  // x86-TSO: a LOCK'd instruction or mfence waits for an empty store buffer.
  bool needs_empty_store_buffer() const { return locked || mfence; }
  bool touches_memory() const { return count > 0 || overflow; }
  void add(uint64_t address, unsigned size, bool write) {
    if (count == kMaxAccesses) overflow = true;
    else accesses[count++] = Access{address, static_cast<uint8_t>(size), write};
  }
};

// A port that passes every access on to `inner` and records it.
class FootprintPort final : public MemPort {
 public:
  FootprintPort(MemPort& inner, Footprint& footprint) : inner_(inner), footprint_(footprint) {}
  uint64_t load(uint64_t address, unsigned size) override {
    footprint_.add(address, size, false);
    return inner_.load(address, size);
  }
  void store(uint64_t address, unsigned size, uint64_t value) override {
    footprint_.add(address, size, true);
    inner_.store(address, size, value);
  }
  void lock_begin(uint64_t address, unsigned size) override {
    footprint_.locked = true;
    inner_.lock_begin(address, size);
  }
  void lock_end() override { inner_.lock_end(); }
  void barrier(Barrier kind) override {
    footprint_.mfence = footprint_.mfence || kind == Barrier::Mfence;
    inner_.barrier(kind);
  }

 private:
  MemPort& inner_;
  Footprint& footprint_;
};

// A jump, call or return (for the branch latency). Inline: the timed
// engine asks for every instruction that touches no memory.
inline bool is_branch(const Instr& in) {
  return in.op == Op::Jcc || in.op == Op::Jmp || in.op == Op::Call || in.op == Op::Ret;
}

// Its only memory access is reading its source operand, before any
// register changes: when that read happens, the registers are still the
// instruction's starting state.
bool reads_before_writing(const Instr& in);

}  // namespace locksim::cpu
