// JSON inputs (a run's stats.json for `plot`, its schedule.json for
// `explore --replay`): nlohmann's parse errors become InputError at the
// file:line:col where the text goes wrong.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "cpu/asm/input_error.h"

namespace locksim {

inline nlohmann::json parse_json(const std::string& path, const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::out_of_range& e) {
    // A number too large for a double (1e400): nlohmann reports it so.
    const std::string what = e.what();
    throw InputError(path, "invalid JSON: " + what.substr(what.find("] ") + 2));
  } catch (const nlohmann::json::parse_error& e) {
    unsigned line = 1, column = 1;
    for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') line++, column = 1;
      else ++column;
    }
    const std::string what = e.what();
    throw InputError(path, line, column, "invalid JSON: " + what.substr(what.find(": ") + 2));
  }
}

}  // namespace locksim
