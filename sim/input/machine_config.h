// A simulated machine as described in configs/*.yaml. Every parameter is
// declared once (machine_config.cpp) with type, default, unit, description
// and the published figure its default comes from.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace YAML {
class Node;
}

namespace locksim {

enum class LockMode : uint8_t { CacheLock, BusLock };

struct MachineConfig {
  std::string name = "unnamed";
  double clock_ghz = 3.0;
  uint32_t cores = 8;
  // Per-core costs in cycles.
  uint32_t alu_latency = 1;
  uint32_t branch_latency = 1;
  uint32_t store_forward_latency = 5;
  uint32_t locked_rmw_latency = 18;
  uint32_t mfence_latency = 33;
  uint32_t lfence_latency = 4;
  uint32_t sfence_latency = 6;
  uint32_t pause_latency = 140;
  uint32_t store_buffer_entries = 56;
  // Skip the iterations of a spin loop that provably repeat (see Core).
  uint32_t spin_fast_forward = 1;
  // Private L1 data cache.
  uint32_t l1_sets = 64;
  uint32_t l1_ways = 8;
  uint32_t l1_line_size = 64;
  uint32_t l1_hit_latency = 4;
  // Shared levels.
  uint32_t llc_latency = 42;
  uint32_t memory_latency = 195;
  // Interconnect.
  std::string interconnect = "snoop_bus";
  uint32_t arbitration_latency = 2;
  LockMode lock_mode = LockMode::CacheLock;
  // Topology: cores hang off their socket's hub; hubs are linked pairwise.
  uint32_t sockets = 1;
  uint32_t core_link_latency = 30;
  uint32_t socket_link_latency = 120;
  // The kernel beneath the locks (kernel/): what its services and thread
  // switches cost.
  uint32_t kernel_service_cycles = 300;
  uint32_t kernel_switch_cycles = 3000;
  uint64_t kernel_quantum_cycles = 3'000'000;
  // Watchdog: no instruction retired on any core for this many cycles.
  uint64_t watchdog_cycles = 1'000'000;
};

// Limit on each L1's size in lines (sets x ways).
inline constexpr uint64_t kMaxL1Lines = 1u << 16;

// Where a config came from, for error messages: the YAML file name.
struct ConfigSource {
  std::string file;
};

// Applies the keys of a YAML mapping (nested like the shipped configs) to
// `config`. Unknown, duplicate, mistyped or impossible values throw
// InputError at file:line:col.
void apply_config_yaml(MachineConfig& config, const YAML::Node& node, const std::string& file);

// Applies one "dotted.key=value" override (from --set); `what` names it in errors.
void apply_config_override(MachineConfig& config, const std::string& assignment, const std::string& what);

// Loads a shipped config by name ("skylake-8") or a path to a YAML file.
MachineConfig load_machine_config(const std::string& name_or_path, const std::string& configs_dir);

// Checks relations between parameters (cores divisible by sockets, ...).
void validate_config(const MachineConfig& config, const std::string& where);

// The fully resolved config as YAML, every parameter with its unit and source.
std::string resolved_config_yaml(const MachineConfig& config);

// Directory holding the shipped configs (next to the binary's source tree).
std::string default_configs_dir();

}  // namespace locksim
