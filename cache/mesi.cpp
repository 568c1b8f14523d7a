#include "cache/mesi.h"

#include <array>
#include <optional>
#include <string>

namespace locksim::cache {
namespace {

using enum Mesi;
using enum MesiEvent;

struct Row {
  Mesi state;
  MesiEvent event;
  MesiTransition t;
};

// clang-format off
constexpr std::array<Row, 21> kTable = {{
  //  state  event          next  alone  request               data   writeback
  {I, Load,          {S, E, BusRequest::GetS,    false, false}},
  {S, Load,          {S, S, BusRequest::None,    false, false}},
  {E, Load,          {E, E, BusRequest::None,    false, false}},
  {M, Load,          {M, M, BusRequest::None,    false, false}},
  {I, Store,         {M, M, BusRequest::GetM,    false, false}},
  {S, Store,         {M, M, BusRequest::Upgrade, false, false}},
  {E, Store,         {M, M, BusRequest::None,    false, false}},  // silent E -> M
  {M, Store,         {M, M, BusRequest::None,    false, false}},
  {I, SnoopGetS,     {I, I, BusRequest::None,    false, false}},
  {S, SnoopGetS,     {S, S, BusRequest::None,    false, false}},
  {E, SnoopGetS,     {S, S, BusRequest::None,    true,  false}},
  {M, SnoopGetS,     {S, S, BusRequest::None,    true,  true}},
  {I, SnoopGetM,     {I, I, BusRequest::None,    false, false}},
  {S, SnoopGetM,     {I, I, BusRequest::None,    false, false}},
  {E, SnoopGetM,     {I, I, BusRequest::None,    true,  false}},
  {M, SnoopGetM,     {I, I, BusRequest::None,    true,  false}},  // ownership moves with the data
  {I, SnoopUpgrade,  {I, I, BusRequest::None,    false, false}},
  {S, SnoopUpgrade,  {I, I, BusRequest::None,    false, false}},
  {S, Evict,         {I, I, BusRequest::None,    false, false}},
  {E, Evict,         {I, I, BusRequest::None,    false, false}},
  {M, Evict,         {I, I, BusRequest::None,    false, true}},
}};
// clang-format on

constexpr std::array<std::string_view, 6> kEventNames = {"Load", "Store", "SnoopGetS", "SnoopGetM", "SnoopUpgrade", "Evict"};

using Index = std::array<std::array<const MesiTransition*, kEventNames.size()>, 4>;
constexpr Index make_index() {
  Index index{};
  for (const auto& row : kTable) index[static_cast<size_t>(row.state)][static_cast<size_t>(row.event)] = &row.t;
  return index;
}

}  // namespace

// Built from the table at compile time.
constexpr Index detail::kMesiIndex = make_index();

void detail::unlisted_transition(Mesi state, MesiEvent event) {
  // E or M seeing another cache's upgrade means two copies coexisted with one
  // of them exclusive: a single-writer violation upstream.
  throw ProtocolError("invalid MESI transition: state " + std::string(mesi_name(state)) + ", event " +
                      std::string(kEventNames[static_cast<size_t>(event)]));
}

std::string_view mesi_name(Mesi state) {
  static constexpr std::array<std::string_view, 4> kNames = {"I", "S", "E", "M"};
  return kNames[static_cast<size_t>(state)];
}

std::string_view bus_request_name(BusRequest request) {
  static constexpr std::array<std::string_view, 4> kNames = {"None", "GetS", "GetM", "Upgrade"};
  return kNames[static_cast<size_t>(request)];
}

}  // namespace locksim::cache
