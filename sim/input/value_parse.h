// Parsing numbers given on the command line or in YAML: decimal, 0x hex,
// 0b binary, and a leading '-' only where a value may be negative. Every
// number is range-checked before it is converted, so nothing wraps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cpu/asm/input_error.h"

namespace locksim {

// The magnitude of "42", "0x2a", "0b101" (no sign), or nothing if the text
// is not such a number or does not fit in 64 bits.
inline std::optional<uint64_t> parse_unsigned(const std::string& text) {
  std::string s = text;
  unsigned base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, s.erase(0, 2);
  else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2, s.erase(0, 2);
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    unsigned d;
    if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
    else return std::nullopt;
    if (d >= base) return std::nullopt;
    if (v > (UINT64_MAX - d) / base) return std::nullopt;
    v = v * base + d;
  }
  return v;
}

// A signed value: an optional '-' before parse_unsigned's forms, within
// int64_t.
inline std::optional<int64_t> parse_signed(const std::string& text) {
  const bool negative = !text.empty() && text[0] == '-';
  auto v = parse_unsigned(negative ? text.substr(1) : text);
  if (!v) return std::nullopt;
  if (negative) {
    if (*v > (1ull << 63)) return std::nullopt;
    return static_cast<int64_t>(0 - *v);
  }
  if (*v > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  return static_cast<int64_t>(*v);
}

// A register or memory value: "-1" is two's complement (all ones). Throws
// InputError naming `what` for anything else.
inline uint64_t parse_u64_value(const std::string& text, const std::string& what) {
  if (auto v = parse_unsigned(text)) return *v;
  if (auto v = parse_signed(text)) return static_cast<uint64_t>(*v);
  throw InputError(what + ": '" + text + "' is not a 64-bit number (expected decimal, 0x hex or 0b binary)");
}

}  // namespace locksim
