#include "sim/explore_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "cpu/assembler.h"
#include "cpu/input_error.h"
#include "sim/condition.h"
#include "sim/stack_layout.h"
#include "sim/scenario.h"
#include "sim/tso_explorer.h"

namespace locksim {
int run_explore_command(const ExploreRequest& request, std::ostream& out, std::ostream& err) {
  Scenario s = load_scenario(request.scenario, {});
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
  for (size_t i = 0; i < s.threads.size(); ++i) {
    cpu::CpuState st = initial_state(s.threads[i], static_cast<uint32_t>(i));
    try {
      threads.push_back(ExplorerThread{cpu::find_entry(program, s.threads[i].entry), st});
    } catch (const InputError& e) {
      std::string msg = e.what();
      throw InputError(s.file, s.threads[i].line, s.threads[i].column,
                       "thread " + std::to_string(i) + ": " + msg.substr(msg.find("error: ") + 7));
    }
  }

  TsoExplorer explorer(program, threads, request.max_states);
  std::optional<uint32_t> decisive;  // the witness (exists) or counterexample (forall, ~exists)
  auto holds = [&](uint32_t state) {
    auto value = [&](const CondAtom& a) -> uint64_t {
      if (a.thread >= 0)
        return static_cast<uint64_t>(
            register_value(explorer.cpu(state, static_cast<uint32_t>(a.thread)), *condition_register(a.name)));
      return explorer.read_memory(state, program.symbols.at(a.name).address, 8);
    };
    auto symbol = [&](const std::string& n) { return program.symbols.at(n).address; };
    return evaluate(cond.proposition, value, symbol);
  };
  ExploreResult r;
  try {
    r = explorer.run([&](uint32_t state) {
      bool p = holds(state);
      bool decides = cond.quantifier == Quantifier::Exists ? p : cond.quantifier == Quantifier::Forall ? !p : p;
      if (decides) decisive = state;
      return !decides;  // the first one found is a shortest schedule: stop there
    });
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return 3;
  }
  out << fmt::format("{}: explored {} states, {} transitions, {} final states in {:.3f} s{}\n", s.file, r.states,
                     r.transitions, r.final_states, r.seconds, r.complete ? "" : " (incomplete: --max-states reached)");
  out << "Condition " << quantifier_name(cond.quantifier) << " (" << cond.text << ")\n";
  bool ok;
  if (cond.quantifier == Quantifier::Exists) ok = decisive.has_value();
  else ok = !decisive.has_value();
  if (!decisive && !r.complete) {
    out << "Incomplete\n";
    return 3;
  }
  out << (ok ? "Ok" : "No") << "\n";
  if (decisive) {
    auto steps = explorer.schedule(*decisive);
    out << (cond.quantifier == Quantifier::Exists ? "Witness" : "Counterexample") << " (shortest schedule, "
        << steps.size() << " steps):\n";
    for (size_t i = 0; i < steps.size(); ++i) out << fmt::format("{:>4}. {}\n", i + 1, steps[i]);
    out << "Final state:";
    for (const auto& a : cond.atoms) {
      auto value = a.thread >= 0 ? fmt::format("{}:{}", a.thread, a.name) : a.name;
      uint64_t v = a.thread >= 0 ? 0 : explorer.read_memory(*decisive, program.symbols.at(a.name).address, 8);
      if (a.thread >= 0)
        v = static_cast<uint64_t>(
            register_value(explorer.cpu(*decisive, static_cast<uint32_t>(a.thread)), *condition_register(a.name)));
      out << fmt::format(" {}={};", value, static_cast<int64_t>(v));
    }
    out << "\n";
    if (cond.quantifier != Quantifier::Exists) out << "violates: " << quantifier_name(cond.quantifier) << " (" << cond.text << ")\n";
  }
  return ok ? 0 : 1;
}

}  // namespace locksim
