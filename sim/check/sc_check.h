// The axiomatic check that a recorded execution is sequentially consistent:
// SC holds exactly when program order, reads-from, coherence order and
// from-reads together are acyclic (Shasha and Snir; Alglave's herd
// formulation). A cycle names the reordering the execution exhibited, e.g.
// the store-buffer cycle W x -po-> R y -fr-> W y -po-> R x -fr-> W x.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cpu/program.h"
#include "sim/check/execution.h"

namespace locksim {

enum class Relation : uint8_t { ProgramOrder, ReadsFrom, Coherence, FromReads };
const char* relation_name(Relation r);  // po, rf, co, fr

struct ScCycleStep {
  uint32_t event;
  Relation to_next;  // the edge from this event to the next (the last closes the cycle)
};

struct ScVerdict {
  bool consistent = true;
  uint64_t events = 0, edges = 0;
  uint64_t events_on_cycles = 0;   // events in strongly connected components of more than one event
  std::vector<ScCycleStep> cycle;  // a shortest cycle found, when not consistent
};

ScVerdict check_sc(const Execution& execution);

// The cycle, one line per event: thread, file:line, instruction, the access,
// and the relation leading to the next line.
std::vector<std::string> describe_cycle(const ScVerdict& verdict, const Execution& execution,
                                        const cpu::Program& program);

}  // namespace locksim
