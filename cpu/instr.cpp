#include "cpu/instr.h"

#include <array>

namespace locksim::cpu {

std::string_view op_name(Op op) {
  static constexpr std::array<std::string_view, 63> kNames = {
      "mov", "movzx", "movsx", "lea", "add", "or", "adc", "sbb", "and", "sub", "xor", "cmp", "test",
      "inc", "dec", "neg", "not", "shl", "shr", "sar", "rol", "ror", "imul", "imul", "imul", "mul",
      "div", "idiv", "bt", "bts", "btr", "btc", "xchg", "xadd", "cmpxchg", "cmpxchg8b", "cmpxchg16b",
      "setcc", "cmovcc", "jcc", "jmp", "call", "ret", "push", "pop", "pushf", "popf", "leave",
      "cbw", "cwde", "cdqe", "cwd", "cdq", "cqo", "nop", "pause", "mfence", "lfence", "sfence",
      "clc", "stc", "cmc", "hlt"};
  static_assert(static_cast<size_t>(Op::Hlt) + 1 == kNames.size());
  return kNames[static_cast<size_t>(op)];
}

std::string_view cond_name(Cond cond) {
  static constexpr std::array<std::string_view, 16> kNames = {"o", "no", "b", "ae", "e", "ne", "be", "a",
                                                              "s", "ns", "p", "np", "l", "ge", "le", "g"};
  return kNames[static_cast<size_t>(cond)];
}

}  // namespace locksim::cpu
