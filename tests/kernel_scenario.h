// A throwaway scenario with its program, for the kernel model's tests on
// both engines.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace locksim::testing {

// `yaml` (after its `program: p.s` line) and `program` in a folder of their own.
inline std::filesystem::path write_scenario(const std::string& name, const std::string& yaml, const std::string& program) {
  const auto dir = std::filesystem::temp_directory_path() / ("locksim-kernel-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "p.s") << program;
  std::ofstream(dir / "s.yaml") << "program: p.s\n" << yaml;
  return dir / "s.yaml";
}

}  // namespace locksim::testing
