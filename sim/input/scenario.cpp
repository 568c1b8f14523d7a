#include "sim/input/scenario.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <set>

#include "cpu/asm/assembler.h"
#include "cpu/asm/input_error.h"
#include "cpu/asm/input_file.h"
#include "cpu/registers.h"
#include "cpu/thread_start.h"
#include "sim/input/value_parse.h"
#include "sim/input/yaml_input.h"

namespace locksim {
namespace {

[[noreturn]] void fail(const std::string& file, const YAML::Node& n, const std::string& msg) { yaml_fail(file, n, msg); }

// Iterates a mapping, rejecting duplicate keys (yaml-cpp 0.7 keeps the first
// silently) and keys outside `allowed`.
template <class F>
void for_each_key(const std::string& file, const YAML::Node& map, const std::set<std::string>& allowed,
                  const std::string& where, F&& f) {
  if (!map.IsMap()) fail(file, map, "expected a mapping for " + where);
  std::set<std::string> seen;
  for (const auto& kv : map) {
    std::string key = yaml_key(file, kv.first);
    if (!seen.insert(key).second) fail(file, kv.first, "duplicate key '" + key + "' in " + where);
    if (!allowed.count(key)) {
      std::string options;
      for (const auto& a : allowed) options += (options.empty() ? "" : ", ") + a;
      fail(file, kv.first, "unknown key '" + key + "' in " + where + " (expected one of: " + options + ")");
    }
    f(key, kv.first, kv.second);
  }
}

// A register value: "-1" means all ones.
uint64_t scalar_u64(const std::string& file, const YAML::Node& n, const std::string& key) {
  if (!n.IsScalar()) fail(file, n, "expected a number for '" + key + "'");
  try {
    return parse_u64_value(n.Scalar(), key);
  } catch (const InputError&) {
    fail(file, n, "expected a 64-bit number for '" + key + "', found '" + n.Scalar() + "'");
  }
}

// A count (seed, cycles): no sign, within [lo, hi], checked before use.
uint64_t scalar_count(const std::string& file, const YAML::Node& n, const std::string& key, uint64_t lo, uint64_t hi) {
  if (!n.IsScalar()) fail(file, n, "expected a number for '" + key + "'");
  auto v = parse_unsigned(n.Scalar());
  if (!v || *v < lo || *v > hi)
    fail(file, n, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + " for '" + key +
                      "', found '" + n.Scalar() + "'");
  return *v;
}

void flatten_overrides(const std::string& file, const YAML::Node& n, const std::string& prefix, MachineConfig& config) {
  if (!n.IsMap()) fail(file, n, "expected a mapping of machine parameters under 'overrides'");
  std::set<std::string> seen;
  for (const auto& kv : n) {
    std::string key = prefix + yaml_key(file, kv.first);
    if (!seen.insert(key).second) fail(file, kv.first, "duplicate key '" + key + "' in overrides");
    if (kv.second.IsMap()) {
      flatten_overrides(file, kv.second, key + ".", config);
      continue;
    }
    if (!kv.second.IsScalar()) fail(file, kv.second, "expected a value for '" + key + "'");
    try {
      apply_config_override(config, key + "=" + kv.second.Scalar(), "override");
    } catch (const InputError& e) {
      fail(file, kv.first, e.message());
    }
  }
}

LabelRef label_ref(const std::string& file, const YAML::Node& n, const std::string& key) {
  if (!n.IsScalar() || n.Scalar().empty()) fail(file, n, "expected a code label for '" + key + "'");
  return LabelRef{n.Scalar(), static_cast<unsigned>(n.Mark().line + 1), static_cast<unsigned>(n.Mark().column + 1)};
}

}  // namespace

cpu::CpuState initial_state(const ThreadSpec& spec, uint32_t index) {
  cpu::CpuState st = cpu::initial_registers(index);
  for (const auto& [name, value] : spec.regs) {
    if (auto g = cpu::parse_gpr64(name)) st.regs[*g] = value;
    else if (name == "rflags") st.rflags = (value & cpu::flag::kArithmetic) | cpu::flag::kFixed;
    else if (name == "fs_base") st.fs_base = value;
    else if (name == "gs_base") st.gs_base = value;
  }
  return st;
}

kernel::Spec kernel_spec(const Scenario& s, const cpu::Program& program) {
  kernel::Spec spec;
  spec.layout.cpus = s.cpus();
  spec.layout.threads = static_cast<uint32_t>(s.threads.size());
  spec.layout.cpu_extra = s.kernel.cpu_area_bytes;
  spec.layout.thread_extra = s.kernel.thread_bytes;
  spec.preemptions = s.kernel.preemptions;
  auto code = [&](const LabelRef& l, const std::string& what) {
    try {
      return cpu::find_entry(program, l.name);
    } catch (const InputError& e) {
      throw InputError(s.file, l.line, l.column, what + ": " + e.message());
    }
  };
  if (s.kernel.switch_routine) spec.switch_routine = code(*s.kernel.switch_routine, "switch");
  for (const auto& [a, b] : s.kernel.restart) {
    const uint32_t start = code(a, "restart range start"), end = code(b, "restart range end");
    if (end <= start)
      throw InputError(s.file, b.line, b.column,
                       "restart range end '" + b.name + "' must come after its start '" + a.name + "'");
    spec.restart.emplace_back(start, end);
  }
  bool blocking = false;
  for (const auto& in : program.code)
    blocking = blocking || in.service == cpu::Service::FutexWait || in.service == cpu::Service::TurnstileBlock ||
               in.service == cpu::Service::Yield;
  spec.scheduling = spec.layout.cpus < spec.layout.threads || spec.preemptions > 0 || blocking;
  return spec;
}

uint32_t thread_entry(const Scenario& s, const cpu::Program& program, uint32_t index) {
  const ThreadSpec& t = s.threads[index];
  try {
    return cpu::find_entry(program, t.entry);
  } catch (const InputError& e) {
    throw InputError(s.file, t.line, t.column, "thread " + std::to_string(index) + ": " + e.message());
  }
}

Scenario load_scenario(const std::string& path, const std::vector<std::string>& sets, const std::string& machine) {
  return parse_scenario(path, read_input_file(path, "scenario"), sets, machine);
}

Scenario parse_scenario(const std::string& path, const std::string& text, const std::vector<std::string>& sets,
                        const std::string& machine) {
  const YAML::Node root = parse_yaml(path, text);
  Scenario s;
  s.file = path;
  const auto dir = std::filesystem::path(path).parent_path();
  auto relative = [&](const std::string& p) { return std::filesystem::path(p).is_absolute() ? p : (dir / p).string(); };
  bool have_machine = false;
  std::optional<YAML::Node> overrides;
  std::optional<YAML::Node> cpus_node;
  if (!root.IsMap()) fail(path, root, "expected a scenario mapping (machine, program, threads, ...)");
  for_each_key(path, root, {"description", "machine", "overrides", "program", "threads", "seed", "max_cycles", "jitter", "check",
                            "cpus", "preemptions", "switch", "restart", "cpu_area_bytes", "thread_bytes"},
               "the scenario", [&](const std::string& key, const YAML::Node& k, const YAML::Node& v) {
    if (key == "description") {
      s.description = yaml_scalar(path, v, key);
    } else if (key == "machine") {
      have_machine = true;
      if (v.IsMap()) {
        apply_config_yaml(s.machine, v, path);
      } else if (v.IsScalar()) {
        std::string name = v.Scalar();
        bool is_path = name.find('/') != std::string::npos || name.ends_with(".yaml");
        try {
          s.machine = load_machine_config(is_path ? relative(name) : name, default_configs_dir());
        } catch (const InputError& e) {
          if (e.file().empty()) fail(path, v, e.message());
          throw;
        }
      } else {
        fail(path, v, "expected a config name, a path, or a mapping for 'machine'");
      }
    } else if (key == "overrides") {
      overrides = v;
    } else if (key == "program") {
      if (v.IsScalar()) s.program.push_back(relative(v.Scalar()));
      else if (v.IsSequence())
        for (const auto& p : v) {
          if (!p.IsScalar()) fail(path, p, "expected a file name in 'program'");
          s.program.push_back(relative(p.Scalar()));
        }
      else fail(path, v, "expected a file name or a list of them for 'program'");
      for (size_t i = 0; i < s.program.size(); ++i)
        if (std::error_code ec; !std::filesystem::is_regular_file(s.program[i], ec))
          fail(path, v.IsSequence() ? v[i] : v, "program file '" + s.program[i] + "' not found");
    } else if (key == "threads") {
      if (!v.IsSequence() || v.size() == 0) fail(path, v, "expected a list of threads, each with an 'entry'");
      for (const auto& t : v) {
        ThreadSpec spec;
        bool has_entry = false;
        for_each_key(path, t, {"entry", "regs"}, "a thread", [&](const std::string& tk, const YAML::Node&, const YAML::Node& tv) {
          if (tk == "entry") {
            if (!tv.IsScalar()) fail(path, tv, "expected a symbol name for 'entry'");
            spec.entry = tv.Scalar();
            spec.line = static_cast<unsigned>(tv.Mark().line + 1);
            spec.column = static_cast<unsigned>(tv.Mark().column + 1);
            has_entry = true;
          } else {
            for_each_key(path, tv, {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "r8", "r9", "r10", "r11", "r12",
                                    "r13", "r14", "r15", "rflags", "fs_base", "gs_base"},
                         "regs", [&](const std::string& rk, const YAML::Node&, const YAML::Node& rv) {
                           spec.regs.emplace_back(rk, scalar_u64(path, rv, rk));
                         });
          }
        });
        if (!has_entry) fail(path, t, "thread needs an 'entry' symbol");
        s.threads.push_back(spec);
      }
    } else if (key == "seed") {
      s.seed = scalar_count(path, v, key, 0, UINT64_MAX);
    } else if (key == "max_cycles") {
      s.max_cycles = scalar_count(path, v, key, 1, kMaxCycles);
    } else if (key == "jitter") {
      s.jitter = static_cast<uint32_t>(scalar_count(path, v, key, 0, kMaxJitter));
    } else if (key == "cpus") {
      s.kernel.cpus = static_cast<uint32_t>(scalar_count(path, v, key, 1, 64));
      cpus_node = v;
    } else if (key == "preemptions") {
      s.kernel.preemptions = static_cast<uint32_t>(scalar_count(path, v, key, 0, kMaxPreemptions));
    } else if (key == "cpu_area_bytes" || key == "thread_bytes") {
      (key == "cpu_area_bytes" ? s.kernel.cpu_area_bytes : s.kernel.thread_bytes) =
          scalar_count(path, v, key, 0, kernel::kMaxExtraBytes);
    } else if (key == "switch") {
      s.kernel.switch_routine = label_ref(path, v, "switch");
    } else if (key == "restart") {
      if (!v.IsSequence()) fail(path, v, "expected a list of [start, end] label pairs for 'restart'");
      for (const auto& range : v) {
        if (!range.IsSequence() || range.size() != 2)
          fail(path, range, "expected a [start, end] pair of labels in 'restart'");
        s.kernel.restart.emplace_back(label_ref(path, range[0], "restart"), label_ref(path, range[1], "restart"));
      }
    } else if (key == "check") {
      for_each_key(path, v, {"exists", "forall", "not_exists"}, "check", [&](const std::string& ck, const YAML::Node&, const YAML::Node& cv) {
        if (s.check) fail(path, cv, "'check' takes exactly one of exists, forall, not_exists");
        if (!cv.IsScalar()) fail(path, cv, "expected a condition string");
        s.check = CheckSpec{ck, cv.Scalar(), static_cast<unsigned>(cv.Mark().line + 1), static_cast<unsigned>(cv.Mark().column + 1)};
      });
    }
    (void)k;
  });
  if (s.program.empty()) fail(path, root, "scenario needs a 'program' (one or more .s files)");
  if (s.threads.empty()) fail(path, root, "scenario needs 'threads' (a list of entries)");
  if (!machine.empty()) s.machine = load_machine_config(machine, default_configs_dir());
  else if (!have_machine) s.machine = load_machine_config("skylake-8", default_configs_dir());
  if (overrides) flatten_overrides(path, *overrides, "", s.machine);
  for (const auto& a : sets) apply_config_override(s.machine, a, "--set");
  validate_config(s.machine, path);
  if (s.threads.size() > 64) fail(path, root["threads"], std::to_string(s.threads.size()) + " threads (at most 64)");
  if (s.kernel.cpus > s.threads.size())
    fail(path, *cpus_node, std::to_string(s.kernel.cpus) + " CPUs for " + std::to_string(s.threads.size()) +
                               " threads (a CPU needs a thread to start with)");
  if (s.cpus() > s.machine.cores)
    fail(path, cpus_node ? *cpus_node : root["threads"],
         std::to_string(s.cpus()) + (cpus_node ? " CPUs" : " threads") + " but machine '" + s.machine.name + "' has " +
             std::to_string(s.machine.cores) + " cores" + (cpus_node ? "" : " (set 'cpus' to run more threads than cores)"));
  return s;
}

}  // namespace locksim
