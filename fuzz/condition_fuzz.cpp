// Fuzzes herd7 final-state conditions (sim/check/condition.cpp), as written in a
// scenario's check: or a litmus test: malformed text must be an InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cpu/asm/input_error.h"
#include "sim/check/condition.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  using namespace locksim;
  try {
    Condition c = parse_condition(Quantifier::Exists, text, "fuzz.cond", 1, 1);
    // What the explorer does with it: resolve registers, evaluate.
    for (const auto& a : c.atoms)
      if (a.thread >= 0) (void)condition_register(a.name);
    (void)evaluate(c.proposition, [](const CondAtom& a) { return static_cast<uint64_t>(a.value); },
                   [](const std::string& s) { return static_cast<uint64_t>(s.size()); });
    (void)quantifier_name(c.quantifier);
  } catch (const InputError&) {
  }
  return 0;
}
