#include "sim/input/litmus.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "cpu/asm/assembler.h"
#include "cpu/asm/input_error.h"
#include "cpu/asm/input_file.h"
#include "sim/check/condition.h"
#include "cpu/thread_start.h"
#include "sim/explore/tso_explorer.h"
#include "sim/input/value_parse.h"

namespace locksim {
namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

bool is_identifier(const std::string& s) {
  return !s.empty() && (std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_') &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

struct Cell {
  std::string text;
  unsigned line, column;
};

struct RegInit {
  int thread;
  std::string reg;  // lower case
  std::string value;
  unsigned line;
};

class LitmusReader {
 public:
  LitmusReader(const std::string& path, const std::string& text) : path_(path) {
    std::istringstream in(without_comments(text));
    std::string l;
    while (std::getline(in, l)) lines_.push_back(l);
  }

  [[noreturn]] void fail(unsigned line, unsigned col, const std::string& msg) const {
    throw InputError(path_, line, col, msg);
  }

  void read() {
    if (lines_.empty()) fail(1, 1, "empty litmus file; expected 'X86 NAME' or 'X86_64 NAME'");
    std::istringstream head(lines_[0]);
    head >> arch_ >> name_;
    if (arch_ != "X86" && arch_ != "X86_64")
      fail(1, 1, "unsupported architecture '" + arch_ + "' (expected X86 or X86_64)");
    if (name_.empty()) fail(1, static_cast<unsigned>(arch_.size() + 2), "expected a test name after '" + arch_ + "'");
    size_t i = 1;
    // Skip the doc string and key=value lines up to the init block.
    while (i < lines_.size() && lines_[i].find('{') == std::string::npos) ++i;
    if (i >= lines_.size()) fail(static_cast<unsigned>(lines_.size()), 1, "expected an init block '{ ... }'");
    std::string init;
    unsigned init_line = static_cast<unsigned>(i + 1);
    std::string rest = lines_[i].substr(lines_[i].find('{') + 1);
    for (;;) {
      auto close = rest.find('}');
      if (close != std::string::npos) {
        init += rest.substr(0, close);
        break;
      }
      init += rest + "\n";
      if (++i >= lines_.size()) fail(init_line, 1, "init block '{' is never closed");
      rest = lines_[i];
    }
    parse_init(init, init_line);
    ++i;
    // The thread table: a header "P0 | P1 ;" then rows of cells.
    while (i < lines_.size() && trim(lines_[i]).empty()) ++i;
    if (i >= lines_.size()) fail(static_cast<unsigned>(i), 1, "expected the thread header 'P0 | P1 ... ;'");
    auto header = split(trim(strip_semicolon(lines_[i])), '|');
    for (size_t t = 0; t < header.size(); ++t)
      if (trim(header[t]) != "P" + std::to_string(t))
        fail(static_cast<unsigned>(i + 1), 1, "expected thread header 'P" + std::to_string(t) + "', found '" + trim(header[t]) + "'");
    if (header.size() > kMaxExploreThreads)
      fail(static_cast<unsigned>(i + 1), 1,
           fmt::format("{} threads; at most {} are supported", header.size(), kMaxExploreThreads));
    threads_.assign(header.size(), {});
    for (++i; i < lines_.size(); ++i) {
      std::string t = trim(lines_[i]);
      if (t.empty()) continue;
      if (starts_condition(t)) break;
      std::string row = lines_[i];  // untrimmed, so cell columns are the file's
      if (auto semi = row.find_last_of(';'); semi != std::string::npos) row = row.substr(0, semi);
      auto cells = split(row, '|');
      if (cells.size() != threads_.size())
        fail(static_cast<unsigned>(i + 1), 1,
             fmt::format("expected {} cells separated by '|', found {}", threads_.size(), cells.size()));
      size_t col = 1;
      for (size_t c = 0; c < cells.size(); ++c) {
        std::string cell = trim(cells[c]);
        if (!cell.empty())
          threads_[c].push_back(Cell{cell, static_cast<unsigned>(i + 1),
                                     static_cast<unsigned>(col + cells[c].find(cell))});
        col += cells[c].size() + 1;
      }
    }
    if (i >= lines_.size()) fail(static_cast<unsigned>(lines_.size()), 1, "expected a final condition (exists, ~exists or forall)");
    parse_condition_text(i);
    // Locations the code or the condition use without an init are 0.
    for (const auto& cells : threads_)
      for (const auto& c : cells) add_locations_from(c.text);
    for (const auto& a : condition_.atoms)
      if (a.thread < 0) locations_.emplace(a.name, "0");
  }

  void add_locations_from(const std::string& text) {
    for (size_t k = 0; k < text.size(); ++k) {
      char open = text[k];
      if (open != '[' && open != '(') continue;
      char close = open == '[' ? ']' : ')';
      auto end = text.find(close, k);
      if (end == std::string::npos) continue;
      std::string inner = trim(text.substr(k + 1, end - k - 1));
      if (is_identifier(inner) && !cpu::parse_register(lower(inner))) locations_.emplace(inner, "0");
    }
  }

  std::string assembly_source(std::vector<unsigned>& line_map) const {
    std::vector<std::string> out;
    auto emit = [&](const std::string& s, unsigned litmus_line) {
      out.push_back(s);
      line_map.push_back(litmus_line);
    };
    emit("        .data", 0);
    for (const auto& [loc, value] : locations_) {
      emit("        .p2align 3", 0);
      emit(fmt::format("{}: {} {}", loc, arch_ == "X86" ? ".long" : ".quad", value), 0);
    }
    emit("        .text", 0);
    for (size_t t = 0; t < threads_.size(); ++t) {
      emit(fmt::format("P{}:", t), 0);
      for (const auto& c : threads_[t]) emit("        " + translate(c, t), c.line);
      emit("        ret", 0);
    }
    std::string s;
    for (const auto& l : out) s += l + "\n";
    return s;
  }

  const std::string& name() const { return name_; }
  const std::string& arch() const { return arch_; }
  size_t thread_count() const { return threads_.size(); }
  const std::vector<RegInit>& reg_inits() const { return reg_inits_; }
  const Condition& condition() const { return condition_; }

 private:
  // herd7 reads OCaml comments "(* ... *)", nested, anywhere outside the
  // doc string. They become spaces (newlines stay), so every line and column
  // is still the file's.
  std::string without_comments(std::string text) const {
    unsigned depth = 0, line = 1, open_line = 0;
    bool in_string = false;
    for (size_t k = 0; k < text.size(); ++k) {
      const char c = text[k];
      const char next = k + 1 < text.size() ? text[k + 1] : '\0';
      if (c == '\n') ++line;
      if (depth == 0 && c == '"') in_string = !in_string;
      if (in_string) continue;
      if (c == '(' && next == '*') {
        if (depth++ == 0) open_line = line;
        text[k] = text[k + 1] = ' ';
        ++k;
      } else if (depth > 0 && c == '*' && next == ')') {
        --depth;
        text[k] = text[k + 1] = ' ';
        ++k;
      } else if (depth > 0 && c != '\n') {
        text[k] = ' ';
      }
    }
    if (depth > 0) fail(open_line, 1, "comment '(*' is never closed");
    return text;
  }
  static std::string strip_semicolon(const std::string& s) {
    std::string t = trim(s);
    if (!t.empty() && t.back() == ';') t.pop_back();
    return t;
  }
  static bool starts_condition(const std::string& t) {
    for (const char* k : {"exists", "~exists", "~ exists", "not exists", "forall", "final", "locations", "filter", "("})
      if (t.rfind(k, 0) == 0) return true;
    return false;
  }

  void parse_init(const std::string& init, unsigned line) {
    for (std::string item : split(init, ';')) {
      item = trim(item);
      if (item.empty()) continue;
      std::string lhs = item, rhs = "0";
      if (auto eq = item.find('='); eq != std::string::npos) {
        lhs = trim(item.substr(0, eq));
        rhs = trim(item.substr(eq + 1));
      }
      if (lhs.find('[') != std::string::npos && lhs.front() != '[')
        fail(line, 1, "unsupported init '" + item + "' (arrays are not supported)");
      // Drop a type ("uint64_t x", "int x").
      if (auto sp = lhs.find_last_of(" \t"); sp != std::string::npos) lhs = trim(lhs.substr(sp + 1));
      if (lhs.size() > 2 && lhs.front() == '[' && lhs.back() == ']') lhs = lhs.substr(1, lhs.size() - 2);
      if (auto colon = lhs.find(':'); colon != std::string::npos) {
        std::string t = lhs.substr(0, colon);
        if (!t.empty() && t[0] == 'P') t = t.substr(1);
        if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos)
          fail(line, 1, "expected a thread number in '" + lhs + "'");
        if (t.size() > 4) fail(line, 1, "thread number '" + t + "' is too large");
        reg_inits_.push_back(RegInit{std::stoi(t), lower(lhs.substr(colon + 1)), rhs, line});
      } else {
        if (!is_identifier(lhs)) fail(line, 1, "expected a location name in init, found '" + lhs + "'");
        if (rhs.find_first_not_of("-0123456789xabcdefABCDEF") != std::string::npos)
          fail(line, 1, "unsupported initial value '" + rhs + "' for location '" + lhs + "'");
        locations_[lhs] = rhs;
      }
    }
  }

  void parse_condition_text(size_t i) {
    std::string text;
    unsigned line = static_cast<unsigned>(i + 1);
    for (; i < lines_.size(); ++i) {
      std::string t = trim(lines_[i]);
      if (t.rfind("<<", 0) == 0) break;  // trailing herd display directives
      text += " " + t;
    }
    text = trim(text);
    if (text.rfind("locations", 0) == 0) {
      auto close = text.find(']');
      if (close == std::string::npos) fail(line, 1, "expected ']' after 'locations ['");
      text = trim(text.substr(close + 1));
    }
    if (text.rfind("filter", 0) == 0) fail(line, 1, "'filter' clauses are not supported");
    Quantifier q = Quantifier::Exists;
    for (const auto& [kw, quant] : std::vector<std::pair<std::string, Quantifier>>{
             {"~exists", Quantifier::NotExists}, {"~ exists", Quantifier::NotExists},
             {"not exists", Quantifier::NotExists}, {"exists", Quantifier::Exists}, {"forall", Quantifier::Forall},
             {"final", Quantifier::Exists}}) {
      if (text.rfind(kw, 0) == 0) {
        q = quant;
        text = trim(text.substr(kw.size()));
        break;
      }
    }
    if (auto with = text.find(" with "); with != std::string::npos) text = text.substr(0, with);
    if (auto semi = text.find(';'); semi != std::string::npos) text = text.substr(0, semi);
    condition_ = parse_condition(q, text, path_, line, 1);
  }

  // X86 (Intel) operand -> AT&T operand.
  std::string intel_operand(const std::string& raw, const Cell& c) const {
    std::string op = trim(raw);
    if (op.empty()) fail(c.line, c.column, "empty operand in '" + c.text + "'");
    if ((op.front() == '[' && op.back() == ']') || (op.front() == '(' && op.back() == ')')) {
      std::string inner = trim(op.substr(1, op.size() - 2));
      if (auto r = cpu::parse_register(lower(inner)))
        return "(%" + std::string(cpu::register_name(cpu::RegRef{r->gpr, 8, false})) + ")";
      if (is_identifier(inner)) return inner;
      if (inner.find_first_not_of("0123456789") == std::string::npos) return inner;
      fail(c.line, c.column, "unsupported memory operand '" + op + "'");
    }
    if (op.front() == '$') return op;
    if (op.find_first_not_of("-0123456789") == std::string::npos) return "$" + op;
    if (cpu::parse_register(lower(op))) return "%" + lower(op);
    if (is_identifier(op)) return op;  // a branch label
    fail(c.line, c.column, "unsupported operand '" + op + "' in '" + c.text + "'");
  }

  std::string translate(const Cell& c, size_t thread) const {
    std::string text = c.text, label;
    // "L0: MOV ..." or "L0:" : labels are per thread.
    if (auto colon = text.find(':'); colon != std::string::npos && is_identifier(trim(text.substr(0, colon))) &&
                                      text.find('[') > colon && text.find('(') > colon) {
      label = trim(text.substr(0, colon)) + "_P" + std::to_string(thread) + ": ";
      text = trim(text.substr(colon + 1));
      if (text.empty()) return label;
    }
    if (arch_ == "X86_64") return label + translate_att(text, thread);
    auto [prefix, mnemonic, rest] = split_instruction(text);
    std::string m = lower(mnemonic);
    static const std::set<std::string> kKnown = {"mov", "xchg", "add", "sub", "xor", "or", "and", "inc", "dec", "cmp",
                                                "mfence", "lfence", "sfence", "nop", "jmp", "je", "jne", "cmpxchg"};
    if (!kKnown.count(m)) fail(c.line, c.column, "unsupported X86 instruction '" + mnemonic + "'");
    if (m == "cmpxchg") fail(c.line, c.column, "CMPXCHG is not implemented for X86 (herd7 rejects it too); use X86_64");
    std::vector<std::string> ops;
    if (!trim(rest).empty())
      for (const auto& o : split(rest, ',')) ops.push_back(intel_operand(o, c));
    if (m == "jmp" || m == "je" || m == "jne") {
      if (ops.size() != 1) fail(c.line, c.column, "expected one label after '" + mnemonic + "'");
      return label + m + " " + ops[0] + "_P" + std::to_string(thread);
    }
    bool has_register = std::any_of(ops.begin(), ops.end(), [](const std::string& o) { return o[0] == '%'; });
    std::string suffix = ops.empty() || has_register ? "" : "l";  // herd's X86 values are 32-bit
    std::reverse(ops.begin(), ops.end());  // Intel: destination first
    std::string out = label + prefix + m + suffix;
    for (size_t k = 0; k < ops.size(); ++k) out += (k ? ", " : " ") + ops[k];
    return out;
  }

  struct SplitInstruction {
    std::string prefix, mnemonic, operands;
  };
  // "LOCK ADD [x],$1" -> {"lock ", "ADD", "[x],$1"}
  static SplitInstruction split_instruction(const std::string& text) {
    std::istringstream in(text);
    SplitInstruction out;
    in >> out.mnemonic;
    if (lower(out.mnemonic) == "lock") {
      out.prefix = "lock ";
      in >> out.mnemonic;
    }
    std::getline(in, out.operands);
    return out;
  }

  std::string translate_att(const std::string& text, size_t thread) const {
    auto [prefix, mnemonic, rest] = split_instruction(text);
    std::vector<std::string> ops;
    int depth = 0;
    std::string cur;
    for (char ch : rest) {
      if (ch == '(') ++depth;
      if (ch == ')') --depth;
      if (ch == ',' && depth == 0) {
        ops.push_back(trim(cur));
        cur.clear();
      } else {
        cur += ch;
      }
    }
    if (!trim(cur).empty()) ops.push_back(trim(cur));
    for (auto& o : ops) {
      // herd writes a location as "(x)"; GNU as writes it "x".
      if (o.size() > 2 && o.front() == '(' && o.back() == ')' && is_identifier(o.substr(1, o.size() - 2)))
        o = o.substr(1, o.size() - 2);
    }
    std::string m = lower(mnemonic);
    // herd7's operand order for these two differs from GNU as.
    if ((m.rfind("cmpxchg", 0) == 0 || m.rfind("cmovc", 0) == 0) && ops.size() == 2) std::swap(ops[0], ops[1]);
    if ((m[0] == 'j') && ops.size() == 1) ops[0] += "_P" + std::to_string(thread);
    std::string out = prefix + m;
    for (size_t k = 0; k < ops.size(); ++k) out += (k ? ", " : " ") + ops[k];
    return out;
  }

  std::string path_;
  std::vector<std::string> lines_;
  std::string arch_, name_;
  std::map<std::string, std::string> locations_;
  std::vector<RegInit> reg_inits_;
  std::vector<std::vector<Cell>> threads_;
  Condition condition_;
};

int64_t sign_extend(uint64_t v, unsigned size) {
  unsigned shift = 64 - 8 * size;
  return static_cast<int64_t>(v << shift) >> shift;
}

}  // namespace

LitmusResult run_litmus(const std::string& path, uint64_t max_states) {
  return run_litmus_text(path, read_input_file(path, "litmus file"), max_states);
}

LitmusResult run_litmus_text(const std::string& path, const std::string& text, uint64_t max_states) {
  LitmusReader reader(path, text);
  reader.read();
  const Condition& cond = reader.condition();
  // Every location the condition or the code names must exist in memory.
  std::vector<unsigned> line_map;
  std::string source = reader.assembly_source(line_map);
  cpu::Program program;
  const std::string generated = path + " (translated)";
  try {
    program = cpu::assemble({cpu::SourceFile{generated, source}});
  } catch (const InputError& e) {
    // Point at the litmus line the translated instruction came from.
    const unsigned gen_line = e.line();
    std::string detail = e.message();
    if (detail.rfind("undefined symbol", 0) == 0)
      detail += " (a location must appear in the init block or be written as [x] / (x))";
    const bool mapped = gen_line >= 1 && gen_line <= line_map.size() && line_map[gen_line - 1];
    throw InputError(path, mapped ? line_map[gen_line - 1] : 1, 1, detail);
  }
  std::vector<ExplorerThread> threads;
  for (size_t t = 0; t < reader.thread_count(); ++t) {
    threads.push_back(ExplorerThread{cpu::find_entry(program, "P" + std::to_string(t)),
                                     cpu::initial_registers(static_cast<uint32_t>(t))});
  }
  for (const auto& ri : reader.reg_inits()) {
    if (ri.thread < 0 || static_cast<size_t>(ri.thread) >= threads.size())
      throw InputError(path, ri.line, 1, fmt::format("init names thread {} of a {}-thread test", ri.thread, threads.size()));
    auto reg = cpu::parse_register(ri.reg);
    if (!reg) throw InputError(path, ri.line, 1, "unknown register '" + ri.reg + "' in init");
    uint64_t v;
    if (program.symbols.count(ri.value)) v = program.symbols.at(ri.value).address;
    else {
      try {
        v = parse_u64_value(ri.value, "init");
      } catch (const InputError&) {
        throw InputError(path, ri.line, 1, "unsupported initial value '" + ri.value + "'");
      }
    }
    threads[static_cast<size_t>(ri.thread)].initial.regs[reg->gpr] = v;
  }
  const unsigned mem_size = reader.arch() == "X86" ? 4 : 8;
  for (const auto& a : cond.atoms) {
    if (a.thread < 0 && !program.symbols.count(a.name))
      throw InputError(path, 1, 1, "condition names unknown location '" + a.name + "'");
    if (a.thread >= 0 && (static_cast<size_t>(a.thread) >= threads.size() || !condition_register(a.name)))
      throw InputError(path, 1, 1, fmt::format("condition names unknown register {}:{}", a.thread, a.name));
    // Found by fuzzing: a value naming no location reached symbols.at().
    if (!a.value_symbol.empty() && !program.symbols.count(a.value_symbol))
      throw InputError(path, 1, 1, "condition uses unknown location '" + a.value_symbol + "' as a value");
  }

  TsoExplorer explorer(program, threads, max_states);
  LitmusResult r;
  r.name = reader.name();
  r.quantifier = quantifier_name(cond.quantifier);
  r.condition = herd_text(cond.proposition);
  auto value_of = [&](uint32_t state, const CondAtom& a) -> int64_t {
    if (a.thread >= 0)
      return register_value(explorer.cpu(state, static_cast<uint32_t>(a.thread)), *condition_register(a.name));
    return sign_extend(explorer.read_memory(state, program.symbols.at(a.name).address, mem_size), mem_size);
  };
  std::map<std::string, bool> seen;  // projected state -> P
  ExploreResult er = explorer.run([&](uint32_t state) {
    std::set<std::string> bindings;
    for (const auto& a : cond.atoms)
      bindings.insert(fmt::format("{}={};", a.thread >= 0 ? fmt::format("{}:{}", a.thread, a.name) : "[" + a.name + "]",
                                  value_of(state, a)));
    std::string line;
    for (const auto& b : bindings) line += (line.empty() ? "" : " ") + b;
    bool p = evaluate(
        cond.proposition, [&](const CondAtom& a) { return static_cast<uint64_t>(value_of(state, a)); },
        [&](const std::string& n) { return program.symbols.at(n).address; });
    seen.emplace(line, p);
    return true;
  });
  for (const auto& [line, p] : seen) {
    r.states.insert(line);
    (p ? r.positive : r.negative) += 1;
  }
  r.observation = r.positive == 0 ? "Never" : r.negative == 0 ? "Always" : "Sometimes";
  r.ok = cond.quantifier == Quantifier::Exists ? r.positive > 0
         : cond.quantifier == Quantifier::NotExists ? r.positive == 0 : r.negative == 0;
  r.explored_states = er.states;
  r.complete = er.complete;
  r.seconds = er.seconds;
  return r;
}

void print_herd_block(const LitmusResult& r, std::ostream& out) {
  const char* kind = r.quantifier == "exists" ? "Allowed" : r.quantifier == "~exists" ? "Forbidden" : "Required";
  out << "Test " << r.name << " " << kind << "\n";
  out << "States " << r.states.size() << "\n";
  for (const auto& s : r.states) out << s << "\n";
  out << (r.complete ? "" : "Loop ") << (r.ok ? "Ok" : "No") << "\n";
  out << "Witnesses\n";
  // herd counts the condition's own proposition: not-P for ~exists.
  bool swap = r.quantifier == "~exists";
  out << "Positive: " << (swap ? r.negative : r.positive) << " Negative: " << (swap ? r.positive : r.negative) << "\n";
  out << "Condition " << r.quantifier << " (" << r.condition << ")\n";
  out << "Observation " << r.name << " " << r.observation << " " << r.positive << " " << r.negative << "\n";
  out << fmt::format("Time {} {:.2f}\n\n", r.name, r.seconds);
}

}  // namespace locksim
