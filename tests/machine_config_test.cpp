// Machine configs (sim/input/machine_config.h) in process: the shipped
// configs by name, --set overrides, and the errors for bad values. Expected
// figures for the shipped configs are copied from configs/*.yaml (or are the
// MachineConfig defaults where a file leaves a key out); error positions are
// counted by hand from the YAML text (line and column 1-based, a value's
// column being that of its first character).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <source_location>
#include <sstream>
#include <string>
#include <vector>

#include "cpu/asm/input_error.h"
#include "sim/input/machine_config.h"
#include "sim/input/yaml_input.h"

namespace locksim {
namespace {

namespace fs = std::filesystem;

const std::string kConfigs = std::string(LOCKSIM_SOURCE_DIR) + "/configs";

// Files written by a test live in one directory per run, removed at the end.
const fs::path& temp_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("locksim_machine_config_test_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

class RemoveTempDir : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(temp_dir(), ec);
  }
};
[[maybe_unused]] ::testing::Environment* const kRemoveTempDir = ::testing::AddGlobalTestEnvironment(new RemoveTempDir);

std::string write_config(const std::string& name, const std::string& text) {
  const fs::path p = temp_dir() / name;
  std::ofstream(p) << text;
  return p.string();
}

// The InputError load_machine_config throws for a config file holding `text`.
InputError load_error(const std::string& name, const std::string& text, std::string* path_out = nullptr) {
  const std::string path = write_config(name, text);
  if (path_out) *path_out = path;
  try {
    (void)load_machine_config(path, kConfigs);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return InputError("none");
}

// Checks that a config file `name` holding `yaml` is rejected with `message`
// at `line` and `column` of that file (0 and 0: a whole-file check). A
// failure names the file, its text and the line of the call.
void expect_config_error(const std::string& name, const std::string& yaml, unsigned line, unsigned column,
                         const std::string& message, std::source_location where = std::source_location::current()) {
  const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), name + ":\n" + yaml);
  std::string path;
  const InputError e = load_error(name, yaml, &path);
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), line);
  EXPECT_EQ(e.column(), column);
  EXPECT_EQ(e.message(), message);
}

InputError override_error(MachineConfig& c, const std::string& assignment) {
  try {
    apply_config_override(c, assignment, "--set");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << assignment;
  return InputError("none");
}

// Checks that --set `assignment` is rejected with `message`; returns the error.
InputError expect_override_error(MachineConfig& c, const std::string& assignment, const std::string& message,
                                 std::source_location where = std::source_location::current()) {
  const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), "--set " + assignment);
  const InputError e = override_error(c, assignment);
  EXPECT_EQ(e.message(), message);
  return e;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// ------------------------------------------------------- shipped configs

// The memory figures configs/skylake-8.yaml, two-socket-16.yaml and sc.yaml
// each set, alike (the latter two are skylake-8 variants): l1 sets 64,
// ways 8, line_size 64, hit_latency 4; llc_latency 42; memory_latency 195.
void expect_skylake_memory(const MachineConfig& c, std::source_location where = std::source_location::current()) {
  const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()), "memory figures of " + c.name);
  EXPECT_EQ(c.l1_sets, 64u);
  EXPECT_EQ(c.l1_ways, 8u);
  EXPECT_EQ(c.l1_line_size, 64u);
  EXPECT_EQ(c.l1_hit_latency, 4u);
  EXPECT_EQ(c.llc_latency, 42u);
  EXPECT_EQ(c.memory_latency, 195u);
}

TEST(ShippedConfigs, DefaultDirectoryIsTheSourceTreesConfigs) {
  EXPECT_TRUE(fs::equivalent(default_configs_dir(), kConfigs)) << default_configs_dir();
}

TEST(ShippedConfigs, Skylake8) {
  // configs/skylake-8.yaml sets every key but spin_fast_forward and
  // watchdog_cycles.
  const MachineConfig c = load_machine_config("skylake-8", default_configs_dir());
  EXPECT_EQ(c.name, "skylake-8");
  EXPECT_DOUBLE_EQ(c.clock_ghz, 3.0);
  EXPECT_EQ(c.cores, 8u);
  EXPECT_EQ(c.alu_latency, 1u);
  EXPECT_EQ(c.branch_latency, 1u);
  EXPECT_EQ(c.store_forward_latency, 5u);
  EXPECT_EQ(c.locked_rmw_latency, 18u);
  EXPECT_EQ(c.mfence_latency, 33u);
  EXPECT_EQ(c.lfence_latency, 4u);
  EXPECT_EQ(c.sfence_latency, 6u);
  EXPECT_EQ(c.pause_latency, 140u);
  EXPECT_EQ(c.store_buffer_entries, 56u);
  expect_skylake_memory(c);
  EXPECT_EQ(c.interconnect, "snoop_bus");
  EXPECT_EQ(c.arbitration_latency, 2u);
  EXPECT_EQ(c.lock_mode, LockMode::CacheLock);
  EXPECT_EQ(c.sockets, 1u);
  EXPECT_EQ(c.core_link_latency, 30u);
  EXPECT_EQ(c.socket_link_latency, 120u);
  // Not in the file: the defaults.
  EXPECT_EQ(c.spin_fast_forward, 1u);
  EXPECT_EQ(c.watchdog_cycles, 1'000'000u);
}

TEST(ShippedConfigs, TwoSocket16) {
  const MachineConfig c = load_machine_config("two-socket-16", kConfigs);
  EXPECT_EQ(c.name, "two-socket-16");
  EXPECT_DOUBLE_EQ(c.clock_ghz, 3.0);
  EXPECT_EQ(c.cores, 16u);
  EXPECT_EQ(c.store_forward_latency, 5u);
  EXPECT_EQ(c.locked_rmw_latency, 18u);
  EXPECT_EQ(c.mfence_latency, 33u);
  EXPECT_EQ(c.pause_latency, 140u);
  EXPECT_EQ(c.store_buffer_entries, 56u);
  expect_skylake_memory(c);
  EXPECT_EQ(c.interconnect, "snoop_bus");
  EXPECT_EQ(c.lock_mode, LockMode::CacheLock);
  EXPECT_EQ(c.sockets, 2u);
  EXPECT_EQ(c.core_link_latency, 30u);
  EXPECT_EQ(c.socket_link_latency, 120u);
  // 16 cores over 2 sockets: 8 each, as the file's comment says.
  EXPECT_EQ(c.cores % c.sockets, 0u);
  // Left out of the file: defaults.
  EXPECT_EQ(c.alu_latency, 1u);
  EXPECT_EQ(c.lfence_latency, 4u);
  EXPECT_EQ(c.sfence_latency, 6u);
  EXPECT_EQ(c.arbitration_latency, 2u);
}

TEST(ShippedConfigs, SequentiallyConsistent) {
  const MachineConfig c = load_machine_config("sc", kConfigs);
  EXPECT_EQ(c.name, "sc");
  EXPECT_DOUBLE_EQ(c.clock_ghz, 3.0);
  EXPECT_EQ(c.cores, 8u);
  EXPECT_EQ(c.store_buffer_entries, 0u);  // the point of sc.yaml
  expect_skylake_memory(c);
  EXPECT_EQ(c.sockets, 1u);
  EXPECT_EQ(c.core_link_latency, 30u);
}

TEST(ShippedConfigs, EveryShippedConfigLoadsUnderItsOwnName) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(kConfigs)) {
    if (e.path().extension() != ".yaml") continue;
    const std::string stem = e.path().stem().string();
    names.insert(stem);
    const MachineConfig c = load_machine_config(stem, kConfigs);
    EXPECT_EQ(c.name, stem);
    // The same file by path.
    EXPECT_EQ(load_machine_config(e.path().string(), "/nonexistent").name, stem);
  }
  EXPECT_TRUE(names.count("skylake-8"));
  EXPECT_TRUE(names.count("two-socket-16"));
  EXPECT_TRUE(names.count("sc"));
}

TEST(ShippedConfigs, UnknownNameListsTheShippedOnes) {
  try {
    (void)load_machine_config("pentium-9000", kConfigs);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "");
    EXPECT_EQ(e.line(), 0u);
    const std::string& m = e.message();
    EXPECT_EQ(m.rfind("machine 'pentium-9000' not found (shipped configs: ", 0), 0u) << m;
    for (const char* n : {"skylake-8", "two-socket-16", "sc"}) EXPECT_NE(m.find(n), std::string::npos) << m;
  }
}

TEST(ConfigFile, EveryKeyIsApplied) {
  // Every parameter set to a value unlike its default (l1.sets in hex).
  const std::string path = write_config("custom.yaml",
                                        "name: custom\n"
                                        "clock_ghz: 2.5\n"
                                        "cores: 12\n"
                                        "core:\n"
                                        "  alu_latency: 2\n"
                                        "  branch_latency: 3\n"
                                        "  store_forward_latency: 7\n"
                                        "  locked_rmw_latency: 20\n"
                                        "  mfence_latency: 40\n"
                                        "  lfence_latency: 5\n"
                                        "  sfence_latency: 9\n"
                                        "  pause_latency: 100\n"
                                        "  store_buffer_entries: 32\n"
                                        "  spin_fast_forward: 0\n"
                                        "l1:\n"
                                        "  sets: 0x80\n"
                                        "  ways: 4\n"
                                        "  line_size: 32\n"
                                        "  hit_latency: 5\n"
                                        "llc_latency: 50\n"
                                        "memory_latency: 300\n"
                                        "interconnect:\n"
                                        "  impl: snoop_bus\n"
                                        "  arbitration_latency: 3\n"
                                        "  lock_mode: bus_lock\n"
                                        "topology:\n"
                                        "  sockets: 3\n"
                                        "  core_link_latency: 25\n"
                                        "  socket_link_latency: 150\n"
                                        "watchdog_cycles: 5000\n");
  const MachineConfig c = load_machine_config(path, kConfigs);
  EXPECT_EQ(c.name, "custom");
  EXPECT_DOUBLE_EQ(c.clock_ghz, 2.5);
  EXPECT_EQ(c.cores, 12u);
  EXPECT_EQ(c.alu_latency, 2u);
  EXPECT_EQ(c.branch_latency, 3u);
  EXPECT_EQ(c.store_forward_latency, 7u);
  EXPECT_EQ(c.locked_rmw_latency, 20u);
  EXPECT_EQ(c.mfence_latency, 40u);
  EXPECT_EQ(c.lfence_latency, 5u);
  EXPECT_EQ(c.sfence_latency, 9u);
  EXPECT_EQ(c.pause_latency, 100u);
  EXPECT_EQ(c.store_buffer_entries, 32u);
  EXPECT_EQ(c.spin_fast_forward, 0u);
  EXPECT_EQ(c.l1_sets, 128u);  // 0x80
  EXPECT_EQ(c.l1_ways, 4u);
  EXPECT_EQ(c.l1_line_size, 32u);
  EXPECT_EQ(c.l1_hit_latency, 5u);
  EXPECT_EQ(c.llc_latency, 50u);
  EXPECT_EQ(c.memory_latency, 300u);
  EXPECT_EQ(c.interconnect, "snoop_bus");
  EXPECT_EQ(c.arbitration_latency, 3u);
  EXPECT_EQ(c.lock_mode, LockMode::BusLock);
  EXPECT_EQ(c.sockets, 3u);
  EXPECT_EQ(c.core_link_latency, 25u);
  EXPECT_EQ(c.socket_link_latency, 150u);
  EXPECT_EQ(c.watchdog_cycles, 5000u);

  // The resolved YAML reads back as the same config.
  const std::string resolved = resolved_config_yaml(c);
  const std::string again = write_config("resolved.yaml", resolved);
  EXPECT_EQ(resolved_config_yaml(load_machine_config(again, kConfigs)), resolved);
}

// ------------------------------------------------------------- overrides

TEST(ConfigOverride, ChangesThatKeyOnly) {
  const MachineConfig base = load_machine_config("skylake-8", kConfigs);
  MachineConfig c = base;
  apply_config_override(c, "core.pause_latency=10", "--set");
  EXPECT_EQ(c.pause_latency, 10u);
  // Every other line of the resolved config is unchanged; the one that
  // differs is pause_latency's, under "core:" (two-space indent, with its
  // unit and description from the parameter table).
  const auto before = lines_of(resolved_config_yaml(base));
  const auto after = lines_of(resolved_config_yaml(c));
  ASSERT_EQ(before.size(), after.size());
  std::vector<std::string> changed;
  for (size_t i = 0; i < before.size(); ++i)
    if (before[i] != after[i]) changed.push_back(after[i]);
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0], "  pause_latency: 10  # cycles; pause");
}

TEST(ConfigOverride, EveryKindOfValue) {
  MachineConfig c = load_machine_config("skylake-8", kConfigs);
  apply_config_override(c, "clock_ghz=2.25", "--set");
  EXPECT_DOUBLE_EQ(c.clock_ghz, 2.25);
  apply_config_override(c, "interconnect.lock_mode=bus_lock", "--set");
  EXPECT_EQ(c.lock_mode, LockMode::BusLock);
  apply_config_override(c, "name=big box", "--set");
  EXPECT_EQ(c.name, "big box");
  apply_config_override(c, "watchdog_cycles=0x2000", "--set");
  EXPECT_EQ(c.watchdog_cycles, 8192u);  // 0x2000 = 2 * 16^3
  apply_config_override(c, "core.store_buffer_entries=0", "--set");
  EXPECT_EQ(c.store_buffer_entries, 0u);  // the lower bound is allowed
  apply_config_override(c, "cores=64", "--set");
  EXPECT_EQ(c.cores, 64u);  // and the upper
}

TEST(ConfigOverride, Errors) {
  MachineConfig c = load_machine_config("skylake-8", kConfigs);
  const InputError e = expect_override_error(
      c, "core.pause_latency", "--set 'core.pause_latency': expected KEY=VALUE, e.g. core.pause_latency=10");
  EXPECT_EQ(e.file(), "");
  EXPECT_EQ(e.line(), 0u);
  expect_override_error(c, "core.bogus=1", "--set 'core.bogus=1': unknown parameter 'core.bogus'");
  expect_override_error(c, "core=1", "--set 'core=1': unknown parameter 'core'");  // a group, not a parameter
  expect_override_error(c, "cores=-1", "--set: 'cores' must be between 1 and 64, found -1");
  expect_override_error(c, "cores=65", "--set: 'cores' must be between 1 and 64, found 65");
  expect_override_error(c, "cores=eight", "--set: expected an integer for 'cores', found 'eight'");
  expect_override_error(c, "clock_ghz=nan", "--set: expected a finite number for 'clock_ghz', found 'nan'");
  expect_override_error(c, "interconnect.impl=ring", "--set: unknown interconnect 'ring' (available: snoop_bus)");
  // None of them changed anything.
  EXPECT_EQ(resolved_config_yaml(c), resolved_config_yaml(load_machine_config("skylake-8", kConfigs)));
}

// ---------------------------------------------------------- file errors

TEST(ConfigErrors, UnknownNestedKey) {
  // Line 3 is "  bogus: 3": the key at column 3.
  expect_config_error("unknown.yaml", "name: t\ncore:\n  bogus: 3\n", 3, 3,
                      "unknown key 'core.bogus' (expected one of: alu_latency, branch_latency, store_forward_latency, "
                      "locked_rmw_latency, mfence_latency, lfence_latency, sfence_latency, pause_latency, "
                      "store_buffer_entries, spin_fast_forward)");
}

TEST(ConfigErrors, UnknownTopLevelKey) {
  // Line 2 "bogus: 1": column 1.
  std::string path;
  const InputError e = load_error("unknown_top.yaml", "cores: 8\nbogus: 1\n", &path);
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 1u);
  EXPECT_EQ(e.message().rfind("unknown key 'bogus' (expected one of: name, clock_ghz, cores, ", 0), 0u) << e.message();
  // `core` (the core.* parameters) is listed though `cores` contains it.
  EXPECT_NE(e.message().find(", core, "), std::string::npos) << e.message();
}

TEST(ConfigErrors, WrongType) {
  // "cores: many": "cores: " is 7 characters, the value at column 8.
  expect_config_error("type1.yaml", "cores: many\n", 1, 8, "expected an integer for 'cores', found 'many'");
  // A list where a number belongs: the '[' at column 8.
  expect_config_error("type2.yaml", "cores: [8]\n", 1, 8, "expected a single value for 'cores'");
  // A number where the l1 group belongs: line 2 "l1: 64", the value at 5.
  expect_config_error("type3.yaml", "name: t\nl1: 64\n", 2, 5, "expected a mapping under 'l1'");
  // A fraction for an integer: "  ways: 2.5" on line 2, the value at 9.
  expect_config_error("type4.yaml", "l1:\n  ways: 2.5\n", 2, 9, "expected an integer for 'l1.ways', found '2.5'");
  // "  lock_mode: " is 13 characters: the value at column 14 of line 2.
  expect_config_error("type5.yaml", "interconnect:\n  lock_mode: sometimes\n", 2, 14,
                      "expected cache_lock or bus_lock for 'interconnect.lock_mode', found 'sometimes'");
  // Text for a real number: "clock_ghz: " is 11 characters, column 12 (of
  // line 1, the only one).
  expect_config_error("type6.yaml", "clock_ghz: fast\n", 1, 12,
                      "expected a finite number for 'clock_ghz', found 'fast'");
}

TEST(ConfigErrors, NegativeCounts) {
  // Line 2 "  store_buffer_entries: -1": 2 + 20 ("store_buffer_entries") +
  // 2 (": ") = 24 characters, the value at column 25.
  expect_config_error("neg1.yaml", "core:\n  store_buffer_entries: -1\n", 2, 25,
                      "'core.store_buffer_entries' must be between 0 and 1024, found -1");
  // "cores: -8" (line 1) at column 8.
  expect_config_error("neg2.yaml", "cores: -8\n", 1, 8, "'cores' must be between 1 and 64, found -8");
  // 2^32 + 1 = 4294967297 would wrap to 1 in a uint32_t: rejected whole
  // (line 1, column 8 as above).
  expect_config_error("wrap.yaml", "cores: 4294967297\n", 1, 8, "'cores' must be between 1 and 64, found 4294967297");
}

TEST(ConfigErrors, NotANumber) {
  // YAML's NaN spelling and the C one, and infinity; "clock_ghz: " is 11
  // characters, the value at column 12.
  expect_config_error("nan1.yaml", "name: t\nclock_ghz: .nan\n", 2, 12,
                      "expected a finite number for 'clock_ghz', found '.nan'");
  expect_config_error("nan2.yaml", "clock_ghz: nan\n", 1, 12, "expected a finite number for 'clock_ghz', found 'nan'");
  expect_config_error("inf.yaml", "clock_ghz: inf\n", 1, 12, "expected a finite number for 'clock_ghz', found 'inf'");
  // NaN for an integer count: not an integer at all ("cores: " is 7
  // characters, column 8).
  expect_config_error("nan3.yaml", "cores: nan\n", 1, 8, "expected an integer for 'cores', found 'nan'");
}

TEST(ConfigErrors, ImpossibleValues) {
  // Line 2 "  sets: 48" (value at column 9): 48 = 16 * 3, not a power of two.
  expect_config_error("pow2.yaml", "l1:\n  sets: 48\n", 2, 9, "'l1.sets' must be a power of two, found 48");
  // A duplicate key, at the second occurrence (line 2, column 1).
  expect_config_error("dup.yaml", "cores: 2\ncores: 4\n", 2, 1, "duplicate key 'cores'");
  // Only snoop_bus exists: "  impl: " is 8 characters, column 9.
  expect_config_error("ring.yaml", "interconnect:\n  impl: ring\n", 2, 9,
                      "unknown interconnect 'ring' (available: snoop_bus)");
}

TEST(ConfigErrors, L1TooLarge) {
  // 2048 sets x 64 ways = 131072 lines > kMaxL1Lines = 65536, though each
  // value alone is in range (sets up to 2^20, ways up to 64). The check is
  // on the whole file, after every key is read: it names the file but no
  // line or column.
  ASSERT_EQ(kMaxL1Lines, 65536u);
  expect_config_error("big_l1.yaml", "l1:\n  sets: 2048\n  ways: 64\n", 0, 0,
                      "l1.sets x l1.ways (131072 lines) exceeds the limit of 65536 lines per L1");
  // 1024 x 64 = 65536 exactly is allowed.
  const MachineConfig c = load_machine_config(write_config("max_l1.yaml", "l1:\n  sets: 1024\n  ways: 64\n"), kConfigs);
  EXPECT_EQ(uint64_t{c.l1_sets} * c.l1_ways, kMaxL1Lines);
}

TEST(ConfigErrors, CoresMustDivideAmongSockets) {
  // 3 cores over 2 sockets: 3 % 2 = 1. Whole-file, like the L1 limit: no
  // line or column.
  expect_config_error("sockets.yaml", "cores: 3\ntopology:\n  sockets: 2\n", 0, 0,
                      "cores (3) must divide evenly among topology.sockets (2)");
}

TEST(ConfigErrors, ApplyYamlNamesTheGivenFile) {
  // apply_config_yaml on a parsed node reports the file name it is given.
  // Line 2 "  ways: 0": the value at column 9; ways run from 1 to 64.
  MachineConfig c;
  try {
    apply_config_yaml(c, parse_yaml("inline.yaml", "l1:\n  ways: 0\n"), "inline.yaml");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "inline.yaml");
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.column(), 9u);
    EXPECT_EQ(e.message(), "'l1.ways' must be between 1 and 64, found 0");
    EXPECT_STREQ(e.what(), "inline.yaml:2:9: error: 'l1.ways' must be between 1 and 64, found 0");
  }
  EXPECT_EQ(c.l1_ways, 8u);  // unchanged: the default
}

}  // namespace
}  // namespace locksim
