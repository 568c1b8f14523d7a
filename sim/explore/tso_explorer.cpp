#include "sim/explore/tso_explorer.h"


#include <algorithm>
#include <chrono>
#include <functional>
#include <stdexcept>

#include <fmt/format.h>

#include "cpu/execute.h"
#include "cpu/footprint.h"
#include "cpu/memory_layout.h"
#include "cpu/store_forwarding.h"
#include "cpu/thread_start.h"

namespace locksim {
namespace {

using Words = std::vector<std::pair<uint64_t, uint64_t>>;

// A byte of one state's memory: its changed words, else the base image.
uint8_t byte_at(const cpu::FlatMemory& base, const Words& words, uint64_t a) {
  uint64_t w = a & ~uint64_t{7};
  auto it = std::lower_bound(words.begin(), words.end(), std::make_pair(w, uint64_t{0}),
                             [](const auto& x, const auto& y) { return x.first < y.first; });
  if (it != words.end() && it->first == w) return static_cast<uint8_t>(it->second >> (8 * (a - w)));
  return static_cast<uint8_t>(base.peek(a, 1));
}

uint64_t read_at(const cpu::FlatMemory& base, const Words& words, uint64_t a, unsigned size) {
  uint64_t v = 0;
  for (unsigned i = 0; i < size; ++i) v |= static_cast<uint64_t>(byte_at(base, words, a + i)) << (8 * i);
  return v;
}

// Memory as seen by one state, for writing: the base image plus the state's changed words.
class StateMemory {
 public:
  StateMemory(const cpu::FlatMemory& base, Words& words) : base_(base), words_(words) {}

  uint8_t byte(uint64_t a) const { return byte_at(base_, words_, a); }
  void set_byte(uint64_t a, uint8_t v) {
    uint64_t w = a & ~uint64_t{7};
    auto it = std::lower_bound(words_.begin(), words_.end(), std::make_pair(w, uint64_t{0}),
                               [](const auto& x, const auto& y) { return x.first < y.first; });
    if (it == words_.end() || it->first != w) it = words_.insert(it, {w, base_.peek(w, 8)});
    unsigned shift = static_cast<unsigned>(8 * (a - w));
    it->second = (it->second & ~(uint64_t{0xff} << shift)) | (static_cast<uint64_t>(v) << shift);
  }
  void write(uint64_t a, unsigned size, uint64_t v) {
    for (unsigned i = 0; i < size; ++i) set_byte(a + i, static_cast<uint8_t>(v >> (8 * i)));
  }

 private:
  const cpu::FlatMemory& base_;
  Words& words_;
};

// The explorer's memory port for one thread of one state.
class TsoPort final : public cpu::MemPort {
 public:
  // `is_private`, if given, says which stores no other context can see:
  // those skip the buffer (see TsoExplorer::step).
  using PrivateTest = std::function<bool(uint64_t, unsigned)>;
  TsoPort(const cpu::FlatMemory& base, TsoState& state, uint32_t cpu, std::vector<ScheduleEffect>* effects,
          const PrivateTest* is_private = nullptr)
      : base_(base), memory_(base, state.memory), buffer_(state.cpus[cpu].buffer), effects_(effects),
        is_private_(is_private) {}

  uint64_t load(uint64_t address, unsigned size) override {
    base_.require_mapped(address, size, false);
    const cpu::Forwarded f = cpu::forward_from(buffer_, address, size);
    uint64_t v = f.value;
    for (unsigned i = 0; i < size; ++i)
      if (!(f.covered >> i & 1)) v |= static_cast<uint64_t>(memory_.byte(address + i)) << (8 * i);
    if (effects_) effects_->push_back(ScheduleEffect{false, address, v, f.any()});
    return v;
  }
  void store(uint64_t address, unsigned size, uint64_t value) override {
    base_.require_mapped(address, size, true);
    if (locked_ || commit_private(address, size)) {
      memory_.write(address, size, value);
    } else {
      buffer_.push_back(TsoStore{address, static_cast<uint8_t>(size), value});
    }
    if (effects_) effects_->push_back(ScheduleEffect{true, address, value, locked_});
  }
  void lock_begin(uint64_t, unsigned) override { locked_ = true; }
  void lock_end() override { locked_ = false; }
  void barrier(cpu::Barrier) override {}

 private:
  // A store to bytes only this context sees goes to memory at once, with
  // the buffered stores it could be ordered against (also private): no
  // other context can tell, and its own loads read the same values. Not
  // when a buffered store that others see overlaps it (that one's drain
  // must still land underneath).
  bool commit_private(uint64_t address, unsigned size) {
    if (!is_private_ || !(*is_private_)(address, size)) return false;
    for (const auto& b : buffer_)
      if (b.address < address + size && address < b.address + b.size && !(*is_private_)(b.address, b.size)) return false;
    auto keep = buffer_.begin();
    for (auto it = buffer_.begin(); it != buffer_.end(); ++it) {
      if ((*is_private_)(it->address, it->size)) memory_.write(it->address, it->size, it->value);
      else *keep++ = *it;
    }
    buffer_.erase(keep, buffer_.end());
    return true;
  }

  const cpu::FlatMemory& base_;
  StateMemory memory_;
  std::vector<TsoStore>& buffer_;
  std::vector<ScheduleEffect>* effects_;
  const PrivateTest* is_private_;
  bool locked_ = false;
};

// The kernel services on one state: thread t on CPU c calls; `choice`
// picks which sleepers a wake-up wakes (every choice is a successor).
class ExplorerHost final : public kernel::Host {
 public:
  ExplorerHost(const cpu::FlatMemory& base, TsoState& s, uint32_t t, uint32_t choice, cpu::Footprint* fp,
               std::vector<ScheduleEffect>* effects, std::string* note)
      : base_(base), memory_(base, s.memory), s_(s), t_(t), choice_(choice), fp_(fp), effects_(effects), note_(note) {}

  uint64_t read(uint64_t address, unsigned size) override {
    base_.require_mapped(address, size, false);
    if (fp_) fp_->add(address, size, false);
    const uint64_t v = read_at(base_, s_.memory, address, size);
    if (effects_) effects_->push_back(ScheduleEffect{false, address, v, false});
    return v;
  }
  void write(uint64_t address, unsigned size, uint64_t value) override {
    base_.require_mapped(address, size, true);
    if (fp_) fp_->add(address, size, true);
    memory_.write(address, size, value);
    if (effects_) effects_->push_back(ScheduleEffect{true, address, value, true});
  }
  void sleep(uint64_t key) override {
    s_.threads[t_].status = ThreadStatus::Sleeping;
    s_.threads[t_].sleep_key = key;
    slept = true;
    if (note_) *note_ = "sleeps";
  }
  uint32_t wake(uint64_t key, uint64_t at_most) override {
    std::vector<uint32_t> sleepers;
    for (uint32_t u = 0; u < s_.threads.size(); ++u)
      if (s_.threads[u].status == ThreadStatus::Sleeping && s_.threads[u].sleep_key == key) sleepers.push_back(u);
    const auto m = static_cast<uint32_t>(std::min<uint64_t>(at_most, sleepers.size()));
    // The choice-th subset of m sleepers, in lexicographic order.
    choices = binomial(static_cast<uint32_t>(sleepers.size()), m);
    std::vector<uint32_t> pick;
    uint32_t rank = choice_ % choices, from = 0;
    for (uint32_t k = 0; k < m; ++k) {
      for (uint32_t u = from;; ++u) {
        const uint32_t rest = binomial(static_cast<uint32_t>(sleepers.size()) - u - 1, m - k - 1);
        if (rank < rest) {
          pick.push_back(sleepers[u]);
          from = u + 1;
          break;
        }
        rank -= rest;
      }
    }
    std::string woke;
    for (uint32_t u : pick) {
      s_.threads[u].status = ThreadStatus::Ready;
      kernel::woken(s_.threads[u].cpu);
      woke += fmt::format("{}T{}", woke.empty() ? "" : ", ", u);
    }
    if (note_) *note_ = m == 0 ? "wakes nobody" : "wakes " + woke;
    return m;
  }
  void yield() override {
    s_.threads[t_].status = ThreadStatus::Ready;
    slept = true;  // gives up its CPU
    if (note_) *note_ = "yields its CPU";
  }
  void enter_section(uint64_t key) override {
    // A packed state holds the count in 5 bits.
    if (s_.threads[t_].sections.size() == kMaxSections)
      throw kernel::ServiceFault(fmt::format("__cs_enter({:#x}): more than {} sections at once", key, kMaxSections));
    s_.threads[t_].sections.push_back(key);
    marker = true;
  }
  void exit_section(uint64_t key) override { kernel::leave_section(s_.threads[t_].sections, key); }
  void assertion_failed() override {
    s_.threads[t_].status = ThreadStatus::Failed;
    marker = true;
  }

  bool slept = false, marker = false;
  uint32_t choices = 1;
  static constexpr size_t kMaxSections = 31;

 private:
  static uint32_t binomial(uint32_t n, uint32_t k) {
    if (k > n) return 0;
    uint64_t r = 1;
    for (uint32_t i = 1; i <= k; ++i) r = r * (n - k + i) / i;
    return static_cast<uint32_t>(r);
  }
  const cpu::FlatMemory& base_;
  StateMemory memory_;
  TsoState& s_;
  uint32_t t_, choice_;
  cpu::Footprint* fp_;
  std::vector<ScheduleEffect>* effects_;
  std::string* note_;
};

// Four independent multiply lanes (no chain of dependent multiplies across
// the whole state), then a full avalanche (MurmurHash3's fmix64).
uint64_t hash_words(const uint64_t* w, size_t n) {
  uint64_t lane[4] = {0x9e3779b97f4a7c15ULL ^ n, 0xc2b2ae3d27d4eb4fULL, 0x165667b19e3779f9ULL, 0x27d4eb2f165667c5ULL};
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    for (size_t k = 0; k < 4; ++k) lane[k] = (lane[k] ^ w[i + k]) * 0xff51afd7ed558ccdULL;
  for (; i < n; ++i) lane[i & 3] = (lane[i & 3] ^ w[i]) * 0xff51afd7ed558ccdULL;
  uint64_t h = lane[0] ^ (lane[1] >> 17 | lane[1] << 47) ^ (lane[2] >> 31 | lane[2] << 33) ^ (lane[3] >> 43 | lane[3] << 21);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

uint64_t TsoExplorer::memory_bytes() const {
  auto bytes = [](const auto& v) { return static_cast<uint64_t>(v.capacity() * sizeof(v[0])); };
  return arena_.bytes() + bytes(table_) + bytes(parent_) + bytes(via_cpu_) + bytes(via_kind_) + bytes(via_arg_) +
         bytes(only_next_) + bytes(edges_) + bytes(finals_);
}

namespace {
// Without a kernel spec: one CPU per thread, nothing switches.
kernel::Spec identity_spec(kernel::Spec spec, size_t threads) {
  if (spec.layout.threads != threads) {
    spec.layout.threads = static_cast<uint32_t>(threads);
    spec.layout.cpus = static_cast<uint32_t>(threads);
  }
  return spec;
}
uint32_t stack_count(const kernel::Spec& spec, size_t threads) {
  return static_cast<uint32_t>(std::min<size_t>(threads, kMaxExploreThreads)) + (spec.switch_routine ? spec.layout.cpus : 0);
}
}  // namespace

TsoExplorer::TsoExplorer(const cpu::Program& program, std::vector<ExplorerThread> threads, uint64_t max_states,
                         kernel::Spec spec)
    : program_(program),
      base_(program, stack_count(identity_spec(spec, threads.size()), threads.size())),
      max_states_(std::min(max_states, kMaxExploreStates)),
      threads_(std::move(threads)),
      kernel_(identity_spec(std::move(spec), threads_.size())) {
  if (threads_.empty() || threads_.size() > kMaxExploreThreads)
    throw std::logic_error("explorer: " + std::to_string(threads_.size()) + " threads (callers check 1 to " +
                           std::to_string(kMaxExploreThreads) + ")");
  if (kernel_.layout.cpus == 0 || kernel_.layout.cpus > threads_.size())
    throw std::logic_error("explorer: CPUs must be 1 to the number of threads");
  base_.map_zeroed(kernel::kKernelBase, kernel_.layout.size());
  TsoState initial;
  initial.cpus.resize(kernel_.layout.cpus);
  for (size_t i = 0; i < threads_.size(); ++i) {
    TsoThread t;
    t.cpu = threads_[i].initial;
    if (i < initial.cpus.size()) {
      initial.cpus[i].thread = static_cast<int32_t>(i);
      t.last_cpu = static_cast<int32_t>(i);
      t.cpu.gs_base = gs_base(static_cast<uint32_t>(i), t.last_cpu);
    } else {
      t.status = ThreadStatus::Ready;
    }
    initial.threads.push_back(t);
  }
  // The start-up's stores go into the base image, before time 0: no state
  // carries them as changed words.
  for (const auto& [address, value] : kernel::initial_words(kernel_)) base_.store(address, 8, value);
  for (size_t i = 0; i < threads_.size(); ++i) cpu::start_thread(threads_[i].entry, initial.threads[i].cpu, base_);
  if (kernel_.switch_routine)
    for (uint32_t c = 0; c < cpus(); ++c) {
      // Each CPU's switch routine returns to the host return address at the top of its own stack.
      base_.store(kernel_stack_top(c) - 8, 8, cpu::kHostReturnAddress);
    }
  initial_unsettled_ = initial;
  start_over();
}

void TsoExplorer::start_over() {
  arena_.clear();
  table_.assign(1024, 0);
  parent_.clear();
  via_cpu_.clear();
  via_kind_.clear();
  via_arg_.clear();
  only_next_.clear();
  edges_.clear();
  finals_.clear();
  // Settled and packed again each round: what is private may have changed.
  TsoState initial = initial_unsettled_;
  settle(initial, nullptr);
  initial_.resize(pack(initial, initial_));
  insert(initial_.data(), initial_.size(), 0, 0, StepKind::Instruction, 0);
}

namespace {

constexpr size_t kCpuWords = 2 + cpu::kGprCount;

// A context's registers: pc and a mask of the nonzero registers in the
// header bits the caller leaves free (pc in 0-31, mask in 48-63), rflags,
// then the nonzero registers.
// Registers outside `live` are stored as 0 (the arithmetic flags as clear):
// nothing reads them before they are overwritten.
uint64_t* pack_registers(const cpu::CpuState& c, uint64_t* w, uint64_t& header, cpu::RegSet live) {
  *w++ = live & cpu::kFlagsBit ? c.rflags : c.rflags & ~cpu::flag::kArithmetic;
  uint64_t mask = 0;
  for (unsigned r = 0; r < cpu::kGprCount; ++r) {
    const uint64_t v = (live >> r) & 1 ? c.regs[r] : 0;
    *w = v;
    w += v != 0;  // kept only when nonzero
    mask |= static_cast<uint64_t>(v != 0) << r;
  }
  header |= c.pc | mask << 48;
  return w;
}

const uint64_t* unpack_registers(cpu::CpuState& c, const uint64_t* w, uint64_t header) {
  c.pc = static_cast<uint32_t>(header);
  const uint64_t mask = header >> 48;
  c.rflags = *w++;
  for (unsigned r = 0; r < cpu::kGprCount; ++r) c.regs[r] = (mask >> r) & 1 ? *w++ : 0;
  return w;
}

}  // namespace

// Per CPU: a word (buffer length, thread + 1, switching, out + 1), the
// switch routine's registers while it runs, the buffer. Per thread: a
// header (pc, status, sections, last CPU + 1, register mask), rflags, the
// nonzero registers, the sleep key while sleeping, the section keys. Then
// the preemption count when there is a bound, then the changed memory words.
size_t TsoExplorer::pack(const TsoState& s, std::vector<uint64_t>& out) const {
  size_t bound = 2 * s.memory.size() + 1;
  for (const auto& c : s.cpus) bound += 2 + kCpuWords + 2 * c.buffer.size();
  for (const auto& t : s.threads) bound += kCpuWords + 1 + t.sections.size();
  if (out.size() < bound) out.resize(bound);
  uint64_t* w = out.data();
  const bool routine = kernel_.switch_routine.has_value();
  for (const auto& c : s.cpus) {
    *w++ = static_cast<uint64_t>(c.buffer.size()) | static_cast<uint64_t>(c.thread + 1) << 16 |
           static_cast<uint64_t>(c.switching) << 24 | static_cast<uint64_t>(c.out + 1) << 25;
    if (c.switching && routine) {
      uint64_t* header = w++;
      uint64_t h = 0;
      w = pack_registers(c.kernel, w, h, live(c.kernel.pc, false));
      *header = h;
    }
    for (const auto& b : c.buffer) {
      *w++ = b.address << 4 | b.size;
      *w++ = b.value;
    }
  }
  for (const auto& t : s.threads) {
    uint64_t* header = w++;
    uint64_t h = static_cast<uint64_t>(t.status) << 32 | static_cast<uint64_t>(t.sections.size()) << 35 |
                 static_cast<uint64_t>(t.last_cpu + 1) << 40;
    w = pack_registers(t.cpu, w, h, live(t.cpu.pc, t.done()));
    *header = h;
    if (t.status == ThreadStatus::Sleeping) *w++ = t.sleep_key;
    for (uint64_t k : t.sections) *w++ = k;
  }
  if (kernel_.preemptions) *w++ = s.preemptions;
  for (const auto& [a, v] : s.memory) {
    if (dead(s, a)) continue;  // what a context left below its stack pointer: forgotten
    *w++ = a;
    *w++ = v;
  }
  return static_cast<size_t>(w - out.data());
}

void TsoExplorer::unpack(uint32_t id, TsoState& s) const {
  const uint64_t* w = arena_.words(id);
  const uint64_t* end = w + arena_.length(id);
  const bool routine = kernel_.switch_routine.has_value();
  s.cpus.resize(cpus());
  for (uint32_t i = 0; i < s.cpus.size(); ++i) {
    TsoCpu& c = s.cpus[i];
    const uint64_t header = *w++;
    c.buffer.resize(header & 0xffff);
    c.thread = static_cast<int32_t>((header >> 16) & 0xff) - 1;
    c.switching = (header >> 24) & 1;
    c.out = static_cast<int32_t>((header >> 25) & 0xff) - 1;
    if (c.switching && routine) {
      const uint64_t h = *w++;
      w = unpack_registers(c.kernel, w, h);
      c.kernel.gs_base = kernel_.layout.cpu_area(i);
    }
    for (auto& b : c.buffer) {
      b.address = w[0] >> 4;
      b.size = static_cast<uint8_t>(w[0] & 15);
      b.value = w[1];
      w += 2;
    }
  }
  s.threads.resize(threads_.size());
  for (size_t i = 0; i < threads_.size(); ++i) {
    TsoThread& t = s.threads[i];
    const uint64_t header = *w++;
    w = unpack_registers(t.cpu, w, header);
    t.status = static_cast<ThreadStatus>((header >> 32) & 7);
    t.sections.resize((header >> 35) & 0x1f);
    t.last_cpu = static_cast<int32_t>((header >> 40) & 0xff) - 1;
    t.cpu.fs_base = threads_[i].initial.fs_base;
    t.cpu.gs_base = gs_base(static_cast<uint32_t>(i), t.last_cpu);
    t.sleep_key = t.status == ThreadStatus::Sleeping ? *w++ : 0;
    for (auto& k : t.sections) k = *w++;
  }
  s.preemptions = kernel_.preemptions ? static_cast<uint32_t>(*w++) : 0;
  s.memory.resize(static_cast<size_t>(end - w) / 2);
  for (auto& m : s.memory) {
    m = {w[0], w[1]};
    w += 2;
  }
}

TsoExplorer::Probe TsoExplorer::probe(const uint64_t* packed, size_t n) const {
  const uint64_t h = hash_words(packed, n);
  const uint64_t tag = h & ~uint64_t{0xffffffff};
  const size_t mask = table_.size() - 1;
  for (size_t slot = (h >> 32) & mask;; slot = (slot + 1) & mask) {
    const uint64_t entry = table_[slot];
    if (entry == 0) return Probe{slot, tag, std::nullopt};
    if ((entry & ~uint64_t{0xffffffff}) != tag) continue;
    const uint32_t id = static_cast<uint32_t>(entry) - 1;
    if (arena_.length(id) == n && std::equal(packed, packed + n, arena_.words(id))) return Probe{slot, tag, id};
  }
}

uint32_t TsoExplorer::insert(const uint64_t* packed, size_t n, uint32_t parent, uint16_t cpu, StepKind kind,
                             uint16_t arg) {
  const Probe p = probe(packed, n);
  if (p.id) return *p.id;
  table_[p.slot] = p.tag | (state_count() + 1);
  arena_.append(packed, n);
  parent_.push_back(parent);
  only_next_.push_back(kFull);
  via_cpu_.push_back(cpu);
  via_kind_.push_back(static_cast<uint8_t>(kind));
  via_arg_.push_back(arg);
  if (state_count() * 2 > table_.size()) {  // keep the table at most half full
    HugeVector<uint64_t> bigger(table_.size() * 2, 0);
    const size_t mask = bigger.size() - 1;
    for (uint64_t entry : table_) {
      if (entry == 0) continue;
      size_t s = (entry >> 32) & mask;  // the slot comes from the tag: no need to hash again
      while (bigger[s]) s = (s + 1) & mask;
      bigger[s] = entry;
    }
    table_.swap(bigger);
  }
  return static_cast<uint32_t>(state_count() - 1);
}

bool TsoExplorer::shared_line(uint64_t line) const {
  return std::binary_search(shared_lines_.begin(), shared_lines_.end(), line);
}

bool TsoExplorer::private_to(uint32_t context, uint64_t address, unsigned size) const {
  const uint32_t n = contexts();
  if (stacks_shared_ || cpu::stack_owner(address, n) != static_cast<int>(context) ||
      cpu::stack_owner(address + size - 1, n) != static_cast<int>(context))
    return false;
  return shared_lines_.empty() ||
         (!shared_line(address / kLineBytes) && !shared_line((address + size - 1) / kLineBytes));
}

bool TsoExplorer::learn_sharing(uint32_t context, const cpu::Footprint& fp) {
  if (stacks_shared_) return false;
  if (fp.overflow) return stacks_shared_ = true;  // accesses went unrecorded: assume the worst
  bool learned = false;
  const uint32_t n = contexts();
  for (uint8_t k = 0; k < fp.count; ++k) {
    const cpu::Access& a = fp.accesses[k];
    for (uint64_t byte : {a.address, a.address + a.size - 1}) {
      const int owner = cpu::stack_owner(byte, n);
      if (owner < 0 || owner == static_cast<int>(context) || shared_line(byte / kLineBytes)) continue;
      shared_lines_.insert(std::upper_bound(shared_lines_.begin(), shared_lines_.end(), byte / kLineBytes),
                           byte / kLineBytes);
      learned = true;
    }
  }
  return learned;
}

uint64_t TsoExplorer::stack_pointer(const TsoState& s, uint32_t context) const {
  const auto n = static_cast<uint32_t>(threads_.size());
  if (context < n) return s.threads[context].done() ? cpu::stack_top(context) : s.threads[context].cpu.regs[cpu::RSP];
  const TsoCpu& c = s.cpus[context - n];
  return c.switching ? c.kernel.regs[cpu::RSP] : kernel_stack_top(context - n);
}

bool TsoExplorer::dead(const TsoState& s, uint64_t word) const {
  if (dead_margin_ < 0) return false;
  const int owner = cpu::stack_owner(word, contexts());
  if (owner < 0 || !private_to(static_cast<uint32_t>(owner), word, 8)) return false;
  return word + 8 + static_cast<uint64_t>(dead_margin_) <= stack_pointer(s, static_cast<uint32_t>(owner));
}

void TsoExplorer::observe_registers(cpu::RegSet at_exit) {
  std::vector<uint32_t> entries;
  for (const auto& t : threads_) entries.push_back(t.entry);
  if (kernel_.switch_routine) entries.push_back(*kernel_.switch_routine);
  at_exit_ = at_exit;
  liveness_.emplace(program_, entries, kernel_.restart, at_exit);
  start_over();
}

void TsoExplorer::check_return(const cpu::Instr& in, uint32_t pc, cpu::StepOutcome o, uint32_t to) const {
  if (!liveness_ || (in.op != cpu::Op::Ret && in.op != cpu::Op::Hlt)) return;
  if (o == cpu::StepOutcome::Continue ? !liveness_->may_return_to(pc, to) : !liveness_->may_leave(pc)) bad_return_ = true;
}

void TsoExplorer::check_dead_reads(uint32_t context, uint64_t rsp, const cpu::Footprint& fp) const {
  if (dead_margin_ < 0) return;
  for (uint8_t k = 0; k < fp.count; ++k) {
    const cpu::Access& a = fp.accesses[k];
    if (!a.write && cpu::stack_owner(a.address, contexts()) == static_cast<int>(context) &&
        a.address + static_cast<uint64_t>(dead_margin_) < rsp)
      dead_read_ = true;
  }
}

bool TsoExplorer::invisible(uint32_t context, const cpu::Footprint& fp) const {
  if (fp.locked || fp.overflow) return false;  // (an enabled mfence has an empty buffer: a no-op)
  for (uint8_t k = 0; k < fp.count; ++k)
    if (!private_to(context, fp.accesses[k].address, fp.accesses[k].size)) return false;
  return true;
}

ExploreResult TsoExplorer::run(const std::function<bool(uint32_t)>& on_final, const Progress& progress,
                               double interval) {
  const auto t0 = std::chrono::steady_clock::now();
  ExploreResult r;
  uint32_t restarts = 0;
  for (;;) {
    bool learned = false;
    r = search(on_final, progress, interval, t0, learned);
    if (!learned) break;
    // A thread touched another's stack: those lines are shared memory, and
    // the search starts over with them (bounded: after a few rounds every
    // stack counts as shared).
    if (++restarts > kMaxRestarts) stacks_shared_ = true;
    start_over();
  }
  r.restarts = restarts;
  r.shared_stack_lines = stacks_shared_ ? ~uint64_t{0} : shared_lines_.size();
  if (r.complete && !r.stopped && r.lost_wakeup_state < 0 && r.violation_state < 0) r.stuck_state = first_stuck_state();
  r.states = state_count();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

bool TsoExplorer::can_preempt(const TsoState& s, uint32_t c) const {
  const TsoCpu& cpu = s.cpus[c];
  return s.preemptions < kernel_.preemptions && cpu.thread >= 0 && !cpu.switching &&
         (kernel_.switch_routine || cpu.buffer.empty());
}

bool TsoExplorer::can_dispatch(const TsoState& s, uint32_t c, uint32_t t) const {
  const TsoCpu& cpu = s.cpus[c];
  const TsoThread& th = s.threads[t];
  if (cpu.thread >= 0 || cpu.switching || th.status != ThreadStatus::Ready) return false;
  // A thread moves to another CPU only once its last CPU's buffer is
  // empty (migration passes the LOCK'd dispatcher locks there): it never
  // reads its own stack around stores still buffered elsewhere.
  return th.last_cpu < 0 || th.last_cpu == static_cast<int32_t>(c) || s.cpus[static_cast<uint32_t>(th.last_cpu)].buffer.empty();
}

void TsoExplorer::begin_switch(TsoState& s, uint32_t c, int out, int in) const {
  TsoCpu& cpu = s.cpus[c];
  cpu.switching = true;
  cpu.out = out;
  cpu.thread = in;
  if (kernel_.switch_routine) {
    cpu.kernel = kernel::switch_context(kernel_, c, out, in, kernel_stack_top(c) - 8);
  } else if (cpu.buffer.empty()) {
    finish_switch(s, c);
  }
}

void TsoExplorer::finish_switch(TsoState& s, uint32_t c) const {
  TsoCpu& cpu = s.cpus[c];
  if (!kernel_.switch_routine) {
    StateMemory memory(base_, s.memory);
    for (const auto& [address, value] : kernel::switch_writes(kernel_, c, cpu.thread)) memory.write(address, 8, value);
  }
  cpu.switching = false;
  cpu.out = -1;
  cpu.kernel = cpu::CpuState{};
}

void TsoExplorer::preempt(TsoState& s, uint32_t c) const {
  TsoCpu& cpu = s.cpus[c];
  TsoThread& th = s.threads[static_cast<uint32_t>(cpu.thread)];
  th.cpu.pc = kernel::resume_pc(kernel_, th.cpu.pc);
  th.status = ThreadStatus::Ready;
  ++s.preemptions;
  begin_switch(s, c, cpu.thread, -1);
}

void TsoExplorer::dispatch(TsoState& s, uint32_t c, uint32_t t) const {
  TsoThread& th = s.threads[t];
  th.status = ThreadStatus::Running;
  th.last_cpu = static_cast<int32_t>(c);
  th.cpu.gs_base = gs_base(t, th.last_cpu);
  begin_switch(s, c, -1, static_cast<int>(t));
}

namespace {

// Runs an instruction without changing the state: loads as the explorer's
// port reads them, stores kept aside.
class TrialPort final : public cpu::MemPort {
 public:
  explicit TrialPort(cpu::MemPort& reads) : reads_(reads) {}
  uint64_t load(uint64_t address, unsigned size) override { return reads_.load(address, size); }
  void store(uint64_t address, unsigned size, uint64_t value) override {
    stores.push_back(TsoStore{address, static_cast<uint8_t>(size), value});
  }
  void lock_begin(uint64_t, unsigned) override {}
  void lock_end() override {}
  void barrier(cpu::Barrier) override {}
  std::vector<TsoStore> stores;

 private:
  cpu::MemPort& reads_;
};

}  // namespace

bool TsoExplorer::run_invisible(TsoState& s, uint32_t c, std::vector<ScheduleStep>* steps) const {
  TsoCpu& cp = s.cpus[c];
  if (cp.switching ? !kernel_.switch_routine : cp.thread < 0) return false;
  const uint32_t ctx = context(s, c);
  if (!cp.switching && s.threads[ctx].status != ThreadStatus::Running) return false;
  cpu::CpuState& regs = cp.switching ? cp.kernel : s.threads[ctx].cpu;
  const cpu::Instr& in = program_.code[regs.pc];
  if (in.lock || in.op == cpu::Op::Mfence || in.service != cpu::Service::None) return false;
  if (!cp.switching && !outside_restart(regs.pc)) return false;
  cpu::CpuState trial = regs;
  cpu::Footprint fp;
  std::vector<ScheduleEffect> effects;
  TsoPort reads(base_, s, c, steps ? &effects : nullptr);
  TrialPort port(reads);
  cpu::FootprintPort recorder(port, fp);
  try {
    const cpu::StepOutcome o = cpu::execute(program_, in, trial, recorder);
    check_return(in, regs.pc, o, trial.pc);
    if (o != cpu::StepOutcome::Continue) return false;
  } catch (const cpu::MemoryFault&) {
    return false;  // the state's own probe runs it again and reports it
  } catch (const cpu::ExecutionFault&) {
    return false;
  }
  check_dead_reads(ctx, regs.regs[cpu::RSP], fp);
  if (!invisible(ctx, fp) || (!cp.switching && !outside_restart(trial.pc))) return false;
  const uint32_t pc = regs.pc;
  regs = trial;
  const TsoPort::PrivateTest is_private = [this, ctx](uint64_t a, unsigned n) { return private_to(ctx, a, n); };
  TsoPort commit(base_, s, c, steps ? &effects : nullptr, &is_private);
  for (const TsoStore& st : port.stores) commit.store(st.address, st.size, st.value);
  if (steps)
    steps->push_back(ScheduleStep{cp.switching ? c : static_cast<uint32_t>(ctx), false, pc, std::move(effects),
                                  cp.switching ? StepKind::Switch : StepKind::Instruction, c, ""});
  return true;
}

void TsoExplorer::settle(TsoState& s, std::vector<ScheduleStep>* steps) const {
  for (uint32_t c = 0; c < s.cpus.size(); ++c)
    for (uint32_t n = 0; n < kMaxSettle && run_invisible(s, c, steps); ++n) {
    }
}

std::string TsoExplorer::violation(const TsoState& s) const {
  for (uint32_t t = 0; t < s.threads.size(); ++t)
    if (s.threads[t].status == ThreadStatus::Failed)
      return fmt::format("T{}'s assertion failed at {}", t, program_.where(program_.code[s.threads[t].cpu.pc - 1]));
  const auto clash = kernel::section_clash(static_cast<uint32_t>(s.threads.size()),
                                           [&](uint32_t t) -> const std::vector<uint64_t>& { return s.threads[t].sections; });
  return clash ? kernel::describe(*clash) : "";
}

ExploreResult TsoExplorer::search(const std::function<bool(uint32_t)>& on_final, const Progress& progress,
                                  double interval, std::chrono::steady_clock::time_point t0, bool& learned) {
  ExploreResult r;
  TsoState cur, next;  // reused: after warm-up a transition allocates nothing
  std::vector<uint64_t> packed;
  struct Probe {
    bool enabled = false;
    std::vector<uint64_t> successor;  // packed
    size_t length = 0;
    StepInfo info;
  };
  const uint32_t ncpus = cpus();
  std::vector<Probe> probes(ncpus);
  double reported = 0;
  const cpu::Instr* executing = nullptr;  // for a fault's file:line
  try {
  for (uint32_t i = 0; i < state_count(); ++i) {
    if (progress && (i & 0xfff) == 0 && i > 0) {
      r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (r.seconds >= reported + interval) {
        reported = r.seconds;
        r.states = state_count();
        progress(r, state_count() - i);
      }
    }
    if (state_count() > max_states_) {
      r.complete = false;
      r.limit = "--max-states";
      break;
    }
    if ((i & 0xfff) == 0 && memory_bytes() > max_bytes_) {
      r.complete = false;
      r.limit = "--max-memory";
      break;
    }
    unpack(i, cur);
    // Each successor changes one CPU, a few threads and memory: `next`
    // starts as a copy and is put back before the next successor.
    next = cur;
    bool dirty = false;
    auto fresh = [&] {
      if (dirty) next = cur;
      dirty = true;
    };
    // Every CPU's next instruction runs once, recording its footprint; its
    // successor is kept packed. The first invisible step (a drain or an
    // instruction touching only registers and its context's own unshared
    // stack) is the only successor explored.
    int only = -1;  // cpu * 2, or cpu * 2 + 1 for a drain
    bool final_state = true;
    for (uint32_t c = 0; c < ncpus; ++c) {
      const TsoCpu& cp = cur.cpus[c];
      probes[c].enabled = false;
      if (!cp.buffer.empty()) {
        final_state = false;
        const TsoStore& head = cp.buffer.front();
        const int owner = cpu::stack_owner(head.address, contexts());
        if (only < 0 && owner >= 0 && private_to(static_cast<uint32_t>(owner), head.address, head.size))
          only = static_cast<int>(c) * 2 + 1;
      }
      if (cp.switching) final_state = false;
      if (!cp.switching && cp.thread < 0) continue;  // idle
      if (!cp.switching && cur.threads[static_cast<uint32_t>(cp.thread)].done()) continue;
      fresh();
      cpu::Footprint fp;
      const uint32_t ctx = context(cur, c);
      executing = cp.switching && kernel_.switch_routine ? &program_.code[cp.kernel.pc]
                  : cp.switching                        ? nullptr
                                                        : &program_.code[cur.threads[ctx].cpu.pc];
      probes[c].info = step(next, c, 0, &fp, nullptr);
      // Seen at every expanded state, so one that happens anywhere is seen.
      learned = learn_sharing(ctx, fp) || learned;
      check_dead_reads(ctx, stack_pointer(cur, ctx), fp);
      if (waits_for_buffer(fp) && !cp.buffer.empty()) continue;  // waits for its buffer to drain
      probes[c].enabled = true;
      settle(next, nullptr);
      probes[c].length = pack(next, probes[c].successor);
      // A thread's invisible step also stands for a preemption just before
      // it (the same preemption just after it looks the same to everyone,
      // and the thread runs the step first when it is back), unless a
      // restart range makes the two differ.
      if (only < 0 && !probes[c].info.kernel && invisible(ctx, fp) &&
          (cp.switching || (outside_restart(cur.threads[ctx].cpu.pc) && outside_restart(next.threads[ctx].cpu.pc))))
        only = static_cast<int>(c) * 2;
    }
    for (const auto& t : cur.threads)
      if (!t.done()) final_state = false;
    if (bad_return_) {
      // A ret went where the register liveness did not expect (a pushed
      // return address): start over keeping every register.
      bad_return_ = false;
      liveness_.reset();
      learned = true;
    }
    if (dead_read_) {
      // A context read its stack below its stack pointer (a red zone, or a
      // bug): those bytes are not dead after all. Start over keeping them.
      dead_read_ = false;
      dead_margin_ = dead_margin_ == 0 ? 128 : -1;
      learned = true;
    }
    if (learned) return r;
    uint32_t enabled = 0;
    bool stop = false;
    auto add = [&](const uint64_t* words, size_t n, uint32_t c, StepKind kind, uint32_t arg, bool check) {
      ++r.transitions;
      ++enabled;
      const size_t before = state_count();
      const uint32_t id = insert(words, n, i, static_cast<uint16_t>(c), kind, static_cast<uint16_t>(arg));
      edges_.push_back(uint64_t{i} << 32 | id);
      if (check && state_count() > before) {
        TsoState v;
        unpack(id, v);
        if (std::string why = violation(v); !why.empty()) {
          r.violation_state = id;
          r.violation = why;
          stop = true;
        }
      }
      return id;
    };
    auto add_packed = [&](uint32_t c, StepKind kind, uint32_t arg, bool check) {
      settle(next, nullptr);
      const size_t n = pack(next, packed);
      return add(packed.data(), n, c, kind, arg, check);
    };
    auto drain = [&](uint32_t c) {
      fresh();
      drain_head(next, c);
      return add_packed(c, StepKind::Drain, 0, false);
    };
    auto instruction = [&](uint32_t c) {
      return add(probes[c].successor.data(), probes[c].length, c, StepKind::Instruction, 0, probes[c].info.violation);
    };
    if (only >= 0) {
      const auto c = static_cast<uint32_t>(only / 2);
      const uint32_t id = (only & 1) ? drain(c) : instruction(c);
      // Cycle proviso: no cycle of reduced states, which could keep the
      // other threads' steps out of the search forever. Each reduced state
      // has one successor; follow them from `id` until a state expanded in
      // full or not yet expanded (whose own check comes later). Coming back
      // here would close a cycle: then this state is expanded in full.
      uint32_t x = id;
      while (x < i && only_next_[x] != kFull) x = only_next_[x];
      if (x != i) {
        only_next_[i] = id;
        if (stop) break;
        continue;
      }
    }
    only_next_[i] = kFull;
    for (uint32_t c = 0; c < ncpus && !stop; ++c) {
      if (!cur.cpus[c].buffer.empty() && only != static_cast<int>(c) * 2 + 1) drain(c);
      if (probes[c].enabled) {
        if (only != static_cast<int>(c) * 2) instruction(c);
        // The other sleepers a wake-up could have picked.
        for (uint32_t k = 1; k < probes[c].info.choices && !stop; ++k) {
          fresh();
          executing = &program_.code[cur.threads[context(cur, c)].cpu.pc];
          cpu::Footprint fp;
          const StepInfo info = step(next, c, k, &fp, nullptr);
          add_packed(c, StepKind::Instruction, k, info.violation);
        }
      }
      if (can_preempt(cur, c)) {
        fresh();
        preempt(next, c);
        add_packed(c, StepKind::Preempt, 0, false);
      }
      for (uint32_t t = 0; t < cur.threads.size(); ++t) {
        if (!can_dispatch(cur, c, t)) continue;
        fresh();
        dispatch(next, c, t);
        add_packed(c, StepKind::Dispatch, t, false);
      }
    }
    if (stop) break;
    if (final_state) {
      ++r.final_states;
      finals_.push_back(i);
      if (!on_final(i)) {
        r.stopped = true;
        break;
      }
    } else if (enabled == 0 && only < 0) {
      // Nothing can run: a thread sleeps with nobody left to wake it.
      r.lost_wakeup_state = i;
      break;
    }
  }
  } catch (const cpu::MemoryFault& e) {
    if (!executing) throw;
    throw cpu::located(program_, *executing, e);
  } catch (const kernel::ServiceFault& e) {
    throw cpu::ExecutionFault(program_.where(*executing) + ": " + e.what());
  }
  return r;
}

// Reverse reachability from the final states over every recorded
// transition (grouped by target, as compressed adjacency lists).
int64_t TsoExplorer::first_stuck_state() const {
  const size_t n = state_count();
  std::vector<uint32_t> start(n + 1, 0), sources(edges_.size());
  for (uint64_t e : edges_) ++start[(e & 0xffffffff) + 1];
  for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (uint64_t e : edges_) sources[fill[e & 0xffffffff]++] = static_cast<uint32_t>(e >> 32);
  std::vector<uint8_t> can_finish(n, 0);
  std::vector<uint32_t> work(finals_.begin(), finals_.end());
  for (uint32_t f : finals_) can_finish[f] = 1;
  while (!work.empty()) {
    uint32_t v = work.back();
    work.pop_back();
    for (uint32_t k = start[v]; k < start[v + 1]; ++k)
      if (!can_finish[sources[k]]) can_finish[sources[k]] = 1, work.push_back(sources[k]);
  }
  for (size_t v = 0; v < n; ++v)
    if (!can_finish[v]) return static_cast<int64_t>(v);
  return -1;
}

TsoState TsoExplorer::state(uint32_t id) const {
  TsoState s;
  unpack(id, s);
  return s;
}

bool TsoExplorer::returned(uint32_t state, uint32_t thread) const { return this->state(state).threads[thread].done(); }

cpu::CpuState TsoExplorer::cpu(uint32_t state, uint32_t thread) const { return this->state(state).threads[thread].cpu; }

uint64_t TsoExplorer::read_memory(uint32_t state, uint64_t address, unsigned size) const {
  return read_memory(this->state(state), address, size);
}

std::vector<ScheduleStep> TsoExplorer::schedule(uint32_t state) const {
  std::vector<uint32_t> path;
  for (uint32_t s = state; s != 0; s = parent_[s]) path.push_back(s);
  std::reverse(path.begin(), path.end());
  std::vector<ScheduleStep> steps;
  TsoState cur = initial_unsettled_;
  settle(cur, &steps);
  for (uint32_t s : path) {
    const uint32_t c = via_cpu_[s];
    const auto kind = static_cast<StepKind>(via_kind_[s]);
    ScheduleStep out{0, false, 0, {}, kind, c, ""};
    if (kind == StepKind::Drain) {
      const TsoStore head = drain_head(cur, c);
      out.thread = c;
      out.drain = true;
      out.effects.push_back(ScheduleEffect{true, head.address, head.value, false});
    } else if (kind == StepKind::Preempt) {
      out.thread = static_cast<uint32_t>(cur.cpus[c].thread);
      const uint32_t pc = cur.threads[out.thread].cpu.pc;
      out.instr = pc;
      preempt(cur, c);
      const uint32_t resume = cur.threads[out.thread].cpu.pc;
      out.kernel = resume == pc ? "preempted" : "preempted; restarts at " + program_.where(program_.code[resume]);
    } else if (kind == StepKind::Dispatch) {
      out.thread = via_arg_[s];
      dispatch(cur, c, out.thread);
      out.kernel = fmt::format("dispatched on CPU{}", c);
    } else if (cur.cpus[c].switching) {
      out.kind = StepKind::Switch;
      out.thread = c;
      out.instr = cur.cpus[c].kernel.pc;
      step(cur, c, via_arg_[s], nullptr, &out.effects, &out.kernel);
    } else {
      out.thread = static_cast<uint32_t>(cur.cpus[c].thread);
      out.instr = cur.threads[out.thread].cpu.pc;
      step(cur, c, via_arg_[s], nullptr, &out.effects, &out.kernel);
    }
    steps.push_back(std::move(out));
    settle(cur, &steps);
  }
  return steps;
}

TsoExplorer::StepInfo TsoExplorer::step(TsoState& s, uint32_t c, uint32_t choice, cpu::Footprint* fp,
                                        std::vector<ScheduleEffect>* effects, std::string* note, bool replaying) const {
  StepInfo info;
  TsoCpu& cp = s.cpus[c];
  if (cp.switching && !kernel_.switch_routine) {
    // The atomic switch: on an empty buffer, as a LOCK'd instruction.
    info.kernel = true;
    if (fp) fp->mfence = true;
    if (cp.buffer.empty()) finish_switch(s, c);
    if (note) *note = "switch";
    return info;
  }
  // The search (and its schedules) commits stores to a context's private
  // stack at once; a replay keeps the abstract machine's FIFO as recorded.
  const uint32_t ctx = context(s, c);
  const TsoPort::PrivateTest is_private = [this, ctx](uint64_t a, unsigned n) { return private_to(ctx, a, n); };
  TsoPort port(base_, s, c, effects, replaying ? nullptr : &is_private);
  cpu::CpuState& regs = cp.switching ? cp.kernel : s.threads[static_cast<uint32_t>(cp.thread)].cpu;
  const cpu::Instr& in = program_.code[regs.pc];
  const uint32_t pc = regs.pc;
  cpu::StepOutcome o;
  if (fp) {
    cpu::FootprintPort recorder(port, *fp);
    o = cpu::execute(program_, in, regs, recorder);
  } else {
    o = cpu::execute(program_, in, regs, port);
  }
  check_return(in, pc, o, regs.pc);
  if (o == cpu::StepOutcome::Continue) return info;
  if (cp.switching) {
    if (o != cpu::StepOutcome::Returned)
      throw kernel::ServiceFault(o == cpu::StepOutcome::Service ? "the switch routine cannot call kernel services"
                                                                : "the switch routine halted");
    finish_switch(s, c);
    return info;
  }
  const auto t = static_cast<uint32_t>(cp.thread);
  if (o == cpu::StepOutcome::Service) {
    info.kernel = true;
    if (fp && kernel::is_barrier(in.service)) fp->mfence = true;
    // A barrier service (or any step without store buffers) waits for an
    // empty buffer: the caller's probe is then disabled, so nothing is done.
    if ((sequential_ || kernel::is_barrier(in.service)) && !cp.buffer.empty()) return info;
    ExplorerHost host(base_, s, t, choice, fp, effects, note);
    kernel::call(in.service, s.threads[t].cpu, host);
    info.choices = host.choices;
    info.violation = host.marker;
    if (host.slept) begin_switch(s, c, static_cast<int>(t), -1);
    if (note && note->empty()) *note = std::string(cpu::service_name(in.service));
    return info;
  }
  s.threads[t].status = ThreadStatus::Done;  // returned, or hlt
  info.kernel = kernel_.scheduling;
  // With threads to switch in, the CPU leaves it; otherwise nothing
  // changes (and the state space is the one without a kernel).
  if (kernel_.scheduling) begin_switch(s, c, static_cast<int>(t), -1);
  return info;
}

TsoStore TsoExplorer::drain_head(TsoState& s, uint32_t c) const {
  auto& buffer = s.cpus[c].buffer;
  const TsoStore head = buffer.front();
  buffer.erase(buffer.begin());
  StateMemory(base_, s.memory).write(head.address, head.size, head.value);
  return head;
}

uint64_t TsoExplorer::read_memory(const TsoState& s, uint64_t address, unsigned size) const {
  return read_at(base_, s.memory, address, size);
}

std::optional<uint32_t> TsoExplorer::find(const TsoState& s) const {
  std::vector<uint64_t> packed;
  const size_t n = pack(s, packed);
  return probe(packed.data(), n).id;
}

ReplayResult TsoExplorer::replay(const std::vector<uint32_t>& steps) const {
  ReplayResult r;
  r.state = initial_unsettled_;  // the abstract machine's own start, every step as recorded
  TsoState& s = r.state;
  // Runs CPU t's thread up to and including its next instruction that
  // touches memory (the recorded step); false, with r.problem, if it cannot.
  auto run_to_memory_step = [&](uint32_t t, bool must_touch) {
    for (uint64_t n = 0; n < kMaxReplayRun; ++n) {
      TsoThread& th = s.threads[t];
      if (th.done()) {
        if (!must_touch) return true;
        r.problem = fmt::format("T{} has returned, but the schedule has it touch memory again", t);
        return false;
      }
      cpu::Footprint fp;
      const uint32_t pc = th.cpu.pc;
      const bool buffered = !s.cpus[t].buffer.empty();
      step(s, t, 0, &fp, nullptr, nullptr, true);
      const bool touched = fp.touches_memory() || fp.mfence;
      if (touched && !must_touch) {
        r.problem = fmt::format("T{} touches memory at {} after the schedule's last step", t,
                                program_.where(program_.code[pc]));
        return false;
      }
      if (waits_for_buffer(fp) && buffered) {
        r.problem = fmt::format("T{} runs {} at {} with stores still in its buffer", t,
                                fp.needs_empty_store_buffer() ? "a LOCK'd instruction or mfence"
                                                              : "an instruction (no store buffer: sequential consistency)",
                                program_.where(program_.code[pc]));
        return false;
      }
      if (touched) return true;
    }
    r.problem = fmt::format("T{} runs {} instructions without touching memory", t, kMaxReplayRun);
    return false;
  };
  for (; r.steps < steps.size(); ++r.steps) {
    const uint32_t t = steps[r.steps] / 2;
    if (t >= s.threads.size()) {
      r.problem = fmt::format("the schedule names thread {} of {}", t, s.threads.size());
      return r;
    }
    if (steps[r.steps] & 1) {
      if (s.cpus[t].buffer.empty()) {
        r.problem = fmt::format("T{}'s store buffer is empty, but the schedule drains it", t);
        return r;
      }
      drain_head(s, t);
    } else if (!run_to_memory_step(t, true)) {
      return r;
    }
  }
  for (uint32_t t = 0; t < s.threads.size(); ++t) {
    if (!run_to_memory_step(t, false)) return r;
    if (!s.cpus[t].buffer.empty()) {
      r.problem = fmt::format("the schedule ends with stores in T{}'s buffer", t);
      return r;
    }
  }
  r.ok = true;
  return r;
}

}  // namespace locksim
