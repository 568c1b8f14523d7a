#include "cpu/execute.h"

#include <bit>
#include <cstdio>

namespace locksim::cpu {
namespace {

constexpr uint64_t size_mask(unsigned size) { return size >= 8 ? ~uint64_t{0} : (uint64_t{1} << (size * 8)) - 1; }
constexpr uint64_t sign_bit(unsigned size) { return uint64_t{1} << (size * 8 - 1); }
constexpr int64_t sign_extend(uint64_t v, unsigned size) {
  unsigned shift = 64 - size * 8;
  return static_cast<int64_t>(v << shift) >> shift;
}

uint64_t read_reg(const CpuState& st, RegRef r) {
  uint64_t v = st.regs[r.gpr];
  if (r.high8) return (v >> 8) & 0xff;
  return v & size_mask(r.size);
}

// x86-64 register write rules: 32-bit writes zero the upper half; 8- and
// 16-bit writes leave the rest of the register alone.
void write_reg(CpuState& st, RegRef r, uint64_t v) {
  uint64_t& reg = st.regs[r.gpr];
  if (r.high8) reg = (reg & ~uint64_t{0xff00}) | ((v & 0xff) << 8);
  else if (r.size == 4) reg = v & 0xffffffff;
  else if (r.size == 8) reg = v;
  else reg = (reg & ~size_mask(r.size)) | (v & size_mask(r.size));
}

void write_gpr_sized(CpuState& st, uint8_t gpr, unsigned size, uint64_t v) { write_reg(st, RegRef{gpr, static_cast<uint8_t>(size), false}, v); }

uint64_t effective_address(const CpuState& st, const MemRef& m) {
  uint64_t a = static_cast<uint64_t>(m.disp);
  if (m.base >= 0) a += st.regs[m.base];
  if (m.index >= 0) a += st.regs[m.index] * m.scale;
  if (m.segment == Segment::Gs) a += st.gs_base;
  else if (m.segment == Segment::Fs) a += st.fs_base;
  return a;
}

bool parity_even(uint64_t v) { return (std::popcount(v & 0xff) & 1) == 0; }

// Replaces the arithmetic flags, computing ZF/SF/PF from the result.
void set_result_flags(CpuState& st, uint64_t result, unsigned size, bool cf, bool of, bool af) {
  uint64_t r = result & size_mask(size);
  uint64_t f = (cf ? flag::CF : 0) | (of ? flag::OF : 0) | (af ? flag::AF : 0) | (r == 0 ? flag::ZF : 0) |
               ((r & sign_bit(size)) ? flag::SF : 0) | (parity_even(r) ? flag::PF : 0);
  st.rflags = (st.rflags & ~flag::kArithmetic) | f;
}

void set_flag(CpuState& st, uint64_t bit, bool on) { st.rflags = on ? (st.rflags | bit) : (st.rflags & ~bit); }

// Arithmetic and logic with flags, the shared core of add/sub/cmp/adc/...
uint64_t alu(Op op, uint64_t a, uint64_t b, unsigned size, CpuState& st) {
  const uint64_t m = size_mask(size), sb = sign_bit(size);
  a &= m;
  b &= m;
  uint64_t r;
  switch (op) {
    case Op::Add: case Op::Adc: case Op::Xadd: {
      uint64_t carry_in = (op == Op::Adc && st.flag(flag::CF)) ? 1 : 0;
      r = (a + b + carry_in) & m;
      bool cf = carry_in ? r <= a : r < a;
      set_result_flags(st, r, size, cf, ((a ^ r) & (b ^ r) & sb) != 0, ((a ^ b ^ r) & 0x10) != 0);
      return r;
    }
    case Op::Sub: case Op::Sbb: case Op::Cmp: case Op::Cmpxchg: {
      uint64_t borrow_in = (op == Op::Sbb && st.flag(flag::CF)) ? 1 : 0;
      r = (a - b - borrow_in) & m;
      bool cf = a < b || (borrow_in && a == b);
      set_result_flags(st, r, size, cf, ((a ^ b) & (a ^ r) & sb) != 0, ((a ^ b ^ r) & 0x10) != 0);
      return r;
    }
    case Op::And: case Op::Test: r = a & b; break;
    case Op::Or: r = a | b; break;
    default: r = a ^ b; break;  // Xor
  }
  // Logic: CF = OF = 0; AF is undefined and reads as 0 on AMD Zen.
  set_result_flags(st, r, size, false, false, false);
  return r;
}

// Shifts and rotates; `count` is the raw count, masked here as hardware does.
uint64_t shift(Op op, uint64_t a, unsigned count, unsigned size, CpuState& st) {
  const unsigned bits = size * 8;
  const uint64_t m = size_mask(size), sb = sign_bit(size);
  a &= m;
  unsigned c = count & (size == 8 ? 0x3f : 0x1f);
  if (c == 0) return a;  // flags unchanged
  uint64_t r;
  bool cf, of;
  switch (op) {
    case Op::Shl:
      r = c >= 64 ? 0 : (a << c) & m;
      cf = c <= bits ? ((a >> (bits - c)) & 1) != 0 : false;
      of = ((r & sb) != 0) != cf;
      break;
    case Op::Shr:
      r = c >= 64 ? 0 : a >> c;
      cf = c <= bits ? ((a >> (c - 1)) & 1) != 0 : false;
      of = (a & sb) != 0;
      if (c > 1) of = false;
      break;
    case Op::Sar: {
      int64_t sa = sign_extend(a, size);
      r = static_cast<uint64_t>(sa >> (c > 63 ? 63 : c)) & m;
      cf = ((sa >> (c - 1 > 63 ? 63 : c - 1)) & 1) != 0;
      of = false;
      break;
    }
    case Op::Rol: {
      unsigned k = c % bits;
      r = k == 0 ? a : ((a << k) | (a >> (bits - k))) & m;
      cf = (r & 1) != 0;
      of = ((r & sb) != 0) != cf;
      uint64_t keep = st.rflags & ~(flag::CF | flag::OF);
      st.rflags = keep | (cf ? flag::CF : 0) | (of ? flag::OF : 0);
      return r;
    }
    default: {  // Ror
      unsigned k = c % bits;
      r = k == 0 ? a : ((a >> k) | (a << (bits - k))) & m;
      cf = (r & sb) != 0;
      of = cf != ((r & (sb >> 1)) != 0);
      uint64_t keep = st.rflags & ~(flag::CF | flag::OF);
      st.rflags = keep | (cf ? flag::CF : 0) | (of ? flag::OF : 0);
      return r;
    }
  }
  // AF is undefined for shifts; AMD Zen sets it.
  set_result_flags(st, r, size, cf, of, true);
  return r;
}

class Exec {
 public:
  Exec(const Program& p, const Instr& in, CpuState& st, MemPort& port) : p_(p), in_(in), st_(st), port_(port) {}

  StepOutcome run();

 private:
  [[noreturn]] void fault(const std::string& what) const {
    throw ExecutionFault(p_.where(in_) + ": " + what + " in '" + std::string(op_name(in_.op)) + "'");
  }

  // Out of line: the check sits on every instruction's path.
  [[noreturn, gnu::noinline, gnu::cold]] void ran_off_text() const {
    fault("execution ran past the end of .text (a routine without ret?)");
  }

  uint64_t ea(const Operand& o) const { return effective_address(st_, o.mem); }

  uint64_t read(const Operand& o, unsigned size) {
    switch (o.kind) {
      case OperandKind::Reg: return read_reg(st_, o.reg);
      case OperandKind::Imm: return static_cast<uint64_t>(o.imm) & size_mask(size);
      default: return port_.load(ea(o), size);
    }
  }
  void write(const Operand& o, unsigned size, uint64_t v) {
    if (o.kind == OperandKind::Reg) write_reg(st_, o.reg, v);
    else port_.store(ea(o), size, v & size_mask(size));
  }

  void push(unsigned size, uint64_t v) {
    st_.regs[RSP] -= size;
    port_.store(st_.regs[RSP], size, v & size_mask(size));
  }
  uint64_t pop(unsigned size) {
    uint64_t v = port_.load(st_.regs[RSP], size);
    st_.regs[RSP] += size;
    return v;
  }

  StepOutcome jump_to(uint64_t address) {
    if (address == kHostReturnAddress) return StepOutcome::Returned;
    int64_t index = p_.code_index(address);
    if (index < 0) {
      char buf[32];
      snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(address));
      fault(std::string("control transfer to ") + buf + ", which holds no instruction");
    }
    st_.pc = static_cast<uint32_t>(index);
    return StepOutcome::Continue;
  }

  // Read-modify-write of the destination, atomically when LOCK'd.
  template <class F>
  void rmw(const Operand& dst, unsigned size, F&& f) {
    if (dst.kind == OperandKind::Reg) {
      uint64_t r = f(read_reg(st_, dst.reg));
      write_reg(st_, dst.reg, r);
      return;
    }
    uint64_t addr = ea(dst);
    if (in_.lock) port_.lock_begin(addr, size);
    uint64_t r = f(port_.load(addr, size));
    port_.store(addr, size, r & size_mask(size));
    if (in_.lock) port_.lock_end();
  }

  // CF = OF = "the product did not fit"; SF/ZF/AF/PF are undefined and AMD
  // Zen leaves them unchanged.
  void set_multiply_flags(bool overflow) {
    st_.rflags = (st_.rflags & ~(flag::CF | flag::OF)) | (overflow ? flag::CF | flag::OF : 0);
  }
  void multiply();
  void divide();
  void bit_test();
  void exchange();
  void compare_exchange();
  void compare_exchange_double();

  const Program& p_;
  const Instr& in_;
  CpuState& st_;
  MemPort& port_;
};

void Exec::multiply() {
  const unsigned size = in_.size;
  const Operand& src = in_.operands[0];
  if (in_.op == Op::Imul2 || in_.op == Op::Imul3) {
    // imul src, dst  and  imul $k, src, dst: both multiply operands 1 and 0.
    __int128 a = sign_extend(read(in_.operands[1], size), size);
    __int128 b = sign_extend(read(src, size), size);
    __int128 prod = a * b;
    uint64_t r = static_cast<uint64_t>(prod) & size_mask(size);
    bool overflow = prod != sign_extend(r, size);
    write(in_.dst(), size, r);
    set_multiply_flags(overflow);
    return;
  }
  uint64_t a = read_reg(st_, RegRef{RAX, static_cast<uint8_t>(size), false});
  uint64_t b = read(src, size);
  unsigned __int128 prod;
  bool overflow;
  if (in_.op == Op::Mul) {
    prod = static_cast<unsigned __int128>(a) * b;
    overflow = (prod >> (size * 8)) != 0;
  } else {
    __int128 sp = static_cast<__int128>(sign_extend(a, size)) * sign_extend(b, size);
    prod = static_cast<unsigned __int128>(sp);
    overflow = sp != sign_extend(static_cast<uint64_t>(sp) & size_mask(size), size);
  }
  uint64_t lo = static_cast<uint64_t>(prod) & size_mask(size);
  uint64_t hi = static_cast<uint64_t>(prod >> (size * 8)) & size_mask(size);
  if (size == 1) {
    write_gpr_sized(st_, RAX, 2, (hi << 8) | lo);
  } else {
    write_gpr_sized(st_, RAX, size, lo);
    write_gpr_sized(st_, RDX, size, hi);
  }
  set_multiply_flags(overflow);
}

void Exec::divide() {
  const unsigned size = in_.size;
  uint64_t divisor = read(in_.operands[0], size);
  if (divisor == 0) fault("divide error (#DE: division by zero)");
  unsigned __int128 dividend;
  if (size == 1) dividend = read_reg(st_, RegRef{RAX, 2, false});
  else
    dividend = (static_cast<unsigned __int128>(read_reg(st_, RegRef{RDX, static_cast<uint8_t>(size), false})) << (size * 8)) |
               read_reg(st_, RegRef{RAX, static_cast<uint8_t>(size), false});
  uint64_t q, r;
  if (in_.op == Op::Div) {
    unsigned __int128 quot = dividend / divisor;
    if (quot > size_mask(size)) fault("divide error (#DE: quotient too large)");
    q = static_cast<uint64_t>(quot);
    r = static_cast<uint64_t>(dividend % divisor);
  } else {
    unsigned bits = size * 16;
    __int128 sd = bits == 128 ? static_cast<__int128>(dividend)
                              : static_cast<__int128>(dividend << (128 - bits)) >> (128 - bits);
    __int128 sv = sign_extend(divisor, size);
    __int128 limit = static_cast<__int128>(1) << (size * 8 - 1);
    if (bits == 128 && static_cast<unsigned __int128>(sd) == (static_cast<unsigned __int128>(1) << 127) && sv == -1) fault("divide error (#DE: quotient too large)");
    __int128 quot = sd / sv;
    if (quot >= limit || quot < -limit) fault("divide error (#DE: quotient too large)");
    q = static_cast<uint64_t>(quot) & size_mask(size);
    r = static_cast<uint64_t>(sd % sv) & size_mask(size);
  }
  if (size == 1) {
    write_gpr_sized(st_, RAX, 2, (r << 8) | q);
  } else {
    write_gpr_sized(st_, RAX, size, q);
    write_gpr_sized(st_, RDX, size, r);
  }
  // Every flag is undefined after a divide; AMD Zen keeps CF and OF, sets AF
  // and clears SF, ZF and PF.
  st_.rflags = (st_.rflags & ~flag::kArithmetic) | (st_.rflags & (flag::CF | flag::OF)) | flag::AF;
}

void Exec::bit_test() {
  const unsigned size = in_.size, bits = size * 8;
  const Operand& src = in_.operands[0];
  Operand dst = in_.operands[1];
  uint64_t bit;
  if (src.kind == OperandKind::Imm) {
    bit = static_cast<uint64_t>(src.imm) & (bits - 1);
  } else if (dst.kind == OperandKind::Reg) {
    bit = read_reg(st_, src.reg) & (bits - 1);
  } else {
    // A register bit offset reaches beyond the addressed word: it is a signed
    // index into the bit string starting at the operand.
    int64_t offset = sign_extend(read_reg(st_, src.reg), size);
    int64_t word = offset >> std::countr_zero(bits);
    dst.mem.disp += word * static_cast<int64_t>(size);
    bit = static_cast<uint64_t>(offset) & (bits - 1);
  }
  bool old_bit = false;
  auto op = in_.op;
  auto apply = [&](uint64_t v) {
    old_bit = ((v >> bit) & 1) != 0;
    if (op == Op::Bts) return v | (uint64_t{1} << bit);
    if (op == Op::Btr) return v & ~(uint64_t{1} << bit);
    return v ^ (uint64_t{1} << bit);
  };
  if (op == Op::Bt) old_bit = ((read(dst, size) >> bit) & 1) != 0;
  else rmw(dst, size, apply);
  set_flag(st_, flag::CF, old_bit);
}

void Exec::exchange() {
  const unsigned size = in_.size;
  const Operand& a = in_.operands[0];
  const Operand& b = in_.operands[1];
  if (a.kind == OperandKind::Reg && b.kind == OperandKind::Reg) {
    uint64_t va = read_reg(st_, a.reg), vb = read_reg(st_, b.reg);
    write_reg(st_, a.reg, vb);
    write_reg(st_, b.reg, va);
    return;
  }
  const Operand& reg = a.kind == OperandKind::Reg ? a : b;
  const Operand& mem = a.kind == OperandKind::Reg ? b : a;
  uint64_t v = read_reg(st_, reg.reg);
  uint64_t old = 0;
  rmw(mem, size, [&](uint64_t m) { old = m; return v; });
  write_reg(st_, reg.reg, old);
}

void Exec::compare_exchange() {
  const unsigned size = in_.size;
  const Operand& src = in_.operands[0];
  const Operand& dst = in_.operands[1];
  RegRef acc{RAX, static_cast<uint8_t>(size), false};
  uint64_t expected = read_reg(st_, acc);
  uint64_t replacement = read_reg(st_, src.reg);
  if (dst.kind == OperandKind::Reg) {
    // A failed compare leaves a register destination untouched (no 32-bit
    // zero-extension), as AMD hardware does.
    uint64_t d = read_reg(st_, dst.reg);
    alu(Op::Cmp, expected, d, size, st_);
    if (st_.flag(flag::ZF)) write_reg(st_, dst.reg, replacement);
    else write_reg(st_, acc, d);
    return;
  }
  uint64_t seen = 0;
  // Memory is always written (with its old value on failure), so a memory
  // cmpxchg always needs the line exclusively.
  rmw(dst, size, [&](uint64_t d) {
    seen = d;
    alu(Op::Cmp, expected, d, size, st_);
    return st_.flag(flag::ZF) ? replacement : d;
  });
  if (!st_.flag(flag::ZF)) write_reg(st_, acc, seen);
}

void Exec::compare_exchange_double() {
  const Operand& dst = in_.operands[0];
  uint64_t addr = ea(dst);
  if (in_.op == Op::Cmpxchg8b) {
    uint64_t expected = (st_.regs[RDX] << 32) | (st_.regs[RAX] & 0xffffffff);
    uint64_t replacement = (st_.regs[RCX] << 32) | (st_.regs[RBX] & 0xffffffff);
    uint64_t seen = 0;
    rmw(dst, 8, [&](uint64_t m) { seen = m; return m == expected ? replacement : m; });
    set_flag(st_, flag::ZF, seen == expected);
    if (seen != expected) {
      write_gpr_sized(st_, RAX, 4, seen & 0xffffffff);
      write_gpr_sized(st_, RDX, 4, seen >> 32);
    }
    return;
  }
  if (addr % 16 != 0) fault("general protection fault (#GP: cmpxchg16b operand not 16-byte aligned)");
  if (in_.lock) port_.lock_begin(addr, 16);
  uint64_t lo = port_.load(addr, 8), hi = port_.load(addr + 8, 8);
  bool equal = lo == st_.regs[RAX] && hi == st_.regs[RDX];
  port_.store(addr, 8, equal ? st_.regs[RBX] : lo);
  port_.store(addr + 8, 8, equal ? st_.regs[RCX] : hi);
  if (in_.lock) port_.lock_end();
  set_flag(st_, flag::ZF, equal);
  if (!equal) {
    st_.regs[RAX] = lo;
    st_.regs[RDX] = hi;
  }
}

StepOutcome Exec::run() {
  const unsigned size = in_.size;
  uint32_t next = st_.pc + 1;
  switch (in_.op) {
    case Op::Mov:
      write(in_.operands[1], size, read(in_.operands[0], size));
      break;
    case Op::Movzx:
      write(in_.operands[1], size, read(in_.operands[0], in_.src_size));
      break;
    case Op::Movsx:
      write(in_.operands[1], size, static_cast<uint64_t>(sign_extend(read(in_.operands[0], in_.src_size), in_.src_size)));
      break;
    case Op::Lea: {
      MemRef m = in_.operands[0].mem;
      m.segment = Segment::None;  // lea computes the offset only
      write_reg(st_, in_.operands[1].reg, effective_address(st_, m));
      break;
    }
    case Op::Add: case Op::Or: case Op::Adc: case Op::Sbb: case Op::And: case Op::Sub: case Op::Xor: {
      uint64_t b = read(in_.operands[0], size);
      rmw(in_.operands[1], size, [&](uint64_t a) { return alu(in_.op, a, b, size, st_); });
      break;
    }
    case Op::Cmp: case Op::Test:
      alu(in_.op, read(in_.operands[1], size), read(in_.operands[0], size), size, st_);
      break;
    case Op::Inc: case Op::Dec: {
      bool cf = st_.flag(flag::CF);  // inc/dec leave CF alone
      rmw(in_.operands[0], size, [&](uint64_t a) { return alu(in_.op == Op::Inc ? Op::Add : Op::Sub, a, 1, size, st_); });
      set_flag(st_, flag::CF, cf);
      break;
    }
    case Op::Neg:
      // 0 - a: CF comes out as a != 0, as neg defines it.
      rmw(in_.operands[0], size, [&](uint64_t a) { return alu(Op::Sub, 0, a, size, st_); });
      break;
    case Op::Not:
      rmw(in_.operands[0], size, [&](uint64_t a) { return ~a; });
      break;
    case Op::Shl: case Op::Shr: case Op::Sar: case Op::Rol: case Op::Ror: {
      unsigned count = in_.operand_count == 1 ? 1 : static_cast<unsigned>(read(in_.operands[0], 1));
      rmw(in_.dst(), size, [&](uint64_t a) { return shift(in_.op, a, count, size, st_); });
      break;
    }
    case Op::Imul1: case Op::Imul2: case Op::Imul3: case Op::Mul:
      multiply();
      break;
    case Op::Div: case Op::Idiv:
      divide();
      break;
    case Op::Bt: case Op::Bts: case Op::Btr: case Op::Btc:
      bit_test();
      break;
    case Op::Xchg:
      exchange();
      break;
    case Op::Xadd: {
      RegRef src = in_.operands[0].reg;
      uint64_t b = read_reg(st_, src), old = 0;
      rmw(in_.operands[1], size, [&](uint64_t a) { old = a; return alu(Op::Add, a, b, size, st_); });
      if (in_.operands[1].kind == OperandKind::Reg) {
        // TEMP = SRC + DEST; SRC = DEST; DEST = TEMP: the destination wins
        // when both name the same register.
        uint64_t sum = read_reg(st_, in_.operands[1].reg);
        write_reg(st_, src, old);
        write_reg(st_, in_.operands[1].reg, sum);
      } else {
        write_reg(st_, src, old);
      }
      break;
    }
    case Op::Cmpxchg:
      compare_exchange();
      break;
    case Op::Cmpxchg8b: case Op::Cmpxchg16b:
      compare_exchange_double();
      break;
    case Op::Setcc:
      write(in_.operands[0], 1, condition_holds(in_.cond, st_.rflags) ? 1 : 0);
      break;
    case Op::Cmovcc: {
      uint64_t v = read(in_.operands[0], size);  // the source is read even when not moved
      const RegRef dst = in_.operands[1].reg;
      if (condition_holds(in_.cond, st_.rflags)) write_reg(st_, dst, v);
      else if (size == 4) write_reg(st_, dst, read_reg(st_, dst));  // 32-bit cmov always zero-extends
      break;
    }
    case Op::Jcc:
      if (condition_holds(in_.cond, st_.rflags)) next = in_.target;
      break;
    case Op::Jmp:
      if (!in_.indirect) {
        next = in_.target;
        break;
      }
      return jump_to(read(in_.operands[0], 8));
    case Op::Call: {
      if (in_.service != Service::None) return StepOutcome::Service;  // the engine's kernel runs it
      uint64_t target = in_.indirect ? read(in_.operands[0], 8) : p_.code[in_.target].address;
      push(8, in_.address + 1);
      return jump_to(target);
    }
    case Op::Ret:
      return jump_to(pop(8));
    case Op::Push: {
      uint64_t v = read(in_.operands[0], size);  // `push %rsp` pushes the old value
      push(size, v);
      break;
    }
    case Op::Pop: {
      uint64_t v = pop(size);  // a %rsp-based destination sees the incremented %rsp
      write(in_.operands[0], size, v);
      break;
    }
    case Op::Pushf:
      push(8, st_.rflags);
      break;
    case Op::Popf:
      st_.rflags = (pop(8) & (flag::kArithmetic | flag::DF)) | flag::kFixed;
      break;
    case Op::Leave:
      st_.regs[RSP] = st_.regs[RBP];
      st_.regs[RBP] = pop(8);
      break;
    case Op::Cbw: write_gpr_sized(st_, RAX, 2, static_cast<uint64_t>(sign_extend(st_.regs[RAX], 1))); break;
    case Op::Cwde: write_gpr_sized(st_, RAX, 4, static_cast<uint64_t>(sign_extend(st_.regs[RAX], 2))); break;
    case Op::Cdqe: st_.regs[RAX] = static_cast<uint64_t>(sign_extend(st_.regs[RAX], 4)); break;
    case Op::Cwd: write_gpr_sized(st_, RDX, 2, (st_.regs[RAX] & 0x8000) ? 0xffff : 0); break;
    case Op::Cdq: write_gpr_sized(st_, RDX, 4, (st_.regs[RAX] & 0x80000000) ? 0xffffffff : 0); break;
    case Op::Cqo: st_.regs[RDX] = (st_.regs[RAX] >> 63) ? ~uint64_t{0} : 0; break;
    case Op::Nop: break;
    case Op::Pause: port_.barrier(Barrier::Pause); break;
    case Op::Mfence: port_.barrier(Barrier::Mfence); break;
    case Op::Lfence: port_.barrier(Barrier::Lfence); break;
    case Op::Sfence: port_.barrier(Barrier::Sfence); break;
    case Op::Clc: set_flag(st_, flag::CF, false); break;
    case Op::Stc: set_flag(st_, flag::CF, true); break;
    case Op::Cmc: set_flag(st_, flag::CF, !st_.flag(flag::CF)); break;
    case Op::Hlt: st_.pc = next; return StepOutcome::Halted;
  }
  // Falling through the last instruction of .text: the next fetch finds no
  // code, a fault reported at the instruction that fell through.
  if (next >= p_.code.size()) [[unlikely]]
    ran_off_text();
  st_.pc = next;
  return StepOutcome::Continue;
}

}  // namespace

bool condition_holds(Cond cond, uint64_t f) {
  bool cf = f & flag::CF, zf = f & flag::ZF, sf = f & flag::SF, of = f & flag::OF, pf = f & flag::PF;
  switch (cond) {
    case Cond::O: return of;
    case Cond::NO: return !of;
    case Cond::B: return cf;
    case Cond::AE: return !cf;
    case Cond::E: return zf;
    case Cond::NE: return !zf;
    case Cond::BE: return cf || zf;
    case Cond::A: return !cf && !zf;
    case Cond::S: return sf;
    case Cond::NS: return !sf;
    case Cond::P: return pf;
    case Cond::NP: return !pf;
    case Cond::L: return sf != of;
    case Cond::GE: return sf == of;
    case Cond::LE: return zf || sf != of;
    case Cond::G: return !zf && sf == of;
  }
  return false;
}

StepOutcome execute(const Program& program, const Instr& instr, CpuState& state, MemPort& port) {
  return Exec(program, instr, state, port).run();
}

MemoryFault located(const Program& program, const Instr& instr, const MemoryFault& fault) {
  return MemoryFault(program.where(instr) + ": " + fault.what());
}

}  // namespace locksim::cpu
