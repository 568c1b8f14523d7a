// The decoded instruction form shared by the assembler, both engines and reports.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "cpu/registers.h"
#include "cpu/service.h"
#include "cpu/source_location.h"

namespace locksim::cpu {

enum class Op : uint8_t {
  Mov, Movzx, Movsx, Lea,
  Add, Or, Adc, Sbb, And, Sub, Xor, Cmp, Test,
  Inc, Dec, Neg, Not,
  Shl, Shr, Sar, Rol, Ror,
  Imul1, Imul2, Imul3, Mul, Div, Idiv,
  Bt, Bts, Btr, Btc,
  Xchg, Xadd, Cmpxchg, Cmpxchg8b, Cmpxchg16b,
  Setcc, Cmovcc, Jcc, Jmp, Call, Ret,
  Push, Pop, Pushf, Popf, Leave,
  Cbw, Cwde, Cdqe, Cwd, Cdq, Cqo,
  Nop, Pause, Mfence, Lfence, Sfence,
  Clc, Stc, Cmc, Hlt,
};

// Condition codes in hardware encoding order (the low nibble of Jcc).
enum class Cond : uint8_t { O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G };

enum class OperandKind : uint8_t { None, Reg, Imm, Mem };
enum class Segment : uint8_t { None, Fs, Gs };

// Effective address = segment base + base + index * scale + disp. A
// `sym(%rip)` operand is resolved at link time to an absolute disp, since
// instructions have no encoded length to be relative to.
struct MemRef {
  int8_t base = -1;   // Gpr or -1
  int8_t index = -1;  // Gpr or -1
  uint8_t scale = 1;
  Segment segment = Segment::None;
  int64_t disp = 0;
};

struct Operand {
  OperandKind kind = OperandKind::None;
  RegRef reg;       // kind == Reg
  int64_t imm = 0;  // kind == Imm (already sign-extended as the encoding would)
  MemRef mem;       // kind == Mem
};

struct Instr {
  Op op = Op::Nop;
  uint8_t size = 8;      // operand size in bytes (destination size for movzx/movsx)
  uint8_t src_size = 0;  // source size of movzx/movsx
  Cond cond = Cond::O;   // setcc/cmovcc/jcc
  bool lock = false;     // explicit LOCK prefix, or implied (xchg with memory)
  bool indirect = false; // jmp/call through a register or memory operand
  uint8_t operand_count = 0;
  // Operands in AT&T order: sources first, destination last.
  std::array<Operand, 3> operands{};
  uint32_t target = 0;   // direct branch target: index into Program::code
  Service service = Service::None;  // a call into the kernel model (target unused)
  uint64_t address = 0;  // code address, pushed by call and matched by ret
  SourceLocation location;

  const Operand& dst() const { return operands[operand_count - 1]; }
  // True when the instruction is atomic with respect to other cores and
  // drains the store buffer first (LOCK prefix or xchg with memory).
  bool is_locked() const { return lock; }
};

std::string_view op_name(Op op);
std::string_view cond_name(Cond cond);

}  // namespace locksim::cpu
