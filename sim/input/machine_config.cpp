#include "sim/input/machine_config.h"

#include <algorithm>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <set>
#include <sstream>
#include <variant>

#include "cpu/asm/input_error.h"
#include "cpu/asm/input_file.h"
#include "sim/input/value_parse.h"
#include "sim/input/yaml_input.h"

namespace locksim {
namespace {

struct Param {
  const char* key;
  std::variant<uint32_t MachineConfig::*, uint64_t MachineConfig::*, double MachineConfig::*,
               std::string MachineConfig::*, LockMode MachineConfig::*>
      field;
  double min, max;
  const char* unit;
  const char* description;
  const char* source;  // the published figure the default comes from
};

constexpr double kBig = 1e12;

// The one declaration of every machine parameter.
const std::vector<Param>& params() {
  static const std::vector<Param> table = {
      {"name", &MachineConfig::name, 0, 0, "", "machine name used in reports", ""},
      {"clock_ghz", &MachineConfig::clock_ghz, 0.1, 10, "GHz", "core clock, to convert cycles to time",
       "Skylake-SP parts run at 2-3.8 GHz"},
      {"cores", &MachineConfig::cores, 1, 64, "cores", "number of cores (thread i runs on core i)", ""},
      {"core.alu_latency", &MachineConfig::alu_latency, 1, 1000, "cycles", "latency of ALU, move and lea instructions",
       "1 cycle for simple integer ops on Skylake and Zen (Agner Fog's tables)"},
      {"core.branch_latency", &MachineConfig::branch_latency, 1, 1000, "cycles", "latency of a branch, call or ret",
       "1 cycle for a predicted branch (Agner Fog's tables)"},
      {"core.store_forward_latency", &MachineConfig::store_forward_latency, 1, 1000, "cycles",
       "a load served from the core's own store buffer", "4-5 cycles store-to-load forwarding on Skylake (Agner Fog)"},
      {"core.locked_rmw_latency", &MachineConfig::locked_rmw_latency, 1, 10000, "cycles",
       "a LOCK'd read-modify-write (or xchg with memory) on a line already held exclusively",
       "~18 cycles reciprocal throughput for LOCK CMPXCHG/XADD on Skylake (Agner Fog; LLVM btver2 17-18)"},
      {"core.mfence_latency", &MachineConfig::mfence_latency, 1, 10000, "cycles", "mfence with an empty store buffer",
       "~33 cycles on Skylake (Agner Fog)"},
      {"core.lfence_latency", &MachineConfig::lfence_latency, 1, 10000, "cycles", "lfence", "~4 cycles on Skylake (Agner Fog)"},
      {"core.sfence_latency", &MachineConfig::sfence_latency, 1, 10000, "cycles", "sfence", "~6 cycles on Skylake (Agner Fog)"},
      {"core.pause_latency", &MachineConfig::pause_latency, 1, 10000, "cycles", "pause",
       "~140 cycles on Skylake client and later (Intel Optimization Reference Manual 2.6.4)"},
      {"core.store_buffer_entries", &MachineConfig::store_buffer_entries, 0, 1024, "entries",
       "store buffer size; 0 makes every store write through at once (sequential consistency)",
       "56 entries on Skylake (Intel Optimization Manual)"},
      {"core.spin_fast_forward", &MachineConfig::spin_fast_forward, 0, 1, "",
       "1: a spin loop that provably repeats sleeps until a line it reads is invalidated, and its skipped "
       "iterations are counted as executed (same results); 0: execute every iteration",
       ""},
      {"l1.sets", &MachineConfig::l1_sets, 1, 1 << 20, "sets", "L1D sets (power of two)", "32 KiB 8-way 64 B: 64 sets"},
      {"l1.ways", &MachineConfig::l1_ways, 1, 64, "ways", "L1D associativity", "8-way L1D on Skylake-SP (perfbook)"},
      {"l1.line_size", &MachineConfig::l1_line_size, 8, 4096, "bytes", "cache line size (power of two)", "64-byte lines"},
      {"l1.hit_latency", &MachineConfig::l1_hit_latency, 1, 1000, "cycles", "L1D load-to-use latency",
       "4 cycles on Skylake-SP and Zen (AnandTech 11544)"},
      {"llc_latency", &MachineConfig::llc_latency, 1, 100000, "cycles", "shared last-level cache hit",
       "~42 cycles on Skylake client (7-cpu.com)"},
      {"memory_latency", &MachineConfig::memory_latency, 1, 1000000, "cycles", "DRAM access on a miss in every cache",
       "~42 cycles + ~51 ns on Skylake client (7-cpu.com): ~195 cycles at 3 GHz"},
      {"interconnect.impl", &MachineConfig::interconnect, 0, 0, "", "interconnect implementation: snoop_bus", ""},
      {"interconnect.arbitration_latency", &MachineConfig::arbitration_latency, 0, 10000, "cycles",
       "cycles a transaction holds the bus besides its data transfer", ""},
      {"interconnect.lock_mode", &MachineConfig::lock_mode, 0, 0, "",
       "cache_lock: a LOCK'd RMW holds its line against snoops; bus_lock: it holds the whole interconnect",
       "cache locking on P6 and later for aligned accesses (Intel SDM vol. 3, 9.1.4)"},
      {"topology.sockets", &MachineConfig::sockets, 1, 16, "sockets", "sockets; cores are split evenly between them", ""},
      {"topology.core_link_latency", &MachineConfig::core_link_latency, 0, 100000, "cycles",
       "core to its socket hub; an on-socket cache-to-cache transfer crosses two such links",
       "~60 cycles on-die modified transfer (Nehalem ~75, i7-8750H CAS 118 clk: perfbook)"},
      {"topology.socket_link_latency", &MachineConfig::socket_link_latency, 0, 100000, "cycles",
       "hub to hub between sockets",
       "crossing sockets costs 2-7.5x (David et al., SOSP 2013; off-socket CAS 266 clk on Nehalem, perfbook)"},
      {"kernel.service_cycles", &MachineConfig::kernel_service_cycles, 0, 1000000, "cycles",
       "entering and leaving the kernel for __futex_wait, __futex_wake, __yield or __turnstile_block, besides the "
       "service's own memory accesses (each a LOCK'd access through the caches); the markers cost nothing",
       "a null system call takes ~0.1 us on recent Linux x86-64 (lmbench lat_syscall null): ~300 cycles at 3 GHz"},
      {"kernel.switch_cycles", &MachineConfig::kernel_switch_cycles, 0, 10000000, "cycles",
       "the scheduler's part of a thread switch (leaving a CPU, or dispatching onto one), besides the "
       "scenario's switch routine",
       "a context switch costs ~1-3 us on recent Linux x86-64 (lmbench lat_ctx): ~3000 cycles at 3 GHz"},
      {"kernel.quantum_cycles", &MachineConfig::kernel_quantum_cycles, 1000, kBig, "cycles",
       "a running thread is preempted after this long when another thread is ready to run",
       "the 1 ms scheduler tick of a HZ=1000 Linux kernel: 3,000,000 cycles at 3 GHz"},
      {"watchdog_cycles", &MachineConfig::watchdog_cycles, 1000, kBig, "cycles",
       "report a hang when no core retires an instruction for this long", ""},
  };
  return table;
}

const Param* find_param(const std::string& key) {
  for (const auto& p : params())
    if (key == p.key) return &p;
  return nullptr;
}

std::string known_keys(const std::string& prefix) {
  std::string out;
  std::vector<std::string> seen;  // whole names: `core` is not inside `cores`
  for (const auto& p : params()) {
    std::string k = p.key;
    if (k.rfind(prefix, 0) != 0) continue;
    k = k.substr(prefix.size());
    k = k.substr(0, k.find('.'));
    if (std::find(seen.begin(), seen.end(), k) != seen.end()) continue;
    seen.push_back(k);
    out += (out.empty() ? "" : ", ") + k;
  }
  return out;
}

bool power_of_two(uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }

// Sets one parameter from its text; `fail` throws with the caller's position.
void set_param(MachineConfig& c, const Param& p, const std::string& text, const std::function<void(const std::string&)>& fail) {
  auto number = [&](bool integer) {
    double v = 0;
    bool ok = false;
    if (integer) {
      // Integers are checked against the range before any conversion to
      // the field's type, so "-1" or 2^64 cannot wrap.
      if (auto i = parse_signed(text)) v = static_cast<double>(*i), ok = true;
    } else {
      size_t used = 0;
      try {
        v = std::stod(text, &used);
        ok = used == text.size() && std::isfinite(v);
      } catch (const std::exception&) {
      }
    }
    if (!ok)
      fail(std::string("expected ") + (integer ? "an integer" : "a finite number") + " for '" + p.key + "', found '" +
           text + "'");
    if (!(v >= p.min && v <= p.max))
      fail("'" + std::string(p.key) + "' must be between " + std::to_string(static_cast<long long>(p.min)) + " and " +
           std::to_string(static_cast<long long>(p.max)) + ", found " + text);
    if ((std::string(p.key) == "l1.sets" || std::string(p.key) == "l1.line_size") &&
        !power_of_two(static_cast<uint64_t>(v)))
      fail("'" + std::string(p.key) + "' must be a power of two, found " + text);
    return v;
  };
  std::visit(
      [&](auto field) {
        using T = std::remove_cvref_t<decltype(c.*field)>;
        if constexpr (std::is_same_v<T, uint32_t>) c.*field = static_cast<uint32_t>(number(true));
        else if constexpr (std::is_same_v<T, uint64_t>) c.*field = static_cast<uint64_t>(number(true));
        else if constexpr (std::is_same_v<T, double>) c.*field = number(false);
        else if constexpr (std::is_same_v<T, LockMode>) {
          if (text == "cache_lock") c.*field = LockMode::CacheLock;
          else if (text == "bus_lock") c.*field = LockMode::BusLock;
          else fail("expected cache_lock or bus_lock for '" + std::string(p.key) + "', found '" + text + "'");
        } else {
          if (std::string(p.key) == "interconnect.impl" && text != "snoop_bus")
            fail("unknown interconnect '" + text + "' (available: snoop_bus)");
          c.*field = text;
        }
      },
      p.field);
}

std::string get_param(const MachineConfig& c, const Param& p) {
  return std::visit(
      [&](auto field) -> std::string {
        using T = std::remove_cvref_t<decltype(c.*field)>;
        if constexpr (std::is_same_v<T, LockMode>) return c.*field == LockMode::CacheLock ? "cache_lock" : "bus_lock";
        else if constexpr (std::is_same_v<T, std::string>) {
          // Quoted, so that any name reads back as the same string.
          YAML::Emitter e;
          e << YAML::DoubleQuoted << c.*field;
          return e.c_str();
        }
        else {
          std::ostringstream s;
          s << c.*field;
          return s.str();
        }
      },
      p.field);
}

void apply_mapping(MachineConfig& c, const YAML::Node& node, const std::string& file, const std::string& prefix) {
  if (!node.IsMap())
    yaml_fail(file, node, prefix.empty() ? "expected a mapping of machine parameters"
                                              : "expected a mapping under '" + prefix.substr(0, prefix.size() - 1) + "'");
  std::set<std::string> seen;
  for (const auto& kv : node) {
    std::string key = yaml_key(file, kv.first);
    // yaml-cpp 0.7 keeps duplicate keys and silently uses the first.
    if (!seen.insert(key).second) yaml_fail(file, kv.first, "duplicate key '" + prefix + key + "'");
    std::string full = prefix + key;
    if (const Param* p = find_param(full)) {
      set_param(c, *p, yaml_scalar(file, kv.second, full), [&](const std::string& msg) { yaml_fail(file, kv.second, msg); });
    } else if (!known_keys(full + ".").empty()) {
      apply_mapping(c, kv.second, file, full + ".");
    } else {
      std::string options = known_keys(prefix);
      yaml_fail(file, kv.first, "unknown key '" + full + "' (expected one of: " + options + ")");
    }
  }
}

}  // namespace

void apply_config_yaml(MachineConfig& config, const YAML::Node& node, const std::string& file) {
  apply_mapping(config, node, file, "");
}

void apply_config_override(MachineConfig& config, const std::string& assignment, const std::string& what) {
  auto eq = assignment.find('=');
  if (eq == std::string::npos) throw InputError(what + " '" + assignment + "': expected KEY=VALUE, e.g. core.pause_latency=10");
  std::string key = assignment.substr(0, eq);
  const Param* p = find_param(key);
  if (!p) throw InputError(what + " '" + assignment + "': unknown parameter '" + key + "'");
  set_param(config, *p, assignment.substr(eq + 1), [&](const std::string& msg) { throw InputError(what + ": " + msg); });
}

void validate_config(const MachineConfig& c, const std::string& where) {
  auto fail = [&](const std::string& msg) { throw InputError(where, msg); };
  if (c.cores % c.sockets != 0)
    fail("cores (" + std::to_string(c.cores) + ") must divide evenly among topology.sockets (" + std::to_string(c.sockets) + ")");
  // Each L1's tag array is allocated whole: bound it (a real L1D has 512
  // to 1,536 lines).
  const uint64_t lines = uint64_t{c.l1_sets} * c.l1_ways;
  if (lines > kMaxL1Lines)
    fail("l1.sets x l1.ways (" + std::to_string(lines) + " lines) exceeds the limit of " + std::to_string(kMaxL1Lines) +
         " lines per L1");
}

std::string default_configs_dir() {
#ifdef LOCKSIM_CONFIGS_DIR
  std::error_code ec;
  if (std::filesystem::is_directory(LOCKSIM_CONFIGS_DIR, ec)) return LOCKSIM_CONFIGS_DIR;
#endif
  return "configs";
}

MachineConfig load_machine_config(const std::string& name_or_path, const std::string& configs_dir) {
  std::string path = name_or_path;
  bool is_path = name_or_path.find('/') != std::string::npos || name_or_path.ends_with(".yaml");
  if (!is_path) path = configs_dir + "/" + name_or_path + ".yaml";
  // The error_code forms: a name too long for the file system is "not
  // found", not an exception.
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    std::string shipped;
    if (std::filesystem::is_directory(configs_dir, ec))
      for (const auto& e : std::filesystem::directory_iterator(configs_dir, ec))
        if (e.path().extension() == ".yaml") shipped += (shipped.empty() ? "" : ", ") + e.path().stem().string();
    throw InputError("machine '" + name_or_path + "' not found" + (is_path ? "" : " (shipped configs: " + shipped + ")"));
  }
  const YAML::Node node = parse_yaml(path, read_input_file(path, "machine config"));
  MachineConfig config;
  apply_config_yaml(config, node, path);
  validate_config(config, path);
  return config;
}

std::string resolved_config_yaml(const MachineConfig& config) {
  std::ostringstream out;
  out << "# Fully resolved machine configuration: every parameter, defaults filled in.\n";
  std::string group;
  for (const auto& p : params()) {
    std::string key = p.key;
    auto dot = key.find('.');
    std::string g = dot == std::string::npos ? "" : key.substr(0, dot);
    if (g != group && !g.empty()) out << g << ":\n";
    group = g;
    std::string indent = g.empty() ? "" : "  ";
    std::string leaf = dot == std::string::npos ? key : key.substr(dot + 1);
    out << indent << leaf << ": " << get_param(config, p);
    if (*p.unit || *p.description) out << "  # " << (*p.unit ? std::string(p.unit) + "; " : "") << p.description;
    out << "\n";
  }
  return out.str();
}

}  // namespace locksim
