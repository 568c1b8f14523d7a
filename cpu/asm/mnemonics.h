// Mnemonic spelling (suffixes, condition codes, aliases) and the operand
// forms each instruction accepts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cpu/asm/asm_operand.h"
#include "cpu/instr.h"

namespace locksim::cpu {

struct Mnemonic {
  Op op;
  uint8_t size = 0;      // from an explicit b/w/l/q suffix, else 0
  uint8_t src_size = 0;  // movz*/movs* source size
  Cond cond = Cond::O;
};

std::optional<Mnemonic> decode_mnemonic(std::string_view name);

// Checks the operand combination and sizes of `m` applied to `ops`, and fills
// the size/operand fields of `out`. `lock` is an explicit LOCK prefix.
// Throws InputError at the offending token.
void check_operands(const std::string& file, const Token& mnemonic_token, const Mnemonic& m,
                    const std::vector<ParsedOperand>& ops, bool lock, Instr& out);

// Checks that an immediate fits the instruction; called once its value is known.
void check_immediate(const std::string& file, const Instr& instr, const ParsedOperand& op, int64_t value);

}  // namespace locksim::cpu
