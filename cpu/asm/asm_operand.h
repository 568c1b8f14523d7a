// An operand as written in the source, before symbols have addresses.
#pragma once

#include "cpu/asm/asm_expr.h"
#include "cpu/instr.h"

namespace locksim::cpu {

struct ParsedOperand {
  OperandKind kind = OperandKind::None;  // Mem also covers a bare branch target
  RegRef reg;
  MemRef mem;          // base/index/scale/segment; disp comes from `value`
  bool rip_relative = false;
  bool bare = false;   // written as a bare expression, e.g. "label" or "1f"
  bool indirect = false;  // written with a leading '*'
  Expr value;          // immediate, displacement or branch target
  Token at;            // first token, for error positions
};

}  // namespace locksim::cpu
