// `locksim exec` against the real CPU through the CLI: the JSON registers,
// flags and data words for tests/inputs/exec_sample.s equal a native run.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"

extern "C" void native_call(void (*fn)(), uint64_t* io);
extern "C" void sample();

namespace locksim {
namespace {

constexpr const char* kRegs[16] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                   "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};

TEST(ExecNative, CliJsonMatchesRealCpu) {
  // Snapshot the initial data so every run starts from the file's contents.
  auto* data_begin = static_cast<uint8_t*>(dlsym(RTLD_DEFAULT, "counter"));
  auto* data_end = static_cast<uint8_t*>(dlsym(RTLD_DEFAULT, "result")) + 8;
  ASSERT_NE(data_begin, nullptr);
  std::vector<uint8_t> initial(data_begin, data_end);
  const uint64_t inputs[][3] = {{3, 100, 0x202}, {-5ull, -77ull, 0x203}, {0x123456789, 3, 0xa93}, {1, 0, 0x202}};
  for (const auto& in : inputs) {
    std::memcpy(data_begin, initial.data(), initial.size());
    uint64_t io[17] = {};
    io[7] = in[0];  // rdi
    io[6] = in[1];  // rsi
    io[16] = in[2];
    native_call(sample, io);

    auto r = testing::run_locksim({"exec", "tests/inputs/exec_sample.s", "--entry", "sample",
                                   "--reg", fmt::format("rdi={:#x}", in[0]), "--reg", fmt::format("rsi={:#x}", in[1]),
                                   "--reg", fmt::format("rflags={:#x}", in[2])});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    for (int i = 0; i < 16; ++i) {
      if (i == 4) continue;  // rsp: different stacks
      EXPECT_EQ(j["regs"][kRegs[i]], fmt::format("{:#018x}", io[i])) << kRegs[i] << " for rdi=" << in[0];
    }
    const std::pair<const char*, uint64_t> flags[] = {{"cf", 0x1}, {"pf", 0x4}, {"zf", 0x40}, {"sf", 0x80}, {"of", 0x800}};
    for (const auto& [name, bit] : flags) EXPECT_EQ(j["flags"][name], (io[16] & bit) ? 1 : 0) << name;
    ASSERT_EQ(j["memory"].size(), 4u);
    for (const auto& [label, value] : j["memory"].items()) {
      uint64_t native = 0;
      std::memcpy(&native, dlsym(RTLD_DEFAULT, label.c_str()), 8);
      EXPECT_EQ(value, fmt::format("{:#018x}", native)) << label;
    }
  }
}

}  // namespace
}  // namespace locksim
