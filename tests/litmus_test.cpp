// Every litmus test in tests/litmus (both dialects, a copy of the project's
// shared litmus set, so a clone tests alone), run in process, checked twice:
//
//  * against its x86-TSO verdict from EXPECTED.tsv (herd7's, an independent
//    source): the same set of final states and the same Always/Sometimes/Never
//    observation, Ok/No and the Condition line (herd7's counts are per
//    execution, ours per final state, so only those are compared);
//  * against its golden block NAME.litmus.expected beside it, as herd7's own
//    test suite keeps them: the whole `locksim litmus` block minus the Time
//    line, compared line for line (a mismatch prints a diff).
//
// Every *.litmus file must have both an EXPECTED.tsv row and a golden file;
// either one missing is a failure, as is a golden file with no test.
//
// After an intended change to the block, regenerate the golden files from the
// repository root, then review `git diff tests/litmus` (this test still checks
// every verdict against EXPECTED.tsv, so a regenerated golden file cannot hide
// a wrong verdict):
//
//   cmake --build build --target locksim
//   for f in tests/litmus/*.litmus tests/litmus/x86_64/*.litmus; do
//     ./build/locksim litmus "$f" | grep -v '^Time ' > "$f.expected"; done
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "sim/input/litmus.h"

namespace locksim {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kMaxStates = 2'000'000;  // `locksim litmus`'s default

const char* const kFolders[] = {"", "x86_64"};

std::string folder_path(const std::string& folder) {
  return std::string(LOCKSIM_LITMUS_DIR) + (folder.empty() ? "" : "/" + folder);
}

struct Row {
  std::string condition, observation, result;
  std::set<std::string> states;
};

// One litmus file, with its EXPECTED.tsv row when it has one.
struct Case {
  std::string folder, file;  // folder: the full path of the directory
  std::optional<Row> row;
  std::string path() const { return folder + "/" + file; }
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.path(); }

std::string squash(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

// One final state, with its bindings as a set: "0:EAX=0; 1:EAX=1;" and
// "1:EAX=1;0:EAX=0;" compare equal.
std::string normalize_state(const std::string& state) {
  std::set<std::string> bindings;
  std::stringstream in(squash(state));
  std::string one;
  while (std::getline(in, one, ';'))
    if (!one.empty()) bindings.insert(one);
  std::string norm;
  for (const auto& b : bindings) norm += b + ";";
  return norm;
}

// Every EXPECTED.tsv row (in file order), then every *.litmus file without a
// row (sorted), so a new test without a verdict still gets a case, and fails.
std::vector<Case> cases() {
  std::vector<Case> out;
  for (std::string folder : kFolders) {
    std::string dir = folder_path(folder);
    std::set<std::string> in_tsv;
    std::ifstream in(dir + "/EXPECTED.tsv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::vector<std::string> cols;
      std::stringstream ss(line);
      std::string col;
      while (std::getline(ss, col, '\t')) cols.push_back(col);
      if (cols.size() < 11) continue;
      Row r{cols[4], cols[5], cols[8], {}};
      std::stringstream states(cols[10]);
      std::string st;
      while (std::getline(states, st, '|')) r.states.insert(normalize_state(st));
      out.push_back(Case{dir, cols[0], r});
      in_tsv.insert(cols[0]);
    }
    std::set<std::string> extra;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".litmus" && !in_tsv.count(e.path().filename().string()))
        extra.insert(e.path().filename().string());
    for (const auto& f : extra) out.push_back(Case{dir, f, std::nullopt});
  }
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// The herd7 block `locksim litmus` prints, without its Time line.
std::string block_without_time(const LitmusResult& r) {
  std::ostringstream block;
  print_herd_block(r, block);
  const std::string time_prefix = "Time " + r.name + " ";
  std::string out;
  for (const auto& line : split_lines(block.str()))
    if (line.rfind(time_prefix, 0) != 0) out += line + "\n";
  return out;
}

// A line diff of two blocks (longest common subsequence), every line shown:
// "  " in both, "- " golden only, "+ " actual only.
std::string line_diff(const std::string& expected, const std::string& actual) {
  const auto a = split_lines(expected), b = split_lines(actual);
  std::vector<std::vector<size_t>> lcs(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::string out;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i++] + "\n";
      ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out += "- " + a[i++] + "\n";
    } else {
      out += "+ " + b[j++] + "\n";
    }
  }
  return out;
}

class SharedLitmus : public ::testing::TestWithParam<Case> {};

TEST_P(SharedLitmus, MatchesGoldenBlockAndX86TsoVerdict) {
  const Case& c = GetParam();
  LitmusResult r = run_litmus(c.path(), kMaxStates);
  EXPECT_TRUE(r.complete) << c.path() << ": exploration stopped at " << kMaxStates << " states";

  // The verdict, against herd7's.
  if (!c.row) {
    ADD_FAILURE() << c.path() << " has no row in " << c.folder << "/EXPECTED.tsv";
  } else {
    std::set<std::string> got;
    for (const auto& s : r.states) got.insert(normalize_state(s));
    EXPECT_EQ(got, c.row->states) << c.path() << ": final states";
    EXPECT_EQ(r.observation, c.row->observation) << c.path() << ": observation";
    // herd7 prints the condition from its syntax tree: [x], N:REG, no
    // parentheses where precedence suffices, "not (...)".
    EXPECT_EQ(r.quantifier + " (" + r.condition + ")", c.row->condition) << c.path() << ": condition";
    EXPECT_EQ(r.ok ? "Ok" : "No", c.row->result) << c.path() << ": result";
  }

  // The whole block, against the golden file.
  const std::string golden_path = c.path() + ".expected";
  std::ifstream golden_in(golden_path, std::ios::binary);
  ASSERT_TRUE(golden_in) << "missing golden file " << golden_path
                         << " (see the top of tests/litmus_test.cpp to regenerate)";
  std::stringstream golden;
  golden << golden_in.rdbuf();
  const std::string actual = block_without_time(r);
  if (golden.str() != actual)
    ADD_FAILURE() << c.path() << ": block differs from " << golden_path << " (- golden, + actual):\n"
                  << line_diff(golden.str(), actual);
}

INSTANTIATE_TEST_SUITE_P(Expected, SharedLitmus, ::testing::ValuesIn(cases()), [](const auto& info) {
  std::string n = (info.param.folder.ends_with("x86_64") ? "x86_64_" : "x86_") + info.param.file;
  std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return n + "_" + std::to_string(info.index);
});

TEST(SharedLitmus, BothFoldersAreThere) { EXPECT_GT(cases().size(), 290u); }

// A golden file whose test was removed or renamed would never be compared.
TEST(SharedLitmus, EveryGoldenFileHasItsTest) {
  for (std::string folder : kFolders)
    for (const auto& e : fs::directory_iterator(folder_path(folder))) {
      const std::string name = e.path().filename().string();
      const std::string suffix = ".litmus.expected";
      if (name.size() > suffix.size() && name.ends_with(suffix)) {
        const std::string test = name.substr(0, name.size() - std::string(".expected").size());
        EXPECT_TRUE(fs::exists(e.path().parent_path() / test)) << e.path() << " has no litmus test beside it";
      }
    }
}

}  // namespace
}  // namespace locksim
