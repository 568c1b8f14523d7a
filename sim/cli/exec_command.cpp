#include "sim/cli/exec_command.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cpu/asm/assembler.h"
#include "cpu/flat_memory.h"
#include "cpu/asm/input_error.h"
#include "cpu/run_thread.h"
#include "sim/input/value_parse.h"

namespace locksim {
namespace {

using cpu::CpuState;

std::string hex64(uint64_t v) { return fmt::format("{:#018x}", v); }

void apply_assignment(const std::string& text, CpuState& st) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError("--reg '" + text + "': expected NAME=VALUE, e.g. rax=0x10");
  std::string name = text.substr(0, eq);
  uint64_t value = parse_u64_value(text.substr(eq + 1), "--reg " + name);
  if (auto gpr = cpu::parse_gpr64(name)) st.regs[*gpr] = value;
  else if (name == "rflags") st.rflags = (value & (cpu::flag::kArithmetic | cpu::flag::DF)) | cpu::flag::kFixed;
  else if (name == "fs_base") st.fs_base = value;
  else if (name == "gs_base") st.gs_base = value;
  else
    throw InputError("--reg '" + text + "': unknown register '" + name +
                     "' (expected rax..r15, rflags, fs_base or gs_base)");
}

}  // namespace

int run_exec_command(const ExecRequest& request, std::ostream& out, std::ostream& err) {
  cpu::Program program = cpu::assemble_files(request.files);
  uint32_t entry = cpu::find_entry(program, request.entry);
  CpuState st = cpu::initial_registers(0);
  for (const auto& a : request.reg_assignments) apply_assignment(a, st);
  cpu::FlatMemory memory(program);
  // A CPU fault leaves as an exception: exit 3 by report_current_exception.
  const cpu::ThreadRun run = cpu::run_thread(program, entry, st, memory, request.max_steps);
  if (run.end == cpu::ThreadEnd::StepLimit) {
    const cpu::Instr& at = program.code[st.pc];
    err << "error: step limit of " << request.max_steps << " instructions reached; next instruction at "
        << program.where(at) << " ('" << cpu::op_name(at.op) << "'); raise it with --max-steps\n";
    return 3;
  }
  nlohmann::ordered_json j;
  static constexpr cpu::Gpr kOrder[] = {cpu::RAX, cpu::RBX, cpu::RCX, cpu::RDX, cpu::RSI, cpu::RDI,
                                        cpu::RBP, cpu::RSP, cpu::R8,  cpu::R9,  cpu::R10, cpu::R11,
                                        cpu::R12, cpu::R13, cpu::R14, cpu::R15};
  for (cpu::Gpr g : kOrder) j["regs"][std::string(cpu::kGpr64Names[g])] = hex64(st.regs[g]);
  auto bit = [&](uint64_t f) { return st.flag(f) ? 1 : 0; };
  j["flags"] = {{"cf", bit(cpu::flag::CF)}, {"pf", bit(cpu::flag::PF)}, {"zf", bit(cpu::flag::ZF)},
                {"sf", bit(cpu::flag::SF)}, {"of", bit(cpu::flag::OF)}};
  j["memory"] = nlohmann::ordered_json::object();
  for (const auto& label : program.data_labels) j["memory"][label.name] = hex64(memory.peek(label.address, 8));
  j["steps"] = run.steps;
  if (run.end == cpu::ThreadEnd::Halted) j["halted"] = true;
  out << j.dump(2) << "\n";
  return 0;
}

}  // namespace locksim
