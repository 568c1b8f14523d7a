// `locksim explore` in process, for what the CLI cannot show quickly: the
// progress line (once a second by default; here at every chance).
#include <gtest/gtest.h>

#include <sstream>

#include "sim/cli/explore_command.h"

namespace locksim {
namespace {

TEST(ExploreProgress, ReportsStatesWhileSearching) {
  ExploreRequest request;
  request.scenario = std::string(LOCKSIM_SOURCE_DIR) + "/scenarios/illumos_mutex_2x2.yaml";
  request.progress = true;
  request.progress_interval = 0;
  std::ostringstream out, err;
  EXPECT_EQ(run_explore_command(request, out, err), 0) << err.str();
  // 390,937 states: one report per 4096 expanded (95), ending in a newline.
  const std::string e = err.str();
  size_t reports = 0;
  for (size_t at = e.find('\r'); at != std::string::npos; at = e.find('\r', at + 1)) ++reports;
  EXPECT_GE(reports, 90u) << e;
  EXPECT_LE(reports, 97u) << e;
  EXPECT_NE(e.find(" states/s, "), std::string::npos) << e;
  EXPECT_EQ(e.back(), '\n');
  EXPECT_NE(out.str().find("\nOk\n"), std::string::npos);
}

TEST(ExploreProgress, SilentUnlessAsked) {
  ExploreRequest request;
  request.scenario = std::string(LOCKSIM_SOURCE_DIR) + "/scenarios/ticket_lock_3x2.yaml";
  request.progress_interval = 0;
  std::ostringstream out, err;
  EXPECT_EQ(run_explore_command(request, out, err), 0);
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace locksim
