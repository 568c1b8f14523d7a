// Every litmus test in tests/litmus (both dialects, a copy of the project's
// shared litmus set, so a clone tests alone) against its x86-TSO verdict
// from EXPECTED.tsv: the same set of final states and the same
// Always/Sometimes/Never observation (herd7's counts are per execution, ours
// per final state, so only those are compared).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/input/litmus.h"

namespace locksim {
namespace {

struct Row {
  std::string folder, file, observation, result;
  std::set<std::string> states;
};

void PrintTo(const Row& r, std::ostream* os) { *os << r.folder << "/" << r.file; }

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

std::vector<Row> rows() {
  std::vector<Row> out;
  for (std::string folder : {"", "x86_64"}) {
    std::string dir = std::string(LOCKSIM_LITMUS_DIR) + (folder.empty() ? "" : "/" + folder);
    std::ifstream in(dir + "/EXPECTED.tsv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::vector<std::string> cols;
      std::stringstream ss(line);
      std::string col;
      while (std::getline(ss, col, '\t')) cols.push_back(col);
      if (cols.size() < 11) continue;
      Row r{dir, cols[0], cols[5], cols[8], {}};
      std::stringstream states(cols[10]);
      std::string st;
      while (std::getline(states, st, '|')) r.states.insert(normalize_state(st));
      out.push_back(r);
    }
  }
  return out;
}

class SharedLitmus : public ::testing::TestWithParam<Row> {};

TEST_P(SharedLitmus, MatchesX86TsoVerdict) {
  const Row& row = GetParam();
  LitmusResult r = run_litmus(row.folder + "/" + row.file, 2'000'000);
  ASSERT_TRUE(r.complete);
  std::set<std::string> got;
  for (const auto& s : r.states) got.insert(normalize_state(s));
  EXPECT_EQ(got, row.states);
  EXPECT_EQ(r.observation, row.observation);
  EXPECT_EQ(r.ok ? "Ok" : "No", row.result);
}

INSTANTIATE_TEST_SUITE_P(Expected, SharedLitmus, ::testing::ValuesIn(rows()), [](const auto& info) {
  std::string n = (info.param.folder.ends_with("x86_64") ? "x86_64_" : "x86_") + info.param.file;
  std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return n + "_" + std::to_string(info.index);
});

TEST(SharedLitmus, BothFoldersAreThere) { EXPECT_GT(rows().size(), 290u); }

}  // namespace
}  // namespace locksim
