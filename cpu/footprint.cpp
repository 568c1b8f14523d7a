#include "cpu/footprint.h"

namespace locksim::cpu {

bool reads_before_writing(const Instr& in) {
  switch (in.op) {
    case Op::Cmp: case Op::Test: case Op::Bt:
      return true;
    case Op::Mov: case Op::Movzx: case Op::Movsx: case Op::Add: case Op::Or: case Op::Adc: case Op::Sbb:
    case Op::And: case Op::Sub: case Op::Xor: case Op::Cmovcc: case Op::Imul2:
      return in.dst().kind == OperandKind::Reg;
    default:
      return false;
  }
}

}  // namespace locksim::cpu
