#include "cpu/program.h"

#include <cstdio>

namespace locksim::cpu {

std::string Program::location_name(uint64_t address) const {
  const Symbol* best = nullptr;
  for (const auto& l : data_labels)
    if (l.address <= address && (!best || l.address > best->address)) best = &l;
  if (best && address - best->address < 64)
    return address == best->address ? best->name : best->name + "+" + std::to_string(address - best->address);
  char hex[24];
  std::snprintf(hex, sizeof hex, "%#llx", static_cast<unsigned long long>(address));
  return hex;
}

}  // namespace locksim::cpu
