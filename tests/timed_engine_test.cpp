// The timed engine through `locksim run`, one process per run (SystemC
// elaborates once per process). Cycle counts are computed by hand from the
// skylake-8 / two-socket-16 parameters:
//   alu 1, L1 hit 4, bus arbitration 2, memory 195, mfence 33,
//   locked RMW 18, pause 140, core link 30, socket link 120.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"

namespace locksim {
namespace {

using nlohmann::json;
using testing::read_text;
using testing::run_locksim;

struct Run {
  int exit_code;
  json stats;
  std::string out, err;
};

Run run_scenario(const std::string& scenario, std::vector<std::string> extra = {}) {
  static int n = 0;
  auto dir = std::filesystem::temp_directory_path() / ("locksim-run-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  std::vector<std::string> args = {"run", scenario, "--out", dir.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_locksim(args);
  Run out{r.exit_code, json(), r.out, r.err};
  if (std::filesystem::exists(dir / "stats.json")) out.stats = json::parse(read_text(dir / "stats.json"));
  std::filesystem::remove_all(dir);
  return out;
}

uint64_t thread_cycles(const Run& r, const std::string& entry) {
  for (const auto& t : r.stats["threads"])
    if (t["entry"] == entry) return t["cycles"];
  ADD_FAILURE() << "no thread " << entry;
  return 0;
}

constexpr uint64_t kMiss = 2 + 195;  // arbitration + memory

TEST(TimedCycles, L1HitAndMissToMemory) {
  auto r = run_scenario("tests/timed/load_twice.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // load x: miss (197) + hit latency (4); load x again: L1 hit (4);
  // ret: its stack line was never cached, another miss (197) + 4.
  EXPECT_EQ(thread_cycles(r, "load_twice"), kMiss + 4 + 4 + kMiss + 4);
  EXPECT_EQ(r.stats["caches"][0]["hits"], 1);
}

TEST(TimedCycles, UncontendedLockCmpxchg) {
  auto r = run_scenario("tests/timed/cmpxchg_owned.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // load x: 197 + 4 (line now E); mov $5: 1; lock cmpxchg: empty store
  // buffer, E -> M silently, 18 cycles holding the line; ret: 197 + 4.
  EXPECT_EQ(thread_cycles(r, "cmpxchg_owned"), kMiss + 4 + 1 + 18 + kMiss + 4);
  EXPECT_EQ(r.stats["interconnect"]["transactions"]["GetM"], 0);
}

TEST(TimedCycles, MfenceBehindThreeBufferedStores) {
  auto r = run_scenario("tests/timed/mfence_after_3.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Three stores retire at cycles 1, 2, 3. The drain of each is a GetM to
  // memory (197), one after the other with one L1 write cycle between:
  // done at 1 + 3*197 + 2 = 594. mfence waits for that, costs 33; ret 197 + 4.
  EXPECT_EQ(thread_cycles(r, "mfence_after_3"), 1 + 3 * kMiss + 2 + 33 + kMiss + 4);
  EXPECT_EQ(r.stats["threads"][0]["stall_cycles"]["drain_fence"], 3 * kMiss + 2 + 1 - 3);
}

TEST(TimedCycles, CacheToCacheTransferFollowsTopology) {
  // write_x ends at 432 (store, mfence behind its GetM, ret). read_x_late
  // pauses 4 x 140 = 560 cycles, then its GetS is served by core 0's
  // Modified copy: arbitration 2 + transfer, + 4; then ret misses: 197 + 4.
  auto on = run_scenario("tests/timed/transfer_on_socket.yaml");
  ASSERT_EQ(on.exit_code, 0) << on.err;
  EXPECT_EQ(thread_cycles(on, "write_x"), 1 + kMiss + 33 + kMiss + 4);
  EXPECT_EQ(thread_cycles(on, "read_x_late"), 560 + 2 + (30 + 30) + 4 + kMiss + 4);
  // Core 8 is on the other socket: core link, socket link, core link.
  auto cross = run_scenario("tests/timed/transfer_cross_socket.yaml");
  ASSERT_EQ(cross.exit_code, 0) << cross.err;
  EXPECT_EQ(thread_cycles(cross, "read_x_late"), 560 + 2 + (30 + 120 + 30) + 4 + kMiss + 4);
  EXPECT_EQ(cross.stats["interconnect"]["cache_to_cache"], 1);
}

TEST(TimedCycles, LockedLineGoesToTheOldestWaiterWhenReleased) {
  // Two threads, each `lock incq counter` twice then ret. Both ask for the
  // line at cycle 0; core 0 is granted it (197 from memory) and holds it
  // through the RMW until 197 + 18 = 215. Core 1's request, queued since 0,
  // is older than core 0's second one (215), so at 215 the line moves to
  // core 1 (arbitration 2 + on-socket transfer 60 = 62), held until
  // 215 + 62 + 18 = 295; then to core 0 until 295 + 62 + 18 = 375; then
  // core 1's second (queued at 295) is granted at 375 and holds the bus to
  // 437, line to 455. Core 0's ret misses on its stack at 375 behind it:
  // granted at 437, 437 + 197 + 4 = 638. Core 1's ret at 455 waits for that
  // transaction: 437 + 197 = 634, then 634 + 197 + 4 = 835.
  auto r = run_scenario("scenarios/counter2_locked.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(thread_cycles(r, "locked_inc2"), 375 + 62 + kMiss + 4);
  EXPECT_EQ(r.stats["threads"][1]["cycles"], 437 + kMiss + kMiss + 4);
  EXPECT_EQ(r.stats["interconnect"]["cache_to_cache"], 3);
}

std::string outcome(const Run& r, const char* reg) {
  std::string s;
  for (const auto& t : r.stats["threads"]) s += t["regs"][reg].get<std::string>() + " ";
  return s;
}

TEST(TimedTso, StoreBufferingShowsOnSkylakeNeverOnSc) {
  const std::string both_zero = "0x0000000000000000 0x0000000000000000 ";
  int skylake_zero = 0;
  for (int seed = 1; seed <= 6; ++seed) {
    std::vector<std::string> x = {"--seed", std::to_string(seed), "--jitter", "300"};
    auto tso = run_scenario("scenarios/sb.yaml", x);
    ASSERT_EQ(tso.exit_code, 0) << tso.err;
    skylake_zero += outcome(tso, "rax") == both_zero;
    x.insert(x.end(), {"--machine", "sc"});
    auto sc = run_scenario("scenarios/sb.yaml", x);
    ASSERT_EQ(sc.exit_code, 0) << sc.err;
    EXPECT_NE(outcome(sc, "rax"), both_zero) << "seed " << seed;
    auto fenced = run_scenario("scenarios/sb_mfence.yaml", {"--seed", std::to_string(seed), "--jitter", "300"});
    ASSERT_EQ(fenced.exit_code, 0) << fenced.err;
    EXPECT_NE(outcome(fenced, "rax"), both_zero) << "seed " << seed;
  }
  EXPECT_GT(skylake_zero, 0);
}

TEST(TimedTso, MessagePassingNeverViolated) {
  for (int seed = 1; seed <= 6; ++seed) {
    auto r = run_scenario("scenarios/mp.yaml", {"--seed", std::to_string(seed), "--jitter", "500"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.stats["threads"][1]["regs"]["rbx"], "0x000000000000002a") << "seed " << seed;
  }
}

// --check-sc: SB's only outcome no interleaving gives is both loads 0, so a
// run is SC exactly when it did not produce it, and its cycle is then the
// textbook one through sb.s lines 10, 11, 13 and 14. MP and a counter
// touched only by LOCK'd instructions are SC in every x86-TSO execution.
TEST(TimedScCheck, ReportsExactlyTheStoreBufferingReordering) {
  const std::string both_zero = "0x0000000000000000 0x0000000000000000 ";
  int reordered = 0;
  for (int seed = 1; seed <= 6; ++seed) {
    auto r = run_scenario("scenarios/sb.yaml", {"--check-sc", "--seed", std::to_string(seed), "--jitter", "300"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto& sc = r.stats["sc_check"];
    bool relaxed = outcome(r, "rax") == both_zero;
    EXPECT_EQ(sc["consistent"], !relaxed) << "seed " << seed;
    if (!relaxed) continue;
    ++reordered;
    std::vector<std::string> where, relations;
    for (const auto& e : sc["cycle"]) {
      where.push_back(e["where"]);
      relations.push_back(e["to_next"]);
    }
    auto first = std::min_element(where.begin(), where.end()) - where.begin();
    std::rotate(where.begin(), where.begin() + first, where.end());
    std::rotate(relations.begin(), relations.begin() + first, relations.end());
    EXPECT_EQ(where, (std::vector<std::string>{"scenarios/sb.s:10", "scenarios/sb.s:11", "scenarios/sb.s:13",
                                               "scenarios/sb.s:14"}));
    EXPECT_EQ(relations, (std::vector<std::string>{"po", "fr", "po", "fr"}));
    EXPECT_NE(r.out.find("NOT sequentially consistent"), std::string::npos);
  }
  EXPECT_GT(reordered, 0);
  auto sc_machine = run_scenario("scenarios/sb.yaml", {"--check-sc", "--machine", "sc", "--jitter", "300"});
  EXPECT_EQ(sc_machine.stats["sc_check"]["consistent"], true);
}

TEST(TimedScCheck, MessagePassingAndLockedCounterAreSc) {
  for (int seed = 1; seed <= 3; ++seed) {
    auto mp = run_scenario("scenarios/mp.yaml", {"--check-sc", "--seed", std::to_string(seed), "--jitter", "500"});
    EXPECT_EQ(mp.stats["sc_check"]["consistent"], true) << "seed " << seed;
  }
  auto counter = run_scenario("scenarios/lock_counter.yaml", {"--check-sc", "--jitter", "20"});
  EXPECT_EQ(counter.stats["sc_check"]["consistent"], true);
  // Every lock incq reads and writes the counter: 800 of each, plus the
  // loop's stack traffic.
  EXPECT_GE(counter.stats["sc_check"]["events"].get<uint64_t>(), 1600u);
}

TEST(TimedScCheck, RecordingChangesNoOtherStatistic) {
  // Recording turns spin fast-forward off, which is exact without jitter
  // (see TimedSpin).
  auto plain = run_scenario("scenarios/ticket_lock.yaml");
  auto checked = run_scenario("scenarios/ticket_lock.yaml", {"--check-sc"});
  ASSERT_EQ(checked.exit_code, 0) << checked.err;
  checked.stats.erase("sc_check");
  EXPECT_EQ(plain.stats.dump(), checked.stats.dump());
}

TEST(TimedAtomics, LockIncrementsNeverLoseAnUpdate) {
  auto r = run_scenario("scenarios/lock_counter.yaml", {"--jitter", "20"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.stats["memory"]["counter"], "0x0000000000000320");  // 8 x 100
  auto bus = run_scenario("scenarios/lock_counter.yaml", {"--set", "interconnect.lock_mode=bus_lock"});
  ASSERT_EQ(bus.exit_code, 0) << bus.err;
  EXPECT_EQ(bus.stats["memory"]["counter"], "0x0000000000000320");
  EXPECT_EQ(bus.stats["interconnect"]["bus_locks"], 800);
  EXPECT_GT(bus.stats["interconnect"]["bus_lock_cycles"].get<uint64_t>(), 800u * 18);
}

// A one-line L1 per core: the stack and the lock's line keep evicting each
// other, so the snoop filter must drop and regain copies all the time;
// the run's end-of-run filter check (and each transaction's SWMR check)
// would fail the run if it lost one.
TEST(TimedCoherence, SnoopFilterKeepsUpWithEvictions) {
  auto r = run_scenario("scenarios/ticket_lock.yaml", {"--set", "l1.sets=1", "--set", "l1.ways=1"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(r.stats["memory"]["inside"], "0x00000000000000c8");  // 8 threads x 25
  // Evictions show as misses the full-size L1 does not take.
  auto full = run_scenario("scenarios/ticket_lock.yaml");
  ASSERT_EQ(full.exit_code, 0) << full.err;
  auto misses = [](const json& stats) {
    uint64_t n = 0;
    for (const auto& c : stats["caches"]) n += c["misses"].get<uint64_t>();
    return n;
  };
  EXPECT_GT(misses(r.stats), misses(full.stats) + 100);
}

TEST(TimedAtomics, TicketLockProtectsItsCounter) {
  auto r = run_scenario("scenarios/ticket_lock.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.stats["memory"]["inside"], "0x00000000000000c8");  // 8 x 25
  EXPECT_EQ(r.stats["memory"]["slock"], "0x000000000000c8c8");   // head = tail = 200
}

TEST(TimedDeterminism, SameSeedSameStatsBitForBit) {
  auto a = run_scenario("scenarios/ticket_lock.yaml", {"--seed", "7", "--jitter", "40"});
  auto b = run_scenario("scenarios/ticket_lock.yaml", {"--seed", "7", "--jitter", "40"});
  ASSERT_EQ(a.exit_code, 0);
  EXPECT_EQ(a.stats.dump(), b.stats.dump());
  auto summary = [](const std::string& out) { return out.substr(0, out.rfind("stats: ")); };  // minus the --out paths
  EXPECT_EQ(summary(a.out), summary(b.out));
  auto c = run_scenario("scenarios/ticket_lock.yaml", {"--seed", "8", "--jitter", "40"});
  EXPECT_NE(a.stats["cycles"], c.stats["cycles"]);  // the seed does reach the timing
}

TEST(TimedSpin, FastForwardChangesNoResultOnlyHostTime) {
  // Spinning cores (ticket-lock waiters, the MP reader) sleep until a line
  // they read is invalidated; every statistic must equal plain execution.
  for (const char* scenario : {"scenarios/ticket_lock.yaml", "scenarios/mp.yaml"}) {
    auto plain = run_scenario(scenario, {"--set", "core.spin_fast_forward=0"});
    auto fast = run_scenario(scenario, {"--set", "core.spin_fast_forward=1"});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_EQ(plain.stats.dump(), fast.stats.dump()) << scenario;
  }
  // With jitter too, for loops of one load (multi-load loops such as
  // Peterson's are not fast-forwarded), and when the releasing store lands
  // in the very cycle the spinner starts watching.
  for (const char* seed : {"1", "2", "3"}) {
    for (const char* scenario : {"scenarios/peterson.yaml", "scenarios/mp.yaml", "scenarios/ticket_lock_2x2.yaml"}) {
      auto plain = run_scenario(scenario, {"--seed", seed, "--jitter", "40", "--set", "core.spin_fast_forward=0"});
      auto fast = run_scenario(scenario, {"--seed", seed, "--jitter", "40", "--set", "core.spin_fast_forward=1"});
      EXPECT_EQ(plain.stats.dump(), fast.stats.dump()) << scenario << " seed " << seed;
    }
  }
  // A spin with nobody to release it: 5000 cycles of cmp (4) + je (1).
  auto spin = run_scenario("tests/timed/spin_forever.yaml");
  EXPECT_EQ(spin.stats["cycles"], 5000);
  // Iteration 1's cmp misses (197 + 4: done at 201), its je ends at 202.
  // Iteration n >= 2 starts its cmp at 202 + 5(n-2); every load that starts
  // before cycle 5000 runs, so n <= 961, two instructions each.
  EXPECT_EQ(spin.stats["threads"][0]["instructions"], 2 * (1 + (5000 - 1 - 202) / 5 + 1));
}

TEST(TimedStats, StoreBufferOccupancyCoversEveryCycle) {
  auto r = run_scenario("scenarios/ticket_lock.yaml");
  for (const auto& t : r.stats["threads"]) {
    uint64_t sum = 0;
    for (const auto& c : t["store_buffer_occupancy_cycles"]) sum += c.get<uint64_t>();
    EXPECT_EQ(sum, t["cycles"].get<uint64_t>());
  }
}

// The AB-BA deadlock the explorer finds (explore_cli_test) happens on the
// timed machine too: each core spins in xchg on the lock the other holds.
// When max_cycles strikes, each core is somewhere in spin_lock's loop
// (abba.s:13-16: movl, xchgl, testl, jnz).
TEST(TimedHang, AbbaDeadlockNamesBothSpinningCores) {
  auto r = run_scenario("scenarios/abba.yaml");
  EXPECT_EQ(r.exit_code, 4);
  for (const char* core : {"core0", "core1"}) {
    const size_t at = r.err.find(std::string(core) + ": running at scenarios/abba.s:1");
    ASSERT_NE(at, std::string::npos) << r.err;
    const char line = r.err[at + std::string(core).size() + std::string(": running at scenarios/abba.s:1").size()];
    EXPECT_TRUE(line >= '3' && line <= '6') << r.err;
  }
  EXPECT_EQ(r.stats["memory"]["lock_a"], "0x0000000000000001");
  EXPECT_EQ(r.stats["memory"]["lock_b"], "0x0000000000000001");
  EXPECT_EQ(r.stats["memory"]["inside"], "0x0000000000000000");
}

TEST(TimedHang, MaxCyclesExitsFourNamesTheCulpritAndWritesStats) {
  auto r = run_scenario("tests/timed/spin_forever.yaml");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("max_cycles (5000) reached"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("core0: running at tests/timed/spin_forever.s:8"), std::string::npos) << r.err;
  EXPECT_EQ(r.stats["end"], "max_cycles");
}

TEST(TimedOutputs, ResolvedConfigCsvAndVcd) {
  auto dir = std::filesystem::temp_directory_path() / ("locksim-outputs-" + std::to_string(::getpid()));
  auto vcd = dir / "trace.vcd";
  auto r = run_locksim({"run", "scenarios/sb.yaml", "--out", dir.string(), "--vcd", vcd.string(), "--set",
                        "core.pause_latency=10"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string resolved = read_text(dir / "config.resolved.yaml");
  EXPECT_NE(resolved.find("pause_latency: 10"), std::string::npos);
  EXPECT_NE(resolved.find("memory_latency: 195"), std::string::npos);
  std::string csv = read_text(dir / "stats.csv");
  EXPECT_NE(csv.find("threads.0.regs.rax,0x0000000000000000"), std::string::npos);
  std::string trace = read_text(vcd);
  EXPECT_NE(trace.find("$scope module core0"), std::string::npos);
  EXPECT_NE(trace.find("occupancy"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// The cycle at which a core's traced store-buffer occupancy first drops to
// zero, or -1.
long long occupancy_empties_at(const std::string& vcd, const std::string& core) {
  const size_t scope = vcd.find("$scope module " + core + " $end");
  const size_t var = vcd.find("$var wire", scope);
  if (scope == std::string::npos || var == std::string::npos) return -1;
  std::istringstream decl(vcd.substr(var, vcd.find("$end", var) - var));
  std::string word, width, id;
  decl >> word >> word >> width >> id;
  std::istringstream changes(vcd.substr(vcd.find("$enddefinitions")));
  long long now = 0;
  for (std::string line; std::getline(changes, line);) {
    if (!line.empty() && line[0] == '#') now = std::stoll(line.substr(1));
    if (line == "b0 " + id) return now;
  }
  return -1;
}

// Stores leave the buffer when their bus request completes; the trace shows
// it in that very cycle, though no process of the core runs then. In SB on
// skylake-8 both stores retire at cycle 1 and queue behind both loads (a
// demand access goes before a drain at equal arrival):
//   1: core0 GetS y from memory, 2 + 195 = 197 cycles, bus free at 198
//   198: core1 GetS x from memory, bus free at 395
//   395: core0 GetM x, which core1 holds: 2 + 60 (two 30-cycle links) = 62 -> 457
//   457: core1 GetM y from core0: 62 -> 519
TEST(TimedOutputs, VcdStoreBufferEmptiesWhenEachDrainCompletes) {
  auto dir = std::filesystem::temp_directory_path() / ("locksim-vcd-" + std::to_string(::getpid()));
  auto vcd = dir / "trace.vcd";
  auto r = run_locksim({"run", "scenarios/sb.yaml", "--out", dir.string(), "--vcd", vcd.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string trace = read_text(vcd);
  EXPECT_EQ(occupancy_empties_at(trace, "core0"), 457) << trace;
  EXPECT_EQ(occupancy_empties_at(trace, "core1"), 519) << trace;
  std::filesystem::remove_all(dir);
}

TEST(TimedConfigs, EveryShippedConfigRunsTheSbScenario) {
  for (const auto& e : std::filesystem::directory_iterator(std::string(LOCKSIM_SOURCE_DIR) + "/configs")) {
    auto r = run_scenario("scenarios/sb.yaml", {"--machine", e.path().stem().string()});
    EXPECT_EQ(r.exit_code, 0) << e.path() << r.err;
    EXPECT_EQ(r.stats["machine"], e.path().stem().string());
  }
}

}  // namespace
}  // namespace locksim
