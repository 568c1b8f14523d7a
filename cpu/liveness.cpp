#include "cpu/liveness.h"

#include <algorithm>

namespace locksim::cpu {
namespace {

RegSet bit(int gpr) { return RegSet{1} << gpr; }

RegSet address_regs(const Operand& o) {
  if (o.kind != OperandKind::Mem) return 0;
  return (o.mem.base >= 0 ? bit(o.mem.base) : 0) | (o.mem.index >= 0 ? bit(o.mem.index) : 0);
}

// An operand read as a value: its register, or its address's registers.
RegSet value_reads(const Operand& o) { return o.kind == OperandKind::Reg ? bit(o.reg.gpr) : address_regs(o); }

// A destination written: a memory one reads its address's registers; a
// register written as 32 or 64 bits is killed (a 32-bit write clears the
// upper half), a narrower one is merged into what it held, so read.
void write_dst(const Operand& o, RegEffect& e) {
  if (o.kind == OperandKind::Mem) {
    e.reads |= address_regs(o);
  } else if (o.kind == OperandKind::Reg) {
    if (o.reg.high8 || o.reg.size < 4) e.reads |= bit(o.reg.gpr);
    else e.kills |= bit(o.reg.gpr);
  }
}

RegSet all_operands(const Instr& in) {
  RegSet s = 0;
  for (uint8_t i = 0; i < in.operand_count; ++i) s |= value_reads(in.operands[i]);
  return s;
}

}  // namespace

RegEffect reg_effect(const Instr& in) {
  RegEffect e;
  const RegSet rsp = bit(RSP);
  switch (in.op) {
    case Op::Mov: case Op::Movzx: case Op::Movsx:
      e.reads = value_reads(in.operands[0]);
      write_dst(in.operands[1], e);
      break;
    case Op::Lea:
      e.reads = address_regs(in.operands[0]);
      write_dst(in.operands[1], e);
      break;
    // set_result_flags replaces every arithmetic flag.
    case Op::Add: case Op::Or: case Op::And: case Op::Sub: case Op::Xor: case Op::Cmp: case Op::Test:
    case Op::Neg: case Op::Xadd:
      e.reads = all_operands(in);
      e.kills = kFlagsBit;
      break;
    case Op::Cmpxchg:
      e.reads = all_operands(in) | bit(RAX);
      e.kills = kFlagsBit;
      break;
    // Flags read: carried in (adc, sbb), kept in part (inc/dec keep CF;
    // a shift by 0 keeps all; mul, div and bt keep some), or tested.
    case Op::Adc: case Op::Sbb: case Op::Inc: case Op::Dec:
    case Op::Shl: case Op::Shr: case Op::Sar: case Op::Rol: case Op::Ror:
    case Op::Bt: case Op::Bts: case Op::Btr: case Op::Btc:
    case Op::Cmovcc:
      e.reads = all_operands(in) | kFlagsBit;
      break;
    case Op::Imul1: case Op::Imul2: case Op::Imul3: case Op::Mul: case Op::Div: case Op::Idiv:
      e.reads = all_operands(in) | bit(RAX) | bit(RDX) | kFlagsBit;
      break;
    case Op::Cmpxchg8b: case Op::Cmpxchg16b:
      e.reads = all_operands(in) | bit(RAX) | bit(RDX) | bit(RBX) | bit(RCX) | kFlagsBit;
      break;
    case Op::Not: case Op::Xchg:
      e.reads = all_operands(in);
      break;
    case Op::Setcc:
      e.reads = kFlagsBit;
      write_dst(in.operands[0], e);
      break;
    case Op::Jcc: case Op::Clc: case Op::Stc: case Op::Cmc:
      e.reads = kFlagsBit;
      break;
    case Op::Jmp:
      e.reads = in.indirect ? value_reads(in.operands[0]) : 0;
      break;
    case Op::Call:
      // A service's arguments (kernel/kernel.h): %rdi, %rsi, %edx.
      e.reads = in.service != Service::None ? bit(RDI) | bit(RSI) | bit(RDX)
                                            : rsp | (in.indirect ? value_reads(in.operands[0]) : 0);
      break;
    case Op::Ret:
      e.reads = rsp;
      break;
    case Op::Push:
      e.reads = rsp | value_reads(in.operands[0]);
      break;
    case Op::Pop:
      e.reads = rsp;
      write_dst(in.operands[0], e);
      break;
    case Op::Pushf:
      e.reads = rsp | kFlagsBit;
      break;
    case Op::Popf:
      e.reads = rsp;
      e.kills = kFlagsBit;
      break;
    case Op::Leave:
      e.reads = rsp | bit(RBP);
      break;
    case Op::Cbw: case Op::Cwde: case Op::Cdqe:
      e.reads = bit(RAX);
      break;
    case Op::Cwd:
      e.reads = bit(RAX) | bit(RDX);  // writes %dx only
      break;
    case Op::Cdq: case Op::Cqo:
      e.reads = bit(RAX);
      e.kills = bit(RDX);
      break;
    case Op::Nop: case Op::Pause: case Op::Mfence: case Op::Lfence: case Op::Sfence: case Op::Hlt:
      break;
  }
  return e;
}

Liveness::Liveness(const Program& program, const std::vector<uint32_t>& entries,
                   const std::vector<std::pair<uint32_t, uint32_t>>& restart, RegSet at_exit) {
  const auto& code = program.code;
  const auto n = static_cast<uint32_t>(code.size());
  live_.assign(n, 0);
  returns_to_.assign(n, {});
  leaves_.assign(n, false);
  std::vector<uint32_t> functions = entries;
  for (uint32_t i = 0; i < n; ++i) {
    const Instr& in = code[i];
    if ((in.op == Op::Jmp || in.op == Op::Call) && in.indirect) {
      all_live_ = true;  // a jump anywhere: no successor is known
      live_.assign(n, kAllRegs);
      return;
    }
    if (in.op == Op::Call && in.service == Service::None) functions.push_back(in.target);
  }
  std::sort(functions.begin(), functions.end());
  functions.erase(std::unique(functions.begin(), functions.end()), functions.end());
  // Each function's rets, from the code its entry reaches without entering calls.
  for (uint32_t f : functions) {
    std::vector<bool> seen(n, false);
    std::vector<uint32_t> todo{f};
    std::vector<uint32_t> sites;
    for (uint32_t i = 0; i < n; ++i)
      if (code[i].op == Op::Call && code[i].service == Service::None && code[i].target == f && i + 1 < n)
        sites.push_back(i + 1);
    const bool entry = std::find(entries.begin(), entries.end(), f) != entries.end();
    while (!todo.empty()) {
      const uint32_t i = todo.back();
      todo.pop_back();
      if (i >= n || seen[i]) continue;
      seen[i] = true;
      const Instr& in = code[i];
      if (in.op == Op::Ret || in.op == Op::Hlt) {
        returns_to_[i].insert(returns_to_[i].end(), sites.begin(), sites.end());
        leaves_[i] = leaves_[i] || entry || in.op == Op::Hlt;
        continue;
      }
      if (in.op == Op::Jcc || in.op == Op::Jmp) todo.push_back(in.target);
      if (in.op != Op::Jmp) todo.push_back(i + 1);
    }
  }
  for (auto& r : returns_to_) {
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
  }
  std::vector<RegEffect> effect(n);
  for (uint32_t i = 0; i < n; ++i) effect[i] = reg_effect(code[i]);
  auto at = [&](uint32_t pc) { return pc < n ? live_[pc] : at_exit; };
  auto after = [&](uint32_t i) -> RegSet {
    const Instr& in = code[i];
    switch (in.op) {
      case Op::Jcc: return at(i + 1) | at(in.target);
      case Op::Jmp: return at(in.target);
      case Op::Call: return in.service != Service::None ? at(i + 1) : at(in.target);
      case Op::Ret: case Op::Hlt: {
        RegSet v = leaves_[i] ? at_exit : 0;
        for (uint32_t site : returns_to_[i]) v |= live_[site];
        return v;
      }
      default: return at(i + 1);
    }
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t i = n; i-- > 0;) {
      RegSet v = effect[i].reads | (after(i) & ~effect[i].kills);
      // Preempted here, the thread resumes at the range's start.
      for (const auto& [start, end] : restart)
        if (i >= start && i < end) v |= live_[start];
      if ((v & ~live_[i]) != 0) {
        live_[i] |= v;
        changed = true;
      }
    }
  }
}

bool Liveness::may_return_to(uint32_t ret, uint32_t pc) const {
  if (all_live_) return true;
  if (ret >= returns_to_.size()) return false;
  return std::binary_search(returns_to_[ret].begin(), returns_to_[ret].end(), pc);
}

}  // namespace locksim::cpu
