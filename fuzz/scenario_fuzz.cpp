// Fuzzes scenario YAML (sim/input/scenario.cpp) and what run/explore do with a
// scenario before simulating: assemble its program, find each thread's entry.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "cpu/asm/assembler.h"
#include "cpu/asm/input_error.h"
#include "sim/check/condition.h"
#include "sim/input/scenario.h"

namespace fs = std::filesystem;

namespace {

// A scratch copy of the shipped program files, laid out as the seed
// scenarios name them (sb.s, timing.s, ../locks/linux_ticket.s), so that
// the fuzzer can reach past "program file not found".
fs::path scenario_dir;

void remove_scratch() {
  std::error_code ec;
  fs::remove_all(scenario_dir.parent_path(), ec);
}

void make_scratch() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/locksim-scenario-fuzz-XXXXXX";
  if (!mkdtemp(pattern.data())) std::abort();
  const fs::path root = pattern;
  scenario_dir = root / "scenarios";
  fs::create_directories(scenario_dir);
  fs::create_directories(root / "locks");
  const fs::path src = LOCKSIM_SOURCE_DIR;
  auto copy_s = [](const fs::path& from, const fs::path& to) {
    for (const auto& e : fs::directory_iterator(from))
      if (e.path().extension() == ".s") fs::copy_file(e.path(), to / e.path().filename(), fs::copy_options::overwrite_existing);
  };
  copy_s(src / "scenarios", scenario_dir);
  copy_s(src / "tests" / "timed", scenario_dir);
  copy_s(src / "locks", root / "locks");
  std::atexit(remove_scratch);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  make_scratch();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  using namespace locksim;
  try {
    Scenario s = parse_scenario((scenario_dir / "fuzz.yaml").string(), text, {});
    cpu::Program program = cpu::assemble_files(s.program);
    for (uint32_t i = 0; i < s.threads.size(); ++i) {
      (void)thread_entry(s, program, i);
      (void)initial_state(s.threads[i], i);
    }
    if (s.check) {
      const Quantifier q = s.check->quantifier == "forall"       ? Quantifier::Forall
                           : s.check->quantifier == "not_exists" ? Quantifier::NotExists
                                                                 : Quantifier::Exists;
      (void)parse_condition(q, s.check->condition, s.file, s.check->line, s.check->column);
    }
  } catch (const InputError&) {
  }
  return 0;
}
