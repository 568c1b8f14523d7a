// Malformed and hostile inputs, each once a crash, a hang, a silent wrong
// result or worse (issue: hostile input). Every one must end with a clear
// message and its exit code: 2 bad input, 3 CPU fault, 4 a run's limit.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/cli_runner.h"

namespace locksim {
namespace {

using testing::read_text;
using testing::run_locksim;
using testing::write_temp;

using testing::contains;

std::filesystem::path fresh_dir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / ("locksim-hostile-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

std::set<std::string> files_in(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// ---------------------------------------------------------------- plot

// A stats.json from someone else names its scenario, machine and threads;
// those names once went into the gnuplot script unescaped. Each of these
// would run `touch` if any character of it were gnuplot syntax: a quote
// ends the string, `...` is command substitution, system() runs a shell,
// @ expands a macro, a newline starts a new command, a backslash escapes.
TEST(HostilePlot, NamesInTheStatsFileNeverRunAnything) {
  const auto dir = fresh_dir("plot");
  const std::string marker = (dir / "pwned").string();
  const std::vector<std::string> evil = {
      "x' ; system('touch " + marker + "-1') ; '",
      "x\" ; system(\"touch " + marker + "-2\") ; \"",
      "`touch " + marker + "-3`",
      "x\nsystem('touch " + marker + "-4')\n",
      "\\' . system('touch " + marker + "-5') . '\\",
      "@evil",
      "EOD\nsystem('touch " + marker + "-6')",
  };
  nlohmann::json stats;
  stats["scenario"] = evil[0] + evil[4];
  stats["machine"] = evil[1] + evil[3];
  stats["threads"] = nlohmann::json::array();
  for (size_t i = 0; i < evil.size(); ++i) {
    nlohmann::json t;
    t["core"] = i;
    t["entry"] = evil[i];
    t["cycles"] = 100;
    t["stall_cycles"] = {{"load_miss", 10}, {"store_miss", 0},  {"store_forward", 0},    {"store_buffer_full", 0},
                         {"drain_fence", 0}, {"drain_lock", 0}, {"interconnect_wait", 20}};
    stats["threads"].push_back(t);
  }
  const auto stats_path = dir / "stats.json";
  std::ofstream(stats_path) << stats.dump();
  // The output name is hostile too.
  const auto out = dir / "it's `touch pwned-7` $(x).svg";
  auto r = run_locksim({"plot", stats_path.string(), "--out", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const auto& name : files_in(dir)) EXPECT_FALSE(name.starts_with("pwned")) << name;
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(LOCKSIM_SOURCE_DIR) / "pwned-7"));
  // The names are drawn as text: the quote and the backquote survive.
  const std::string svg = read_text(out);
  EXPECT_TRUE(contains(svg, "<svg")) << r.err;
  EXPECT_TRUE(contains(svg, "`touch " + marker + "-3`")) << svg.substr(0, 2000);
  EXPECT_EQ(files_in(dir), (std::set<std::string>{"stats.json", out.filename().string()}));
}

// ------------------------------------------------------------- conditions

std::string counter_scenario(const std::string& name, const std::string& check) {
  write_temp("counter.s", ".data\ncounter: .quad 0\n.text\n.globl bump\nbump: lock incq counter(%rip)\n  ret\n");
  return write_temp(name + ".yaml", "program: counter.s\nthreads:\n  - entry: bump\n  - entry: bump\ncheck:\n  forall: \"" +
                                        check + "\"\n");
}

TEST(HostileCondition, DeepNestingIsAnErrorNotAStackOverflow) {
  // Line 6 is `  forall: "((((...`: the quote is column 11, the first '('
  // column 12, so the 257th, the one too deep, is column 268.
  auto parens = counter_scenario("parens", std::string(100000, '(') + "counter=2" + std::string(100000, ')'));
  auto r = run_locksim({"explore", parens});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, parens + ":6:268: error: condition nested deeper than 256 levels")) << r.err;
  auto nots = counter_scenario("nots", std::string(200000, '~') + "counter=2");
  r = run_locksim({"explore", nots});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, nots + ":6:268: error: condition nested deeper than 256 levels")) << r.err;
}

TEST(HostileCondition, LongChainsAreWideNotDeep) {
  // 50,000 conjuncts: one node, so evaluating it needs no deep recursion.
  // Both increments are LOCK'd, so counter ends 2 in every execution: Ok.
  std::string chain = "counter=2";
  for (int i = 0; i < 50000; ++i) chain += " /\\\\ counter=2";
  auto r = run_locksim({"explore", counter_scenario("chain", chain)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "\nOk\n")) << r.out.substr(0, 300);
}

// ------------------------------------------------- running off .text

// A routine without ret: the next fetch finds no instruction. Every engine
// reports a CPU fault at the instruction that fell through (line 4).
TEST(HostileProgram, RunningOffTheEndOfTextIsAFaultInEveryEngine) {
  const std::string s = write_temp("noret.s", ".text\n.globl f\nf: movq $1, %rax\n   addq $2, %rax\n");
  const std::string where = s + ":4: execution ran past the end of .text";
  auto exec = run_locksim({"exec", s, "--entry", "f"});
  EXPECT_EQ(exec.exit_code, 3) << exec.err;
  EXPECT_TRUE(contains(exec.err, where)) << exec.err;
  EXPECT_EQ(exec.out, "");
  const std::string scen = write_temp("noret.yaml", "program: noret.s\nthreads:\n  - entry: f\n");
  auto run = run_locksim({"run", scen, "--out", fresh_dir("noret").string()});
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_TRUE(contains(run.err, "core0: " + where)) << run.err;
  auto explore = run_locksim({"explore", scen});
  EXPECT_EQ(explore.exit_code, 3) << explore.err;
  EXPECT_TRUE(contains(explore.err, where)) << explore.err;
}

// ------------------------------------------------ max_cycles, exit 4

// `addq; jmp` touches no memory, so the core never waited and ran past
// max_cycles until killed. Now: both instructions cost 1 cycle on
// skylake-8 (alu_latency, branch_latency), so by cycle 1000 it has retired
// exactly 1000 instructions, and the run stops there.
TEST(HostileProgram, MaxCyclesStopsALoopThatTouchesNoMemory) {
  write_temp("alu_loop.s", ".text\n.globl spin\nspin:\n1: addq $1, %rax\n   jmp 1b\n");
  const std::string scen = write_temp("alu_loop.yaml", "program: alu_loop.s\nthreads:\n  - entry: spin\nmax_cycles: 1000\n");
  const auto out = fresh_dir("alu");
  auto r = run_locksim({"run", scen, "--out", out.string()});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_TRUE(contains(r.err, "error: max_cycles (1000) reached")) << r.err;
  auto stats = nlohmann::json::parse(read_text(out / "stats.json"));
  EXPECT_EQ(stats["cycles"], 1000);
  const auto& t = stats["threads"][0];
  EXPECT_EQ(t["instructions"], 1000);
  // A thread stopped by the limit ran for the whole run: cycles, ipc and the
  // occupancy histogram cover it (they were 0, null and short).
  EXPECT_EQ(t["cycles"], 1000);
  EXPECT_EQ(t["ipc"], 1.0);
  EXPECT_EQ(t["store_buffer_occupancy_cycles"], nlohmann::json::array({1000}));
}

TEST(HostileProgram, StatsOfThreadsStoppedByMaxCyclesAddUp) {
  // The AB-BA deadlock spins until max_cycles (200,000).
  const auto out = fresh_dir("abba");
  auto r = run_locksim({"run", "scenarios/abba.yaml", "--out", out.string()});
  ASSERT_EQ(r.exit_code, 4) << r.err;
  auto stats = nlohmann::json::parse(read_text(out / "stats.json"));
  for (const auto& t : stats["threads"]) {
    EXPECT_EQ(t["cycles"], stats["cycles"]);
    EXPECT_FALSE(t["ipc"].is_null());
    uint64_t sum = 0;
    for (const auto& c : t["store_buffer_occupancy_cycles"]) sum += c.get<uint64_t>();
    EXPECT_EQ(sum, t["cycles"].get<uint64_t>());
  }
}

// ---------------------------------------------------------- output paths

// --json and --vcd name files: a directory, device, FIFO or symbolic link
// is refused before any work (the whole search once ran, then the rename
// failed and left DIR.tmp; as root, --json /dev/null replaced /dev/null).
TEST(HostileOutput, JsonOnlyToARegularFileOrANewName) {
  const auto dir = fresh_dir("json");
  const auto fifo = dir / "fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const auto target = dir / "target.json";
  std::ofstream(target) << "precious\n";
  const auto link = dir / "link.json";
  std::filesystem::create_symlink(target, link);
  const auto sub = dir / "sub";
  std::filesystem::create_directory(sub);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/dev/null", "not a regular file"},
      {sub.string(), "it is a directory"},
      {fifo.string(), "not a regular file"},
      {link.string(), "it is a symbolic link"},
      {(dir / "missing" / "x.json").string(), "no such directory"},
  };
  for (const auto& [path, why] : cases) {
    auto r = run_locksim({"explore", "scenarios/sb.yaml", "--json", path});
    EXPECT_EQ(r.exit_code, 2) << path << ": " << r.err;
    EXPECT_TRUE(contains(r.err, "error: --json: cannot write '" + path + "': " + why)) << r.err;
    EXPECT_EQ(r.out, "") << path;  // refused before the search
  }
  struct stat st {};
  ASSERT_EQ(stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_EQ(read_text(target), "precious\n");
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_EQ(files_in(dir), (std::set<std::string>{"fifo", "target.json", "link.json", "sub"}));
  EXPECT_TRUE(std::filesystem::is_empty(sub));
  // A regular file is replaced whole.
  auto ok = run_locksim({"explore", "scenarios/sb.yaml", "--json", target.string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(nlohmann::json::parse(read_text(target))["verdict"], "Ok");
}

TEST(HostileOutput, VcdNamesTheFileItWrites) {
  const auto dir = fresh_dir("vcd");
  // Without .vcd, SystemC silently wrote NAME.vcd (and DIR.vcd for a directory).
  auto r = run_locksim({"run", "scenarios/sb.yaml", "--out", dir.string(), "--vcd", (dir / "trace").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "error: --vcd: expected a file name ending in .vcd")) << r.err;
  const auto sub = dir / "d.vcd";
  std::filesystem::create_directory(sub);
  r = run_locksim({"run", "scenarios/sb.yaml", "--out", dir.string(), "--vcd", sub.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "it is a directory")) << r.err;
  EXPECT_EQ(files_in(dir), (std::set<std::string>{"d.vcd"}));  // refused before the run
  r = run_locksim({"run", "scenarios/sb.yaml", "--out", dir.string(), "--vcd", (dir / "t.vcd").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(read_text(dir / "t.vcd"), "$enddefinitions"));
  EXPECT_EQ(files_in(dir), (std::set<std::string>{"d.vcd", "t.vcd", "stats.json", "stats.csv", "config.resolved.yaml"}));
}

TEST(HostileOutput, RunRefusesAStatsPathThatIsADirectory) {
  const auto dir = fresh_dir("statsdir");
  std::filesystem::create_directory(dir / "stats.json");
  auto r = run_locksim({"run", "scenarios/sb.yaml", "--out", dir.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "--out: cannot write '" + (dir / "stats.json").string() + "': it is a directory")) << r.err;
  EXPECT_EQ(r.out, "");
}

// ------------------------------------------------------------- explorer

TEST(HostileExplore, MemoryBoundStopsTheSearchAsIncomplete) {
  // The illumos mutex's tables (tens of thousands of states) outgrow 1 MiB
  // long before the search ends; the verdict is Incomplete, exit 3, naming the bound.
  auto r = run_locksim({"explore", "scenarios/illumos_mutex_2x1.yaml", "--max-memory", "1"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.out, "(incomplete: --max-memory reached)")) << r.out;
  EXPECT_TRUE(contains(r.out, "\nIncomplete\n")) << r.out;
  auto zero = run_locksim({"explore", "scenarios/sb.yaml", "--max-states", "0"});
  EXPECT_EQ(zero.exit_code, 2) << zero.err;
}

// --------------------------------------------------------------- litmus

// herd7 accepts OCaml comments between the init block and the thread
// header and before the condition (herdtools7's own tests have them).
TEST(HostileLitmus, CommentsWhereHerdAcceptsThem) {
  const std::string plain = "X86 SB\n{ x=0; y=0; }\n P0          | P1          ;\n MOV [x],$1  | MOV [y],$1  ;\n"
                            " MOV EAX,[y] | MOV EAX,[x] ;\nexists (0:EAX=0 /\\ 1:EAX=0)\n";
  const std::string commented =
      "X86 SB\n(* store buffering *)\n{ x=0; y=0; (* both zero *) }\n(* the threads,\n   (* nested *) *)\n"
      " P0          | P1          ;\n MOV [x],$1  | MOV [y],$1  ;\n MOV EAX,[y] | MOV EAX,[x] ;\n"
      "(* SB's relaxed outcome *)\nexists (0:EAX=0 /\\ 1:EAX=0)\n";
  auto a = run_locksim({"litmus", write_temp("SB-plain.litmus", plain)});
  auto b = run_locksim({"litmus", write_temp("SB-commented.litmus", commented)});
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(b.exit_code, 0) << b.err;
  // x86-TSO allows all four outcomes of SB (each store can sit in its
  // buffer while the other thread's load reads memory): Ok, 4 states.
  EXPECT_TRUE(contains(b.out, "Test SB Allowed\nStates 4\n")) << b.out;
  auto strip_time = [](std::string s) { return s.substr(0, s.find("Time ")); };
  EXPECT_EQ(strip_time(a.out), strip_time(b.out));
  // Found by fuzzing: a value that names no location (std::map::at threw).
  auto unknown = run_locksim({"litmus", write_temp("SB-value.litmus", plain.substr(0, plain.find("exists")) +
                                                                          "exists (0:EAX=nowhere)\n")});
  EXPECT_EQ(unknown.exit_code, 2) << unknown.err;
  EXPECT_TRUE(contains(unknown.err, "error: condition uses unknown location 'nowhere' as a value")) << unknown.err;
  auto open = run_locksim({"litmus", write_temp("SB-open.litmus", "X86 SB\n(* never closed\n{ x=0; }\n")});
  EXPECT_EQ(open.exit_code, 2);
  EXPECT_TRUE(contains(open.err, "SB-open.litmus:2:1: error: comment '(*' is never closed")) << open.err;
}

}  // namespace
}  // namespace locksim
