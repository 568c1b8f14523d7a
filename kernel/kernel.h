// The kernel beneath the locks, written once for both engines: the
// services a program calls (cpu/service.h), what a switch of threads does
// to a CPU and a thread, and the scenario's kernel settings. An engine
// supplies the mechanism (memory, sleeping, waking, which thread runs
// where, through Host); the rules are here.
//
// The service contract (arguments in the System V registers; every
// register but %rax preserved; each service is one atomic step):
//   __futex_wait(%rdi = address of a 32-bit word, %esi = expected):
//     a full barrier; then if the word equals %esi the caller sleeps on
//     the address until a __futex_wake picks it (%eax = 0), else it
//     returns at once with %eax = 1.
//   __futex_wake(%rdi = address, %esi = at most how many): a full
//     barrier; wakes up to %esi sleepers on the address; %eax = how many.
//   __yield: a full barrier; the caller gives up its CPU and is runnable.
//   __turnstile_block(%rdi = queue address, %rsi = address of a spin lock,
//     %edx = its size in bytes): a full barrier; stores 0 to the lock and
//     sleeps on the queue address in the same step, so no wake-up slips
//     between; woken by __futex_wake on the queue address (%eax = 0).
//   __cs_enter(%rdi = key) / __cs_exit(%rdi = key): mark a critical
//     section; two threads inside sections with the same key is a
//     violation. No memory access, no barrier.
//   __assert(%rdi): a violation when %rdi is 0.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cpu/cpu_state.h"
#include "cpu/program.h"
#include "kernel/layout.h"

namespace locksim::kernel {

// What a scenario asks of the kernel.
struct Spec {
  Layout layout;
  uint32_t preemptions = 0;  // the explorer's bound on preemptions
  // The scenario's thread-switch routine (code index), run by the CPU at
  // every switch in its own kernel context: %rdi = outgoing thread
  // structure (0: the CPU was idle), %rsi = incoming (0: going idle),
  // %rdx = the CPU's area. Without one the switch is one atomic step on an
  // empty store buffer that sets CPU_THREAD and t_cpu, as a switch path
  // built on LOCK'd dispatcher locks does.
  std::optional<uint32_t> switch_routine;
  // [start, end) code-index ranges: a thread preempted inside resumes at start.
  std::vector<std::pair<uint32_t, uint32_t>> restart;
  // True when threads can leave their CPUs (more threads than CPUs,
  // preemption, or services that block).
  bool scheduling = false;
};

// Where a thread is (Failed: its assertion failed; it stops there).
enum class ThreadStatus : uint8_t { Running, Ready, Sleeping, Done, Failed };

// The pc a thread preempted at `pc` resumes at.
inline uint32_t resume_pc(const Spec& spec, uint32_t pc) {
  for (const auto& [start, end] : spec.restart)
    if (pc >= start && pc < end) return start;
  return pc;
}

// A thread's %gs base on CPU `cpu` (-1: it has not run yet): its CPU's
// area, unless the scenario gave it one.
inline uint64_t gs_base(const Spec& spec, uint64_t given, int cpu) {
  return given != 0 || cpu < 0 ? given : spec.layout.cpu_area(static_cast<uint32_t>(cpu));
}

// Where CPU c's switch routine's stack ends: the stack after the threads'.
uint64_t kernel_stack_top(const Spec& spec, uint32_t cpu);

// The spec of a scenario with no kernel settings: one CPU per thread,
// nothing switches.
Spec pinned(uint32_t threads);

// Two threads inside critical sections with the same key: `sections(t)`
// lists thread t's keys. Returns the first such pair and key, if any.
struct SectionClash {
  uint32_t first, second;
  uint64_t key;
};
template <typename Sections>
std::optional<SectionClash> section_clash(uint32_t threads, Sections&& sections) {
  for (uint32_t t = 0; t < threads; ++t)
    for (uint64_t key : sections(t))
      for (uint32_t u = t + 1; u < threads; ++u)
        for (uint64_t other : sections(u))
          if (other == key) return SectionClash{t, u, key};
  return std::nullopt;
}
std::string describe(const SectionClash& clash);
// A thread inside critical sections `sections` leaves the one keyed `key`;
// leaving one it is not inside is a ServiceFault.
void leave_section(std::vector<uint64_t>& sections, uint64_t key);

// A kernel service's use that the program got wrong (a misaligned futex
// word, a section left that was not entered): a fault at the call.
class ServiceFault : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What an engine provides to the services.
class Host {
 public:
  virtual ~Host() = default;
  // Memory itself (a barrier service runs on an empty store buffer).
  virtual uint64_t read(uint64_t address, unsigned size) = 0;
  virtual void write(uint64_t address, unsigned size, uint64_t value) = 0;
  // The caller sleeps on `key` once the service returns.
  virtual void sleep(uint64_t key) = 0;
  // Makes up to `at_most` sleepers on `key` runnable; returns how many.
  virtual uint32_t wake(uint64_t key, uint64_t at_most) = 0;
  // The caller gives up its CPU, runnable.
  virtual void yield() = 0;
  // Critical-section markers and assertions.
  virtual void enter_section(uint64_t key) = 0;
  virtual void exit_section(uint64_t key) = 0;
  virtual void assertion_failed() = 0;
};

// True for the services that drain the caller's store buffer first.
bool is_barrier(cpu::Service service);

// Runs the service `caller` is calling (its pc is at the call): the one
// semantics of every service. Moves pc past the call; sets %rax unless the
// caller sleeps (woken() sets it then). Throws ServiceFault on misuse.
void call(cpu::Service service, cpu::CpuState& caller, Host& host);

// A sleeper picked by a wake-up: its service returns 0.
inline void woken(cpu::CpuState& sleeper) { sleeper.regs[cpu::RAX] = 0; }

// Registers for the switch routine on `cpu`, switching from thread `out`
// to `in` (-1: none), with its stack at `stack_top`.
cpu::CpuState switch_context(const Spec& spec, uint32_t cpu, int out, int in, uint64_t stack_top);

// The atomic switch (no routine): what it writes, in order. A fixed array,
// not a vector: the timed engine holds it across waits, and a SystemC
// thread still waiting when the run stops is never unwound (a heap copy
// would leak).
struct SwitchWrites {
  std::array<std::pair<uint64_t, uint64_t>, 2> words;
  size_t count = 0;
  const std::pair<uint64_t, uint64_t>* begin() const { return words.data(); }
  const std::pair<uint64_t, uint64_t>* end() const { return words.data() + count; }
};
SwitchWrites switch_writes(const Spec& spec, uint32_t cpu, int in);

// The initial contents of the per-CPU areas and thread structures (threads
// 0 to cpus - 1 start on CPUs 0 to cpus - 1), as 8-byte words.
std::vector<std::pair<uint64_t, uint64_t>> initial_words(const Spec& spec);

}  // namespace locksim::kernel
