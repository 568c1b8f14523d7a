// Where the kernel's per-CPU areas and thread structures live in simulated
// memory, the same in every engine. A CPU's area: +0 the thread structure
// of the thread it runs (0 while idle), +8 the CPU's index, then the
// scenario's own bytes. A thread's structure: +0 its index, +8 the CPU
// area it runs or last ran on (0 before it first runs), then the
// scenario's bytes. Each starts on its own 64-byte line, so per-CPU data
// shares no line with another CPU's.
#pragma once

#include <cstdint>

namespace locksim::kernel {

inline constexpr uint64_t kKernelBase = 0x7f0000000000;
inline constexpr uint64_t kAreaHeader = 16;  // the two fixed fields
inline constexpr uint64_t kMaxExtraBytes = 4096;

struct Layout {
  uint32_t cpus = 1, threads = 1;
  uint64_t cpu_extra = 0, thread_extra = 0;  // the scenario's bytes

  static uint64_t stride(uint64_t extra) { return (kAreaHeader + extra + 63) / 64 * 64; }
  uint64_t cpu_area(uint32_t cpu) const { return kKernelBase + cpu * stride(cpu_extra); }
  uint64_t thread_struct(uint32_t thread) const {
    return kKernelBase + cpus * stride(cpu_extra) + thread * stride(thread_extra);
  }
  uint64_t size() const { return cpus * stride(cpu_extra) + threads * stride(thread_extra); }
};

}  // namespace locksim::kernel
