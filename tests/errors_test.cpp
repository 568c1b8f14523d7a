// Every exception a command can end with maps to one exit code and a
// message (sim/report/errors.h): nothing reaches std::terminate.
#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

#include "cpu/execute.h"
#include "cpu/asm/input_error.h"
#include "sim/report/errors.h"

namespace locksim {
namespace {

template <class E>
std::pair<int, std::string> report(const E& e) {
  std::ostringstream err;
  try {
    throw e;
  } catch (...) {
    const int code = report_current_exception(err);
    return {code, err.str()};
  }
}

TEST(ErrorSurface, EachKindHasItsExitCode) {
  EXPECT_EQ(report(InputError("f.s", 3, 4, "bad")), std::make_pair(2, std::string("f.s:3:4: error: bad\n")));
  EXPECT_EQ(report(cpu::ExecutionFault("f.s:9: #DE in 'div'")).first, 3);
  EXPECT_EQ(report(cpu::MemoryFault("write to read-only memory")).first, 3);
  // A broken invariant is the simulator's fault, never the user's: exit 5,
  // named as an internal error, with a request to report it.
  auto [code, text] = report(std::logic_error("snoop filter disagrees with core2's L1"));
  EXPECT_EQ(code, 5);
  EXPECT_EQ(text, std::string("internal error: snoop filter disagrees with core2's L1\n") + kReportBug);
  EXPECT_EQ(report(std::bad_alloc()).first, 5);
  EXPECT_EQ(report(42).first, 5);
}

TEST(ErrorSurface, InputErrorKeepsItsParts) {
  InputError e("a.yaml", 2, 7, "expected a number");
  EXPECT_EQ(e.file(), "a.yaml");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 7u);
  EXPECT_EQ(e.message(), "expected a number");
  EXPECT_STREQ(InputError("no position").what(), "error: no position");
  EXPECT_STREQ(InputError("a.yaml", "whole file").what(), "a.yaml: error: whole file");
}

}  // namespace
}  // namespace locksim
