// `locksim exec` and the CLI as a user runs them: output format, exit codes
// and error messages.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"

namespace locksim {
namespace {

using testing::run_locksim;
using testing::write_temp;

TEST(ExecCli, TicketLockDemoMatchesHandTrace) {
  auto r = run_locksim({"exec", "locks/linux_ticket.s", "examples/ticket_demo.s", "--entry", "demo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  // lock: ticket 0 (slock 0x0100); trylock fails (head 0 != tail 1); unlock
  // (0x0101); trylock takes ticket 1 (0x0201); unlock (0x0202).
  EXPECT_EQ(j["memory"]["slock"], "0x0000000000000202");
  EXPECT_EQ(j["memory"]["try_while_held"], "0x0000000000000000");
  EXPECT_EQ(j["memory"]["try_when_free"], "0x0000000000000001");
  EXPECT_EQ(j["regs"]["rax"], "0x0000000000000202");
  // demo 17 + lock 5 + failed trylock 7 + 2 unlocks 2*2 + trylock 8 = 38 (counted in the sources).
  EXPECT_EQ(j["steps"], 38);
  EXPECT_EQ(j["regs"].size(), 16u);
  EXPECT_EQ(j["flags"].size(), 5u);
}

TEST(ExecCli, RegisterAssignmentsAndFlags) {
  auto f = write_temp("regs.s", "f: add %rbx, %rax\n ret\n");
  auto r = run_locksim({"exec", f, "--entry", "f", "--reg", "rax=-1", "--reg", "rbx=0x1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  // -1 + 1 = 0 with carry out, a carry from bit 3 (AF), no signed overflow.
  EXPECT_EQ(j["regs"]["rax"], "0x0000000000000000");
  EXPECT_EQ(j["flags"]["cf"], 1);
  EXPECT_EQ(j["flags"]["zf"], 1);
  EXPECT_EQ(j["flags"]["pf"], 1);
  EXPECT_EQ(j["flags"]["sf"], 0);
  EXPECT_EQ(j["flags"]["of"], 0);
}

TEST(ExecCli, InitialFlagsFromRflags) {
  auto f = write_temp("adc.s", "f: adc $0, %eax\n ret\n");
  auto r = run_locksim({"exec", f, "--entry", "f", "--reg", "rflags=1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["regs"]["rax"], "0x0000000000000001");  // 0 + 0 + CF
}

TEST(ExecCli, StepLimitExitsThreeAndSaysWhere) {
  auto f = write_temp("spin.s", "f:\n1: jmp 1b\n");
  auto r = run_locksim({"exec", f, "--entry", "f", "--max-steps", "1000"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("step limit of 1000"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("spin.s:2"), std::string::npos) << r.err;
}

TEST(ExecCli, CpuFaultExitsThree) {
  auto f = write_temp("div.s", "f: xor %ecx, %ecx\n div %rcx\n ret\n");
  auto r = run_locksim({"exec", f, "--entry", "f"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("div.s:2: divide error (#DE"), std::string::npos) << r.err;
  auto g = write_temp("segv.s", "f: mov 8, %rax\n ret\n");
  r = run_locksim({"exec", g, "--entry", "f"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("segv.s:1: segmentation fault: read of 8 bytes at 0x8"), std::string::npos) << r.err;
}

TEST(ExecCli, HaltEndsTheThread) {
  auto f = write_temp("hlt.s", "f: mov $5, %eax\n hlt\n mov $6, %eax\n ret\n");
  auto r = run_locksim({"exec", f, "--entry", "f"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["regs"]["rax"], "0x0000000000000005");
  EXPECT_EQ(j["halted"], true);
}

struct BadCli {
  const char* name;
  std::vector<std::string> args;
  const char* message;
};

void PrintTo(const BadCli& c, std::ostream* os) { *os << c.name; }

class ExecCliErrors : public ::testing::TestWithParam<BadCli> {};

TEST_P(ExecCliErrors, ExitTwoWithClearMessageAndNoOutput) {
  auto r = run_locksim(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ExecCliErrors,
    ::testing::Values(
        BadCli{"no_subcommand", {}, "A subcommand is required"},
        BadCli{"unknown_option", {"exec", "x.s", "--entry", "f", "--frob"}, "--frob"},
        BadCli{"missing_entry", {"exec", "examples/ticket_demo.s"}, "--entry is required"},
        BadCli{"negative_max_steps", {"exec", "locks/linux_ticket.s", "--entry", "ticket_spin_unlock", "--max-steps", "-1"},
               "--max-steps: expected a whole number from 0 to 18446744073709551615, found '-1'"},
        BadCli{"missing_file", {"exec", "nope.s", "--entry", "f"}, "cannot read assembly file 'nope.s': No such file or directory"},
        BadCli{"parse_error", {"exec", "tests/inputs/bad_operand.s", "--entry", "f"},
               "tests/inputs/bad_operand.s:3:14: error: register '%rax' does not match the 'l' size suffix of 'movl'"},
        BadCli{"unknown_entry", {"exec", "locks/linux_ticket.s", "--entry", "nope"}, "unknown entry symbol 'nope'"},
        BadCli{"bad_reg_name", {"exec", "locks/linux_ticket.s", "--entry", "ticket_spin_unlock", "--reg", "rzz=1"},
               "unknown register 'rzz'"},
        BadCli{"bad_reg_value", {"exec", "locks/linux_ticket.s", "--entry", "ticket_spin_unlock", "--reg", "rax=12q"},
               "'12q' is not a 64-bit number"},
        BadCli{"bad_reg_form", {"exec", "locks/linux_ticket.s", "--entry", "ticket_spin_unlock", "--reg", "rax"},
               "expected NAME=VALUE"},
        BadCli{"bad_max_steps", {"exec", "locks/linux_ticket.s", "--entry", "f", "--max-steps", "lots"}, "--max-steps"},
        BadCli{"plot_without_stats", {"plot"}, "stats is required"},
        BadCli{"bench_is_not_a_command", {"bench", "interp"}, "A subcommand is required"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Cli, HelpListsEverySubcommand) {
  auto r = run_locksim({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"exec", "run", "explore", "litmus", "plot"})
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
  r = run_locksim({"exec", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--max-steps"), std::string::npos);
}

// `run` hands over to locksim-timed beside the executable; without it,
// locksim says so (exit 3) instead of crashing.
TEST(Cli, RunWithoutTheTimedEngineSaysWhatIsMissing) {
  auto dir = std::filesystem::temp_directory_path() / ("locksim-alone-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(LOCKSIM_BINARY, dir / "locksim", std::filesystem::copy_options::overwrite_existing);
  std::string cmd = "cd " + testing::shell_quote(LOCKSIM_SOURCE_DIR) + " && " +
                    testing::shell_quote((dir / "locksim").string()) + " run scenarios/sb.yaml --out " +
                    testing::shell_quote((dir / "out").string()) + " 2>" + testing::shell_quote((dir / "err").string());
  int status = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 3);
  std::string err = testing::read_text(dir / "err");
  EXPECT_NE(err.find("error: cannot start the timed engine " + (dir / "locksim-timed").string()), std::string::npos)
      << err;
  std::filesystem::remove_all(dir);
}

// The benchmarks are a program of their own, locksim-bench.
TEST(Bench, UnknownBenchmarkIsBadInput) {
  auto r = testing::run_program(LOCKSIM_BENCH_BINARY, {"warp"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("warp not in {interp,timed,explore}"), std::string::npos) << r.err;
}

TEST(Bench, InterpPrintsOneJsonObject) {
  auto r = testing::run_program(LOCKSIM_BENCH_BINARY, {"interp"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["interp_instr_per_s"].is_number());
  // 8M iterations of a loop of 15 or 16 instructions plus 4 set-up/return.
  EXPECT_GT(j["instructions"].get<uint64_t>(), 8'000'000u * 15);
}

}  // namespace
}  // namespace locksim
