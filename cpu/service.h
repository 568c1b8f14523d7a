// Kernel services as the ISA sees them: `call __futex_wait` and the like
// reach no instruction but the kernel beneath the program, like a system
// call. The assembler turns such a call into a service call; what each
// service does is the kernel model's (kernel/services.h), the same in every
// engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace locksim::cpu {

enum class Service : uint8_t {
  None,
  FutexWait,       // __futex_wait
  FutexWake,       // __futex_wake
  Yield,           // __yield
  TurnstileBlock,  // __turnstile_block
  CsEnter,         // __cs_enter
  CsExit,          // __cs_exit
  Assert,          // __assert
};

// The service a `call NAME` reaches when NAME is not defined in the program.
std::optional<Service> service_named(std::string_view name);
std::string_view service_name(Service service);
// Every service's name, for error messages.
std::string service_names();

}  // namespace locksim::cpu
