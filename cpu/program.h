// An assembled, linked program: instructions, memory image and symbols.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cpu/instr.h"

namespace locksim::cpu {

enum class SectionKind : uint8_t { Text, Data, Bss };

// One loaded section. Instructions occupy one byte each of the text image so
// that every instruction has a distinct code address; the byte values of
// instruction slots are meaningless.
struct Section {
  SectionKind kind = SectionKind::Text;
  uint64_t base = 0;
  std::vector<uint8_t> bytes;
  uint64_t end() const { return base + bytes.size(); }
};

struct Symbol {
  std::string name;
  uint64_t address = 0;
  SectionKind section = SectionKind::Text;
  bool is_label = true;  // false for .equ/.set constants
  SourceLocation location;
};

struct Program {
  // Non-PIE executable layout (like GNU ld's default), so 32-bit absolute
  // addressing of data works as it does natively.
  static constexpr uint64_t kTextBase = 0x401000;

  std::vector<std::string> files;
  std::vector<std::vector<std::string>> source_lines;  // per file, for reports
  std::vector<Instr> code;
  Section text{SectionKind::Text, 0, {}}, data{SectionKind::Data, 0, {}}, bss{SectionKind::Bss, 0, {}};
  // Global (.globl) and file-local labels; file-local ones are keyed by
  // "name" when unique across files, which is what reports and entry lookup use.
  std::map<std::string, Symbol> symbols;
  // Labels in .data and .bss in address order (what `exec` dumps).
  std::vector<Symbol> data_labels;

  // Index into `code` of the instruction at `address`, or -1.
  int64_t code_index(uint64_t address) const {
    if (address < text.base || address >= text.end()) return -1;
    return code_index_by_offset[address - text.base];
  }
  // The instruction's source text, trimmed, for reports.
  std::string source_text(const Instr& instr) const {
    const auto& lines = source_lines[instr.location.file];
    if (instr.location.line == 0 || instr.location.line > lines.size()) return "";
    std::string t = lines[instr.location.line - 1];
    auto hash = t.find('#');
    if (hash != std::string::npos) t = t.substr(0, hash);
    auto colon = t.find(':');  // drop a leading label
    if (colon != std::string::npos && t.find_first_of(" \t") > colon) t = t.substr(colon + 1);
    auto b = t.find_first_not_of(" \t"), e = t.find_last_not_of(" \t");
    return b == std::string::npos ? "" : t.substr(b, e - b + 1);
  }
  // A data address as reports show it: "label", "label+off" within 64 bytes
  // of the nearest label below it, else hex.
  std::string location_name(uint64_t address) const;
  // "file:line" of an instruction, for reports.
  std::string where(const Instr& instr) const {
    return files[instr.location.file] + ":" + std::to_string(instr.location.line);
  }

  std::vector<int64_t> code_index_by_offset;
};

}  // namespace locksim::cpu
