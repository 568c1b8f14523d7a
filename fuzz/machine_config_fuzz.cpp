// Fuzzes machine config YAML (sim/input/machine_config.cpp): unknown, duplicate,
// mistyped or impossible parameters must be an InputError, never a crash.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "cpu/asm/input_error.h"
#include "sim/input/machine_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  using namespace locksim;
  YAML::Node node;
  try {
    node = YAML::Load(text);
  } catch (const YAML::Exception&) {
    return 0;  // not YAML at all: yaml-cpp's own parse error
  }
  try {
    MachineConfig config;
    apply_config_yaml(config, node, "fuzz.yaml");
    validate_config(config, "fuzz.yaml");
    (void)resolved_config_yaml(config);
  } catch (const InputError&) {
  }
  return 0;
}
