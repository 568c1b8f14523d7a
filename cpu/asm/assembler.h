// GNU as (AT&T syntax) front end: source files -> linked Program.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cpu/program.h"

namespace locksim::cpu {

// Limits on a program (errors name them): each of .text, .data and .bss,
// and the number of instructions.
inline constexpr uint64_t kMaxSectionBytes = 64ull << 20;
inline constexpr size_t kMaxInstructions = 1'000'000;

struct SourceFile {
  std::string name;  // as shown in error messages and reports
  std::string text;
};

// Assembles and links the files as one non-PIE executable. Labels are local
// to their file unless declared .globl. Throws InputError (file:line:col).
Program assemble(const std::vector<SourceFile>& sources);

// Reads the files from disk, then assembles them.
Program assemble_files(const std::vector<std::string>& paths);

// Index into program.code of a .text symbol; throws InputError naming the
// symbol when it is unknown or not code.
uint32_t find_entry(const Program& program, const std::string& symbol);

}  // namespace locksim::cpu
