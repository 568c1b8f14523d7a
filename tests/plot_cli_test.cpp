// `locksim plot` on a real run's stats, and its error paths.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "tests/cli_runner.h"

namespace locksim {
namespace {

using testing::read_text;
using testing::run_locksim;

using testing::contains;

std::filesystem::path temp_dir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / ("locksim-plot-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(d);
  return d;
}

// Found by fuzzing: a number beyond a double escaped as nlohmann's
// out_of_range instead of bad input.
TEST(Plot, NumberTooLargeIsBadInput) {
  auto dir = temp_dir("overflow");
  std::ofstream(dir / "stats.json") << "{\"threads\": [1e400]}";
  auto r = run_locksim({"plot", (dir / "stats.json").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "error: invalid JSON: number overflow parsing '1e400'")) << r.err;
  std::filesystem::remove_all(dir);
}

TEST(Plot, StallBarsForEachThreadOfARun) {
  auto dir = temp_dir("sb");
  auto run = run_locksim({"run", "scenarios/sb.yaml", "--out", dir.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto r = run_locksim({"plot", (dir / "stats.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "plot: " + (dir / "stalls.svg").string() + "\n");
  std::string svg = read_text(dir / "stalls.svg");
  EXPECT_TRUE(contains(svg, "<svg")) << svg.substr(0, 200);
  for (const char* label : {"scenarios/sb.yaml on skylake-8", "T0 sb_t0", "T1 sb_t1", "busy", "load miss",
                            "interconnect wait"})
    EXPECT_TRUE(contains(svg, label)) << label;
  // No temporary (script, partial image) is left beside the output.
  std::set<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.insert(e.path().filename().string());
  EXPECT_EQ(files, (std::set<std::string>{"config.resolved.yaml", "stalls.svg", "stats.csv", "stats.json"}));
  auto png = run_locksim({"plot", (dir / "stats.json").string(), "--out", (dir / "s.png").string()});
  EXPECT_EQ(png.exit_code, 0) << png.err;
  EXPECT_EQ(read_text(dir / "s.png").substr(1, 3), "PNG");
  std::filesystem::remove_all(dir);
}

struct PlotError {
  const char* name;
  const char* json;
  const char* message;  // after the file name
};

class PlotErrors : public ::testing::TestWithParam<PlotError> {};

TEST_P(PlotErrors, ExitTwoAndNoImage) {
  auto dir = temp_dir(GetParam().name);
  auto stats = dir / "stats.json";
  std::ofstream(stats) << GetParam().json;
  auto r = run_locksim({"plot", stats.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, stats.string() + GetParam().message)) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "stalls.svg"));
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(
    All, PlotErrors,
    ::testing::Values(
        // The ']' after a trailing comma: line 4, column 3.
        PlotError{"syntax", "{\n  \"threads\": [\n    1,\n  ]\n}\n", ":4:3: error: invalid JSON: syntax error"},
        PlotError{"nothreads", "{\"cycles\": 5}", ": error: not a locksim stats.json: expected a non-empty 'threads' list"},
        PlotError{"nostalls", "{\"threads\": [{\"core\": 0, \"cycles\": 5}]}",
                  ": error: not a locksim stats.json: a thread lacks 'stall_cycles'"},
        PlotError{"badnumber",
                  "{\"threads\": [{\"core\": 0, \"cycles\": \"many\", \"stall_cycles\": {}}]}",
                  ": error: not a locksim stats.json: expected a number at 'cycles'"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Plot, BadOutputAndMissingStats) {
  auto r = run_locksim({"plot", "no/such/stats.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "cannot read stats file 'no/such/stats.json': No such file or directory")) << r.err;
  auto dir = temp_dir("out");
  auto run = run_locksim({"run", "scenarios/sb.yaml", "--out", dir.string()});
  ASSERT_EQ(run.exit_code, 0);
  auto pdf = run_locksim({"plot", (dir / "stats.json").string(), "--out", (dir / "x.pdf").string()});
  EXPECT_EQ(pdf.exit_code, 2);
  EXPECT_TRUE(contains(pdf.err, "--out: expected a .svg or .png file name")) << pdf.err;
  auto nodir = run_locksim({"plot", (dir / "stats.json").string(), "--out", "/no/such/dir/x.svg"});
  EXPECT_EQ(nodir.exit_code, 2);
  EXPECT_TRUE(contains(nodir.err, "--out: cannot write '/no/such/dir/x.svg'")) << nodir.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace locksim
