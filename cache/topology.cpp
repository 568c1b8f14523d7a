#include "cache/topology.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

namespace locksim::cache {

Topology::Topology(uint32_t cores, uint32_t sockets, uint32_t core_link_latency, uint32_t socket_link_latency)
    : cores_per_socket_(cores / sockets) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, int>>;
  // Vertices 0..cores-1 are cores, then one hub per socket.
  Graph g(cores + sockets);
  for (uint32_t c = 0; c < cores; ++c)
    boost::add_edge(c, cores + c / cores_per_socket_, static_cast<int>(core_link_latency), g);
  for (uint32_t a = 0; a < sockets; ++a)
    for (uint32_t b = a + 1; b < sockets; ++b)
      boost::add_edge(cores + a, cores + b, static_cast<int>(socket_link_latency), g);
  latency_.assign(cores, std::vector<uint32_t>(cores));
  std::vector<int> dist(boost::num_vertices(g));
  for (uint32_t a = 0; a < cores; ++a) {
    boost::dijkstra_shortest_paths(g, a, boost::distance_map(dist.data()));
    for (uint32_t b = 0; b < cores; ++b) latency_[a][b] = static_cast<uint32_t>(dist[b]);
  }
}

}  // namespace locksim::cache
