// locksim's command line.
#include "sim/cli/cli.h"

#include <CLI/CLI.hpp>
#include <malloc.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cpu/asm/input_error.h"
#include "sim/report/errors.h"
#include "sim/cli/exec_command.h"
#include "sim/cli/explore_command.h"
#include "sim/input/litmus.h"
#include "sim/report/plot.h"
#include "sim/cli/run_command.h"
#include "sim/explore/tso_explorer.h"
#include "sim/input/value_parse.h"

namespace locksim {
namespace {

// A count option: CLI11 converts "-1" to 2^64-1 and clamps what does not
// fit, so the text is checked before any conversion.
CLI::Validator whole_number() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        return parse_unsigned(s) ? "" : "expected a whole number from 0 to 18446744073709551615, found '" + s + "'";
      },
      "UINT");
}

// Becomes locksim-timed (from beside this executable) with the same
// arguments; returns only if that fails.
int exec_timed_engine(char** argv) {
  auto path = std::filesystem::read_symlink("/proc/self/exe").parent_path() / kTimedExecutable;
  std::cout.flush();
  execv(path.c_str(), argv);
  std::cerr << "error: cannot start the timed engine " << path.string() << ": " << std::strerror(errno) << "\n";
  return 3;
}

// Keep freed memory for reuse instead of returning it to the kernel: on a
// VM each fresh page costs a fault of microseconds, and a litmus sweep in
// one process builds and drops an explorer per test (23,000 faults and
// 0.67 s for the shared set by default, 900 and 0.37 s with this).
void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
}

}  // namespace

int cli_main(int argc, char** argv, const TimedEngine* engine) {
  keep_freed_memory();
  CLI::App app{"locksim: cycle-level x86-64 multiprocessor simulator for kernel lock primitives"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show help for every subcommand");

  ExecRequest exec;
  auto* exec_cmd = app.add_subcommand("exec", "Run one thread of an assembly file and print its final state as JSON");
  exec_cmd->add_option("file", exec.files, "AT&T-syntax assembly file(s)")->required();
  exec_cmd->add_option("--entry", exec.entry, "Symbol to start at; runs until it returns")->required();
  exec_cmd->add_option("--reg", exec.reg_assignments,
                       "Initial value NAME=VALUE (rax..r15, rflags, fs_base, gs_base); repeatable");
  exec_cmd->add_option("--max-steps", exec.max_steps, "Stop with exit code 3 after this many instructions")
      ->check(whole_number())
      ->capture_default_str();
  exec_cmd->footer("Exit codes: 0 returned, 2 bad input, 3 step limit or CPU fault, 5 internal error.");

  RunRequest run;
  auto* run_cmd = app.add_subcommand("run", "Run a YAML scenario on the timed (SystemC) engine");
  run_cmd->add_option("scenario", run.scenario, "Scenario file (scenarios/*.yaml)")->required();
  run_cmd->add_option("--out", run.out_dir, "Directory for stats.json, stats.csv, config.resolved.yaml")
      ->capture_default_str();
  run_cmd->add_option("--set", run.sets, "Override a machine parameter KEY=VALUE (e.g. core.pause_latency=10)");
  run_cmd->add_option("--vcd", run.vcd, "Write a VCD waveform (store-buffer occupancy per core)");
  run_cmd->add_option("--machine", run.machine, "Run on this machine instead (a configs/ name or a YAML path)");
  run_cmd->add_option("--seed", run.seed, "Seed for timing jitter (replaces the scenario's)")->check(whole_number());
  run_cmd->add_flag("--check-sc", run.check_sc,
                    "Record every memory access and report whether the run was sequentially consistent; if not,\n"
                    "print a cycle of po/rf/co/fr edges: the reordering the run exhibited");
  run_cmd->add_flag("--schedule", run.schedule,
                    "Also write schedule.json: every step in the order it acted on memory (each instruction that\n"
                    "touches memory, each store leaving a buffer) and the final state; `locksim explore --replay`\n"
                    "replays it on the x86-TSO machine");
  run_cmd->add_option("--jitter", run.jitter, "Up to this many extra cycles per bus transaction, seeded")
      ->check(CLI::Range(0, 1000000));
  run_cmd->footer("Exit codes: 0 all threads returned, 2 bad input, 3 CPU fault, 4 max_cycles or watchdog, 5 internal error.");
  ExploreRequest explore;
  auto* explore_cmd = app.add_subcommand("explore", "Explore every x86-TSO execution of a scenario");
  explore_cmd->add_option("scenario", explore.scenario, "Scenario file; its check: condition is verified")->required();
  explore_cmd->add_option("--max-states", explore.max_states, "Give up (verdict: Incomplete) beyond this many states")
      ->capture_default_str()
      ->check(whole_number() & CLI::Range(uint64_t{1}, kMaxExploreStates));
  explore_cmd->add_option("--max-memory", explore.max_memory_mib,
                          "Give up (verdict: Incomplete) once the search's tables take more than this many MiB")
      ->capture_default_str()
      ->check(whole_number() & CLI::Range(uint64_t{1}, uint64_t{1} << 30));
  explore_cmd->add_option("--json", explore.json_path,
                          "Also write the verdict, counts and the witness or counterexample schedule as JSON here");
  explore_cmd->add_option("--machine", explore.machine,
                          "Explore this machine instead (a configs/ name or a YAML path); one without store buffers\n"
                          "(store_buffer.entries: 0, as configs/sc.yaml) explores sequentially consistent executions");
  explore_cmd->add_option("--model", explore.model,
                          "Memory model: tso (x86-TSO, store buffers; the default) or sc (no store buffers: sequential "
                          "consistency), to tell a store-buffer race from an interleaving race")
      ->check(CLI::IsMember({"tso", "sc"}));
  explore_cmd->add_option("--replay", explore.replay,
                          "Replay a timed run's schedule.json (`locksim run --schedule`) on the x86-TSO machine and\n"
                          "check the search lists its final state (instead of checking the condition)");
  explore_cmd->add_flag("--progress", explore.progress,
                        "Print a progress line to stderr about once a second (the default when stderr is a terminal)");
  explore_cmd->footer("Exit codes: 0 Ok, 1 No (with the shortest counterexample), 2 bad input, 3 incomplete or fault, 5 internal error.");
  std::vector<std::string> litmus_files;
  uint64_t litmus_max_states = 2'000'000;
  auto* litmus_cmd = app.add_subcommand("litmus", "Check herd7-format litmus tests (X86 and X86_64 dialects) under x86-TSO");
  litmus_cmd->add_option("files", litmus_files, "Litmus files")->required();
  litmus_cmd->add_option("--max-states", litmus_max_states, "Stop exploring beyond this many states (prints 'Loop')")
      ->capture_default_str()
      ->check(whole_number() & CLI::Range(uint64_t{1}, kMaxExploreStates));
  litmus_cmd->footer(
      "Prints herd7's result block per test. States, Ok/No and the Observation kind match herd7; the\n"
      "Positive/Negative numbers count distinct final states (herd7 counts executions).");
  PlotRequest plot;
  auto* plot_cmd = app.add_subcommand("plot", "Plot a run's stats.json with gnuplot: each thread's cycles, busy and stalled by cause");
  plot_cmd->add_option("stats", plot.stats, "stats.json written by `locksim run`")->required();
  plot_cmd->add_option("--out", plot.output, "Image to write (.svg or .png); default: stalls.svg beside the stats");
  plot_cmd->footer("Exit codes: 0 written, 2 bad input, 3 gnuplot missing or failed.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;  // CLI11 uses 100-127 for parse errors; bad input is 2 here
  }

  try {
    if (*exec_cmd) return run_exec_command(exec, std::cout, std::cerr);
    if (*run_cmd) return engine ? engine->run(run, std::cout, std::cerr) : exec_timed_engine(argv);
    if (*explore_cmd) {
      explore.progress = explore.progress || isatty(STDERR_FILENO);
      return run_explore_command(explore, std::cout, std::cerr);
    }
    if (*litmus_cmd) {
      for (const auto& f : litmus_files) print_herd_block(run_litmus(f, litmus_max_states), std::cout);
      return 0;
    }
    if (*plot_cmd) return run_plot_command(plot, std::cout, std::cerr);
  } catch (...) {
    return report_current_exception(std::cerr);
  }
  return 0;
}

}  // namespace locksim
