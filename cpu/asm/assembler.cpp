#include "cpu/asm/assembler.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "cpu/asm/asm_expr.h"
#include "cpu/asm/asm_lexer.h"
#include "cpu/asm/asm_operand.h"
#include "cpu/asm/input_error.h"
#include "cpu/asm/input_file.h"
#include "cpu/asm/mnemonics.h"

namespace locksim::cpu {
namespace {

// Sections as the assembler sees them; Discard holds .note/.comment and the
// like, whose contents never reach the simulated memory.
enum SectionIndex : uint8_t { kText, kData, kBss, kDiscard, kSectionCount };

// Numeric local labels ("1:") get unique hidden names: the label number, this
// marker, and the definition's ordinal.
constexpr char kLocalMarker = '\x02';

uint64_t align_up(uint64_t v, uint64_t a) { return a <= 1 ? v : (v + a - 1) / a * a; }

struct FileSymbol {
  bool is_equ = false;
  SectionIndex section = kText;
  uint64_t offset = 0;  // within this file's chunk of the section
  Expr equ;
  Token def;
  bool resolving = false;  // cycle detection for .equ chains
};

struct PendingInstr {
  uint32_t file;
  uint64_t offset;  // within the file's text chunk
  Token mnemonic;
  Instr instr;
  std::vector<ParsedOperand> operands;
};

struct DataFixup {
  SectionIndex section;
  uint64_t offset;
  uint8_t size;
  Expr expr;
  std::string directive;
};

struct FileState {
  std::string name;
  std::map<std::string, FileSymbol> symbols;
  std::map<std::string, Token> globals;
  std::array<std::vector<uint8_t>, kSectionCount> chunks;
  std::array<uint64_t, kSectionCount> max_align{1, 1, 1, 1};
  std::array<uint64_t, kSectionCount> chunk_base{};
  std::map<int64_t, int64_t> local_label_defs;  // label number -> definitions so far
  std::vector<DataFixup> fixups;
};

class Assembler {
 public:
  Program run(const std::vector<SourceFile>& sources) {
    for (uint32_t i = 0; i < sources.size(); ++i) {
      texts_.push_back(sources[i].text);
      files_.emplace_back();
      files_.back().name = sources[i].name;
      parse_file(i, sources[i].text);
    }
    collect_globals();
    layout();
    link();
    return std::move(program_);
  }

 private:
  // ---------------------------------------------------------------- parsing
  [[noreturn]] void fail(const Token& t, const std::string& msg) const {
    throw InputError(files_[cur_].name, t.line, t.column, msg);
  }
  FileState& file() { return files_[cur_]; }
  std::vector<uint8_t>& chunk() { return file().chunks[section_]; }

  void parse_file(uint32_t index, const std::string& text) {
    cur_ = index;
    section_ = kText;
    section_stack_.clear();
    previous_section_ = kText;
    std::vector<Token> tokens = tokenize(files_[index].name, text);
    rename_local_labels(tokens);
    size_t start = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind == TokenKind::EndOfStatement) {
        statement(std::vector<Token>(tokens.begin() + static_cast<long>(start), tokens.begin() + static_cast<long>(i)));
        start = i + 1;
      }
    }
    if (pending_lock_) fail(*pending_lock_, "lock prefix at end of file without an instruction");
    if (pending_rep_) fail(*pending_rep_, "rep prefix at end of file without an instruction");
  }

  // Gives "1:" definitions and "1b"/"1f" references unique names, so later
  // stages see ordinary symbols.
  void rename_local_labels(std::vector<Token>& tokens) {
    std::map<int64_t, int64_t> defs;
    for (size_t i = 0; i < tokens.size(); ++i) {
      Token& t = tokens[i];
      bool at_statement_start = i == 0 || tokens[i - 1].kind == TokenKind::EndOfStatement ||
                                (i >= 2 && tokens[i - 1].punct(":") && tokens[i - 2].kind != TokenKind::Register);
      if (t.kind == TokenKind::Number && t.text[0] != '\'' && at_statement_start && i + 1 < tokens.size() &&
          tokens[i + 1].punct(":")) {
        int64_t n = t.value;
        t.kind = TokenKind::Ident;
        t.text = std::to_string(n) + kLocalMarker + std::to_string(defs[n]++);
      } else if (t.kind == TokenKind::LocalRef) {
        int64_t n = t.value;
        int64_t instance = t.text == "f" ? defs[n] : defs[n] - 1;
        if (instance < 0)
          throw InputError(files_[cur_].name, t.line, t.column,
                           "local label '" + std::to_string(n) + "b' has no earlier definition");
        t.kind = TokenKind::Ident;
        t.text = std::to_string(n) + kLocalMarker + std::to_string(instance);
      }
    }
  }

  static std::string display_name(const std::string& name) {
    auto p = name.find(kLocalMarker);
    return p == std::string::npos ? name : name.substr(0, p) + " (numeric local label)";
  }

  void statement(std::vector<Token> toks) {
    size_t i = 0;
    // Labels: "name:" or "1:", any number of them.
    while (i + 1 < toks.size() && toks[i].kind == TokenKind::Ident && toks[i + 1].punct(":")) {
      if (pending_lock_ || pending_rep_) fail(toks[i], "prefix must be followed by an instruction, found a label");
      define_label(toks[i]);
      i += 2;
    }
    if (i >= toks.size()) return;
    const Token& head = toks[i];
    std::vector<Token> rest(toks.begin() + static_cast<long>(i) + 1, toks.end());
    if (head.kind == TokenKind::Ident && !rest.empty() && rest[0].punct("=")) {
      define_equ(head, Expr{std::vector<Token>(rest.begin() + 1, rest.end())}, rest[0]);
      return;
    }
    if (head.kind != TokenKind::Ident) fail(head, "expected a label, directive or instruction, found '" + head.text + "'");
    if (head.text[0] == '.') {
      if (pending_lock_ || pending_rep_)
        fail(head, "prefix must be followed by an instruction, found '" + head.text + "'");
      directive(head, rest);
      return;
    }
    instruction(head, rest);
  }

  void define_label(const Token& name) {
    if (section_ == kDiscard) return;
    auto& syms = file().symbols;
    if (auto it = syms.find(name.text); it != syms.end())
      fail(name, "duplicate label '" + display_name(name.text) + "' (first defined at line " +
                     std::to_string(it->second.def.line) + ")");
    syms[name.text] = FileSymbol{false, section_, chunk().size(), {}, name};
  }

  void define_equ(const Token& name, Expr value, const Token& at) {
    if (value.empty()) fail(at, "expected an expression after '" + at.text + "'");
    auto& syms = file().symbols;
    if (auto it = syms.find(name.text); it != syms.end() && !it->second.is_equ)
      fail(name, "'" + name.text + "' is already a label (line " + std::to_string(it->second.def.line) + ")");
    // .set may redefine; the last definition wins, as in GNU as for constants.
    syms[name.text] = FileSymbol{true, kText, 0, std::move(value), name};
  }

  // Splits a directive's or instruction's arguments at top-level commas.
  std::vector<std::vector<Token>> split_args(const std::vector<Token>& toks) const {
    std::vector<std::vector<Token>> args;
    if (toks.empty()) return args;
    args.emplace_back();
    int depth = 0;
    for (const Token& t : toks) {
      if (t.punct("(")) ++depth;
      if (t.punct(")")) --depth;
      if (t.punct(",") && depth == 0) {
        if (args.back().empty()) fail(t, "missing operand before ','");
        args.emplace_back();
        continue;
      }
      args.back().push_back(t);
    }
    if (args.back().empty()) fail(toks.back(), "missing operand after ','");
    return args;
  }

  // A constant needed while parsing (sizes of .zero/.skip/.fill/.align).
  int64_t constant(const std::vector<Token>& toks, const Token& at) {
    if (toks.empty()) fail(at, "expected a constant expression after '" + at.text + "'");
    return evaluate(file().name, Expr{toks}, [this](const Token& t) -> std::optional<int64_t> {
      auto it = file().symbols.find(t.text);
      if (it == file().symbols.end() || !it->second.is_equ)
        fail(t, "expected a constant expression; '" + display_name(t.text) + "' is not a constant defined earlier");
      return evaluate_symbol(cur_, it->second);
    });
  }

  static std::string section_limit() { return "the limit of " + std::to_string(kMaxSectionBytes >> 20) + " MiB"; }

  // Every directive that grows a section goes through here, so the limit
  // holds whatever the directive.
  void emit_bytes(const Token& at, uint64_t count, uint8_t fill) {
    if (count > kMaxSectionBytes - chunk().size()) fail(at, "section would exceed " + section_limit());
    if (section_ == kBss && fill != 0) fail(at, "only zeros may be stored in .bss");
    chunk().insert(chunk().end(), count, fill);
  }

  void align_to(const Token& at, int64_t alignment, uint8_t fill) {
    if (alignment <= 0 || (alignment & (alignment - 1)) != 0 || alignment > 0x100000)
      fail(at, "alignment must be a power of two up to 2^20, found " + std::to_string(alignment));
    auto a = static_cast<uint64_t>(alignment);
    file().max_align[section_] = std::max(file().max_align[section_], a);
    // Text padding is never executed in a simulation; pad it like data.
    emit_bytes(at, align_up(chunk().size(), a) - chunk().size(), section_ == kBss ? 0 : fill);
  }

  void switch_section(const Token& at, const std::string& name) {
    previous_section_ = section_;
    if (name == ".text" || name.rfind(".text.", 0) == 0) section_ = kText;
    else if (name == ".data" || name.rfind(".data.", 0) == 0 || name.rfind(".rodata", 0) == 0) section_ = kData;
    else if (name == ".bss" || name.rfind(".bss.", 0) == 0) section_ = kBss;
    else if (name.rfind(".note", 0) == 0 || name.rfind(".comment", 0) == 0 || name.rfind(".debug", 0) == 0)
      section_ = kDiscard;
    else fail(at, "unsupported section '" + name + "' (expected .text, .data, .rodata, .bss or .note*)");
  }

  void directive(const Token& head, const std::vector<Token>& rest) {
    const std::string& d = head.text;
    auto args = split_args(rest);
    auto need_args = [&](size_t lo, size_t hi) {
      if (args.size() < lo || args.size() > hi)
        fail(head, "'" + d + "' takes " + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi)) +
                       " argument(s), found " + std::to_string(args.size()));
    };
    auto ident_arg = [&](size_t k) -> const Token& {
      if (args[k].size() != 1 || args[k][0].kind != TokenKind::Ident)
        fail(args[k][0], "expected a symbol name, found '" + args[k][0].text + "'");
      return args[k][0];
    };
    if (d == ".text" || d == ".data" || d == ".bss") {
      need_args(0, 1);
      switch_section(head, d);
    } else if (d == ".section" || d == ".pushsection") {
      if (args.empty() || args[0].empty()) fail(head, "expected a section name after '" + d + "'");
      const Token& n = args[0][0];
      if (n.kind != TokenKind::Ident && n.kind != TokenKind::String) fail(n, "expected a section name, found '" + n.text + "'");
      if (d == ".pushsection") section_stack_.push_back(section_);
      switch_section(n, n.text);
    } else if (d == ".popsection") {
      if (section_stack_.empty()) fail(head, "'.popsection' without a matching '.pushsection'");
      section_ = section_stack_.back();
      section_stack_.pop_back();
    } else if (d == ".previous") {
      std::swap(section_, previous_section_);
    } else if (d == ".globl" || d == ".global") {
      if (args.empty()) fail(head, "expected a symbol name after '" + d + "'");
      for (size_t k = 0; k < args.size(); ++k) file().globals.emplace(ident_arg(k).text, ident_arg(k));
    } else if (d == ".byte" || d == ".word" || d == ".short" || d == ".value" || d == ".hword" || d == ".2byte" ||
               d == ".long" || d == ".int" || d == ".4byte" || d == ".quad" || d == ".8byte") {
      if (args.empty()) fail(head, "expected at least one value after '" + d + "'");
      uint8_t size = d == ".byte" ? 1 : (d == ".quad" || d == ".8byte") ? 8
                   : (d == ".long" || d == ".int" || d == ".4byte") ? 4 : 2;
      for (auto& a : args) {
        if (section_ == kBss) fail(a[0], "data directives are not allowed in .bss; use .zero or .skip");
        if (section_ != kDiscard) file().fixups.push_back(DataFixup{section_, chunk().size(), size, Expr{a}, d});
        chunk().insert(chunk().end(), size, 0);
      }
    } else if (d == ".ascii" || d == ".asciz" || d == ".string") {
      if (args.empty()) fail(head, "expected a string after '" + d + "'");
      for (auto& a : args) {
        if (a.size() != 1 || a[0].kind != TokenKind::String) fail(a[0], "expected a string, found '" + a[0].text + "'");
        if (section_ == kBss) fail(a[0], "strings are not allowed in .bss");
        chunk().insert(chunk().end(), a[0].text.begin(), a[0].text.end());
        if (d != ".ascii") chunk().push_back(0);
      }
    } else if (d == ".zero" || d == ".skip" || d == ".space") {
      need_args(1, 2);
      int64_t n = constant(args[0], head);
      if (n < 0) fail(args[0][0], "size must not be negative, found " + std::to_string(n));
      int64_t fill = args.size() > 1 ? constant(args[1], head) : 0;
      emit_bytes(head, static_cast<uint64_t>(n), static_cast<uint8_t>(fill));
    } else if (d == ".fill") {
      need_args(1, 3);
      int64_t repeat = constant(args[0], head);
      int64_t size = args.size() > 1 ? constant(args[1], head) : 1;
      int64_t value = args.size() > 2 ? constant(args[2], head) : 0;
      if (repeat < 0 || size < 0 || size > 8) fail(head, "'.fill' needs repeat >= 0 and size 0 to 8");
      // repeat * size could overflow; any repeat past the limit is over it.
      const uint64_t bytes = std::min<uint64_t>(static_cast<uint64_t>(repeat), kMaxSectionBytes + 1) * static_cast<uint64_t>(size);
      const size_t start = chunk().size();
      emit_bytes(head, bytes, 0);
      for (int64_t r = 0; r < repeat; ++r)
        for (int64_t b = 0; b < std::min<int64_t>(size, 4); ++b)  // GNU as fills the low 4 bytes of each unit
          chunk()[start + static_cast<size_t>(r * size + b)] = static_cast<uint8_t>(static_cast<uint64_t>(value) >> (8 * b));
    } else if (d == ".align" || d == ".balign" || d == ".p2align") {
      need_args(1, 3);
      int64_t n = constant(args[0], head);
      if (d == ".p2align") {
        if (n < 0 || n > 20) fail(args[0][0], "'.p2align' takes a power from 0 to 20, found " + std::to_string(n));
        n = int64_t{1} << n;
      }
      int64_t fill = args.size() > 1 && !args[1].empty() ? constant(args[1], head) : 0;
      align_to(args[0][0], n, static_cast<uint8_t>(fill));
    } else if (d == ".equ" || d == ".set") {
      need_args(2, 2);
      define_equ(ident_arg(0), Expr{args[1]}, head);
    } else if (d == ".comm" || d == ".lcomm") {
      need_args(2, 3);
      const Token& name = ident_arg(0);
      int64_t size = constant(args[1], head);
      int64_t alignment = args.size() > 2 ? constant(args[2], head) : 8;
      SectionIndex saved = section_;
      section_ = kBss;
      align_to(head, alignment, 0);
      define_label(name);
      if (size < 0) fail(args[1][0], "size must not be negative");
      emit_bytes(head, static_cast<uint64_t>(size), 0);
      if (d == ".comm") file().globals.emplace(name.text, name);
      section_ = saved;
    } else if (d == ".intel_syntax") {
      fail(head, "'.intel_syntax' is not supported; locksim reads AT&T syntax (litmus files may use X86 Intel syntax)");
    } else if (d == ".att_syntax" || d == ".code64" || d == ".type" || d == ".size" || d == ".file" ||
               d == ".ident" || d == ".local" || d == ".weak" || d == ".hidden" || d == ".protected" ||
               d == ".extern" || d == ".loc" || d == ".end" || d.rfind(".cfi_", 0) == 0) {
      // Symbol attributes and debug info: nothing to simulate.
    } else {
      fail(head, "unknown directive '" + d + "'");
    }
  }

  void instruction(const Token& head, std::vector<Token> rest) {
    Token mnem = head;
    bool lock = false;
    if (mnem.text == "lock") {
      if (pending_lock_) fail(mnem, "duplicate lock prefix");
      if (rest.empty()) {
        pending_lock_ = mnem;  // "lock" alone, or "lock;": applies to the next instruction
        return;
      }
      mnem = rest[0];
      if (mnem.kind != TokenKind::Ident) fail(mnem, "expected an instruction after 'lock', found '" + mnem.text + "'");
      rest.erase(rest.begin());
      lock = true;
    }
    if (pending_lock_) {
      lock = true;
      pending_lock_.reset();
    }
    std::string lower = mnem.text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    // "rep; nop" is how older kernels spell pause (same encoding, f3 90).
    bool rep = lower == "rep" || lower == "repz" || lower == "repe";
    if (rep && rest.empty()) {
      pending_rep_ = mnem;
      return;
    }
    if (rep) {
      mnem = rest[0];
      rest.erase(rest.begin());
      lower = mnem.text;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    }
    if (pending_rep_) {
      rep = true;
      pending_rep_.reset();
    }
    if (rep) {
      if (lower != "nop" || !rest.empty()) fail(mnem, "the rep prefix is only supported on nop (rep; nop is pause)");
      lower = "pause";
    }
    if (lower == "lock" || lower == "repne" || lower == "repnz")
      fail(mnem, "prefix '" + mnem.text + "' is not supported here");
    auto m = decode_mnemonic(lower);
    if (!m) fail(mnem, "unknown instruction '" + mnem.text + "'");
    if (section_ != kText) fail(mnem, "instruction '" + mnem.text + "' outside .text");
    if (pending_.size() >= kMaxInstructions)
      fail(mnem, "more than the limit of " + std::to_string(kMaxInstructions) + " instructions in one program");
    std::vector<ParsedOperand> ops;
    for (auto& a : split_args(rest)) ops.push_back(parse_operand(a));
    PendingInstr p{cur_, chunk().size(), mnem, Instr{}, std::move(ops)};
    mnem.text = lower;
    check_operands(file().name, mnem, *m, p.operands, lock, p.instr);
    p.instr.location = SourceLocation{cur_, mnem.line, mnem.column};
    chunk().push_back(0x90);
    pending_.push_back(std::move(p));
  }

  RegRef address_register(const Token& t) const {
    auto r = parse_register(t.text);
    if (!r) fail(t, "unknown register '%" + t.text + "'");
    if (r->size != 8) fail(t, "address register '%" + t.text + "' must be a 64-bit register");
    return *r;
  }

  ParsedOperand parse_operand(std::vector<Token> toks) {
    ParsedOperand o;
    o.at = toks[0];
    size_t i = 0;
    bool overridden = false;  // a segment override precedes the operand
    if (toks[i].punct("*")) {
      o.indirect = true;
      if (++i >= toks.size()) fail(toks[0], "expected an operand after '*'");
    }
    if (toks[i].punct("$")) {
      if (i + 1 >= toks.size()) fail(toks[i], "expected a value after '$'");
      o.kind = OperandKind::Imm;
      o.value.tokens.assign(toks.begin() + static_cast<long>(i) + 1, toks.end());
      return o;
    }
    if (toks[i].kind == TokenKind::Register) {
      bool segment = i + 1 < toks.size() && toks[i + 1].punct(":");
      if (segment) {
        overridden = true;
        // In 64-bit mode only %fs and %gs have a base; %cs, %ds, %es and
        // %ss overrides (LLVM pads with "nopw %cs:0(%rax,%rax,1)") are base 0.
        if (toks[i].text == "gs") o.mem.segment = Segment::Gs;
        else if (toks[i].text == "fs") o.mem.segment = Segment::Fs;
        else if (toks[i].text != "cs" && toks[i].text != "ds" && toks[i].text != "es" && toks[i].text != "ss")
          fail(toks[i], "unknown segment register '%" + toks[i].text + "' (expected %cs, %ds, %es, %fs, %gs or %ss)");
        i += 2;
        if (i >= toks.size()) fail(toks[i - 1], "expected a memory operand after the segment override");
      } else {
        if (toks.size() != i + 1) fail(toks[i + 1], "unexpected '" + toks[i + 1].text + "' after register");
        auto r = parse_register(toks[i].text);
        if (!r) fail(toks[i], "unknown register '%" + toks[i].text + "'");
        o.kind = OperandKind::Reg;
        o.reg = *r;
        return o;
      }
    }
    // Memory: [disp] [( [base] [, index [, scale]] )], or a bare expression.
    o.kind = OperandKind::Mem;
    size_t paren = toks.size();
    if (toks.back().punct(")")) {
      int depth = 0;
      for (size_t k = toks.size(); k-- > i;) {
        if (toks[k].punct(")")) ++depth;
        if (toks[k].punct("(")) --depth;
        if (depth == 0) {
          paren = k;
          break;
        }
      }
      // "(1+2)" is an expression, not an address: an address starts with a
      // register or a comma.
      if (paren + 1 < toks.size() && toks[paren + 1].kind != TokenKind::Register && !toks[paren + 1].punct(","))
        paren = toks.size();
    }
    o.value.tokens.assign(toks.begin() + static_cast<long>(i), toks.begin() + static_cast<long>(paren));
    if (paren == toks.size()) {
      if (o.value.empty()) fail(toks[0], "expected an operand");
      o.bare = !overridden && !o.indirect;
      return o;
    }
    std::vector<Token> inner(toks.begin() + static_cast<long>(paren) + 1, toks.end() - 1);
    std::vector<std::vector<Token>> parts(1);
    for (const Token& t : inner) {
      if (t.punct(",")) parts.emplace_back();
      else parts.back().push_back(t);
    }
    if (parts.size() > 3) fail(toks[paren], "too many parts in memory operand (expected base, index, scale)");
    if (!parts[0].empty()) {
      if (parts[0].size() != 1 || parts[0][0].kind != TokenKind::Register)
        fail(parts[0][0], "expected a base register, found '" + parts[0][0].text + "'");
      if (parts[0][0].text == "rip") {
        o.rip_relative = true;
      } else {
        o.mem.base = static_cast<int8_t>(address_register(parts[0][0]).gpr);
      }
    }
    if (parts.size() >= 2) {
      if (parts[1].size() != 1 || parts[1][0].kind != TokenKind::Register)
        fail(parts[1].empty() ? toks[paren] : parts[1][0], "expected an index register in memory operand");
      RegRef idx = address_register(parts[1][0]);
      if (idx.gpr == RSP) fail(parts[1][0], "%rsp cannot be an index register");
      if (o.rip_relative) fail(parts[1][0], "%rip-relative addressing takes no index register");
      o.mem.index = static_cast<int8_t>(idx.gpr);
    }
    if (parts.size() == 3) {
      if (parts[2].empty()) fail(toks[paren], "expected a scale after the index register");
      int64_t s = constant(parts[2], parts[2][0]);
      if (s != 1 && s != 2 && s != 4 && s != 8) fail(parts[2][0], "scale must be 1, 2, 4 or 8, found " + std::to_string(s));
      o.mem.scale = static_cast<uint8_t>(s);
    }
    return o;
  }

  // ----------------------------------------------------------------- linking
  void collect_globals() {
    for (uint32_t f = 0; f < files_.size(); ++f) {
      for (const auto& [name, tok] : files_[f].globals) {
        if (!files_[f].symbols.count(name)) continue;  // an import, resolved elsewhere
        if (auto it = global_owner_.find(name); it != global_owner_.end()) {
          cur_ = f;
          fail(tok, "global symbol '" + name + "' is also defined in " + files_[it->second].name);
        }
        global_owner_[name] = f;
      }
    }
  }

  void layout() {
    std::array<Section*, 3> sections{&program_.text, &program_.data, &program_.bss};
    for (int s = 0; s < 3; ++s) {
      uint64_t offset = 0;
      for (auto& f : files_) {
        offset = align_up(offset, f.max_align[s]);
        f.chunk_base[s] = offset;
        offset += f.chunks[s].size();
      }
      if (offset > kMaxSectionBytes)
        throw InputError(std::string("the program's ") + (s == 0 ? ".text" : s == 1 ? ".data" : ".bss") +
                         " would exceed " + section_limit());
      sections[s]->bytes.assign(offset, 0);
      for (auto& f : files_)
        std::copy(f.chunks[s].begin(), f.chunks[s].end(), sections[s]->bytes.begin() + static_cast<long>(f.chunk_base[s]));
    }
    program_.text.base = Program::kTextBase;
    // Data starts on the page after the code, bss after data on a cache-line
    // boundary (or the largest alignment its contents ask for).
    program_.data.base = align_up(program_.text.end() + 1, 0x1000);
    uint64_t bss_align = 64;
    for (auto& f : files_) bss_align = std::max(bss_align, f.max_align[kBss]);
    program_.bss.base = align_up(program_.data.end(), bss_align);
    for (auto& f : files_) program_.files.push_back(f.name);
    for (const auto& text : texts_) {
      std::vector<std::string> lines;
      std::string line;
      std::istringstream in(text);
      while (std::getline(in, line)) lines.push_back(line);
      program_.source_lines.push_back(std::move(lines));
    }
  }

  uint64_t section_base(SectionIndex s) const {
    return s == kText ? program_.text.base : s == kData ? program_.data.base : program_.bss.base;
  }

  int64_t evaluate_symbol(uint32_t f, FileSymbol& sym) {
    if (!sym.is_equ) return static_cast<int64_t>(section_base(sym.section) + files_[f].chunk_base[sym.section] + sym.offset);
    if (sym.resolving) {
      uint32_t saved = cur_;
      cur_ = f;
      fail(sym.def, "'" + sym.def.text + "' is defined in terms of itself");
      cur_ = saved;
    }
    if (equ_depth_ >= kMaxExprDepth) {
      cur_ = f;
      fail(sym.def, "'" + sym.def.text + "' is defined through more than " + std::to_string(kMaxExprDepth) +
                        " levels of .equ/.set");
    }
    sym.resolving = true;
    ++equ_depth_;
    uint32_t saved = cur_;
    cur_ = f;
    int64_t v = evaluate(files_[f].name, sym.equ, [this, f](const Token& t) { return resolve(f, t); });
    cur_ = saved;
    --equ_depth_;
    sym.resolving = false;
    return v;
  }

  bool defined(uint32_t f, const std::string& name) const {
    return files_[f].symbols.count(name) || global_owner_.count(name);
  }

  std::optional<int64_t> resolve(uint32_t f, const Token& t) {
    if (auto it = files_[f].symbols.find(t.text); it != files_[f].symbols.end()) return evaluate_symbol(f, it->second);
    if (auto g = global_owner_.find(t.text); g != global_owner_.end())
      return evaluate_symbol(g->second, files_[g->second].symbols.at(t.text));
    uint32_t saved = cur_;
    cur_ = f;
    if (t.text.find(kLocalMarker) != std::string::npos)
      fail(t, "local label '" + t.text.substr(0, t.text.find(kLocalMarker)) + "f' has no later definition");
    fail(t, "undefined symbol '" + t.text + "'");
    cur_ = saved;
  }

  int64_t eval(uint32_t f, const Expr& e) {
    cur_ = f;
    return evaluate(files_[f].name, e, [this, f](const Token& t) { return resolve(f, t); });
  }

  void link() {
    // Code addresses, and the index of the instruction at each text offset.
    program_.code_index_by_offset.assign(program_.text.bytes.size(), -1);
    for (auto& p : pending_) {
      p.instr.address = program_.text.base + files_[p.file].chunk_base[kText] + p.offset;
      program_.code_index_by_offset[p.instr.address - program_.text.base] = static_cast<int64_t>(program_.code.size());
      program_.code.push_back(p.instr);
    }
    for (size_t k = 0; k < pending_.size(); ++k) resolve_operands(pending_[k], program_.code[k]);
    for (uint32_t f = 0; f < files_.size(); ++f) apply_fixups(f);
    export_symbols();
  }

  void resolve_operands(PendingInstr& p, Instr& instr) {
    cur_ = p.file;
    for (size_t i = 0; i < p.operands.size(); ++i) {
      ParsedOperand& po = p.operands[i];
      size_t slot = i;
      if (po.kind == OperandKind::Imm) {
        int64_t v = eval(p.file, po.value);
        check_immediate(files_[p.file].name, instr, po, v);
        instr.operands[slot].imm = v;
      } else if (po.kind == OperandKind::Mem) {
        bool direct_branch = (instr.op == Op::Jcc || instr.op == Op::Jmp || instr.op == Op::Call) && !instr.indirect;
        if (direct_branch && instr.op == Op::Call && po.bare && po.value.tokens.size() == 1 &&
            !defined(p.file, po.value.tokens[0].text)) {
          // A call of an undefined name: a kernel service, or an error.
          const std::string& name = po.value.tokens[0].text;
          if (auto service = service_named(name)) {
            instr.service = *service;
            continue;
          }
          if (name.starts_with("__"))
            fail(po.at, "unknown kernel service '" + name + "' (services: " + service_names() + ")");
        }
        int64_t v = po.value.empty() ? 0 : eval(p.file, po.value);
        if (direct_branch) {
          int64_t index = program_.code_index(static_cast<uint64_t>(v));
          if (index < 0) fail(po.at, "branch target '" + display_name(po.value.tokens[0].text) + "' is not an instruction");
          instr.target = static_cast<uint32_t>(index);
          continue;
        }
        bool absolute = po.mem.base < 0 && po.mem.index < 0 && !po.rip_relative;
        if (absolute && po.mem.segment == Segment::None && (v < INT32_MIN || v > INT32_MAX))
          fail(po.at, "absolute address " + std::to_string(v) + " does not fit in a signed 32-bit displacement");
        if (!po.rip_relative && !absolute && (v < INT32_MIN || v > INT32_MAX))
          fail(po.at, "displacement " + std::to_string(v) + " does not fit in 32 bits");
        instr.operands[slot].mem.disp = v;
      }
    }
  }

  void apply_fixups(uint32_t f) {
    for (const auto& fx : files_[f].fixups) {
      int64_t v = eval(f, fx.expr);
      if (fx.size < 8) {
        int64_t lo = -(int64_t{1} << (fx.size * 8 - 1)), hi = (int64_t{1} << (fx.size * 8)) - 1;
        if (v < lo || v > hi)
          fail(fx.expr.tokens[0], "value " + std::to_string(v) + " does not fit in '" + fx.directive + "' (" +
                                      std::to_string(fx.size * 8) + " bits)");
      }
      Section& s = fx.section == kText ? program_.text : program_.data;
      uint64_t at = files_[f].chunk_base[fx.section] + fx.offset;
      for (uint8_t b = 0; b < fx.size; ++b) s.bytes[at + b] = static_cast<uint8_t>(static_cast<uint64_t>(v) >> (8 * b));
    }
  }

  void export_symbols() {
    for (uint32_t f = 0; f < files_.size(); ++f) {
      for (auto& [name, sym] : files_[f].symbols) {
        if (name.find(kLocalMarker) != std::string::npos || sym.section == kDiscard) continue;
        bool global = global_owner_.count(name) && global_owner_[name] == f;
        Symbol out{name, static_cast<uint64_t>(evaluate_symbol(f, sym)),
                   sym.section == kText ? SectionKind::Text : sym.section == kData ? SectionKind::Data : SectionKind::Bss,
                   !sym.is_equ, SourceLocation{f, sym.def.line, sym.def.column}};
        // A global always wins the plain name; a file-local symbol takes it
        // only if no other file claimed it first.
        if (global || !program_.symbols.count(name)) program_.symbols[name] = out;
        if (!sym.is_equ && sym.section != kText) program_.data_labels.push_back(out);
      }
    }
    std::stable_sort(program_.data_labels.begin(), program_.data_labels.end(),
                     [](const Symbol& a, const Symbol& b) { return a.address < b.address; });
  }

  std::vector<FileState> files_;
  std::vector<std::string> texts_;
  std::vector<PendingInstr> pending_;
  std::map<std::string, uint32_t> global_owner_;
  uint32_t cur_ = 0;
  unsigned equ_depth_ = 0;  // .equ symbols being evaluated, one inside another
  SectionIndex section_ = kText, previous_section_ = kText;
  std::vector<SectionIndex> section_stack_;
  std::optional<Token> pending_lock_, pending_rep_;
  Program program_;
};

}  // namespace

Program assemble(const std::vector<SourceFile>& sources) { return Assembler().run(sources); }

Program assemble_files(const std::vector<std::string>& paths) {
  std::vector<SourceFile> sources;
  for (const auto& path : paths) sources.push_back(SourceFile{path, read_input_file(path, "assembly file")});
  return assemble(sources);
}

uint32_t find_entry(const Program& program, const std::string& symbol) {
  auto it = program.symbols.find(symbol);
  if (it == program.symbols.end()) {
    std::string known;
    for (const auto& [name, sym] : program.symbols)
      if (sym.section == SectionKind::Text && sym.is_label) known += (known.empty() ? "" : ", ") + name;
    throw InputError("unknown entry symbol '" + symbol + "'" + (known.empty() ? "" : " (code labels: " + known + ")"));
  }
  int64_t index = program.code_index(it->second.address);
  if (!it->second.is_label || index < 0)
    throw InputError(program.files[it->second.location.file], it->second.location.line, it->second.location.column,
                     "entry symbol '" + symbol + "' is not an instruction in .text");
  return static_cast<uint32_t>(index);
}

}  // namespace locksim::cpu
