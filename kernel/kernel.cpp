#include "kernel/kernel.h"

#include <fmt/format.h>

#include <algorithm>

#include "cpu/memory_layout.h"

namespace locksim::kernel {

using cpu::Service;

bool is_barrier(Service service) {
  switch (service) {
    case Service::FutexWait: case Service::FutexWake: case Service::Yield: case Service::TurnstileBlock:
      return true;  // the kernel's entry and its LOCK'd hash-bucket or run-queue lock
    default:
      return false;  // markers observe; they are not part of the machine
  }
}

void call(Service service, cpu::CpuState& caller, Host& host) {
  const uint64_t rdi = caller.regs[cpu::RDI], rsi = caller.regs[cpu::RSI];
  ++caller.pc;  // returns (or is woken) after the call
  uint64_t result = 0;
  switch (service) {
    case Service::FutexWait:
      if (rdi % 4) throw ServiceFault(fmt::format("__futex_wait: futex word {:#x} is not 4-byte aligned", rdi));
      if (host.read(rdi, 4) == (rsi & 0xffffffff)) {
        host.sleep(rdi);
        return;
      }
      result = 1;
      break;
    case Service::FutexWake:
      if (rdi % 4) throw ServiceFault(fmt::format("__futex_wake: futex word {:#x} is not 4-byte aligned", rdi));
      result = host.wake(rdi, rsi & 0xffffffff);
      break;
    case Service::Yield:
      host.yield();
      break;
    case Service::TurnstileBlock: {
      const uint64_t size = caller.regs[cpu::RDX] & 0xffffffff;
      if (size != 1 && size != 2 && size != 4 && size != 8)
        throw ServiceFault(fmt::format("__turnstile_block: lock size %edx = {} (expected 1, 2, 4 or 8)", size));
      host.write(rsi, static_cast<unsigned>(size), 0);
      host.sleep(rdi);
      return;
    }
    // The markers observe; %rax is left as it was.
    case Service::CsEnter:
      host.enter_section(rdi);
      return;
    case Service::CsExit:
      host.exit_section(rdi);
      return;
    case Service::Assert:
      if (rdi == 0) host.assertion_failed();
      return;
    case Service::None:
      throw std::logic_error("kernel::call without a service");
  }
  caller.regs[cpu::RAX] = result;
}

cpu::CpuState switch_context(const Spec& spec, uint32_t cpu, int out, int in, uint64_t stack_top) {
  cpu::CpuState s;
  s.regs[cpu::RDI] = out < 0 ? 0 : spec.layout.thread_struct(static_cast<uint32_t>(out));
  s.regs[cpu::RSI] = in < 0 ? 0 : spec.layout.thread_struct(static_cast<uint32_t>(in));
  s.regs[cpu::RDX] = spec.layout.cpu_area(cpu);
  s.regs[cpu::RSP] = stack_top;
  s.gs_base = spec.layout.cpu_area(cpu);
  s.pc = *spec.switch_routine;
  return s;
}

uint64_t kernel_stack_top(const Spec& spec, uint32_t cpu) { return cpu::stack_top(spec.layout.threads + cpu); }

Spec pinned(uint32_t threads) {
  Spec spec;
  spec.layout.cpus = spec.layout.threads = threads;
  return spec;
}

std::string describe(const SectionClash& clash) {
  return fmt::format("mutual exclusion: T{} and T{} are both inside critical section {:#x}", clash.first, clash.second,
                     clash.key);
}

void leave_section(std::vector<uint64_t>& sections, uint64_t key) {
  auto it = std::find(sections.begin(), sections.end(), key);
  if (it == sections.end()) throw ServiceFault(fmt::format("__cs_exit({:#x}) outside a section with that key", key));
  sections.erase(it);
}

SwitchWrites switch_writes(const Spec& spec, uint32_t cpu, int in) {
  const Layout& l = spec.layout;
  if (in < 0) return {{{{l.cpu_area(cpu), 0}, {0, 0}}}, 1};
  const uint64_t t = l.thread_struct(static_cast<uint32_t>(in));
  return {{{{l.cpu_area(cpu), t}, {t + 8, l.cpu_area(cpu)}}}, 2};
}

std::vector<std::pair<uint64_t, uint64_t>> initial_words(const Spec& spec) {
  const Layout& l = spec.layout;
  std::vector<std::pair<uint64_t, uint64_t>> w;
  for (uint32_t c = 0; c < l.cpus; ++c) {
    w.emplace_back(l.cpu_area(c), c < l.threads ? l.thread_struct(c) : 0);
    w.emplace_back(l.cpu_area(c) + 8, c);
  }
  for (uint32_t t = 0; t < l.threads; ++t) {
    w.emplace_back(l.thread_struct(t), t);
    w.emplace_back(l.thread_struct(t) + 8, t < l.cpus ? l.cpu_area(t) : 0);
  }
  return w;
}

}  // namespace locksim::kernel
