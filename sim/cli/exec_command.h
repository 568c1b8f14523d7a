// `locksim exec`: run one thread of an assembly file on a flat memory and
// print its final registers, flags and data words as JSON.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace locksim {

struct ExecRequest {
  std::vector<std::string> files;
  std::string entry;
  std::vector<std::string> reg_assignments;  // "rax=0x10", "rflags=0x203", "gs_base=..."
  uint64_t max_steps = 10'000'000;
};

// Exit codes: 0 when the entry routine returned (or hlt), 3 when it hit the
// step limit or faulted. Throws InputError for bad files or arguments.
int run_exec_command(const ExecRequest& request, std::ostream& out, std::ostream& err);

}  // namespace locksim
