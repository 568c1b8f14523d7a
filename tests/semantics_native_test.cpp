// Compares `execute` against the real CPU: every snippet in
// native/snippets.s is compiled into this binary and also assembled by
// locksim; both run from the same registers, flags and memory, and must end
// with the same GPRs, defined flags and data bytes.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "cpu/asm/assembler.h"
#include "cpu/flat_memory.h"
#include "cpu/memory_layout.h"
#include "cpu/run_thread.h"

extern "C" void native_call(void (*fn)(), uint64_t* io);
extern "C" uint8_t snip_data[];
extern "C" uint8_t snip_data_end[];

namespace locksim::cpu {
namespace {

constexpr uint64_t kCompareAll = flag::CF | flag::PF | flag::AF | flag::ZF | flag::SF | flag::OF;

struct Snippet {
  std::string name;
  std::map<std::string, std::string> notes;  // from the "# key=value ..." comment
};

std::vector<Snippet> load_snippets() {
  std::ifstream in(LOCKSIM_SNIPPETS);
  std::vector<Snippet> out;
  std::string line;
  while (std::getline(in, line)) {
    // "t_name:  # key=value ..."
    auto colon = line.find(':'), hash = line.find('#');
    if (line.rfind("t_", 0) != 0 || colon == std::string::npos || hash == std::string::npos || hash < colon) continue;
    Snippet s{line.substr(0, colon), {}};
    std::istringstream notes(line.substr(hash + 1));
    std::string kv;
    while (notes >> kv) {
      auto eq = kv.find('=');
      s.notes[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    out.push_back(s);
  }
  return out;
}

const std::vector<Snippet>& snippets() {
  static const std::vector<Snippet> all = load_snippets();
  return all;
}

// Family = "t_add" for "t_add_rr_4": one test per instruction family.
std::string family_of(const std::string& name) { return name.substr(0, name.find('_', 2)); }

std::vector<std::string> families() {
  std::vector<std::string> out;
  for (const auto& s : snippets())
    if (std::find(out.begin(), out.end(), family_of(s.name)) == out.end()) out.push_back(family_of(s.name));
  return out;
}

uint64_t mask_of(unsigned size) { return size >= 8 ? ~0ull : (1ull << (8 * size)) - 1; }
int64_t sext(uint64_t v, unsigned size) { return static_cast<int64_t>(v << (64 - 8 * size)) >> (64 - 8 * size); }

// Values that stress carries, overflows and sign changes at every width.
uint64_t pick(std::mt19937_64& rng) {
  static const uint64_t kEdges[] = {0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
                                    0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 0x7fffffffffffffff,
                                    0x8000000000000000, 0xffffffffffffffff, 0xfffffffffffffffe, 0xaaaaaaaaaaaaaaaa};
  switch (rng() % 4) {
    case 0: return kEdges[rng() % std::size(kEdges)];
    case 1: return rng() % 70;
    case 2: return (rng() & ~0xffull) | kEdges[rng() % 8];
    default: return rng();
  }
}

struct Inputs {
  std::array<uint64_t, 17> io{};  // regs in encoding order, then rflags
  std::vector<uint8_t> data;
  uint64_t word(size_t offset) const {
    uint64_t v;
    std::memcpy(&v, data.data() + offset, 8);
    return v;
  }
  void set_word(size_t offset, uint64_t v) { std::memcpy(data.data() + offset, &v, 8); }
};

void set_low(uint64_t& reg, unsigned size, uint64_t v) { reg = (reg & ~mask_of(size)) | (v & mask_of(size)); }

// Constrains inputs so that the native run cannot fault (#DE, stray address).
void apply_fixup(const Snippet& s, Inputs& in, std::mt19937_64& rng) {
  auto it = s.notes.find("fixup");
  if (it == s.notes.end()) return;
  const std::string& f = it->second;
  unsigned size = s.notes.count("size") ? std::stoul(s.notes.at("size")) : 8;
  uint64_t& rax = in.io[RAX];
  uint64_t& rdx = in.io[RDX];
  uint64_t& rbx = in.io[RBX];
  if (f == "div" || f == "idiv") {
    uint64_t d = rbx & mask_of(size);
    if (d == 0) d = 1;
    if (f == "idiv" && d == mask_of(size)) d = 3;  // -1 would overflow on the minimum dividend
    set_low(rbx, size, d);
    if (f == "div") {
      if (size == 1) rax = (rax & ~0xff00ull) | ((((rax >> 8) & 0xff) % d) << 8);
      else set_low(rdx, size, (rdx & mask_of(size)) % d);
    } else {
      uint64_t fill = sext(rax, size) < 0 ? ~0ull : 0;
      if (size == 1) rax = (rax & ~0xff00ull) | ((fill & 0xff) << 8);
      else set_low(rdx, size, fill);
    }
  } else if (f == "divm") {
    uint64_t d = in.word(0) | 1;
    in.set_word(0, d);
    rdx %= d;
  } else if (f == "bitoff") {
    // Keep the addressed word inside snip_data: from 64 bytes before
    // bitbase (offset 96) to its end.
    auto reg = parse_register(s.notes.at("reg"));
    int64_t lo = -64 * 8, hi = (72 - static_cast<int64_t>(size)) * 8 - 1;
    int64_t off = lo + static_cast<int64_t>(rng() % static_cast<uint64_t>(hi - lo + 1));
    set_low(in.io[reg->gpr], size, static_cast<uint64_t>(off));
  } else if (f == "cmpxchg_reg") {
    auto reg = parse_register(s.notes.at("reg"));
    if (rng() % 2) set_low(rax, reg->size, in.io[reg->gpr]);
  } else if (f == "cmpxchg_mem") {
    if (rng() % 2) set_low(rax, size, in.word(8));
  } else if (f == "cmpxchg8b") {
    if (rng() % 2) set_low(rax, 4, in.word(0)), set_low(rdx, 4, in.word(0) >> 32);
  } else if (f == "cmpxchg16b") {
    if (rng() % 2) rax = in.word(0), rdx = in.word(8);
  } else if (f == "popf") {
    rbx &= flag::kArithmetic;
  } else {
    ADD_FAILURE() << s.name << ": unknown fixup '" << f << "'";
  }
}

// Flags the manuals define after the snippet, for these inputs.
uint64_t defined_flags(const Snippet& s, const Inputs& in) {
  if (auto k = s.notes.find("kind"); k != s.notes.end()) {
    unsigned size = std::stoul(s.notes.at("size"));
    const std::string& c = s.notes.at("count");
    unsigned count = (c == "cl" ? in.io[RCX] & 0xff : std::stoul(c)) & (size == 8 ? 63 : 31);
    if (count == 0) return kCompareAll;
    uint64_t of = count == 1 ? flag::OF : 0;
    if (k->second == "rotate") return (kCompareAll & ~flag::OF) | of;
    uint64_t cf = count < size * 8 ? flag::CF : 0;
    return cf | flag::PF | flag::ZF | flag::SF | of;
  }
  const std::string& f = s.notes.at("flags");
  if (f == "all") return kCompareAll;
  if (f == "none") return 0;
  uint64_t m = 0;
  std::istringstream names(f);
  std::string n;
  while (std::getline(names, n, ',')) {
    m |= n == "cf" ? flag::CF : n == "pf" ? flag::PF : n == "zf" ? flag::ZF : n == "sf" ? flag::SF
       : n == "of" ? flag::OF : n == "af" ? flag::AF : 0;
  }
  return m;
}

// Where the manuals leave a flag undefined, locksim does what AMD Zen does;
// on an AMD host every flag is compared, elsewhere only the defined ones.
bool host_is_amd() {
  static const bool amd = [] {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line))
      if (line.rfind("vendor_id", 0) == 0) return line.find("AuthenticAMD") != std::string::npos;
    return false;
  }();
  return amd;
}

class NativeSemantics : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    program_ = new Program(assemble_files({LOCKSIM_SNIPPETS}));
  }
  static void TearDownTestSuite() {
    delete program_;
    program_ = nullptr;
  }
  static Program* program_;
};
Program* NativeSemantics::program_ = nullptr;

TEST_P(NativeSemantics, MatchesRealCpu) {
  const Program& program = *program_;
  const size_t data_size = static_cast<size_t>(snip_data_end - snip_data);
  const uint64_t sim_data = program.symbols.at("snip_data").address;
  ASSERT_EQ(program.symbols.at("snip_data_end").address - sim_data, data_size);
  FlatMemory memory(program);
  std::mt19937_64 rng(std::hash<std::string>{}(GetParam()) ^ 0x5eed);
  int cases = 0;
  for (const auto& s : snippets()) {
    if (family_of(s.name) != GetParam()) continue;
    auto fn = reinterpret_cast<void (*)()>(dlsym(RTLD_DEFAULT, s.name.c_str()));
    ASSERT_NE(fn, nullptr) << s.name;
    uint32_t entry = find_entry(program, s.name);
    for (int iter = 0; iter < 96; ++iter, ++cases) {
      Inputs in;
      for (auto& r : in.io) r = pick(rng);
      in.io[16] = flag::kFixed | (rng() & flag::kArithmetic);
      in.data.resize(data_size);
      for (size_t i = 0; i < data_size; i += 8) in.set_word(i, pick(rng));
      apply_fixup(s, in, rng);

      std::array<uint64_t, 17> native = in.io;
      std::memcpy(snip_data, in.data.data(), data_size);
      native_call(fn, native.data());
      std::vector<uint8_t> native_data(snip_data, snip_data + data_size);

      CpuState st;
      for (int r = 0; r < kGprCount; ++r) st.regs[r] = in.io[r];
      st.regs[RSP] = kStackTop;
      st.rflags = in.io[16];
      for (size_t i = 0; i < data_size; ++i) memory.store(sim_data + i, 1, in.data[i]);
      ThreadRun run = run_thread(program, entry, st, memory, 10'000);
      ASSERT_EQ(run.end, ThreadEnd::Returned) << s.name;

      std::ostringstream where;
      where << s.name << " case " << iter << " inputs:";
      for (int r = 0; r < 16; ++r) where << " " << kGpr64Names[r] << "=0x" << std::hex << in.io[r];
      where << " rflags=0x" << in.io[16];
      for (int r = 0; r < kGprCount; ++r) {
        if (r == RSP) continue;
        ASSERT_EQ(st.regs[r], native[r]) << where.str() << " -> register " << kGpr64Names[r];
      }
      EXPECT_EQ(st.regs[RSP], kStackTop) << where.str() << " -> stack not balanced";
      uint64_t m = host_is_amd() ? kCompareAll : defined_flags(s, in);
      ASSERT_EQ(st.rflags & m, native[16] & m)
          << where.str() << " -> flags (compared mask 0x" << std::hex << m << ")";
      for (size_t i = 0; i < data_size; ++i) {
        uint64_t b = memory.peek(sim_data + i, 1);
        ASSERT_EQ(b, native_data[i]) << where.str() << " -> data byte " << std::dec << i;
      }
    }
  }
  EXPECT_GT(cases, 0);
}

INSTANTIATE_TEST_SUITE_P(Snippets, NativeSemantics, ::testing::ValuesIn(families()),
                         [](const auto& info) { return info.param.substr(2); });

}  // namespace
}  // namespace locksim::cpu
