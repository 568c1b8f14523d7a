#include "cpu/service.h"

#include <array>
#include <utility>

namespace locksim::cpu {
namespace {

constexpr std::array<std::pair<std::string_view, Service>, 7> kServices{{
    {"__futex_wait", Service::FutexWait},
    {"__futex_wake", Service::FutexWake},
    {"__yield", Service::Yield},
    {"__turnstile_block", Service::TurnstileBlock},
    {"__cs_enter", Service::CsEnter},
    {"__cs_exit", Service::CsExit},
    {"__assert", Service::Assert},
}};

}  // namespace

std::optional<Service> service_named(std::string_view name) {
  for (const auto& [n, s] : kServices)
    if (n == name) return s;
  return std::nullopt;
}

std::string_view service_name(Service service) {
  for (const auto& [n, s] : kServices)
    if (s == service) return n;
  return "(none)";
}

std::string service_names() {
  std::string out;
  for (const auto& [n, s] : kServices) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

}  // namespace locksim::cpu
