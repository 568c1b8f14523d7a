// Which registers an instruction reads and which it overwrites whatever
// they held, and from those the registers live at each instruction of a
// program: those some path from there reads before overwriting. The
// explorer forgets dead registers, so states that differ only in values
// nothing will read are one state. Written from cpu/execute.cpp's
// semantics and checked against it (tests/liveness_test.cpp).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "cpu/instr.h"
#include "cpu/program.h"

namespace locksim::cpu {

// Bits 0-15: the general-purpose registers (Gpr order); bit 16: the
// arithmetic flags (flag::kArithmetic) as one.
using RegSet = uint32_t;
inline constexpr RegSet kFlagsBit = RegSet{1} << 16;
inline constexpr RegSet kAllRegs = (RegSet{1} << 17) - 1;

struct RegEffect {
  RegSet reads = 0;  // may affect anything the instruction does
  RegSet kills = 0;  // overwritten with values that do not depend on what they held
};

// Conservative: a register the instruction might read is in `reads`, and
// one in `kills` is always overwritten in full.
RegEffect reg_effect(const Instr& in);

// The registers live before each instruction of `program`: read on some
// path before they are overwritten. A `ret` returns after a call to a
// function it belongs to (the code reachable from the function's entry
// without entering calls), or leaves the thread if it belongs to one of
// `entries` (thread entries, the switch routine), where `at_exit` is
// live; a thread preempted inside a restart range [start, end) resumes at
// start. With an indirect jump or call anywhere, everything is live
// everywhere. The engine checks each `ret` against the analysis
// (may_return_to, may_leave): a program that returns elsewhere (a pushed
// address) breaks its assumption.
class Liveness {
 public:
  Liveness(const Program& program, const std::vector<uint32_t>& entries,
           const std::vector<std::pair<uint32_t, uint32_t>>& restart, RegSet at_exit);
  RegSet live(uint32_t pc) const { return pc < live_.size() ? live_[pc] : kAllRegs; }
  bool may_return_to(uint32_t ret, uint32_t pc) const;
  bool may_leave(uint32_t ret) const { return all_live_ || (ret < leaves_.size() && leaves_[ret]); }

 private:
  bool all_live_ = false;
  std::vector<RegSet> live_;
  std::vector<std::vector<uint32_t>> returns_to_;  // per ret: the return sites, sorted
  std::vector<bool> leaves_;                       // per ret: may leave the thread
};

}  // namespace locksim::cpu
