// Cores, sockets and links as a Boost.Graph graph; shortest paths give the
// core-to-core transfer latency.
#pragma once

#include <cstdint>
#include <vector>

namespace locksim::cache {

class Topology {
 public:
  // Cores are split evenly among sockets; each core links to its socket's
  // hub, and every pair of hubs is linked.
  Topology(uint32_t cores, uint32_t sockets, uint32_t core_link_latency, uint32_t socket_link_latency);

  uint32_t transfer_latency(uint32_t from_core, uint32_t to_core) const { return latency_[from_core][to_core]; }
  uint32_t socket_of(uint32_t core) const { return core / cores_per_socket_; }

 private:
  uint32_t cores_per_socket_;
  std::vector<std::vector<uint32_t>> latency_;
};

}  // namespace locksim::cache
