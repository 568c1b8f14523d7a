#include "sim/report/plot.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "cpu/asm/input_error.h"
#include "cpu/asm/input_file.h"
#include "sim/input/json_input.h"
#include "sim/report/output_file.h"

extern char** environ;

namespace locksim {
namespace {

using Json = nlohmann::json;

// The stall causes of stats.json, in the order they are stacked.
constexpr std::pair<const char*, const char*> kCauses[] = {
    {"load_miss", "load miss"},
    {"store_miss", "store miss"},
    {"store_forward", "store forward"},
    {"store_buffer_full", "store buffer full"},
    {"drain_fence", "drain for fence"},
    {"drain_lock", "drain for LOCK"},
    {"interconnect_wait", "interconnect wait"},
};

uint64_t number(const Json& j, const std::string& path, const std::string& key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number_unsigned())
    throw InputError(path, "not a locksim stats.json: expected a number at '" + key + "'");
  return j[key].get<uint64_t>();
}

std::string text_or(const Json& j, const char* key, const char* fallback) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : fallback;
}

}  // namespace

// Text from the stats file reaches gnuplot only inside single quotes, where
// gnuplot substitutes nothing (no `command`, no @macro, no escapes) and ''
// is the one way to write a quote. A line break would end the command, so
// control characters are shown as \n, \t or \xHH instead.
std::string gnuplot_quoted(const std::string& s) {
  std::string out = "'";
  for (unsigned char c : s) {
    if (c == '\'') out += "''";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
    else out += static_cast<char>(c);
  }
  return out + "'";
}

std::string stall_plot_script(const std::string& stats_path, const std::string& stats_text, bool png) {
  const Json stats = parse_json(stats_path, stats_text);
  if (!stats.is_object() || !stats.contains("threads") || !stats["threads"].is_array() || stats["threads"].empty())
    throw InputError(stats_path, "not a locksim stats.json: expected a non-empty 'threads' list");
  // Threads running one routine are labelled T0, T1, ...; otherwise each
  // label names its routine too.
  std::set<std::string> entries;
  for (const auto& t : stats["threads"]) entries.insert(text_or(t, "entry", "?"));
  const bool name_in_label = entries.size() > 1;
  // The data are numbers only; every name is a tic label in the script.
  std::string data;  // per row: its index, busy cycles, each cause
  std::string tics;
  size_t row = 0;
  for (const auto& t : stats["threads"]) {
    const uint64_t cycles = number(t, stats_path, "cycles");
    if (!t.contains("stall_cycles")) throw InputError(stats_path, "not a locksim stats.json: a thread lacks 'stall_cycles'");
    uint64_t stalled = 0;
    std::string counts;
    for (const auto& [key, label] : kCauses) {
      const uint64_t c = number(t["stall_cycles"], stats_path, key);
      stalled = c > UINT64_MAX - stalled ? UINT64_MAX : stalled + c;
      counts += fmt::format(" {}", c);
    }
    data += fmt::format("{} {}{}\n", row, cycles >= stalled ? cycles - stalled : 0, counts);
    const std::string label = fmt::format("T{}{}", number(t, stats_path, "core"),
                                          name_in_label ? " " + text_or(t, "entry", "?") : "");
    tics += fmt::format("{}{} {}", row ? ", " : "", gnuplot_quoted(label), row);
    ++row;
  }
  std::string xlabel = "thread";
  if (entries.size() == 1) xlabel += ", each running " + *entries.begin();
  // The key's titles are this file's own words, one gnuplot word() each.
  std::string titles = "busy";
  for (const auto& [key, label] : kCauses) titles += fmt::format(" \"{}\"", label);
  const std::string terminal = png ? "pngcairo size 1000,520 font 'sans,10'" : "svg size 1000,520 dynamic font 'sans,11'";
  const std::string title = text_or(stats, "scenario", "?") + " on " + text_or(stats, "machine", "?") +
                            ": where each thread's cycles went";
  // No `set output`: gnuplot writes the image to its standard output, which
  // the caller points at the file, so no path appears in the script either.
  return fmt::format(R"(set terminal {}
set title {} noenhanced
set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border -1
set boxwidth 0.7
set ylabel 'cycles'
set xlabel {} noenhanced
set grid ytics
set key outside right top vertical noenhanced
set xtics ({}) noenhanced
titles = {}
$cycles << EOD
{}EOD
plot for [i=2:{}] $cycles using i title word(titles, i - 1)
)",
                     terminal, gnuplot_quoted(title), gnuplot_quoted(xlabel), tics, gnuplot_quoted(titles), data, 2 + std::size(kCauses));
}

int run_plot_command(const PlotRequest& request, std::ostream& out, std::ostream& err) {
  const std::string stats_text = read_input_file(request.stats, "stats file");
  std::string output = request.output;
  if (output.empty()) output = (std::filesystem::path(request.stats).parent_path() / "stalls.svg").string();
  if (!output.ends_with(".svg") && !output.ends_with(".png"))
    throw InputError("--out: expected a .svg or .png file name, got '" + output + "'");
  require_output_file(output, "--out");
  const std::string script = stall_plot_script(request.stats, stats_text, output.ends_with(".png"));
  const auto script_path = temporary_beside(output, "--out");
  write_temporary(script_path, script, output, "--out");
  const auto partial = temporary_beside(output, "--out");

  // gnuplot reads the script (argv) and writes the image to stdout: the
  // partial file, moved onto the output only if gnuplot succeeds.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, partial.c_str(), O_WRONLY | O_TRUNC, 0);
  char gnuplot[] = "gnuplot";
  std::string script_arg = script_path.string();
  char* argv[] = {gnuplot, script_arg.data(), nullptr};
  pid_t pid;
  int status = 0;
  const int spawned = posix_spawnp(&pid, "gnuplot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == 0) waitpid(pid, &status, 0);
  std::error_code ec;
  std::filesystem::remove(script_path, ec);
  if (spawned != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::filesystem::remove(partial, ec);
    err << (spawned != 0 ? "error: cannot run gnuplot (install gnuplot-nox; scripts/install-deps.sh does)\n"
                         : "error: gnuplot failed\n");
    return 3;
  }
  commit_output(partial, output, "--out");
  out << "plot: " << output << "\n";
  return 0;
}

}  // namespace locksim
