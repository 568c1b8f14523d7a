#include "sim/cli/run_command.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cpu/asm/assembler.h"
#include "cpu/asm/input_error.h"
#include "sim/report/errors.h"
#include "sim/timed/machine.h"
#include "sim/report/output_file.h"
#include "sim/check/sc_check.h"
#include "sim/input/scenario.h"

namespace locksim {
namespace {

using Json = nlohmann::ordered_json;

std::string hex64(uint64_t v) { return fmt::format("{:#018x}", v); }

Json ratio(uint64_t num, uint64_t den) { return den == 0 ? Json(nullptr) : Json(static_cast<double>(num) / den); }

Json collect_stats(const Scenario& s, const cpu::Program& program, const Machine& m, const RunResult& r) {
  Json j;
  j["scenario"] = s.file;
  j["machine"] = s.machine.name;
  j["seed"] = s.seed;
  j["jitter"] = s.jitter;
  j["end"] = r.end == RunEnd::Completed ? "completed" : r.end == RunEnd::Fault ? "fault"
             : r.end == RunEnd::Watchdog ? "watchdog" : r.end == RunEnd::InternalError ? "internal_error"
             : r.end == RunEnd::Violation ? "violation" : r.end == RunEnd::LostWakeup ? "lost_wakeup" : "max_cycles";
  j["cycles"] = r.cycles;
  static constexpr cpu::Gpr kOrder[] = {cpu::RAX, cpu::RBX, cpu::RCX, cpu::RDX, cpu::RSI, cpu::RDI, cpu::RBP, cpu::RSP,
                                        cpu::R8,  cpu::R9,  cpu::R10, cpu::R11, cpu::R12, cpu::R13, cpu::R14, cpu::R15};
  const bool scheduling = m.scheduler().scheduling();
  // What a CPU measured (the thread's own, when it is pinned to its CPU).
  auto cpu_stats = [](Json& t, const CoreStats& st) {
    t["stall_cycles"] = {{"load_miss", st.stall_load_miss},
                         {"store_miss", st.stall_store_miss},
                         {"store_forward", st.stall_store_forward},
                         {"store_buffer_full", st.stall_store_buffer_full},
                         {"drain_fence", st.stall_drain_fence},
                         {"drain_lock", st.stall_drain_lock},
                         {"interconnect_wait", st.stall_interconnect}};
    t["forwarded_loads"] = st.forwarded_loads;
    t["store_forward_stalls"] = st.store_forward_stalls;
    auto occ = st.store_buffer_occupancy;
    while (occ.size() > 1 && occ.back() == 0) occ.pop_back();
    t["store_buffer_occupancy_cycles"] = occ;
  };
  j["threads"] = Json::array();
  for (uint32_t i = 0; i < m.thread_count(); ++i) {
    const TimedThread& th = m.scheduler().thread(i);
    Json t;
    t["core"] = scheduling ? th.cpu : static_cast<int>(i);
    t["entry"] = s.threads[i].entry;
    for (cpu::Gpr g : kOrder) t["regs"][std::string(cpu::kGpr64Names[g])] = hex64(th.state.regs[g]);
    const uint64_t cycles = scheduling ? th.finish_cycle : m.core(i).stats().finish_cycle;
    t["cycles"] = cycles;
    t["instructions"] = th.instructions;
    t["ipc"] = ratio(th.instructions, cycles);
    if (scheduling) {
      static constexpr const char* kStatus[] = {"running", "ready", "sleeping", "done", "failed"};
      t["state"] = kStatus[static_cast<int>(th.status)];
      t["dispatches"] = th.dispatches;
      t["sleeps"] = th.sleeps;
      t["preemptions"] = th.preemptions;
    } else {
      cpu_stats(t, m.core(i).stats());
    }
    j["threads"].push_back(t);
  }
  if (scheduling) {
    j["cpus"] = Json::array();
    for (uint32_t c = 0; c < m.scheduler().cpus(); ++c) {
      const CoreStats& st = m.core(c).stats();
      Json t;
      t["cpu"] = c;
      t["cycles"] = st.finish_cycle;
      t["instructions"] = st.instructions;  // threads' and the switch routine's
      cpu_stats(t, st);
      j["cpus"].push_back(t);
    }
  }
  j["caches"] = Json::array();
  for (uint32_t i = 0; i < s.machine.cores; ++i) {
    const auto& st = m.l1(i).stats();
    if (st.hits == 0 && st.misses == 0) continue;
    Json c;
    c["core"] = i;
    c["hits"] = st.hits;
    c["misses"] = st.misses;
    c["hit_rate"] = ratio(st.hits, st.hits + st.misses);
    c["transitions"] = Json::object();
    for (int a = 0; a < 4; ++a)
      for (int b = 0; b < 4; ++b)
        if (st.transitions[a][b])
          c["transitions"][fmt::format("{}->{}", cache::mesi_name(static_cast<cache::Mesi>(a)),
                                       cache::mesi_name(static_cast<cache::Mesi>(b)))] = st.transitions[a][b];
    j["caches"].push_back(c);
  }
  const auto& ic = m.interconnect().stats;
  j["interconnect"] = {{"transactions",
                        {{"GetS", ic.transactions[1]}, {"GetM", ic.transactions[2]}, {"Upgrade", ic.transactions[3]}}},
                       {"cache_to_cache", ic.cache_to_cache},
                       {"writebacks", ic.writebacks},
                       {"bus_locks", ic.bus_locks},
                       {"bus_lock_cycles", ic.bus_lock_cycles}};
  j["memory"] = Json::object();
  for (const auto& label : program.data_labels) j["memory"][label.name] = hex64(m.memory().peek(label.address, 8));
  return j;
}

Json sc_check_json(const ScVerdict& v, const Execution& execution, const cpu::Program& program) {
  Json j;
  j["consistent"] = v.consistent;
  j["events"] = v.events;
  j["edges"] = v.edges;
  j["events_on_cycles"] = v.events_on_cycles;
  j["cycle"] = Json::array();
  for (const auto& step : v.cycle) {
    const MemoryEvent& e = execution.events()[step.event];
    const cpu::Instr& in = program.code[e.instr];
    j["cycle"].push_back({{"thread", e.thread},
                          {"where", program.where(in)},
                          {"instruction", program.source_text(in)},
                          {"access", e.write ? "write" : "read"},
                          {"location", program.location_name(e.address)},
                          {"value", hex64(e.value)},
                          {"to_next", relation_name(step.to_next)}});
  }
  return j;
}

void flatten(const Json& j, const std::string& prefix, std::string& csv) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) flatten(v, prefix.empty() ? k : prefix + "." + k, csv);
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) flatten(j[i], prefix + "." + std::to_string(i), csv);
  } else {
    csv += prefix + "," + (j.is_string() ? j.get<std::string>() : j.dump()) + "\n";
  }
}

}  // namespace

int run_run_command(const RunRequest& request, std::ostream& out, std::ostream& err) {
  Scenario s = load_scenario(request.scenario, request.sets, request.machine);
  if (request.seed) s.seed = *request.seed;
  if (request.jitter) s.jitter = *request.jitter;
  cpu::Program program = cpu::assemble_files(s.program);
  const kernel::Spec spec = kernel_spec(s, program);
  if (spec.scheduling && request.schedule)
    throw InputError("--schedule: `explore --replay` does not replay thread switches yet, and this scenario switches "
                     "threads (cpus, preemptions, or a blocking service)");
  std::vector<uint32_t> entries;
  for (uint32_t i = 0; i < s.threads.size(); ++i) entries.push_back(thread_entry(s, program, i));
  std::error_code ec;
  std::filesystem::create_directories(request.out_dir, ec);
  if (ec || !std::filesystem::is_directory(request.out_dir, ec))
    throw InputError("--out: cannot create directory '" + request.out_dir + "'");
  const std::filesystem::path dir(request.out_dir);
  for (const char* name : {"stats.json", "stats.csv", "config.resolved.yaml"}) require_output_file(dir / name, "--out");
  if (request.schedule) require_output_file(dir / "schedule.json", "--out");
  // SystemC appends ".vcd" to the name it is given, and writes as it goes:
  // it writes to a temporary name, moved onto --vcd once the run is over.
  std::filesystem::path vcd_partial;
  if (!request.vcd.empty()) {
    if (!request.vcd.ends_with(".vcd") || request.vcd.size() == 4)
      throw InputError("--vcd: expected a file name ending in .vcd, got '" + request.vcd + "'");
    require_output_file(request.vcd, "--vcd");
    vcd_partial = temporary_beside(request.vcd, "--vcd");
    std::filesystem::remove(vcd_partial, ec);
  }

  // "Simulation stopped by user" is how every run ends; not news.
  sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  Machine machine(s.machine, program, s.seed, s.jitter, spec);
  for (size_t i = 0; i < s.threads.size(); ++i) {
    cpu::CpuState st = initial_state(s.threads[i], static_cast<uint32_t>(i));
    machine.assign_thread(static_cast<uint32_t>(i), entries[i], st);
  }
  sc_core::sc_trace_file* vcd = nullptr;
  if (!vcd_partial.empty()) {
    vcd = sc_core::sc_create_vcd_trace_file(vcd_partial.c_str());
    vcd->set_time_unit(1, sc_core::SC_NS);
    machine.trace_to(vcd);
  }
  Execution execution;
  if (request.check_sc) machine.record_to(&execution);
  std::vector<uint32_t> schedule;
  if (request.schedule) machine.schedule_to(&schedule);
  RunResult result = machine.run(s.max_cycles);
  if (vcd) {
    sc_core::sc_close_vcd_trace_file(vcd);
    commit_output(vcd_partial.string() + ".vcd", request.vcd, "--vcd");
  }

  Json stats = collect_stats(s, program, machine, result);
  std::optional<ScVerdict> sc;
  if (request.check_sc) {
    sc = check_sc(execution);
    stats["sc_check"] = sc_check_json(*sc, execution, program);
  }
  std::string csv = "metric,value\n";
  flatten(stats, "", csv);
  write_file(dir / "stats.json", stats.dump(2) + "\n", "--out");
  write_file(dir / "stats.csv", csv, "--out");
  write_file(dir / "config.resolved.yaml", resolved_config_yaml(s.machine), "--out");
  if (request.schedule) {
    // The steps in the order they acted on memory, and where they ended.
    Json j;
    j["scenario"] = s.file;
    j["machine"] = s.machine.name;
    j["seed"] = s.seed;
    j["jitter"] = s.jitter;
    j["end"] = stats["end"];
    j["steps"] = schedule;
    Json regs = Json::array();
    for (const auto& t : stats["threads"]) regs.push_back(t["regs"]);
    j["final"] = {{"regs", regs}, {"memory", stats["memory"]}};
    write_file(dir / "schedule.json", j.dump() + "\n", "--out");
  }

  out << fmt::format("{} on {}: {} cycles ({})\n", s.file, s.machine.name, result.cycles, stats["end"].get<std::string>());
  const auto row = [&](const std::string& who, const std::string& entry, const Json& t) {
    const auto& sc = t["stall_cycles"];
    out << fmt::format("{:>6} {:<24} {:>12} {:>10} {:>10} {:>9} {:>9} {:>9} {:>9}\n", who, entry,
                       t["instructions"].get<uint64_t>(), t["cycles"].get<uint64_t>(), sc["load_miss"].get<uint64_t>(),
                       sc["store_buffer_full"].get<uint64_t>(), sc["drain_fence"].get<uint64_t>(),
                       sc["drain_lock"].get<uint64_t>(), sc["interconnect_wait"].get<uint64_t>());
  };
  if (!stats.contains("cpus")) {
    out << fmt::format("{:>6} {:<24} {:>12} {:>10} {:>10} {:>9} {:>9} {:>9} {:>9}\n", "thread", "entry",
                       "instructions", "cycles", "load-miss", "sb-full", "fence", "lock", "bus-wait");
    for (const auto& t : stats["threads"]) row(std::to_string(t["core"].get<int>()), t["entry"].get<std::string>(), t);
  } else {
    out << fmt::format("{:>6} {:<24} {:>12} {:>10} {:>9} {:>9} {:>9} {:>9}\n", "thread", "entry", "instructions",
                       "cycles", "cpu", "runs", "sleeps", "preempts");
    for (size_t i = 0; i < stats["threads"].size(); ++i) {
      const auto& t = stats["threads"][i];
      out << fmt::format("{:>6} {:<24} {:>12} {:>10} {:>9} {:>9} {:>9} {:>9}{}\n", "T" + std::to_string(i),
                         t["entry"].get<std::string>(), t["instructions"].get<uint64_t>(), t["cycles"].get<uint64_t>(),
                         t["core"].get<int>(), t["dispatches"].get<uint64_t>(), t["sleeps"].get<uint64_t>(),
                         t["preemptions"].get<uint64_t>(),
                         t["state"] == "done" ? "" : " (" + t["state"].get<std::string>() + ")");
    }
    out << fmt::format("{:>6} {:<24} {:>12} {:>10} {:>10} {:>9} {:>9} {:>9} {:>9}\n", "cpu", "", "instructions",
                       "cycles", "load-miss", "sb-full", "fence", "lock", "bus-wait");
    for (const auto& t : stats["cpus"]) row(std::to_string(t["cpu"].get<int>()), "", t);
  }
  std::string mem;
  for (const auto& [k, v] : stats["memory"].items()) mem += " " + k + "=" + v.get<std::string>();
  if (!mem.empty()) out << "memory:" << mem << "\n";
  if (sc) {
    out << fmt::format("SC check: {} events, {} edges (po rf co fr): {}\n", sc->events, sc->edges,
                       sc->consistent ? "sequentially consistent" : "NOT sequentially consistent");
    if (!sc->consistent) {
      out << fmt::format("  {} events lie on cycles; a shortest cycle found, the reordering this run exhibited:\n",
                         sc->events_on_cycles);
      for (const auto& line : describe_cycle(*sc, execution, program)) out << "    " << line << "\n";
    }
  }
  out << "stats: " << (dir / "stats.json").string() << ", " << (dir / "stats.csv").string() << ", "
      << (dir / "config.resolved.yaml").string() << (request.schedule ? ", " + (dir / "schedule.json").string() : "")
      << "\n";
  err << result.report;
  switch (result.end) {
    case RunEnd::Completed: return 0;
    case RunEnd::Fault: case RunEnd::Violation: return 3;
    case RunEnd::InternalError: return kExitInternalError;
    default: return 4;
  }
}

}  // namespace locksim
