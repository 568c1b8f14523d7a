// Exhaustive exploration of the x86-TSO abstract machine (Owens, Sarkar,
// Sewell): per-thread FIFO store buffers over one memory. A transition is
// one instruction of one thread (through the shared cpu/execute) or the
// drain of one store-buffer head. mfence and LOCK'd instructions (and xchg
// with memory) are enabled only on an empty buffer and run atomically.
// Breadth-first with hashed visited states, so the first final state found
// with a property has a shortest schedule.
//
// Reduction: a step no other thread can observe (an instruction touching
// only registers and the thread's own stack, or draining a store to its own
// stack) commutes with every other thread's step, so when one is enabled it
// is the only successor explored (an ample set of one; a cycle proviso
// keeps other threads from being ignored forever). That is sound only while
// no other thread touches those stack bytes, so nothing is assumed: every
// expanded state runs every thread's next instruction and records which
// bytes it touches (cpu/footprint.h). If any thread reaches another's stack
// (a waiter record or queue node published by pointer), the 64-byte lines
// it touched become shared memory and the search starts over. If the
// reduced search reaches no such access, neither does the full one: the
// shortest path to one would commute into the reduced graph. Every final
// state stays reachable; a schedule only has invisible steps moved earlier.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cpu/cpu_state.h"
#include "cpu/execute.h"
#include "cpu/flat_memory.h"
#include "cpu/footprint.h"
#include "cpu/liveness.h"
#include "cpu/memory_layout.h"
#include "cpu/program.h"
#include "kernel/kernel.h"
#include "sim/explore/state_arena.h"

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

using kernel::ThreadStatus;

struct TsoThread {
  cpu::CpuState cpu;
  ThreadStatus status = ThreadStatus::Running;
  uint64_t sleep_key = 0;          // while Sleeping
  std::vector<uint64_t> sections;  // critical sections it is inside (markers)
  int32_t last_cpu = -1;           // the CPU it runs or last ran on
  bool done() const { return status == ThreadStatus::Done; }
};

// A CPU: its store buffer (which stays with it when threads switch), the
// thread it runs, and a switch in progress.
struct TsoCpu {
  std::vector<TsoStore> buffer;  // oldest first
  int32_t thread = -1;           // running (or being switched in); -1 idle
  bool switching = false;        // a thread switch: to `thread`, from `out`
  int32_t out = -1;
  cpu::CpuState kernel;          // the switch routine's registers, while it runs
};

// A state being worked on. Visited states are stored packed (see pack()).
struct TsoState {
  std::vector<TsoThread> threads;
  std::vector<TsoCpu> cpus;
  uint32_t preemptions = 0;
  std::vector<std::pair<uint64_t, uint64_t>> memory;  // changed 8-byte words, sorted by address
};

// One step of a schedule: an instruction of `thread` (with its memory
// accesses) or the drain of its store-buffer head (one effect: the store).
struct ScheduleEffect {
  bool store;
  uint64_t address, value;
  bool special;  // a load from the own store buffer; a locked store straight to memory
};
enum class StepKind : uint8_t { Instruction, Drain, Preempt, Dispatch, Switch };
struct ScheduleStep {
  uint32_t thread;  // the thread running the instruction, or being preempted or dispatched; the CPU for a drain or switch
  bool drain;
  uint32_t instr;  // index into Program::code; unused for a drain
  std::vector<ScheduleEffect> effects;
  StepKind kind = StepKind::Instruction;
  uint32_t cpu = 0;
  std::string kernel;  // what a kernel service or switch did ("sleeps on futex", "wakes T1")
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
  // Times the search started over on finding stack memory shared between
  // threads, and how many 64-byte stack lines it found shared (all ones:
  // it gave up telling and treated every stack as shared).
  uint32_t restarts = 0;
  uint64_t shared_stack_lines = 0;
  // The first state (breadth-first: a shortest schedule) where a thread
  // sleeps and nothing can run (a lost wake-up), and the first that breaks
  // a marker (two threads in one critical section, a failed __assert).
  // -1 when none; either stops the search.
  int64_t lost_wakeup_state = -1;
  int64_t violation_state = -1;
  std::string violation;
};

// Searches stop before this much memory by default (--max-memory): the
// project's machines have 24 GiB.
inline constexpr uint64_t kDefaultExploreMemory = uint64_t{12} << 30;
// State ids are 32-bit.
inline constexpr uint64_t kMaxExploreStates = 4'000'000'000;
// Threads per exploration (and per scenario): as many as a machine has cores.
inline constexpr uint32_t kMaxExploreThreads = 64;

// A schedule recorded by the timed engine, replayed (TsoExplorer::replay).
struct ReplayResult {
  bool ok = false;
  size_t steps = 0;     // steps replayed before it stopped
  std::string problem;  // why it stopped, when not ok
  TsoState state;       // where it got to
};

class TsoExplorer {
 public:
  TsoExplorer(const cpu::Program& program, std::vector<ExplorerThread> threads, uint64_t max_states,
              kernel::Spec kernel = {});
  // A machine without store buffers: each instruction waits until the
  // stores of the one before have reached memory, which makes executions
  // sequentially consistent (an instruction's loads, then its stores).
  void set_sequentially_consistent(bool sc) { sequential_ = sc; }
  // The search stops (incomplete) once its tables take more than this.
  void set_max_memory(uint64_t bytes) { max_bytes_ = bytes; }
  // Only these registers of a finished thread are observed (the
  // condition's): elsewhere a register is kept only while some path still
  // reads it (cpu/liveness.h), so states that differ in dead registers
  // merge. Without this call every register is kept.
  void observe_registers(cpu::RegSet at_exit);

  // Explores every reachable state; calls `on_final` for each distinct final
  // state (every thread returned, every buffer drained), in breadth-first
  // order. Returning false from `on_final` stops the search. Each call is a
  // reachable final state, but when the search starts over (see above) the
  // states found before are heard again, and only ids from the last round
  // stay valid. `progress`, if
  // given, hears about the search every `interval` seconds, with the
  // number of states still to expand.
  using Progress = std::function<void(const ExploreResult& so_far, uint64_t frontier)>;
  ExploreResult run(const std::function<bool(uint32_t state)>& on_final, const Progress& progress = {},
                    double interval = 1.0);

  // Values in a stored state.
  uint64_t read_memory(uint32_t state, uint64_t address, unsigned size) const;
  cpu::CpuState cpu(uint32_t state, uint32_t thread) const;
  bool returned(uint32_t state, uint32_t thread) const;
  TsoState state(uint32_t id) const;
  const kernel::Spec& kernel() const { return kernel_; }
  uint32_t cpus() const { return kernel_.layout.cpus; }
  // Execution contexts, each with its own stack: the threads, then each
  // CPU's switch routine when the scenario has one.
  uint32_t contexts() const { return static_cast<uint32_t>(threads_.size()) + (kernel_.switch_routine ? cpus() : 0); }
  // Replays `steps` from the initial state: thread * 2 runs that thread up
  // to and including its next instruction that touches memory; thread * 2
  // + 1 drains its oldest buffered store. Afterwards each thread runs to its
  // end, touching no memory. ok when every step was possible on the x86-TSO
  // machine and every thread finished with an empty buffer.
  ReplayResult replay(const std::vector<uint32_t>& steps) const;
  // A state's id, if the search visited it.
  std::optional<uint32_t> find(const TsoState& s) const;
  uint64_t read_memory(const TsoState& s, uint64_t address, unsigned size) const;

  // True for stack bytes the search found another thread touching.
  bool stack_shared(uint64_t address) const { return stacks_shared_ || shared_line(address / kLineBytes); }
  // The schedule from the initial state to `state`, replayed step by step.
  std::vector<ScheduleStep> schedule(uint32_t state) const;

 private:
  // One transition, the same for the search, schedules and replays.
  // CPU c's next instruction (its thread's, or its switch routine's), with
  // `choice` picking among the sleepers a wake-up may wake; returns how
  // many choices there were and whether it was a kernel step (a service
  // or a switch, never invisible).
  struct StepInfo {
    uint32_t choices = 1;
    bool kernel = false;
    bool violation = false;  // a marker may now be broken
  };
  StepInfo step(TsoState& s, uint32_t c, uint32_t choice, cpu::Footprint* fp, std::vector<ScheduleEffect>* effects,
                std::string* note = nullptr, bool replaying = false) const;
  TsoStore drain_head(TsoState& s, uint32_t c) const;
  // Instructions no other context can see (registers and the context's own
  // unshared stack; outside restart ranges) run at once after every step,
  // as part of it: only states where every CPU's next step can be seen are
  // stored. run_invisible runs one such on CPU c, if its next is one;
  // settle runs them on every CPU until none is left (or kMaxSettle: a
  // loop that touches nothing).
  bool run_invisible(TsoState& s, uint32_t c, std::vector<ScheduleStep>* steps) const;
  void settle(TsoState& s, std::vector<ScheduleStep>* steps) const;
  static constexpr uint32_t kMaxSettle = 1u << 16;
  // Stack bytes more than dead_margin_ below their context's stack pointer
  // are dead: states keep none of them, so what a returned call left there
  // does not tell states apart. A context reading there (found at every
  // expanded state, like sharing) starts the search over with the 128-byte
  // red zone kept, then with nothing dropped (margin -1).
  mutable int dead_margin_ = 0;
  // Register liveness (observe_registers): registers nothing will read are
  // stored as 0. A ret the analysis did not foresee turns it off.
  std::optional<cpu::Liveness> liveness_;
  cpu::RegSet at_exit_ = cpu::kAllRegs;
  mutable bool bad_return_ = false;
  void check_return(const cpu::Instr& in, uint32_t pc, cpu::StepOutcome o, uint32_t to) const;
  cpu::RegSet live(uint32_t pc, bool finished) const {
    return !liveness_ ? cpu::kAllRegs : finished ? at_exit_ : liveness_->live(pc);
  }
  mutable bool dead_read_ = false;
  uint64_t stack_pointer(const TsoState& s, uint32_t context) const;
  bool dead(const TsoState& s, uint64_t word) const;
  void check_dead_reads(uint32_t context, uint64_t rsp, const cpu::Footprint& fp) const;
  TsoState initial_unsettled_;  // for schedules, which list the settled steps too
  // Preempts CPU c's thread; dispatches Ready thread t on idle CPU c.
  void preempt(TsoState& s, uint32_t c) const;
  void dispatch(TsoState& s, uint32_t c, uint32_t t) const;
  bool can_preempt(const TsoState& s, uint32_t c) const;
  bool outside_restart(uint32_t pc) const { return kernel::resume_pc(kernel_, pc) == pc; }
  bool can_dispatch(const TsoState& s, uint32_t c, uint32_t t) const;
  // Starts CPU c's switch from `out` to `in` (-1: none), completing it at
  // once when it is the atomic one and the buffer is empty.
  void begin_switch(TsoState& s, uint32_t c, int out, int in) const;
  void finish_switch(TsoState& s, uint32_t c) const;
  // Why a state breaks a marker, or "".
  std::string violation(const TsoState& s) const;
  // The context (thread, or a CPU's switch routine) CPU c runs: its stack's owner.
  // Thread t's %gs base on CPU `cpu` (-1: none yet): its CPU's area,
  // unless the scenario gave it one.
  uint64_t gs_base(uint32_t t, int32_t cpu) const { return kernel::gs_base(kernel_, threads_[t].initial.gs_base, cpu); }
  // Where CPU c's switch routine's stack ends (it runs on its own stack).
  uint64_t kernel_stack_top(uint32_t c) const { return kernel::kernel_stack_top(kernel_, c); }
  uint32_t context(const TsoState& s, uint32_t c) const {
    return s.cpus[c].switching ? static_cast<uint32_t>(threads_.size()) + c : static_cast<uint32_t>(s.cpus[c].thread);
  }
  static constexpr uint64_t kMaxReplayRun = 10'000'000;
  ExploreResult search(const std::function<bool(uint32_t)>& on_final, const Progress& progress, double interval,
                       std::chrono::steady_clock::time_point t0, bool& learned);
  void start_over();
  // Sharing of stack memory between threads, learned from footprints.
  static constexpr uint64_t kLineBytes = 64;
  static constexpr uint32_t kMaxRestarts = 8;
  bool shared_line(uint64_t line) const;
  // x86-TSO: LOCK'd instructions and mfence wait for an empty store buffer;
  // without store buffers every instruction does.
  bool waits_for_buffer(const cpu::Footprint& fp) const { return sequential_ || fp.needs_empty_store_buffer(); }
  bool sequential_ = false;
  // True for bytes in `thread`'s own stack that no other thread has touched.
  bool private_to(uint32_t context, uint64_t address, unsigned size) const;
  // Marks the lines of other contexts' stacks `fp` touched as shared; true
  // when any was not yet.
  bool learn_sharing(uint32_t context, const cpu::Footprint& fp);
  // True for an enabled step, with footprint `fp`, no other thread can observe.
  bool invisible(uint32_t context, const cpu::Footprint& fp) const;

  // Visited states live packed in one arena of 64-bit words: per thread a
  // header (pc, done, buffer length, mask of nonzero registers), rflags, the
  // nonzero registers and the buffer; then the changed memory words. Equal
  // states pack to equal words, so lookup compares words, and a state costs
  // no allocation of its own.
  // Packs into the front of `out` (grown as needed); returns the length.
  size_t pack(const TsoState& s, std::vector<uint64_t>& out) const;
  void unpack(uint32_t id, TsoState& s) const;
  // Where a packed state is in the table: its id, or the empty slot it
  // would take (with its hash tag).
  struct Probe {
    size_t slot;
    uint64_t tag;
    std::optional<uint32_t> id;
  };
  Probe probe(const uint64_t* packed, size_t n) const;
  // Adds a packed state, with how it was reached, unless seen; returns its id.
  uint32_t insert(const uint64_t* packed, size_t n, uint32_t parent, uint16_t cpu, StepKind kind, uint16_t arg);
  size_t state_count() const { return arena_.size(); }
  uint64_t memory_bytes() const;

  const cpu::Program& program_;
  cpu::FlatMemory base_;  // the initial image; states hold only what changed
  uint64_t max_states_;
  uint64_t max_bytes_ = kDefaultExploreMemory;
  std::vector<ExplorerThread> threads_;  // fs/gs bases, which no instruction changes
  kernel::Spec kernel_;
  std::vector<uint64_t> initial_;  // the initial state, packed
  std::vector<uint64_t> shared_lines_;  // sorted
  bool stacks_shared_ = false;
  StateArena arena_;
  // Open addressing: each slot holds a state's id + 1 (0 when empty) and,
  // above it, the top half of its hash, which also picks the slot: most
  // probes touch only the table, and growing it needs no hashing.
  HugeVector<uint64_t> table_;
  HugeVector<uint32_t> parent_;
  HugeVector<uint16_t> via_cpu_;
  HugeVector<uint8_t> via_kind_;
  HugeVector<uint16_t> via_arg_;  // the wake choice, or the dispatched thread
  // A reduced state's only successor; kFull for a state expanded in full
  // (and for one not expanded yet).
  HugeVector<uint32_t> only_next_;
  static constexpr uint32_t kFull = ~uint32_t{0};
  HugeVector<uint64_t> edges_;   // every transition: from << 32 | to
  HugeVector<uint32_t> finals_;  // states where every thread finished
  int64_t first_stuck_state() const;
};

}  // namespace locksim
