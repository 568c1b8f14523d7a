// herd7 litmus tests in the X86 (Intel) and X86_64 (AT&T) dialects: parse,
// translate to the assembler's AT&T form, explore every x86-TSO execution,
// and report herd7's result block.
#pragma once

#include <cstdint>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace locksim {

struct LitmusResult {
  std::string name;
  std::string quantifier;  // exists, ~exists, forall
  std::string condition;   // the proposition as printed
  std::set<std::string> states;  // "0:EAX=0; 1:EAX=1;" over the condition's registers and locations
  uint64_t positive = 0, negative = 0;  // final states (not executions) where P holds / does not
  bool ok = false;
  std::string observation;  // Always, Sometimes, Never
  uint64_t explored_states = 0;
  bool complete = true;
  double seconds = 0;
};

// Throws InputError (file:line:col) for malformed or unsupported input.
LitmusResult run_litmus(const std::string& path, uint64_t max_states);
// The same for a test's text; `name` stands for its file in messages.
LitmusResult run_litmus_text(const std::string& name, const std::string& text, uint64_t max_states);

// herd7's block for one test (with a Time line).
void print_herd_block(const LitmusResult& r, std::ostream& out);

}  // namespace locksim
