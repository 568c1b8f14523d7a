// Exhaustive exploration of the x86-TSO abstract machine (Owens, Sarkar,
// Sewell): per-thread FIFO store buffers over one memory. A transition is
// one instruction of one thread (through the shared cpu/execute) or the
// drain of one store-buffer head. mfence and LOCK'd instructions (and xchg
// with memory) are enabled only on an empty buffer and run atomically.
// Breadth-first with hashed visited states, so the first final state found
// with a property has a shortest schedule.
//
// Reduction: a step no other thread can observe (an instruction touching
// only registers or the thread's own stack, or draining a store to its own
// stack) commutes with every other transition, so when one is enabled it
// is the only successor explored. Every final state stays reachable; a
// schedule only has such steps moved earlier. Threads are assumed not to
// touch each other's stacks.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cpu/cpu_state.h"
#include "cpu/flat_memory.h"
#include "cpu/program.h"
#include "sim/state_arena.h"

namespace locksim {

struct ExplorerThread {
  uint32_t entry;
  cpu::CpuState initial;
};

struct TsoStore {
  uint64_t address;
  uint8_t size;
  uint64_t value;
  bool operator==(const TsoStore&) const = default;
};

struct TsoThread {
  cpu::CpuState cpu;
  std::vector<TsoStore> buffer;  // oldest first
  bool done = false;
};

// A state being worked on. Visited states are stored packed (see pack()).
struct TsoState {
  std::vector<TsoThread> threads;
  std::vector<std::pair<uint64_t, uint64_t>> memory;  // changed 8-byte words, sorted by address
};

// One step of a schedule: an instruction of `thread` (with its memory
// accesses) or the drain of its store-buffer head (one effect: the store).
struct ScheduleEffect {
  bool store;
  uint64_t address, value;
  bool special;  // a load from the own store buffer; a locked store straight to memory
};
struct ScheduleStep {
  uint32_t thread;
  bool drain;
  uint32_t instr;  // index into Program::code; unused for a drain
  std::vector<ScheduleEffect> effects;
};

struct ExploreResult {
  uint64_t states = 0, transitions = 0, final_states = 0;
  bool complete = true;  // false when max_states or the memory bound cut the search
  const char* limit = "";  // which: "--max-states" or "--max-memory"
  bool stopped = false;  // on_final ended the search
  // After a complete search that ran to the end: the first state (in
  // breadth-first order, so with a shortest schedule) from which no
  // execution lets every thread finish: a deadlock, or threads spinning
  // forever. -1 when every state can still finish.
  int64_t stuck_state = -1;
  double seconds = 0;
};

// Searches stop before this much memory by default (--max-memory): the
// project's machines have 24 GiB.
inline constexpr uint64_t kDefaultExploreMemory = uint64_t{12} << 30;
// State ids are 32-bit.
inline constexpr uint64_t kMaxExploreStates = 4'000'000'000;
// Threads per exploration (and per scenario): as many as a machine has cores.
inline constexpr uint32_t kMaxExploreThreads = 64;

class TsoExplorer {
 public:
  TsoExplorer(const cpu::Program& program, std::vector<ExplorerThread> threads, uint64_t max_states);
  // The search stops (incomplete) once its tables take more than this.
  void set_max_memory(uint64_t bytes) { max_bytes_ = bytes; }

  // Explores every reachable state; calls `on_final` for each distinct final
  // state (every thread returned, every buffer drained), in breadth-first
  // order. Returning false from `on_final` stops the search. `progress`, if
  // given, hears about the search every `interval` seconds, with the
  // number of states still to expand.
  using Progress = std::function<void(const ExploreResult& so_far, uint64_t frontier)>;
  ExploreResult run(const std::function<bool(uint32_t state)>& on_final, const Progress& progress = {},
                    double interval = 1.0);

  // Values in a stored state.
  uint64_t read_memory(uint32_t state, uint64_t address, unsigned size) const;
  cpu::CpuState cpu(uint32_t state, uint32_t thread) const;
  bool returned(uint32_t state, uint32_t thread) const;
  // The schedule from the initial state to `state`, replayed step by step.
  std::vector<ScheduleStep> schedule(uint32_t state) const;

 private:
  bool private_address(uint32_t thread, uint64_t address) const;
  bool invisible_step(const TsoState& s, uint32_t thread) const;
  // Visited states live packed in one arena of 64-bit words: per thread a
  // header (pc, done, buffer length, mask of nonzero registers), rflags, the
  // nonzero registers and the buffer; then the changed memory words. Equal
  // states pack to equal words, so lookup compares words, and a state costs
  // no allocation of its own.
  // Packs into the front of `out` (grown as needed): packed_length_ words.
  void pack(const TsoState& s, std::vector<uint64_t>& out);
  void unpack(uint32_t id, TsoState& s) const;
  // Adds the state pack() just wrote, with how it was reached, unless seen;
  // returns its id.
  uint32_t insert(const std::vector<uint64_t>& packed, uint32_t parent, uint16_t thread, bool drain);
  size_t state_count() const { return arena_.size(); }
  uint64_t memory_bytes() const;

  const cpu::Program& program_;
  // Litmus threads and lock routines need little stack; zeroing 1 MiB per
  // thread would dominate a small test's run time.
  static constexpr uint64_t kStackSize = 16 * 1024;
  cpu::FlatMemory base_;  // the initial image; states hold only what changed
  uint64_t max_states_;
  uint64_t max_bytes_ = kDefaultExploreMemory;
  std::vector<ExplorerThread> threads_;  // fs/gs bases, which no instruction changes
  StateArena arena_;
  size_t packed_length_ = 0;
  // Open addressing: each slot holds a state's id + 1 (0 when empty) and,
  // above it, the top half of its hash, which also picks the slot: most
  // probes touch only the table, and growing it needs no hashing.
  HugeVector<uint64_t> table_;
  HugeVector<uint32_t> parent_;
  HugeVector<uint16_t> via_thread_;
  HugeVector<uint8_t> via_drain_;
  HugeVector<uint64_t> edges_;   // every transition: from << 32 | to
  HugeVector<uint32_t> finals_;  // states where every thread finished
  int64_t first_stuck_state() const;
};

}  // namespace locksim
