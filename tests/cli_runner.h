// Runs the locksim binary as a user would and captures what it prints.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace locksim::testing {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string shell_quote(const std::string& s) {
  std::string q(1, '\'');
  for (char c : s) {
    if (c == '\'') q.append("'\\''");
    else q.push_back(c);
  }
  q.push_back('\'');
  return q;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// `args` excludes the program name. Runs from the source tree root so that
// relative paths in the tests read like the README's.
inline CliResult run_program(const std::string& program, const std::vector<std::string>& args) {
  static int counter = 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("locksim-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  std::string cmd = "cd " + shell_quote(LOCKSIM_SOURCE_DIR) + " && " + shell_quote(program);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " >" + shell_quote((dir / "out").string()) + " 2>" + shell_quote((dir / "err").string()) + " </dev/null";
  int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_text(dir / "out");
  r.err = read_text(dir / "err");
  std::filesystem::remove_all(dir);
  return r;
}

inline CliResult run_locksim(const std::vector<std::string>& args) { return run_program(LOCKSIM_BINARY, args); }

// Writes `text` to a fresh temporary file named `name` and returns its path.
inline std::string write_temp(const std::string& name, const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() / ("locksim-input-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace locksim::testing
