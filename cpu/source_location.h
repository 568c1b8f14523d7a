// Where a piece of input came from, for error messages and schedule reports.
#pragma once

#include <cstdint>
#include <string>

namespace locksim::cpu {

struct SourceLocation {
  uint32_t file = 0;  // index into the owning Program's file list
  uint32_t line = 0;  // 1-based
  uint32_t column = 0;  // 1-based
};

}  // namespace locksim::cpu
