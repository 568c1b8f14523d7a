// MESI as an explicit (state, event) -> (next state, actions) table. A pair
// the table does not list is a protocol bug and throws ProtocolError.
#pragma once

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace locksim::cache {

enum class Mesi : uint8_t { I, S, E, M };
enum class MesiEvent : uint8_t {
  Load,          // this core reads
  Store,         // this core writes (store-buffer drain or locked RMW)
  SnoopGetS,     // another core reads a line it does not have
  SnoopGetM,     // another core writes a line it does not have
  SnoopUpgrade,  // another core writes a line it holds in S
  Evict,         // replacement
};

enum class BusRequest : uint8_t { None, GetS, GetM, Upgrade };

struct MesiTransition {
  Mesi next;
  Mesi next_if_alone;  // for a GetS that finds no other copy
  BusRequest request;  // what this cache must put on the interconnect
  bool supplies_data;  // answers a snoop with the line (cache-to-cache)
  bool writes_back;    // dirty data goes back to the LLC
};

class ProtocolError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

namespace detail {
// The table indexed by (state, event); null for an unlisted pair.
extern const std::array<std::array<const MesiTransition*, 6>, 4> kMesiIndex;
[[noreturn]] void unlisted_transition(Mesi state, MesiEvent event);
}  // namespace detail

// Looks up the table; throws ProtocolError for an unlisted pair. Inline:
// every access and every snoop asks.
inline const MesiTransition& mesi_transition(Mesi state, MesiEvent event) {
  if (const MesiTransition* t = detail::kMesiIndex[static_cast<size_t>(state)][static_cast<size_t>(event)]) return *t;
  detail::unlisted_transition(state, event);
}

std::string_view mesi_name(Mesi state);
std::string_view bus_request_name(BusRequest request);

}  // namespace locksim::cache
