// Fuzzes `locksim plot`'s stats.json reader and script writer (sim/report/plot.cpp):
// bad input is InputError, and no input text may become gnuplot syntax.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cpu/asm/input_error.h"
#include "sim/report/plot.h"

namespace {

// True when every byte outside single-quoted strings is harmless: text the
// input controls must sit inside '...' (where '' is a quote and a newline
// would end the string early), so outside them there may be no backquote
// (command substitution), `system`, `@` (macro) or `"` (a string that
// gnuplot would interpret).
bool input_is_quoted(const std::string& script) {
  for (size_t i = 0; i < script.size(); ++i) {
    const char c = script[i];
    if (c == '\'') {
      for (++i;; ++i) {
        if (i >= script.size() || script[i] == '\n') return false;  // unterminated
        if (script[i] != '\'') continue;
        if (i + 1 < script.size() && script[i + 1] == '\'') {
          ++i;  // '' inside a string
          continue;
        }
        break;
      }
      continue;
    }
    if (c == '`' || c == '@' || c == '"') return false;
    if (script.compare(i, 6, "system") == 0) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string script;
  try {
    script = locksim::stall_plot_script("fuzz/stats.json", text);
  } catch (const locksim::InputError&) {
    return 0;
  }
  if (!input_is_quoted(script)) __builtin_trap();
  return 0;
}
