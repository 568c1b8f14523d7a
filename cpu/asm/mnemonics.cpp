#include "cpu/asm/mnemonics.h"

#include <array>
#include <utility>

#include "cpu/asm/input_error.h"

namespace locksim::cpu {
namespace {

struct CondSpelling {
  std::string_view name;
  Cond cond;
};
constexpr std::array<CondSpelling, 30> kConds = {{
    {"o", Cond::O},   {"no", Cond::NO},  {"b", Cond::B},    {"c", Cond::B},    {"nae", Cond::B},
    {"ae", Cond::AE}, {"nb", Cond::AE},  {"nc", Cond::AE},  {"e", Cond::E},    {"z", Cond::E},
    {"ne", Cond::NE}, {"nz", Cond::NE},  {"be", Cond::BE},  {"na", Cond::BE},  {"a", Cond::A},
    {"nbe", Cond::A}, {"s", Cond::S},    {"ns", Cond::NS},  {"p", Cond::P},    {"pe", Cond::P},
    {"np", Cond::NP}, {"po", Cond::NP},  {"l", Cond::L},    {"nge", Cond::L},  {"ge", Cond::GE},
    {"nl", Cond::GE}, {"le", Cond::LE},  {"ng", Cond::LE},  {"g", Cond::G},    {"nle", Cond::G},
}};

std::optional<Cond> parse_cond(std::string_view s) {
  for (const auto& c : kConds)
    if (c.name == s) return c.cond;
  return std::nullopt;
}

uint8_t suffix_size(char c) {
  switch (c) {
    case 'b': return 1;
    case 'w': return 2;
    case 'l': return 4;
    case 'q': return 8;
    default: return 0;
  }
}

// Mnemonics that take a b/w/l/q size suffix.
constexpr std::array<std::pair<std::string_view, Op>, 36> kSuffixed = {{
    {"mov", Op::Mov},     {"add", Op::Add},     {"or", Op::Or},       {"adc", Op::Adc},
    {"sbb", Op::Sbb},     {"and", Op::And},     {"sub", Op::Sub},     {"xor", Op::Xor},
    {"cmp", Op::Cmp},     {"test", Op::Test},   {"inc", Op::Inc},     {"dec", Op::Dec},
    {"neg", Op::Neg},     {"not", Op::Not},     {"shl", Op::Shl},     {"sal", Op::Shl},
    {"shr", Op::Shr},     {"sar", Op::Sar},     {"rol", Op::Rol},     {"ror", Op::Ror},
    {"imul", Op::Imul2},  {"mul", Op::Mul},     {"div", Op::Div},     {"idiv", Op::Idiv},
    {"bt", Op::Bt},       {"bts", Op::Bts},     {"btr", Op::Btr},     {"btc", Op::Btc},
    {"xchg", Op::Xchg},   {"xadd", Op::Xadd},   {"cmpxchg", Op::Cmpxchg}, {"lea", Op::Lea},
    {"push", Op::Push},   {"pop", Op::Pop},     {"nop", Op::Nop},     {"movabs", Op::Mov},
}};

// Mnemonics spelled exactly one way (aliases included).
constexpr std::array<std::pair<std::string_view, Op>, 38> kExact = {{
    {"movzx", Op::Movzx},   {"movsx", Op::Movsx},   {"cmpxchg8b", Op::Cmpxchg8b},
    {"cmpxchg16b", Op::Cmpxchg16b}, {"cbtw", Op::Cbw}, {"cbw", Op::Cbw}, {"cwtl", Op::Cwde},
    {"cwde", Op::Cwde},     {"cltq", Op::Cdqe},     {"cdqe", Op::Cdqe}, {"cwtd", Op::Cwd},
    {"cwd", Op::Cwd},       {"cltd", Op::Cdq},      {"cdq", Op::Cdq},   {"cqto", Op::Cqo},
    {"cqo", Op::Cqo},       {"pushf", Op::Pushf},   {"pushfq", Op::Pushf}, {"popf", Op::Popf},
    {"popfq", Op::Popf},    {"leave", Op::Leave},   {"leaveq", Op::Leave}, {"ret", Op::Ret},
    {"retq", Op::Ret},      {"jmp", Op::Jmp},       {"jmpq", Op::Jmp},  {"call", Op::Call},
    {"callq", Op::Call},    {"pause", Op::Pause},   {"mfence", Op::Mfence}, {"lfence", Op::Lfence},
    {"sfence", Op::Sfence}, {"clc", Op::Clc},       {"stc", Op::Stc},   {"cmc", Op::Cmc},
    {"hlt", Op::Hlt},
    // CET's branch-target marker (every -fcf-protection kernel build): a
    // nop on CPUs without CET, and locksim models none.
    {"endbr64", Op::Nop},   {"endbr32", Op::Nop},
}};

bool is_lockable(Op op) {
  switch (op) {
    case Op::Add: case Op::Adc: case Op::And: case Op::Btc: case Op::Btr: case Op::Bts:
    case Op::Cmpxchg: case Op::Cmpxchg8b: case Op::Cmpxchg16b: case Op::Dec: case Op::Inc:
    case Op::Neg: case Op::Not: case Op::Or: case Op::Sbb: case Op::Sub: case Op::Xor:
    case Op::Xadd: case Op::Xchg:
      return true;
    default:
      return false;
  }
}

bool default_64bit(Op op) {
  return op == Op::Push || op == Op::Pop || op == Op::Jmp || op == Op::Call;
}

// Encoding needs a REX prefix: r8-r15, spl/bpl/sil/dil, or 64-bit operand size.
bool needs_rex(RegRef r) { return r.gpr >= 8 || (r.size == 1 && !r.high8 && r.gpr >= 4); }

class OperandChecker {
 public:
  OperandChecker(const std::string& file, const Token& mnem, const Mnemonic& m,
                 const std::vector<ParsedOperand>& ops, Instr& out)
      : file_(file), mnem_(mnem), m_(m), ops_(ops), out_(out) {}

  void run(bool lock) {
    out_.op = m_.op;
    out_.cond = m_.cond;
    out_.src_size = m_.src_size;
    check_form();
    out_.operand_count = static_cast<uint8_t>(ops_.size());
    for (size_t i = 0; i < ops_.size(); ++i) {
      out_.operands[i].kind = ops_[i].kind;
      out_.operands[i].reg = ops_[i].reg;
      out_.operands[i].mem = ops_[i].mem;
    }
    if (out_.op == Op::Imul2 && ops_.size() == 2 && ops_[0].kind == OperandKind::Imm) {
      // "imul $k, %reg" is the three-operand form with the register twice.
      out_.op = Op::Imul3;
      out_.operands[2] = out_.operands[1];
      out_.operand_count = 3;
    }
    check_rex();
    if (lock) {
      if (!is_lockable(out_.op))
        fail(mnem_, "the lock prefix is not allowed on '" + mnem_.text + "'");
      if (out_.dst().kind != OperandKind::Mem)
        fail(mnem_, "the lock prefix needs a memory destination on '" + mnem_.text + "'");
      out_.lock = true;
    }
    if (out_.op == Op::Xchg && (ops_[0].kind == OperandKind::Mem || ops_[1].kind == OperandKind::Mem))
      out_.lock = true;  // xchg with memory is always locked on x86
  }

 private:
  [[noreturn]] void fail(const Token& t, const std::string& msg) const {
    throw InputError(file_, t.line, t.column, msg);
  }
  const Token& at(size_t i) const { return ops_[i].at; }
  bool reg(size_t i) const { return ops_[i].kind == OperandKind::Reg; }
  bool mem(size_t i) const { return ops_[i].kind == OperandKind::Mem && !ops_[i].indirect; }
  bool imm(size_t i) const { return ops_[i].kind == OperandKind::Imm; }
  bool rm(size_t i) const { return reg(i) || mem(i); }

  void arity(size_t lo, size_t hi) const {
    if (ops_.size() < lo || ops_.size() > hi) {
      std::string want = lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi);
      fail(mnem_, "'" + mnem_.text + "' takes " + want + " operand" + (hi == 1 ? "" : "s") + ", found " +
                      std::to_string(ops_.size()));
    }
    for (size_t i = 0; i < ops_.size(); ++i) {
      if (ops_[i].indirect && out_.op != Op::Jmp && out_.op != Op::Call)
        fail(at(i), "'*' (indirect operand) is only allowed on jmp and call");
    }
  }
  [[noreturn]] void bad_combination() const {
    std::string forms;
    for (size_t i = 0; i < ops_.size(); ++i) {
      if (i) forms += ", ";
      forms += imm(i) ? "immediate" : reg(i) ? "register" : "memory";
    }
    fail(mnem_, "invalid operand combination for '" + mnem_.text + "' (" + forms + ")");
  }

  // Operand size: the suffix if given, else the size of the register operands
  // listed in `regs`, which must agree with each other and with the suffix.
  uint8_t size_from(std::initializer_list<size_t> regs) const {
    uint8_t size = m_.size;
    for (size_t i : regs) {
      if (i >= ops_.size() || !reg(i)) continue;
      uint8_t rs = ops_[i].reg.size;
      if (size != 0 && rs != size) {
        if (m_.size != 0)
          fail(at(i), "register '%" + std::string(register_name(ops_[i].reg)) + "' does not match the '" +
                          std::string(1, mnem_.text.back()) + "' size suffix of '" + mnem_.text + "'");
        fail(at(i), "operand size mismatch: '%" + std::string(register_name(ops_[i].reg)) +
                        "' is " + std::to_string(rs * 8) + "-bit, expected " + std::to_string(size * 8) + "-bit");
      }
      size = rs;
    }
    if (size == 0)
      fail(mnem_, "operand size of '" + mnem_.text + "' is ambiguous; add a b/w/l/q suffix");
    return size;
  }

  void min_size(uint8_t min) const {
    if (out_.size < min) fail(mnem_, "'" + mnem_.text + "' has no " + std::to_string(out_.size * 8) + "-bit form");
  }

  void check_form() {
    switch (m_.op) {
      case Op::Mov:
        arity(2, 2);
        if (!rm(1) || (mem(0) && mem(1))) bad_combination();
        out_.size = size_from({0, 1});
        break;
      case Op::Add: case Op::Or: case Op::Adc: case Op::Sbb: case Op::And: case Op::Sub:
      case Op::Xor: case Op::Cmp:
        arity(2, 2);
        if (!rm(1) || (mem(0) && mem(1))) bad_combination();
        out_.size = size_from({0, 1});
        break;
      case Op::Test:
        arity(2, 2);
        if (!rm(1) || (mem(0) && mem(1))) bad_combination();
        out_.size = size_from({0, 1});
        break;
      case Op::Inc: case Op::Dec: case Op::Neg: case Op::Not: case Op::Mul: case Op::Div: case Op::Idiv:
        arity(1, 1);
        if (!rm(0)) bad_combination();
        out_.size = size_from({0});
        break;
      case Op::Imul2:
        arity(1, 3);
        if (ops_.size() == 1) {
          if (!rm(0)) bad_combination();
          out_.op = Op::Imul1;
          out_.size = size_from({0});
        } else if (ops_.size() == 2) {
          if (!reg(1) || !(rm(0) || imm(0))) bad_combination();
          out_.size = size_from({0, 1});
          min_size(2);
        } else {
          if (!imm(0) || !rm(1) || !reg(2)) bad_combination();
          out_.op = Op::Imul3;
          out_.size = size_from({1, 2});
          min_size(2);
        }
        break;
      case Op::Shl: case Op::Shr: case Op::Sar: case Op::Rol: case Op::Ror:
        arity(1, 2);
        if (ops_.size() == 1) {
          if (!rm(0)) bad_combination();
          out_.size = size_from({0});
        } else {
          if (!rm(1)) bad_combination();
          if (reg(0) && !(ops_[0].reg.gpr == RCX && ops_[0].reg.size == 1 && !ops_[0].reg.high8))
            fail(at(0), "shift count must be an immediate or %cl");
          if (!imm(0) && !reg(0)) bad_combination();
          out_.size = size_from({1});
        }
        break;
      case Op::Lea:
        arity(2, 2);
        if (!mem(0) || !reg(1)) bad_combination();
        out_.size = size_from({1});
        min_size(2);
        break;
      case Op::Movzx: case Op::Movsx: {
        arity(2, 2);
        if (!rm(0) || !reg(1)) bad_combination();
        uint8_t src = m_.src_size;
        if (reg(0)) {
          if (src != 0 && ops_[0].reg.size != src)
            fail(at(0), "source register '%" + std::string(register_name(ops_[0].reg)) + "' does not match '" +
                            mnem_.text + "'");
          src = ops_[0].reg.size;
        }
        if (src == 0) fail(mnem_, "source size of '" + mnem_.text + "' is ambiguous; use movzb*/movzw*/movsb*/movsw*");
        uint8_t dst = m_.size != 0 ? m_.size : ops_[1].reg.size;
        if (ops_[1].reg.size != dst)
          fail(at(1), "destination register '%" + std::string(register_name(ops_[1].reg)) + "' does not match '" +
                          mnem_.text + "'");
        bool ok = src < dst && (src <= 2 || (src == 4 && m_.op == Op::Movsx && dst == 8));
        if (!ok) fail(mnem_, "'" + mnem_.text + "' cannot extend " + std::to_string(src * 8) + "-bit to " +
                                 std::to_string(dst * 8) + "-bit");
        out_.src_size = src;
        out_.size = dst;
        break;
      }
      case Op::Xchg:
        arity(2, 2);
        if (!rm(0) || !rm(1) || (mem(0) && mem(1))) bad_combination();
        out_.size = size_from({0, 1});
        break;
      case Op::Xadd: case Op::Cmpxchg:
        arity(2, 2);
        if (!reg(0) || !rm(1)) bad_combination();
        out_.size = size_from({0, 1});
        break;
      case Op::Cmpxchg8b: case Op::Cmpxchg16b:
        arity(1, 1);
        if (!mem(0)) bad_combination();
        out_.size = m_.op == Op::Cmpxchg8b ? 8 : 16;
        break;
      case Op::Bt: case Op::Bts: case Op::Btr: case Op::Btc:
        arity(2, 2);
        if (!rm(1) || !(imm(0) || reg(0))) bad_combination();
        out_.size = size_from({0, 1});
        min_size(2);
        break;
      case Op::Setcc:
        arity(1, 1);
        if (!rm(0)) bad_combination();
        out_.size = mem(0) && m_.size == 0 ? 1 : size_from({0});
        if (out_.size != 1) fail(at(0), "'" + mnem_.text + "' needs an 8-bit operand");
        break;
      case Op::Cmovcc:
        arity(2, 2);
        if (!rm(0) || !reg(1)) bad_combination();
        out_.size = size_from({0, 1});
        min_size(2);
        break;
      case Op::Jcc:
        arity(1, 1);
        if (!ops_[0].bare || ops_[0].indirect) fail(at(0), "'" + mnem_.text + "' needs a label as its target");
        out_.size = 8;
        break;
      case Op::Jmp: case Op::Call:
        arity(1, 1);
        if (ops_[0].indirect) {
          if (ops_[0].kind == OperandKind::Reg && ops_[0].reg.size != 8)
            fail(at(0), "indirect '" + mnem_.text + "' needs a 64-bit register");
          if (ops_[0].kind == OperandKind::Imm) bad_combination();
        } else if (!ops_[0].bare) {
          fail(at(0), "'" + mnem_.text + "' needs a label, or '*' before a register or memory operand");
        }
        out_.indirect = ops_[0].indirect;
        out_.size = 8;
        break;
      case Op::Push: case Op::Pop:
        arity(1, 1);
        if (m_.op == Op::Pop ? !rm(0) : !(rm(0) || imm(0))) bad_combination();
        if (m_.size == 0 && mem(0)) out_.size = 8;
        else if (m_.size == 0 && imm(0)) out_.size = 8;
        else out_.size = size_from({0});
        if (out_.size != 8 && out_.size != 2)
          fail(mnem_, "'" + mnem_.text + "' has no " + std::to_string(out_.size * 8) + "-bit form in 64-bit mode");
        break;
      case Op::Nop:
        arity(0, 1);
        out_.size = 8;
        break;
      default:  // instructions without operands
        arity(0, 0);
        out_.size = 8;
        break;
    }
  }

  void check_rex() const {
    const ParsedOperand* high = nullptr;
    bool rex = out_.size == 8 && !default_64bit(out_.op) && out_.op != Op::Cmpxchg8b && out_.op != Op::Nop &&
               out_.op != Op::Lea && out_.op != Op::Jcc;
    for (const auto& o : ops_) {
      if (o.kind == OperandKind::Reg) {
        if (o.reg.high8) high = &o;
        else if (needs_rex(o.reg)) rex = true;
      } else if (o.kind == OperandKind::Mem) {
        if (o.mem.base >= 8 || o.mem.index >= 8) rex = true;
      }
    }
    if (out_.op == Op::Lea && ops_.size() == 2 && reg(1) && ops_[1].reg.size == 8) rex = true;
    if (high && rex)
      fail(high->at, "can't encode register '%" + std::string(register_name(high->reg)) +
                         "' in an instruction requiring a REX prefix");
  }

  const std::string& file_;
  const Token& mnem_;
  const Mnemonic& m_;
  const std::vector<ParsedOperand>& ops_;
  Instr& out_;
};

}  // namespace

std::optional<Mnemonic> decode_mnemonic(std::string_view name) {
  for (const auto& [spelling, op] : kExact)
    if (name == spelling) return Mnemonic{op};
  // movz/movs + source suffix + destination suffix: movzbl, movswq, movslq ...
  if (name.size() == 6 && (name.substr(0, 4) == "movz" || name.substr(0, 4) == "movs")) {
    uint8_t src = suffix_size(name[4]), dst = suffix_size(name[5]);
    if (src != 0 && dst != 0 && src < dst && src != 8)
      return Mnemonic{name[3] == 'z' ? Op::Movzx : Op::Movsx, dst, src};
  }
  if (name.size() >= 2 && name[0] == 'j')
    if (auto c = parse_cond(name.substr(1))) return Mnemonic{Op::Jcc, 0, 0, *c};
  if (name.substr(0, 3) == "set") {
    if (auto c = parse_cond(name.substr(3))) return Mnemonic{Op::Setcc, 0, 0, *c};
    if (name.back() == 'b')
      if (auto c = parse_cond(name.substr(3, name.size() - 4))) return Mnemonic{Op::Setcc, 1, 0, *c};
  }
  if (name.substr(0, 4) == "cmov") {
    std::string_view rest = name.substr(4);
    if (auto c = parse_cond(rest)) return Mnemonic{Op::Cmovcc, 0, 0, *c};
    if (!rest.empty() && suffix_size(rest.back()) > 1)
      if (auto c = parse_cond(rest.substr(0, rest.size() - 1)))
        return Mnemonic{Op::Cmovcc, suffix_size(rest.back()), 0, *c};
  }
  for (const auto& [base, op] : kSuffixed) {
    if (name == base) return Mnemonic{op};
    if (name.size() == base.size() + 1 && name.substr(0, base.size()) == base && suffix_size(name.back()))
      return Mnemonic{op, suffix_size(name.back())};
  }
  return std::nullopt;
}

void check_operands(const std::string& file, const Token& mnemonic_token, const Mnemonic& m,
                    const std::vector<ParsedOperand>& ops, bool lock, Instr& out) {
  OperandChecker(file, mnemonic_token, m, ops, out).run(lock);
}

void check_immediate(const std::string& file, const Instr& instr, const ParsedOperand& op, int64_t value) {
  int64_t lo, hi;
  std::string what = "immediate";
  switch (instr.op) {
    case Op::Shl: case Op::Shr: case Op::Sar: case Op::Rol: case Op::Ror:
      lo = 0, hi = 255, what = "shift count";
      break;
    case Op::Bt: case Op::Bts: case Op::Btr: case Op::Btc:
      lo = 0, hi = 255, what = "bit offset";
      break;
    default:
      switch (instr.size) {
        case 1: lo = -128, hi = 255; break;
        case 2: lo = -32768, hi = 65535; break;
        case 4: lo = INT32_MIN, hi = UINT32_MAX; break;
        default:
          // 64-bit operations take a sign-extended 32-bit immediate, except
          // mov to a register (movabs).
          if (instr.op == Op::Mov && instr.dst().kind == OperandKind::Reg) return;
          lo = INT32_MIN, hi = INT32_MAX;
          what = "immediate (sign-extended 32-bit)";
      }
  }
  if (value < lo || value > hi)
    throw InputError(file, op.at.line, op.at.column,
                     what + " " + std::to_string(value) + " out of range for this " +
                         std::to_string(instr.size * 8) + "-bit instruction (" + std::to_string(lo) + " to " +
                         std::to_string(hi) + ")");
}

}  // namespace locksim::cpu
