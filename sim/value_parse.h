// Parsing numbers given on the command line (decimal, 0x hex, negative).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "cpu/input_error.h"

namespace locksim {

// Accepts "42", "-1" (two's complement), "0x2a", "0b101". Throws InputError
// naming `what` for anything else.
inline uint64_t parse_u64_value(const std::string& text, const std::string& what) {
  std::string s = text;
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, s.erase(0, 2);
  else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2, s.erase(0, 2);
  if (s.empty() || s.find_first_not_of(base == 16 ? "0123456789abcdefABCDEF" : base == 2 ? "01" : "0123456789") !=
                       std::string::npos)
    throw InputError(what + ": '" + text + "' is not a number (expected decimal, 0x hex or 0b binary)");
  unsigned long long v;
  try {
    v = std::stoull(s, nullptr, base);
  } catch (const std::out_of_range&) {
    throw InputError(what + ": '" + text + "' does not fit in 64 bits");
  }
  if (negative) {
    if (v > (1ull << 63)) throw InputError(what + ": '" + text + "' does not fit in 64 bits");
    v = 0 - v;
  }
  return v;
}

}  // namespace locksim
