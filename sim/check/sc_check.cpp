#include "sim/check/sc_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <tuple>
#include <unordered_map>

namespace locksim {
namespace {

struct EdgeInfo {
  Relation relation;
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, EdgeInfo>;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// Edges with both ends in one strongly connected component.
struct InComponent {
  const Graph* graph = nullptr;
  const std::vector<int>* component = nullptr;
  int which = -1;
  bool operator()(const Edge& e) const {
    return (*component)[boost::source(e, *graph)] == which && (*component)[boost::target(e, *graph)] == which;
  }
};

struct CycleClosed {};

// Breadth-first from `start`, stopping at the first edge back to it: that
// closes a shortest cycle through `start`.
struct ShortestCycleVisitor : boost::default_bfs_visitor {
  const Graph* graph;
  uint32_t start;
  std::vector<std::pair<uint32_t, Relation>>* parent;  // tree edge into each vertex
  std::pair<uint32_t, Relation>* closing;
  template <class G>
  void examine_edge(const Edge& e, const G&) const {
    uint32_t from = static_cast<uint32_t>(boost::source(e, *graph)), to = static_cast<uint32_t>(boost::target(e, *graph));
    if (to == start) {
      *closing = {from, (*graph)[e].relation};
      throw CycleClosed{};
    }
  }
  template <class G>
  void tree_edge(const Edge& e, const G&) const {
    (*parent)[boost::target(e, *graph)] = {static_cast<uint32_t>(boost::source(e, *graph)), (*graph)[e].relation};
  }
};

std::vector<ScCycleStep> shortest_cycle_through(const Graph& g, const std::vector<int>& component, uint32_t start,
                                                std::vector<boost::default_color_type>& colors) {
  boost::filtered_graph<Graph, InComponent> sub(g, InComponent{&g, &component, component[start]});
  std::vector<std::pair<uint32_t, Relation>> parent(boost::num_vertices(g));
  std::pair<uint32_t, Relation> closing{0, Relation::ProgramOrder};
  std::fill(colors.begin(), colors.end(), boost::white_color);
  try {
    boost::breadth_first_search(
        sub, start,
        boost::visitor(ShortestCycleVisitor{{}, &g, start, &parent, &closing})
            .color_map(boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g))));
  } catch (const CycleClosed&) {
    std::vector<ScCycleStep> cycle{{closing.first, closing.second}};
    for (uint32_t v = closing.first; v != start; v = parent[v].first) cycle.push_back({parent[v].first, parent[v].second});
    std::reverse(cycle.begin(), cycle.end());
    return cycle;
  }
  return {};  // unreachable for a vertex of a nontrivial component
}

}  // namespace

const char* relation_name(Relation r) {
  switch (r) {
    case Relation::ProgramOrder: return "po";
    case Relation::ReadsFrom: return "rf";
    case Relation::Coherence: return "co";
    case Relation::FromReads: return "fr";
  }
  return "?";
}

ScVerdict check_sc(const Execution& execution) {
  const auto& events = execution.events();
  std::vector<std::tuple<uint32_t, uint32_t, Relation>> edges;

  // Program order: each thread's events in the order they were recorded.
  std::vector<uint32_t> last_of_thread;
  for (uint32_t i = 0; i < events.size(); ++i) {
    uint32_t t = events[i].thread;
    if (t >= last_of_thread.size()) last_of_thread.resize(t + 1, Execution::kInitial);
    if (last_of_thread[t] != Execution::kInitial) edges.emplace_back(last_of_thread[t], i, Relation::ProgramOrder);
    last_of_thread[t] = i;
  }
  // Coherence order per byte, from the commit order: each write's
  // successor on each byte it covers (for from-reads), and the first write
  // of each byte (what a read of the initial value precedes).
  std::unordered_map<uint64_t, uint32_t> last, first;  // per byte address
  std::unordered_map<uint64_t, uint32_t> next;         // (write << 4 | byte offset) -> the next write
  for (uint32_t w : execution.commits()) {
    const MemoryEvent& e = events[w];
    uint32_t previous_edge_from = Execution::kInitial;
    for (unsigned k = 0; k < e.size; ++k) {
      const uint64_t byte = e.address + k;
      auto [it, fresh] = last.try_emplace(byte, w);
      if (fresh) {
        first.emplace(byte, w);
        continue;
      }
      const uint32_t prev = it->second;
      next[uint64_t{prev} << 4 | (byte - events[prev].address)] = w;
      if (prev != previous_edge_from) edges.emplace_back(prev, w, Relation::Coherence);
      previous_edge_from = prev;
      it->second = w;
    }
  }
  // Reads-from, and from-reads: a read precedes the write that overwrote
  // the value it read.
  for (const auto& span : execution.read_spans()) {
    if (span.source != Execution::kInitial) edges.emplace_back(span.source, span.read, Relation::ReadsFrom);
    uint32_t previous_target = Execution::kInitial;
    for (uint32_t k = 0; k < span.size; ++k) {
      const uint64_t byte = span.address + k;
      uint32_t target = Execution::kInitial;
      if (span.source == Execution::kInitial) {
        if (auto it = first.find(byte); it != first.end()) target = it->second;
      } else if (auto it = next.find(uint64_t{span.source} << 4 | (byte - events[span.source].address));
                 it != next.end()) {
        target = it->second;
      }
      if (target != Execution::kInitial && target != previous_target)
        edges.emplace_back(span.read, target, Relation::FromReads);
      previous_target = target;
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());

  Graph g(events.size());
  for (const auto& [from, to, relation] : edges) boost::add_edge(from, to, EdgeInfo{relation}, g);

  ScVerdict v;
  v.events = events.size();
  v.edges = edges.size();
  std::vector<int> component(events.size());
  int components = boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  std::vector<uint32_t> size(static_cast<size_t>(components), 0);
  for (int c : component) ++size[static_cast<size_t>(c)];
  std::vector<uint32_t> on_cycles;
  for (uint32_t i = 0; i < events.size(); ++i)
    if (size[static_cast<size_t>(component[i])] > 1) on_cycles.push_back(i);
  v.events_on_cycles = on_cycles.size();
  v.consistent = on_cycles.empty();
  if (v.consistent) return v;

  // A shortest cycle through one of the first events on cycles: trying them
  // all would cost a search each on long runs.
  std::vector<boost::default_color_type> colors(events.size());
  constexpr size_t kStarts = 64;
  for (size_t k = 0; k < std::min(kStarts, on_cycles.size()); ++k) {
    auto cycle = shortest_cycle_through(g, component, on_cycles[k], colors);
    if (!cycle.empty() && (v.cycle.empty() || cycle.size() < v.cycle.size())) v.cycle = std::move(cycle);
  }
  return v;
}

std::vector<std::string> describe_cycle(const ScVerdict& verdict, const Execution& execution,
                                        const cpu::Program& program) {
  std::vector<std::string> lines;
  for (const auto& step : verdict.cycle) {
    const MemoryEvent& e = execution.events()[step.event];
    const cpu::Instr& in = program.code[e.instr];
    lines.push_back(fmt::format("T{} {:<24} {:<32} {} [{}] {} {:#x}  -{}->", e.thread, program.where(in),
                                program.source_text(in), e.write ? "W" : "R", program.location_name(e.address),
                                e.write ? "<-" : "=", e.value, relation_name(step.to_next)));
  }
  return lines;
}

}  // namespace locksim
