// Fuzzes herd7 litmus tests (sim/input/litmus.cpp): parse, translate to AT&T,
// assemble and explore a bounded number of states; bad input is InputError.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "cpu/execute.h"
#include "cpu/asm/input_error.h"
#include "cpu/mem_port.h"
#include "sim/input/litmus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  using namespace locksim;
  try {
    // Few states, so that every input stays fast.
    LitmusResult r = run_litmus_text("fuzz.litmus", text, 2000);
    std::ostringstream out;
    print_herd_block(r, out);
  } catch (const InputError&) {
  } catch (const cpu::ExecutionFault&) {
    // A test whose code faults (#DE, a jump or load to nowhere) is reported
    // as a CPU fault, exit 3, by design (sim/report/errors.cpp); not a finding.
  } catch (const cpu::MemoryFault&) {
  }
  return 0;
}
