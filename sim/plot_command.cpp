#include "sim/plot_command.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cpu/input_error.h"
#include "sim/output_file.h"

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

Json read_stats(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot open stats file '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  try {
    return Json::parse(s);
  } catch (const Json::parse_error& e) {
    // Report where, as every other input does.
    unsigned line = 1, column = 1;
    for (size_t i = 0; i + 1 < e.byte && i < s.size(); ++i) {
      if (s[i] == '\n') line++, column = 1;
      else ++column;
    }
    std::string what = e.what();
    throw InputError(path, line, column, "invalid JSON: " + what.substr(what.find(": ") + 2));
  }
}

uint64_t number(const Json& j, const std::string& path, const std::string& key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number_unsigned())
    throw InputError(path, "not a locksim stats.json: expected a number at '" + key + "'");
  return j[key].get<uint64_t>();
}

// The gnuplot script, data inline.
std::string stall_script(const Json& stats, const std::string& path, const std::string& output, bool png) {
  if (!stats.is_object() || !stats.contains("threads") || !stats["threads"].is_array() || stats["threads"].empty())
    throw InputError(path, "not a locksim stats.json: expected a non-empty 'threads' list");
  // Threads running one routine are labelled T0, T1, ...; otherwise each
  // label names its routine too.
  std::set<std::string> entries;
  for (const auto& t : stats["threads"])
    if (t.is_object() && t.contains("entry") && t["entry"].is_string()) entries.insert(t["entry"].get<std::string>());
  const bool name_in_label = entries.size() > 1;
  entries.clear();
  std::string data = "\"thread\" \"busy\"";
  for (const auto& [key, label] : kCauses) data += fmt::format(" \"{}\"", label);
  data += "\n";
  for (const auto& t : stats["threads"]) {
    const uint64_t cycles = number(t, path, "cycles");
    if (!t.contains("stall_cycles")) throw InputError(path, "not a locksim stats.json: a thread lacks 'stall_cycles'");
    uint64_t stalled = 0;
    std::string row;
    for (const auto& [key, label] : kCauses) {
      uint64_t c = number(t["stall_cycles"], path, key);
      stalled += c;
      row += fmt::format(" {}", c);
    }
    const std::string name = t.contains("entry") && t["entry"].is_string() ? t["entry"].get<std::string>() : "?";
    entries.insert(name);
    data += fmt::format("\"T{}{}\" {}{}\n", number(t, path, "core"), name_in_label ? " " + name : "",
                        cycles >= stalled ? cycles - stalled : 0, row);
  }
  std::string xlabel = "thread";
  if (entries.size() == 1) xlabel += ", each running " + *entries.begin();
  const std::string terminal = png ? "pngcairo size 1000,520 font 'sans,10'"
                                                        : "svg size 1000,520 dynamic font 'sans,11'";
  const std::string scenario = stats.value("scenario", std::string("?"));
  const std::string machine = stats.value("machine", std::string("?"));
  return fmt::format(R"(set terminal {}
set output '{}'
set title "{} on {}: where each thread's cycles went" noenhanced
set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border -1
set boxwidth 0.7
set ylabel "cycles"
set xlabel "{}" noenhanced
set grid ytics
set key outside right top vertical noenhanced
set xtics noenhanced
$cycles << EOD
{}EOD
plot for [i=2:{}] $cycles using i:xtic(1) title columnheader(i)
)",
                     terminal, output, scenario, machine, xlabel, data, 2 + std::size(kCauses));
}

}  // namespace

int run_plot_command(const PlotRequest& request, std::ostream& out, std::ostream& err) {
  const Json stats = read_stats(request.stats);
  std::string output = request.output;
  if (output.empty()) output = (std::filesystem::path(request.stats).parent_path() / "stalls.svg").string();
  if (!output.ends_with(".svg") && !output.ends_with(".png"))
    throw InputError("--out: expected a .svg or .png file name, got '" + output + "'");
  // gnuplot draws into a temporary file, renamed once complete.
  const std::string partial = output + ".tmp";
  const std::string script_path = output + ".gp.tmp";
  require_writable(output, "--out");
  write_file(script_path, stall_script(stats, request.stats, partial, output.ends_with(".png")));

  char gnuplot[] = "gnuplot";
  std::string script_arg = script_path;
  char* argv[] = {gnuplot, script_arg.data(), nullptr};
  pid_t pid;
  int status = 0;
  const int spawned = posix_spawnp(&pid, "gnuplot", nullptr, nullptr, argv, environ);
  if (spawned == 0) waitpid(pid, &status, 0);
  std::error_code ec;
  std::filesystem::remove(script_path, ec);
  if (spawned != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::filesystem::remove(partial, ec);
    err << (spawned != 0 ? "error: cannot run gnuplot (install gnuplot-nox; scripts/install-deps.sh does)\n"
                         : "error: gnuplot failed\n");
    return 3;
  }
  std::filesystem::rename(partial, output);
  out << "plot: " << output << "\n";
  return 0;
}

}  // namespace locksim
