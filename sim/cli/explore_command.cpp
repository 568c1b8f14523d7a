#include "sim/cli/explore_command.h"

#include "sim/report/errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <map>
#include <optional>

#include "cpu/asm/assembler.h"
#include "cpu/asm/input_error.h"
#include "cpu/asm/input_file.h"
#include "cpu/registers.h"
#include "sim/input/json_input.h"
#include "sim/input/value_parse.h"
#include "sim/check/condition.h"
#include "sim/report/output_file.h"
#include "cpu/memory_layout.h"
#include "sim/input/scenario.h"
#include "sim/explore/tso_explorer.h"

namespace locksim {
namespace {

using Json = nlohmann::ordered_json;

// How a schedule is shown: a context's traffic with its own stack (return
// addresses, saved registers) is noise there, unless another touches those
// bytes too. Contexts are the threads, then each CPU's switch routine.
struct ScheduleView {
  const cpu::Program& program;
  const TsoExplorer& explorer;
  uint32_t threads;
  uint32_t contexts;
  bool hidden(uint32_t context, uint64_t address) const {
    return cpu::stack_owner(address, contexts) == static_cast<int>(context) && !explorer.stack_shared(address);
  }
  // A symbol, where in which thread's stack, or which kernel structure.
  std::string location(uint64_t address) const {
    const int owner = cpu::stack_owner(address, contexts);
    if (owner >= static_cast<int>(threads))
      return fmt::format("CPU{} kernel stack-{:#x}", owner - static_cast<int>(threads),
                         cpu::stack_top(static_cast<uint32_t>(owner)) - address);
    if (owner >= 0) return fmt::format("T{} stack-{:#x}", owner, cpu::stack_top(static_cast<uint32_t>(owner)) - address);
    const kernel::Layout& l = explorer.kernel().layout;
    if (address >= kernel::kKernelBase && address < kernel::kKernelBase + l.size()) {
      const uint64_t cpu_bytes = l.cpus * kernel::Layout::stride(l.cpu_extra);
      if (address - kernel::kKernelBase < cpu_bytes) {
        const uint64_t c = (address - kernel::kKernelBase) / kernel::Layout::stride(l.cpu_extra);
        return fmt::format("CPU{} area+{:#x}", c, address - l.cpu_area(static_cast<uint32_t>(c)));
      }
      const uint64_t t = (address - kernel::kKernelBase - cpu_bytes) / kernel::Layout::stride(l.thread_extra);
      return fmt::format("T{} thread+{:#x}", t, address - l.thread_struct(static_cast<uint32_t>(t)));
    }
    return program.location_name(address);
  }
  bool scheduling() const { return explorer.kernel().scheduling; }
  // "T1" for a thread's step; on a machine that switches threads, with its CPU.
  std::string who(const ScheduleStep& step) const {
    return scheduling() ? fmt::format("T{}@CPU{}", step.thread, step.cpu) : fmt::format("T{}", step.thread);
  }
};

std::string effects_text(const ScheduleStep& step, const ScheduleView& view, uint32_t context) {
  std::string effect;
  for (const auto& e : step.effects) {
    if (view.hidden(context, e.address)) continue;
    effect += effect.empty() ? "" : ", ";
    effect += e.store ? fmt::format("[{}] <- {:#x} ({})", view.location(e.address), e.value,
                                    e.special ? "locked: to memory" : "buffered")
                      : fmt::format("reads [{}] = {:#x}{}", view.location(e.address), e.value,
                                    e.special ? " (from its store buffer)" : "");
  }
  if (!step.kernel.empty()) effect += (effect.empty() ? "" : "; ") + step.kernel;
  return effect;
}

std::string describe_step(const ScheduleStep& step, const ScheduleView& view) {
  const cpu::Program& program = view.program;
  switch (step.kind) {
    case StepKind::Drain: {
      const auto& e = step.effects.front();
      return fmt::format("{}{} drain [{}] <- {:#x}", view.scheduling() ? "CPU" : "T", step.cpu, view.location(e.address),
                         e.value);
    }
    case StepKind::Preempt:
      return fmt::format("{} {:<28} {}", view.who(step), program.where(program.code[step.instr]), step.kernel);
    case StepKind::Dispatch:
      return fmt::format("T{} {}", step.thread, step.kernel);
    case StepKind::Switch: {
      if (!view.explorer.kernel().switch_routine) return fmt::format("CPU{} switch (atomic: CPU_THREAD and t_cpu)", step.cpu);
      const cpu::Instr& in = program.code[step.instr];
      return fmt::format("CPU{} {:<26} {:<32} {}", step.cpu, program.where(in), program.source_text(in),
                         effects_text(step, view, view.threads + step.cpu));
    }
    case StepKind::Instruction: break;
  }
  const cpu::Instr& in = program.code[step.instr];
  return fmt::format("{} {:<28} {:<32} {}", view.who(step), program.where(in), program.source_text(in),
                     effects_text(step, view, step.thread));
}

Json step_json(const ScheduleStep& step, const ScheduleView& view) {
  const cpu::Program& program = view.program;
  static constexpr const char* kKinds[] = {"instruction", "drain", "preempt", "dispatch", "switch"};
  Json j;
  j["thread"] = step.thread;
  j["cpu"] = step.cpu;
  j["kind"] = kKinds[static_cast<int>(step.kind)];
  const bool has_instr = step.kind == StepKind::Instruction || step.kind == StepKind::Preempt ||
                         (step.kind == StepKind::Switch && view.explorer.kernel().switch_routine);
  if (has_instr) {
    const cpu::Instr& in = program.code[step.instr];
    j["where"] = program.where(in);
    j["instruction"] = program.source_text(in);
  }
  if (!step.kernel.empty()) j["kernel"] = step.kernel;
  const uint32_t context = step.kind == StepKind::Switch ? view.threads + step.cpu : step.thread;
  j["effects"] = Json::array();
  for (const auto& e : step.effects) {
    if (!step.drain && view.hidden(context, e.address)) continue;
    const char* via = step.drain ? "drain" : e.store ? (e.special ? "locked" : "buffered")
                                                     : (e.special ? "store_buffer" : "memory");
    j["effects"].push_back({{"access", e.store ? "write" : "read"},
                            {"location", view.location(e.address)},
                            {"address", e.address},
                            {"value", e.value},
                            {"via", via}});
  }
  return j;
}

// Prints the numbered steps and returns them as JSON.
Json print_schedule(const std::vector<ScheduleStep>& steps, const ScheduleView& view, std::ostream& out) {
  Json schedule = Json::array();
  for (size_t i = 0; i < steps.size(); ++i) {
    out << fmt::format("{:>4}. {}\n", i + 1, describe_step(steps[i], view));
    schedule.push_back(step_json(steps[i], view));
  }
  return schedule;
}

// The explorer runs without store buffers when the machine has none, or
// when asked (--model sc).
bool explorer_sequential(const Scenario& s, const std::string& model) {
  return s.machine.store_buffer_entries == 0 || model == "sc";
}

// A schedule.json, read as bad input when it is not one.
struct RecordedRun {
  std::vector<uint32_t> steps;
  std::vector<std::map<std::string, std::string>> regs;  // per thread: name -> value
  std::map<std::string, std::string> memory;
};

RecordedRun read_recorded_run(const std::string& path) {
  const std::string text = read_input_file(path, "--replay");
  const nlohmann::json j = parse_json(path, text);
  auto fail = [&](const std::string& what) -> InputError {
    return InputError(path, 1, 1, "expected a schedule.json from `locksim run --schedule`: " + what);
  };
  if (!j.is_object()) throw fail("an object");
  if (j.value("end", "") != "completed")
    throw fail("a run that completed (this one ended: " + j.value("end", std::string("?")) + "), or there is no final state");
  RecordedRun r;
  if (!j.contains("steps") || !j["steps"].is_array()) throw fail("a \"steps\" array");
  for (const auto& s : j["steps"]) {
    if (!s.is_number_unsigned() || s.get<uint64_t>() > (uint64_t{kMaxExploreThreads} * 2)) throw fail("steps that are thread * 2 (+ 1 for a drain)");
    r.steps.push_back(s.get<uint32_t>());
  }
  const Json final_state = j.value("final", Json::object());
  if (!final_state.contains("regs") || !final_state["regs"].is_array() || !final_state.contains("memory") ||
      !final_state["memory"].is_object())
    throw fail("\"final\" with \"regs\" (per thread) and \"memory\"");
  for (const auto& t : final_state["regs"]) {
    if (!t.is_object()) throw fail("each thread's regs an object");
    std::map<std::string, std::string> regs;
    for (const auto& [k, v] : t.items()) {
      if (!v.is_string() || !cpu::parse_gpr64(k)) throw fail("registers as \"rax\": \"0x...\"");
      regs[k] = v.get<std::string>();
    }
    r.regs.push_back(regs);
  }
  for (const auto& [k, v] : final_state["memory"].items()) {
    if (!v.is_string()) throw fail("memory values as strings");
    r.memory[k] = v.get<std::string>();
  }
  return r;
}

// `explore --replay`: the timed run's schedule on the x86-TSO machine.
int replay_timed_run(const ExploreRequest& request, const Scenario& s, const cpu::Program& program,
                     TsoExplorer& explorer, std::ostream& out) {
  if (!request.json_path.empty()) require_output_file(request.json_path, "--json");
  const RecordedRun run = read_recorded_run(request.replay);
  if (run.regs.size() != s.threads.size())
    throw InputError(request.replay, 1, 1, fmt::format("the schedule has {} threads, the scenario {}", run.regs.size(), s.threads.size()));
  const ReplayResult r = explorer.replay(run.steps);
  std::vector<std::string> differences;
  if (r.ok) {
    for (uint32_t t = 0; t < run.regs.size(); ++t)
      for (const auto& [name, text] : run.regs[t]) {
        const uint64_t timed = parse_u64_value(text, "register " + name);
        const uint64_t tso = r.state.threads[t].cpu.regs[*cpu::parse_gpr64(name)];
        if (timed != tso) differences.push_back(fmt::format("{}:{} timed {:#x}, replayed {:#x}", t, name, timed, tso));
      }
    for (const auto& [name, text] : run.memory) {
      auto it = program.symbols.find(name);
      if (it == program.symbols.end())
        throw InputError(request.replay, 1, 1, "the schedule's memory names '" + name + "', which the program lacks");
      const uint64_t timed = parse_u64_value(text, "memory " + name), tso = explorer.read_memory(r.state, it->second.address, 8);
      if (timed != tso) differences.push_back(fmt::format("{} timed {:#x}, replayed {:#x}", name, timed, tso));
    }
  }
  const bool replayed = r.ok && differences.empty();
  out << fmt::format("{}: replayed {} of {} steps of {}\n", s.file, r.steps, run.steps.size(), request.replay);
  if (!r.ok) out << "No: not " << (explorer_sequential(s, request.model) ? "a sequentially consistent" : "an x86-TSO") << " execution: at step " << r.steps + 1 << ", " << r.problem << "\n";
  for (const auto& d : differences) out << "No: the final state differs: " << d << "\n";
  const char* model = explorer_sequential(s, request.model) ? "a sequentially consistent" : "an x86-TSO";
  if (replayed) out << "It is " << model << " execution, ending in the timed run's final state\n";
  // Whether the (reduced) search reaches the same final state: it must.
  std::optional<bool> listed;
  ExploreResult er;
  if (replayed) {
    er = explorer.run([](uint32_t) { return true; });
    if (er.complete) listed = explorer.find(r.state).has_value();
    out << (!listed ? fmt::format("The search was cut short ({}): not checked whether it lists this state\n", er.limit)
            : *listed ? fmt::format("The search ({} states) lists this final state\n", er.states)
                      : fmt::format("No: the search ({} states) misses this final state\n", er.states));
  }
  const int code = !replayed || (listed && !*listed) ? 1 : listed ? 0 : 3;
  if (!request.json_path.empty()) {
    Json j;
    j["scenario"] = s.file;
    j["replay"] = request.replay;
    j["steps"] = run.steps.size();
    j["replayed_steps"] = r.steps;
    j["execution"] = r.ok;
    if (!r.ok) j["problem"] = r.problem;
    j["final_state_matches"] = r.ok && differences.empty();
    j["differences"] = differences;
    j["listed"] = listed ? Json(*listed) : Json(nullptr);
    j["states"] = er.states;
    write_file(request.json_path, j.dump(2) + "\n", "--json");
  }
  return code;
}

}  // namespace

int run_explore_command(const ExploreRequest& request, std::ostream& out, std::ostream& err) {
  Scenario s = load_scenario(request.scenario, {}, request.machine);
  cpu::Program program = cpu::assemble_files(s.program);
  Condition cond;
  if (s.check) {
    Quantifier q = s.check->quantifier == "exists" ? Quantifier::Exists
                   : s.check->quantifier == "forall" ? Quantifier::Forall : Quantifier::NotExists;
    cond = parse_condition(q, s.check->condition, s.file, s.check->line, s.check->column);
  } else {
    cond = parse_condition(Quantifier::Forall, "true", s.file, 1, 1);
  }
  // Resolve every atom before exploring, so a typo fails fast.
  auto where = [&] { return std::make_pair(s.check ? s.check->line : 1u, s.check ? s.check->column : 1u); };
  for (const auto& a : cond.atoms) {
    auto [line, col] = where();
    if (a.thread >= 0) {
      if (static_cast<size_t>(a.thread) >= s.threads.size())
        throw InputError(s.file, line, col, fmt::format("condition names thread {} but the scenario has {} threads", a.thread, s.threads.size()));
      if (!condition_register(a.name)) throw InputError(s.file, line, col, "condition names unknown register '" + a.name + "'");
    } else if (!program.symbols.count(a.name)) {
      throw InputError(s.file, line, col, "condition names unknown location '" + a.name + "'");
    }
    if (!a.value_symbol.empty() && !program.symbols.count(a.value_symbol))
      throw InputError(s.file, line, col, "condition uses unknown location '" + a.value_symbol + "' as a value");
  }
  std::vector<ExplorerThread> threads;
  for (uint32_t i = 0; i < s.threads.size(); ++i)
    threads.push_back(ExplorerThread{thread_entry(s, program, i), initial_state(s.threads[i], i)});

  const kernel::Spec spec = kernel_spec(s, program);
  if (!request.replay.empty() && spec.scheduling)
    throw InputError(request.replay, 1, 1,
                     "replaying a timed run that switches threads (more threads than CPUs, preemption, or a service "
                     "that sleeps) is not supported yet");
  TsoExplorer explorer(program, threads, request.max_states, spec);
  explorer.set_max_memory(request.max_memory_mib << 20);
  // A finished thread's registers matter only where the condition reads them.
  cpu::RegSet observed = 0;
  for (const auto& a : cond.atoms)
    if (a.thread >= 0) observed |= cpu::RegSet{1} << condition_register(a.name)->gpr;
  explorer.observe_registers(observed);
  const bool sequential = explorer_sequential(s, request.model);
  explorer.set_sequentially_consistent(sequential);
  if (!request.replay.empty()) return replay_timed_run(request, s, program, explorer, out);
  const ScheduleView view{program, explorer, static_cast<uint32_t>(threads.size()), explorer.contexts()};
  if (!request.json_path.empty()) require_output_file(request.json_path, "--json");
  std::optional<uint32_t> decisive;  // the witness (exists) or counterexample (forall, ~exists)
  auto atom_value = [&](uint32_t state, const CondAtom& a) -> uint64_t {
    if (a.thread >= 0)
      return static_cast<uint64_t>(
          register_value(explorer.cpu(state, static_cast<uint32_t>(a.thread)), *condition_register(a.name)));
    return explorer.read_memory(state, program.symbols.at(a.name).address, 8);
  };
  auto holds = [&](uint32_t state) {
    auto symbol = [&](const std::string& n) { return program.symbols.at(n).address; };
    return evaluate(cond.proposition, [&](const CondAtom& a) { return atom_value(state, a); }, symbol);
  };
  bool progress_shown = false;
  auto progress = [&](const ExploreResult& so_far, uint64_t frontier) {
    err << fmt::format("\r{}: {} states, {} transitions, {:.0f} states/s, {} to expand   ", s.file, so_far.states,
                       so_far.transitions, static_cast<double>(so_far.states) / std::max(so_far.seconds, 1e-9), frontier)
        << std::flush;
    progress_shown = true;
  };
  ExploreResult r;
  try {
    r = explorer.run(
        [&](uint32_t state) {
          bool p = holds(state);
          bool decides = cond.quantifier == Quantifier::Exists ? p : cond.quantifier == Quantifier::Forall ? !p : p;
          if (decides) decisive = state;
          return !decides;  // the first one found is a shortest schedule: stop there
        },
        request.progress ? TsoExplorer::Progress(progress) : TsoExplorer::Progress(), request.progress_interval);
  } catch (...) {
    // A CPU fault (exit 3) or a simulator bug (exit 5), after the
    // progress line.
    if (progress_shown) err << "\n";
    return report_current_exception(err);
  }
  if (progress_shown) err << "\n";
  const bool incomplete = !decisive && !r.complete;
  // The built-in checks: every thread can always still finish; nobody
  // sleeps forever; markers hold.
  const bool stuck = r.stuck_state >= 0;
  const bool lost = r.lost_wakeup_state >= 0, broken = r.violation_state >= 0;
  const bool ok = (cond.quantifier == Quantifier::Exists ? decisive.has_value() : !decisive.has_value()) && !stuck &&
                  !lost && !broken;
  const char* verdict = lost || broken ? "No" : incomplete ? "Incomplete" : ok ? "Ok" : "No";
  out << fmt::format("{}: explored {} states, {} transitions, {} final states in {:.3f} s{}\n", s.file, r.states,
                     r.transitions, r.final_states, r.seconds,
                     r.complete ? "" : fmt::format(" (incomplete: {} reached)", r.limit));
  if (sequential && request.model == "sc")
    out << "Model sc: no store buffers, sequentially consistent executions only\n";
  else if (sequential)
    out << fmt::format("Machine {} has no store buffers: sequentially consistent executions only\n", s.machine.name);
  if (spec.scheduling)
    out << fmt::format("Kernel: {} threads on {} CPUs, up to {} preemptions, {} switch\n", threads.size(), spec.layout.cpus,
                       spec.preemptions, spec.switch_routine ? "switch routine '" + s.kernel.switch_routine->name + "' at each"
                                                              : "atomic");
  out << "Condition " << quantifier_name(cond.quantifier) << " (" << cond.text << ")\n";
  out << verdict << "\n";

  Json j;
  j["scenario"] = s.file;
  j["condition"] = std::string(quantifier_name(cond.quantifier)) + " (" + cond.text + ")";
  j["verdict"] = verdict;
  j["model"] = sequential ? "SC" : "x86-TSO";
  j["states"] = r.states;
  j["transitions"] = r.transitions;
  j["final_states"] = r.final_states;
  j["complete"] = r.complete;
  if (!r.complete) j["limit"] = r.limit;
  j["seconds"] = r.seconds;
  // Stack memory another thread touched (shared, so explored as such).
  j["restarts"] = r.restarts;
  if (r.shared_stack_lines == ~uint64_t{0}) j["shared_stack_lines"] = "all";
  else j["shared_stack_lines"] = r.shared_stack_lines;
  if (decisive) {
    const bool witness = cond.quantifier == Quantifier::Exists;
    auto steps = explorer.schedule(*decisive);
    out << (witness ? "Witness" : "Counterexample") << " (shortest schedule, " << steps.size() << " steps):\n";
    Json schedule = print_schedule(steps, view, out);
    out << "Final state:";
    Json final_state = Json::object();
    for (const auto& a : cond.atoms) {
      auto name = a.thread >= 0 ? fmt::format("{}:{}", a.thread, a.name) : a.name;
      auto v = static_cast<int64_t>(atom_value(*decisive, a));
      out << fmt::format(" {}={};", name, v);
      final_state[name] = v;
    }
    out << "\n";
    if (!witness) out << "violates: " << quantifier_name(cond.quantifier) << " (" << cond.text << ")\n";
    j[witness ? "witness" : "counterexample"] = schedule;
    j["final_state"] = final_state;
  }
  // Where each unfinished thread is (and what it sleeps on).
  auto threads_left = [&](uint32_t state) {
    const TsoState st = explorer.state(state);
    Json waiting = Json::array();
    out << "Threads left:";
    for (uint32_t t = 0; t < threads.size(); ++t) {
      const TsoThread& th = st.threads[t];
      if (th.done()) continue;
      // A sleeper's pc is past its call: show the call.
      const uint32_t pc = th.status == ThreadStatus::Sleeping ? th.cpu.pc - 1 : th.cpu.pc;
      const cpu::Instr& in = program.code[pc];
      std::string what = th.status == ThreadStatus::Sleeping ? fmt::format("sleeps on [{}]", view.location(th.sleep_key))
                         : th.status == ThreadStatus::Ready  ? "runnable"
                                                             : "at";
      out << fmt::format(" T{} {} {} ({});", t, what, program.where(in), program.source_text(in));
      waiting.push_back({{"thread", t}, {"state", what}, {"where", program.where(in)}, {"instruction", program.source_text(in)}});
    }
    out << "\n";
    return waiting;
  };
  if (lost) {
    const auto state = static_cast<uint32_t>(r.lost_wakeup_state);
    auto steps = explorer.schedule(state);
    out << "Lost wake-up (shortest schedule, " << steps.size() << " steps): nothing can run, and a thread sleeps forever:\n";
    j["lost_wakeup"] = print_schedule(steps, view, out);
    j["lost_wakeup_threads"] = threads_left(state);
    out << "violates: no thread sleeps forever (no lost wake-up)\n";
  }
  if (broken) {
    const auto state = static_cast<uint32_t>(r.violation_state);
    auto steps = explorer.schedule(state);
    out << "Violation (shortest schedule, " << steps.size() << " steps): " << r.violation << ":\n";
    j["violation"] = print_schedule(steps, view, out);
    j["violation_message"] = r.violation;
    j["violation_threads"] = threads_left(state);
    out << "violates: " << r.violation << "\n";
  }
  if (stuck) {
    const auto state = static_cast<uint32_t>(r.stuck_state);
    auto steps = explorer.schedule(state);
    out << "Stuck (shortest schedule, " << steps.size()
        << " steps): from here no execution lets every thread finish (a deadlock, or spinning forever):\n";
    Json schedule = print_schedule(steps, view, out);
    Json waiting = threads_left(state);
    out << "violates: every thread can still finish (no deadlock)\n";
    j["stuck"] = schedule;
    j["stuck_threads"] = waiting;
  }
  if (!request.json_path.empty()) write_file(request.json_path, j.dump(2) + "\n", "--json");
  return incomplete ? 3 : ok ? 0 : 1;
}

}  // namespace locksim
