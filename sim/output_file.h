// Output files are written whole or not at all: a reader (or a script
// polling the directory) never sees a half-written file.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "cpu/input_error.h"

namespace locksim {

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  auto tmp = path;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << text;
    if (!f) throw InputError("cannot write '" + path.string() + "'");
  }
  std::filesystem::rename(tmp, path);
}

// Fails early, before a long run, when `path` cannot be written.
inline void require_writable(const std::filesystem::path& path, const std::string& option) {
  auto tmp = path;
  tmp += ".tmp";
  bool ok = static_cast<bool>(std::ofstream(tmp));
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
  if (!ok) throw InputError(option + ": cannot write '" + path.string() + "'");
}

}  // namespace locksim
