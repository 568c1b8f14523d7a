// Bad user input: reported as "file:line:col: error: message", exit code 2.
#pragma once

#include <stdexcept>
#include <string>

namespace locksim {

class InputError : public std::runtime_error {
 public:
  InputError(const std::string& file, unsigned line, unsigned column, const std::string& message)
      : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) +
                           ": error: " + message) {}
  // For input that has no position (a missing file, a bad command-line value).
  explicit InputError(const std::string& message) : std::runtime_error("error: " + message) {}
  // For a whole-file problem (a relation between two settings).
  InputError(const std::string& file, const std::string& message)
      : std::runtime_error(file + ": error: " + message) {}
};

}  // namespace locksim
