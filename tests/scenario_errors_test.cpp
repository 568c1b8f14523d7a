// Bad machine configs and scenarios: exit 2, file:line:col and what was
// expected, nothing on stdout, no stats written. Positions counted by hand.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "tests/cli_runner.h"

namespace locksim {
namespace {

using testing::run_locksim;
using testing::write_temp;

// A valid program the scenarios below can point at.
const std::string kProgram = write_temp("ok.s", ".text\n.globl t0\nt0: ret\n");

struct BadScenario {
  const char* name;
  std::string yaml;
  std::vector<std::string> extra_args;
  std::string expected;  // "<file>" stands for the scenario's path
};

void PrintTo(const BadScenario& c, std::ostream* os) { *os << c.name; }

const std::string kThreads = "program: ok.s\nthreads:\n  - entry: t0\n";

std::vector<BadScenario> cases() {
  return {
      {"unknown_config_key", "machine:\n  cores: 2\n  l1:\n    wayz: 4\n" + kThreads, {},
       "<file>:4:5: error: unknown key 'l1.wayz' (expected one of: sets, ways, line_size, hit_latency)"},
      {"config_wrong_type", "machine:\n  cores: many\n" + kThreads, {},
       "<file>:2:10: error: expected an integer for 'cores', found 'many'"},
      {"config_zero_ways", "machine:\n  l1: {ways: 0}\n" + kThreads, {},
       "<file>:2:14: error: 'l1.ways' must be between 1 and 64, found 0"},
      {"config_line_not_power_of_two", "machine:\n  l1:\n    line_size: 48\n" + kThreads, {},
       "<file>:3:16: error: 'l1.line_size' must be a power of two, found 48"},
      {"config_duplicate_key", "machine:\n  cores: 2\n  cores: 4\n" + kThreads, {},
       "<file>:3:3: error: duplicate key 'cores'"},
      {"config_bad_lock_mode", "machine:\n  interconnect: {lock_mode: sometimes}\n" + kThreads, {},
       "<file>:2:29: error: expected cache_lock or bus_lock for 'interconnect.lock_mode', found 'sometimes'"},
      {"config_unknown_interconnect", "machine:\n  interconnect:\n    impl: ring\n" + kThreads, {},
       "<file>:3:11: error: unknown interconnect 'ring' (available: snoop_bus)"},
      {"config_sockets_do_not_divide", "machine:\n  cores: 3\n  topology: {sockets: 2}\n" + kThreads, {},
       "<file>: error: cores (3) must divide evenly among topology.sockets (2)"},
      {"unknown_machine", "machine: pentium-9000\n" + kThreads, {},
       "<file>:1:10: error: machine 'pentium-9000' not found (shipped configs:"},
      {"unknown_scenario_key", "machin: skylake-8\n" + kThreads, {},
       "<file>:1:1: error: unknown key 'machin' in the scenario (expected one of:"},
      {"duplicate_scenario_key", "seed: 1\nseed: 2\n" + kThreads, {}, "<file>:2:1: error: duplicate key 'seed'"},
      {"thread_without_entry", "program: ok.s\nthreads:\n  - regs: {rdi: 1}\n", {},
       "<file>:3:5: error: thread needs an 'entry' symbol"},
      {"unknown_entry_symbol", "program: ok.s\nthreads:\n  - entry: nowhere\n", {},
       "<file>:3:12: error: thread 0: unknown entry symbol 'nowhere' (code labels: t0)"},
      {"too_many_threads", "machine:\n  cores: 1\nprogram: ok.s\nthreads:\n  - entry: t0\n  - entry: t0\n", {},
       "<file>:5:3: error: 2 threads but machine 'unnamed' has 1 cores"},
      {"program_not_found", "program: missing.s\nthreads:\n  - entry: t0\n", {},
       "<file>:1:10: error: program file '"},
      {"no_program", "threads:\n  - entry: t0\n", {}, "<file>:1:1: error: scenario needs a 'program'"},
      {"no_threads", "program: ok.s\n", {}, "<file>:1:1: error: scenario needs 'threads'"},
      {"bad_register_name", "program: ok.s\nthreads:\n  - entry: t0\n    regs: {rzz: 1}\n", {},
       "<file>:4:12: error: unknown key 'rzz' in regs"},
      {"bad_register_value", "program: ok.s\nthreads:\n  - entry: t0\n    regs: {rdi: lots}\n", {},
       "<file>:4:17: error: expected a 64-bit number for 'rdi', found 'lots'"},
      {"yaml_syntax", "program: ok.s\nthreads: [\n", {}, "<file>:3:1: error:"},
      {"bad_check_quantifier", kThreads + "check:\n  maybe: \"x=1\"\n", {},
       "<file>:5:3: error: unknown key 'maybe' in check (expected one of: exists, forall, not_exists)"},
      {"zero_max_cycles", "max_cycles: 0\n" + kThreads, {},
       "<file>:1:13: error: expected a whole number from 1 to 1000000000000 for 'max_cycles', found '0'"},
      // Counts are range-checked before conversion: -1 and -5 used to wrap.
      {"negative_seed", "seed: -1\n" + kThreads, {},
       "<file>:1:7: error: expected a whole number from 0 to 18446744073709551615 for 'seed', found '-1'"},
      {"negative_max_cycles", "max_cycles: -5\n" + kThreads, {},
       "<file>:1:13: error: expected a whole number from 1 to 1000000000000 for 'max_cycles', found '-5'"},
      {"seed_over_64_bits", "seed: 18446744073709551616\n" + kThreads, {},
       "<file>:1:7: error: expected a whole number from 0 to 18446744073709551615 for 'seed', found"},
      {"jitter_over_limit", "jitter: 1000001\n" + kThreads, {},
       "<file>:1:9: error: expected a whole number from 0 to 1000000 for 'jitter', found '1000001'"},
      {"register_over_64_bits", "program: ok.s\nthreads:\n  - entry: t0\n    regs: {rdi: 0x10000000000000000}\n", {},
       "<file>:4:17: error: expected a 64-bit number for 'rdi'"},
      {"config_not_a_number", "machine:\n  clock_ghz: nan\n" + kThreads, {},
       "<file>:2:14: error: expected a finite number for 'clock_ghz', found 'nan'"},
      {"config_negative_into_unsigned", "machine:\n  cores: -1\n" + kThreads, {},
       "<file>:2:10: error: 'cores' must be between 1 and 64, found -1"},
      {"config_l1_too_large", "machine:\n  l1: {sets: 1048576, ways: 64}\n" + kThreads, {},
       "<file>: error: l1.sets x l1.ways (67108864 lines) exceeds the limit of 65536 lines per L1"},
      // Found by fuzzing: a machine name longer than a file name may be made
      // std::filesystem throw "File name too long".
      {"machine_name_too_long", "machine: " + std::string(300, 'm') + "\n" + kThreads, {},
       "<file>:1:10: error: machine '" + std::string(300, 'm') + "' not found"},
      {"program_name_too_long", "program: " + std::string(300, 'p') + ".s\nthreads:\n  - entry: t0\n", {},
       "<file>:1:10: error: program file '"},
      {"config_huge_integer", "machine:\n  watchdog_cycles: 99999999999999999999\n" + kThreads, {},
       "<file>:2:20: error: expected an integer for 'watchdog_cycles'"},
      // yaml-cpp throws its own conversion error for a key that is a list.
      {"key_is_a_list", "? [a, b]\n: 1\n" + kThreads, {},
       "<file>:1:3: error: expected a plain key (a name), found a mapping or list"},
      {"config_key_is_a_mapping", "machine:\n  ? {a: 1}\n  : 2\n" + kThreads, {},
       "<file>:2:5: error: expected a plain key (a name), found a mapping or list"},
      {"description_is_a_list", "description: [a]\n" + kThreads, {},
       "<file>:1:14: error: expected a single value for 'description'"},
      // yaml-cpp stops at its own nesting limit (2000) instead of
      // overflowing the stack: a parse error at the offending bracket.
      {"yaml_nested_too_deep", "description: " + std::string(20000, '[') + std::string(20000, ']') + "\n", {}, "<file>:1:"},
      {"override_unknown_key", "overrides:\n  core: {warp_speed: 9}\n" + kThreads, {},
       "<file>:2:10: error: override '"},
      {"set_unknown_key", kThreads, {"--set", "core.warp=1"}, "error: --set 'core.warp=1': unknown parameter 'core.warp'"},
      {"set_bad_value", kThreads, {"--set", "cores=0"}, "error: --set: 'cores' must be between 1 and 64, found 0"},
      {"set_no_equals", kThreads, {"--set", "cores"}, "expected KEY=VALUE"},
      {"bad_machine_flag", kThreads, {"--machine", "nonesuch"}, "error: machine 'nonesuch' not found"},
      {"jitter_out_of_range", kThreads, {"--jitter", "-4"}, "--jitter"},
      {"seed_not_a_number", kThreads, {"--seed", "x"}, "--seed"},
      // CLI11 alone turned -1 into 2^64-1 and clamped 10^20.
      {"seed_negative_flag", kThreads, {"--seed", "-1"},
       "--seed: expected a whole number from 0 to 18446744073709551615, found '-1'"},
      {"seed_over_64_bits_flag", kThreads, {"--seed", "100000000000000000000"},
       "--seed: expected a whole number from 0 to 18446744073709551615, found '100000000000000000000'"},
      {"vcd_unwritable", kThreads, {"--vcd", "/nonexistent/dir/trace.vcd"},
       "error: --vcd: cannot write '/nonexistent/dir/trace.vcd'"},
  };
}

class ScenarioErrors : public ::testing::TestWithParam<BadScenario> {};

TEST_P(ScenarioErrors, ExitTwoWithPosition) {
  const auto& c = GetParam();
  std::string path = write_temp(std::string(c.name) + ".yaml", c.yaml);
  auto out = std::filesystem::temp_directory_path() / ("locksim-bad-out-" + std::string(c.name));
  std::vector<std::string> args = {"run", path, "--out", out.string()};
  args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());
  auto r = run_locksim(args);
  std::string expected = c.expected;
  if (auto at = expected.find("<file>"); at != std::string::npos) expected.replace(at, 6, path);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(expected), std::string::npos) << "expected: " << expected << "\nstderr: " << r.err;
  EXPECT_FALSE(std::filesystem::exists(out / "stats.json"));
}

INSTANTIATE_TEST_SUITE_P(Cases, ScenarioErrors, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ScenarioFiles, MissingScenario) {
  auto r = run_locksim({"run", "no/such.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("error: cannot read scenario 'no/such.yaml': No such file or directory"), std::string::npos)
      << r.err;
}

// Paths that are not regular files are refused before they are read: a
// directory, a FIFO (reading it would wait for a writer forever), a device
// that never ends, and a file whose read fails with EIO.
TEST(ScenarioFiles, NotARegularFile) {
  auto r = run_locksim({"run", "/tmp"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("error: cannot read scenario '/tmp': it is a directory"), std::string::npos) << r.err;
  const auto fifo = std::filesystem::temp_directory_path() / ("locksim-fifo-" + std::to_string(getpid()));
  std::filesystem::remove(fifo);
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  r = run_locksim({"run", fifo.string()});
  std::filesystem::remove(fifo);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("error: cannot read scenario '" + fifo.string() + "': not a regular file"), std::string::npos)
      << r.err;
  r = run_locksim({"explore", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("error: cannot read scenario '/dev/zero': not a regular file"), std::string::npos) << r.err;
}

TEST(ScenarioFiles, ReadErrorIsBadInput) {
  // /proc/self/mem is a regular file whose read at offset 0 fails (EIO):
  // this used to escape as an uncaught std::ios_base::failure.
  auto r = run_locksim({"run", "/proc/self/mem"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("error: cannot read scenario '/proc/self/mem': Input/output error"), std::string::npos) << r.err;
}

TEST(ScenarioFiles, BadConfigFileNamesItsOwnPosition) {
  std::string cfg = write_temp("bad-machine.yaml", "name: bad\ncores: 2\nl1:\n  sets: 3\n");
  std::string scen = write_temp("uses-bad-machine.yaml", "machine: bad-machine.yaml\n" + kThreads);
  auto r = run_locksim({"run", scen});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(cfg + ":4:9: error: 'l1.sets' must be a power of two, found 3"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace locksim
