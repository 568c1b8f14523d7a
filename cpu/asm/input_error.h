// Bad user input: reported as "file:line:col: error: message", exit code 2.
// The parts are kept as fields so that a caller that adds context (which
// thread, which litmus line) never has to take the message text apart.
#pragma once

#include <stdexcept>
#include <string>

namespace locksim {

class InputError : public std::runtime_error {
 public:
  InputError(const std::string& file, unsigned line, unsigned column, const std::string& message)
      : std::runtime_error(format(file, line, column, message)), file_(file), line_(line), column_(column),
        message_(message) {}
  // For input that has no position (a missing file, a bad command-line value).
  explicit InputError(const std::string& message) : std::runtime_error(format("", 0, 0, message)), message_(message) {}
  // For a whole-file problem (a relation between two settings).
  InputError(const std::string& file, const std::string& message)
      : std::runtime_error(format(file, 0, 0, message)), file_(file), message_(message) {}

  const std::string& file() const { return file_; }  // empty: no file
  unsigned line() const { return line_; }            // 0: no position
  unsigned column() const { return column_; }
  const std::string& message() const { return message_; }  // without "file:line:col: error: "

 private:
  static std::string format(const std::string& file, unsigned line, unsigned column, const std::string& message) {
    std::string where = file;
    if (!file.empty() && line > 0) where += ":" + std::to_string(line) + ":" + std::to_string(column);
    return (where.empty() ? "" : where + ": ") + "error: " + message;
  }

  std::string file_;
  unsigned line_ = 0, column_ = 0;
  std::string message_;
};

}  // namespace locksim
