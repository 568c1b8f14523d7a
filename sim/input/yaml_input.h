// YAML inputs (scenarios, machine configs): parsing and errors at the
// node's file:line:col. yaml-cpp throws its own exceptions for conversions
// that do not fit (a mapping used as a key, say); everything here turns
// those into InputError before a caller sees them.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "cpu/asm/input_error.h"

namespace locksim {

[[noreturn]] inline void yaml_fail(const std::string& file, const YAML::Mark& m, const std::string& msg) {
  // A node built by yaml-cpp itself (not read from the file) has mark -1.
  const bool known = m.line >= 0 && m.column >= 0;
  throw InputError(file, known ? static_cast<unsigned>(m.line + 1) : 1, known ? static_cast<unsigned>(m.column + 1) : 1,
                   msg);
}

[[noreturn]] inline void yaml_fail(const std::string& file, const YAML::Node& n, const std::string& msg) {
  yaml_fail(file, n.Mark(), msg);
}

// The document in `text` (read from `file`); malformed YAML, including
// yaml-cpp's nesting limit, is an InputError at the offending position.
inline YAML::Node parse_yaml(const std::string& file, const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    yaml_fail(file, e.mark, "invalid YAML: " + e.msg);
  }
}

// A mapping key as text; a key that is itself a mapping or list is an error.
inline std::string yaml_key(const std::string& file, const YAML::Node& key) {
  if (!key.IsScalar()) yaml_fail(file, key, "expected a plain key (a name), found a mapping or list");
  return key.Scalar();
}

// A scalar value as text; `what` names the key in the error.
inline std::string yaml_scalar(const std::string& file, const YAML::Node& n, const std::string& what) {
  if (!n.IsScalar()) yaml_fail(file, n, "expected a single value for '" + what + "'");
  return n.Scalar();
}

}  // namespace locksim
