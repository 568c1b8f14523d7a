#include "cache/l1_cache.h"

namespace locksim::cache {

L1Cache::L1Cache(sc_core::sc_module_name name, uint32_t sets, uint32_t ways, uint32_t hit_latency)
    : sc_core::sc_module(name),
      hit_latency_(hit_latency),
      sets_(sets),
      ways_(ways),
      array_(static_cast<size_t>(sets) * ways) {}

void L1Cache::touch(uint64_t line) {
  if (Way* w = find(line)) w->last_use = ++clock_;
}

}  // namespace locksim::cache
