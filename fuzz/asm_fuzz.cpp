// Fuzzes the assembler (cpu/asm/assembler.cpp): lexer, expressions, directives,
// mnemonics and the linker must reject any text with InputError, never crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cpu/asm/assembler.h"
#include "cpu/asm/input_error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  using namespace locksim;
  try {
    cpu::Program program = cpu::assemble({cpu::SourceFile{"fuzz.s", text}});
    // What every command does with a program next: look up entries, and
    // name instructions and data in reports.
    for (const auto& [name, symbol] : program.symbols) {
      try {
        (void)cpu::find_entry(program, name);
      } catch (const InputError&) {
      }
    }
    for (const auto& instr : program.code) {
      (void)program.source_text(instr);
      (void)program.where(instr);
      (void)program.code_index(instr.address);
    }
    for (const auto& label : program.data_labels) (void)program.location_name(label.address);
  } catch (const InputError&) {
  }
  return 0;
}
