#include "sim/explore/tso_explorer.h"


#include <algorithm>
#include <chrono>
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

// Memory itself, for the thread start-up before time 0.
class DirectPort final : public cpu::MemPort {
 public:
  DirectPort(const cpu::FlatMemory& base, StateMemory& memory) : base_(base), memory_(memory) {}
  uint64_t load(uint64_t, unsigned) override { throw std::logic_error("explorer: start-up loads nothing"); }
  void store(uint64_t address, unsigned size, uint64_t value) override {
    base_.require_mapped(address, size, true);
    memory_.write(address, size, value);
  }
  void lock_begin(uint64_t, unsigned) override {}
  void lock_end() override {}
  void barrier(cpu::Barrier) override {}

 private:
  const cpu::FlatMemory& base_;
  StateMemory& memory_;
};

// The explorer's memory port for one thread of one state.
class TsoPort final : public cpu::MemPort {
 public:
  TsoPort(const cpu::FlatMemory& base, TsoState& state, uint32_t thread, std::vector<ScheduleEffect>* effects)
      : base_(base), memory_(base, state.memory), thread_(state.threads[thread]), effects_(effects) {}

  uint64_t load(uint64_t address, unsigned size) override {
    base_.require_mapped(address, size, false);
    const cpu::Forwarded f = cpu::forward_from(thread_.buffer, address, size);
    uint64_t v = f.value;
    for (unsigned i = 0; i < size; ++i)
      if (!(f.covered >> i & 1)) v |= static_cast<uint64_t>(memory_.byte(address + i)) << (8 * i);
    if (effects_) effects_->push_back(ScheduleEffect{false, address, v, f.any()});
    return v;
  }
  void store(uint64_t address, unsigned size, uint64_t value) override {
    base_.require_mapped(address, size, true);
    if (locked_) {
      memory_.write(address, size, value);
    } else {
      thread_.buffer.push_back(TsoStore{address, static_cast<uint8_t>(size), value});
    }
    if (effects_) effects_->push_back(ScheduleEffect{true, address, value, locked_});
  }
  void lock_begin(uint64_t, unsigned) override { locked_ = true; }
  void lock_end() override { locked_ = false; }
  void barrier(cpu::Barrier) override {}

 private:

  const cpu::FlatMemory& base_;
  StateMemory memory_;
  TsoThread& thread_;
  std::vector<ScheduleEffect>* effects_;
  bool locked_ = false;
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
  return arena_.bytes() + bytes(table_) + bytes(parent_) + bytes(via_thread_) + bytes(via_drain_) + bytes(only_next_) + bytes(edges_) +
         bytes(finals_);
}

TsoExplorer::TsoExplorer(const cpu::Program& program, std::vector<ExplorerThread> threads, uint64_t max_states)
    : program_(program),
      base_(program, static_cast<uint32_t>(std::min<size_t>(threads.size(), kMaxExploreThreads))),
      max_states_(std::min(max_states, kMaxExploreStates)),
      threads_(std::move(threads)) {
  if (threads_.empty() || threads_.size() > kMaxExploreThreads)
    throw std::logic_error("explorer: " + std::to_string(threads_.size()) + " threads (callers check 1 to " +
                           std::to_string(kMaxExploreThreads) + ")");
  TsoState initial;
  for (const auto& spec : threads_) {
    TsoThread t;
    t.cpu = spec.initial;
    initial.threads.push_back(t);
  }
  // The start-up's store goes straight to memory, before time 0.
  StateMemory mem(base_, initial.memory);
  DirectPort direct(base_, mem);
  for (size_t i = 0; i < threads_.size(); ++i) cpu::start_thread(threads_[i].entry, initial.threads[i].cpu, direct);
  initial_.resize(pack(initial, initial_));
  start_over();
}

void TsoExplorer::start_over() {
  arena_.clear();
  table_.assign(1024, 0);
  parent_.clear();
  via_thread_.clear();
  via_drain_.clear();
  only_next_.clear();
  edges_.clear();
  finals_.clear();
  insert(initial_.data(), initial_.size(), 0, 0, false);
}

size_t TsoExplorer::pack(const TsoState& s, std::vector<uint64_t>& out) const {
  size_t bound = 2 * s.memory.size();
  for (const auto& t : s.threads) bound += 2 + cpu::kGprCount + 2 * t.buffer.size();
  if (out.size() < bound) out.resize(bound);
  uint64_t* w = out.data();
  for (const auto& t : s.threads) {
    uint64_t* header = w++;
    *w++ = t.cpu.rflags;
    uint64_t mask = 0;
    for (unsigned r = 0; r < cpu::kGprCount; ++r) {
      const uint64_t v = t.cpu.regs[r];
      *w = v;
      w += v != 0;  // kept only when nonzero
      mask |= static_cast<uint64_t>(v != 0) << r;
    }
    *header = t.cpu.pc | static_cast<uint64_t>(t.done) << 32 | static_cast<uint64_t>(t.buffer.size()) << 33 | mask << 48;
    for (const auto& b : t.buffer) {
      *w++ = b.address << 4 | b.size;
      *w++ = b.value;
    }
  }
  for (const auto& [a, v] : s.memory) {
    *w++ = a;
    *w++ = v;
  }
  return static_cast<size_t>(w - out.data());
}

void TsoExplorer::unpack(uint32_t id, TsoState& s) const {
  const uint64_t* w = arena_.words(id);
  const uint64_t* end = w + arena_.length(id);
  s.threads.resize(threads_.size());
  for (size_t i = 0; i < threads_.size(); ++i) {
    TsoThread& t = s.threads[i];
    const uint64_t header = *w++;
    t.cpu.pc = static_cast<uint32_t>(header);
    t.done = (header >> 32) & 1;
    const size_t buffered = (header >> 33) & 0x7fff;
    const uint64_t mask = header >> 48;
    t.cpu.rflags = *w++;
    for (unsigned r = 0; r < cpu::kGprCount; ++r) t.cpu.regs[r] = (mask >> r) & 1 ? *w++ : 0;
    t.cpu.fs_base = threads_[i].initial.fs_base;
    t.cpu.gs_base = threads_[i].initial.gs_base;
    t.buffer.resize(buffered);
    for (auto& b : t.buffer) {
      b.address = w[0] >> 4;
      b.size = static_cast<uint8_t>(w[0] & 15);
      b.value = w[1];
      w += 2;
    }
  }
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

uint32_t TsoExplorer::insert(const uint64_t* packed, size_t n, uint32_t parent, uint16_t thread, bool drain) {
  const Probe p = probe(packed, n);
  if (p.id) return *p.id;
  table_[p.slot] = p.tag | (state_count() + 1);
  arena_.append(packed, n);
  parent_.push_back(parent);
  only_next_.push_back(kFull);
  via_thread_.push_back(thread);
  via_drain_.push_back(drain);
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

bool TsoExplorer::private_to(uint32_t thread, uint64_t address, unsigned size) const {
  const auto n = static_cast<uint32_t>(threads_.size());
  if (stacks_shared_ || cpu::stack_owner(address, n) != static_cast<int>(thread) ||
      cpu::stack_owner(address + size - 1, n) != static_cast<int>(thread))
    return false;
  return shared_lines_.empty() ||
         (!shared_line(address / kLineBytes) && !shared_line((address + size - 1) / kLineBytes));
}

bool TsoExplorer::learn_sharing(uint32_t thread, const cpu::Footprint& fp) {
  if (stacks_shared_) return false;
  if (fp.overflow) return stacks_shared_ = true;  // accesses went unrecorded: assume the worst
  bool learned = false;
  const auto n = static_cast<uint32_t>(threads_.size());
  for (uint8_t k = 0; k < fp.count; ++k) {
    const cpu::Access& a = fp.accesses[k];
    for (uint64_t byte : {a.address, a.address + a.size - 1}) {
      const int owner = cpu::stack_owner(byte, n);
      if (owner < 0 || owner == static_cast<int>(thread) || shared_line(byte / kLineBytes)) continue;
      shared_lines_.insert(std::upper_bound(shared_lines_.begin(), shared_lines_.end(), byte / kLineBytes),
                           byte / kLineBytes);
      learned = true;
    }
  }
  return learned;
}

bool TsoExplorer::invisible(uint32_t thread, const cpu::Footprint& fp) const {
  if (fp.locked || fp.overflow) return false;  // (an enabled mfence has an empty buffer: a no-op)
  for (uint8_t k = 0; k < fp.count; ++k)
    if (!private_to(thread, fp.accesses[k].address, fp.accesses[k].size)) return false;
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
  if (r.complete && !r.stopped) r.stuck_state = first_stuck_state();
  r.states = state_count();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
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
  };
  std::vector<Probe> probes(threads_.size());
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
    // Each successor changes one thread (and memory): `next` starts as a
    // copy and only that thread and memory are put back before the next one.
    next = cur;
    int changed = -1;
    auto fresh = [&](uint32_t t) {
      if (changed >= 0) {
        next.threads[static_cast<uint32_t>(changed)] = cur.threads[static_cast<uint32_t>(changed)];
        next.memory = cur.memory;
      }
      changed = static_cast<int>(t);
    };
    // Every live thread's next instruction runs once, recording its
    // footprint; its successor is kept packed. The first invisible step (a
    // drain or an instruction touching only registers and the thread's own
    // unshared stack) is the only successor explored.
    int only = -1;  // thread * 2, or thread * 2 + 1 for a drain
    bool final_state = true;
    for (uint32_t t = 0; t < cur.threads.size(); ++t) {
      const TsoThread& th = cur.threads[t];
      if (!th.buffer.empty()) {
        final_state = false;
        if (only < 0 && private_to(t, th.buffer.front().address, th.buffer.front().size)) only = static_cast<int>(t) * 2 + 1;
      }
      probes[t].enabled = false;
      if (th.done) continue;
      final_state = false;
      fresh(t);
      cpu::Footprint fp;
      executing = &program_.code[th.cpu.pc];
      step(next, t, &fp, nullptr);
      // Seen at every expanded state, so one that happens anywhere is seen.
      learned = learn_sharing(t, fp) || learned;
      if (waits_for_buffer(fp) && !th.buffer.empty()) continue;  // waits for its buffer to drain
      probes[t].enabled = true;
      probes[t].length = pack(next, probes[t].successor);
      if (only < 0 && invisible(t, fp)) only = static_cast<int>(t) * 2;
    }
    if (learned) return r;
    auto drain = [&](uint32_t t) {
      fresh(t);
      drain_head(next, t);
      const size_t n = pack(next, packed);
      return std::make_pair(static_cast<const uint64_t*>(packed.data()), n);
    };
    auto add = [&](std::pair<const uint64_t*, size_t> words, uint32_t t, bool is_drain) {
      ++r.transitions;
      const uint32_t id = insert(words.first, words.second, i, static_cast<uint16_t>(t), is_drain);
      edges_.push_back(uint64_t{i} << 32 | id);
      return id;
    };
    auto step = [&](uint32_t t) {
      return std::make_pair(static_cast<const uint64_t*>(probes[t].successor.data()), probes[t].length);
    };
    if (only >= 0) {
      const auto t = static_cast<uint32_t>(only / 2);
      const uint32_t id = (only & 1) ? add(drain(t), t, true) : add(step(t), t, false);
      // Cycle proviso: no cycle of reduced states, which could keep the
      // other threads' steps out of the search forever. Each reduced state
      // has one successor; follow them from `id` until a state expanded in
      // full or not yet expanded (whose own check comes later). Coming back
      // here would close a cycle: then this state is expanded in full.
      uint32_t x = id;
      while (x < i && only_next_[x] != kFull) x = only_next_[x];
      if (x != i) {
        only_next_[i] = id;
        continue;
      }
    }
    only_next_[i] = kFull;
    for (uint32_t t = 0; t < cur.threads.size(); ++t) {
      if (!cur.threads[t].buffer.empty() && only != static_cast<int>(t) * 2 + 1) add(drain(t), t, true);
      if (probes[t].enabled && only != static_cast<int>(t) * 2) add(step(t), t, false);
    }
    if (final_state) {
      ++r.final_states;
      finals_.push_back(i);
      if (!on_final(i)) {
        r.stopped = true;
        break;
      }
    }
  }
  } catch (const cpu::MemoryFault& e) {
    throw cpu::located(program_, *executing, e);
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

bool TsoExplorer::returned(uint32_t state, uint32_t thread) const {
  TsoState s;
  unpack(state, s);
  return s.threads[thread].done;
}

cpu::CpuState TsoExplorer::cpu(uint32_t state, uint32_t thread) const {
  TsoState s;
  unpack(state, s);
  return s.threads[thread].cpu;
}

uint64_t TsoExplorer::read_memory(uint32_t state, uint64_t address, unsigned size) const {
  TsoState s;
  unpack(state, s);
  return read_memory(s, address, size);
}

std::vector<ScheduleStep> TsoExplorer::schedule(uint32_t state) const {
  std::vector<uint32_t> path;
  for (uint32_t s = state; s != 0; s = parent_[s]) path.push_back(s);
  std::reverse(path.begin(), path.end());
  std::vector<ScheduleStep> steps;
  TsoState cur;
  unpack(0, cur);
  for (uint32_t s : path) {
    uint32_t t = via_thread_[s];
    if (via_drain_[s]) {
      const TsoStore head = drain_head(cur, t);
      steps.push_back(ScheduleStep{t, true, 0, {ScheduleEffect{true, head.address, head.value, false}}});
      continue;
    }
    ScheduleStep out{t, false, cur.threads[t].cpu.pc, {}};
    step(cur, t, nullptr, &out.effects);
    steps.push_back(std::move(out));
  }
  return steps;
}

void TsoExplorer::step(TsoState& s, uint32_t t, cpu::Footprint* fp, std::vector<ScheduleEffect>* effects) const {
  TsoPort port(base_, s, t, effects);
  TsoThread& th = s.threads[t];
  const cpu::Instr& in = program_.code[th.cpu.pc];
  cpu::StepOutcome o;
  if (fp) {
    cpu::FootprintPort recorder(port, *fp);
    o = cpu::execute(program_, in, th.cpu, recorder);
  } else {
    o = cpu::execute(program_, in, th.cpu, port);
  }
  if (o != cpu::StepOutcome::Continue) th.done = true;
}

TsoStore TsoExplorer::drain_head(TsoState& s, uint32_t t) const {
  auto& buffer = s.threads[t].buffer;
  const TsoStore head = buffer.front();
  buffer.erase(buffer.begin());
  StateMemory(base_, s.memory).write(head.address, head.size, head.value);
  return head;
}

TsoState TsoExplorer::initial_state() const {
  TsoState s;
  unpack(0, s);
  return s;
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
  r.state = initial_state();
  TsoState& s = r.state;
  // Runs thread t up to and including its next instruction that touches
  // memory (the recorded step); false, with r.problem, if it cannot.
  auto run_to_memory_step = [&](uint32_t t, bool must_touch) {
    for (uint64_t n = 0; n < kMaxReplayRun; ++n) {
      TsoThread& th = s.threads[t];
      if (th.done) {
        if (!must_touch) return true;
        r.problem = fmt::format("T{} has returned, but the schedule has it touch memory again", t);
        return false;
      }
      cpu::Footprint fp;
      const uint32_t pc = th.cpu.pc;
      const bool buffered = !th.buffer.empty();
      step(s, t, &fp, nullptr);
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
      if (s.threads[t].buffer.empty()) {
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
    if (!s.threads[t].buffer.empty()) {
      r.problem = fmt::format("the schedule ends with stores in T{}'s buffer", t);
      return r;
    }
  }
  r.ok = true;
  return r;
}

}  // namespace locksim
