#include "citizenscan/parse.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <vector>

#include <time.h>

extern "C" {
const TSLanguage* tree_sitter_python();
const TSLanguage* tree_sitter_javascript();
const TSLanguage* tree_sitter_sql();
}

namespace citizenscan {

const TSLanguage* ts_language_for(Grammar grammar) {
  switch (grammar) {
    case Grammar::Python: return tree_sitter_python();
    case Grammar::JavaScript: return tree_sitter_javascript();
    case Grammar::Sql: return tree_sitter_sql();
    case Grammar::None: break;
  }
  return nullptr;
}

Parser::Parser(Grammar grammar) : parser_(ts_parser_new()), grammar_(grammar) {
  const TSLanguage* language = ts_language_for(grammar);
  if (language == nullptr || !ts_parser_set_language(parser_.get(), language)) {
    throw std::runtime_error("tree-sitter grammar '" + std::string(grammar_name(grammar)) +
                             "' has ABI version " +
                             std::to_string(language ? ts_language_abi_version(language) : 0) +
                             ", which this tree-sitter core cannot load");
  }
}

namespace {

// The CPU time this thread has used, in nanoseconds.
std::uint64_t thread_cpu_ns() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<std::uint64_t>(now.tv_sec) * 1000000000u + static_cast<std::uint64_t>(now.tv_nsec);
}

// When the parse gives up: once the parse has used its budget of CPU time (if any), or once the
// stop flag (if any) is set. CPU time, not wall time: a busy CI runner or a machine shared with
// other scans slows every parse down, and a budget of wall time would then cut short (and make the
// scan incomplete, exit 2) parses that are not pathological at all.
struct Deadline {
  std::optional<std::uint64_t> end_cpu_ns;
  const std::atomic<bool>* stop = nullptr;
  std::uint32_t calls = 0;
};

bool past_deadline(TSParseState* state) {
  auto* deadline = static_cast<Deadline*>(state->payload);
  if (deadline->stop != nullptr && deadline->stop->load(std::memory_order_relaxed)) return true;
  // The thread's CPU clock is a system call; tree-sitter calls this every ~100 parse steps, so
  // reading it every 16th call keeps its cost out of sight and the budget within a millisecond.
  return deadline->end_cpu_ns && (++deadline->calls & 15u) == 0 && thread_cpu_ns() >= *deadline->end_cpu_ns;
}

// Whether any node lies more than `limit` levels below the root (iterative, stops early).
bool tree_depth_exceeds(const TSTree* tree, std::uint32_t limit) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  std::uint32_t depth = 0;
  bool exceeds = false;
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      if (++depth > limit) {
        exceeds = true;
        break;
      }
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return false;
      }
      --depth;
    }
  }
  ts_tree_cursor_delete(&cursor);
  return exceeds;
}

}  // namespace

ParseOutcome Parser::parse(std::string_view source, unsigned budget_ms) {
  ParseOutcome outcome;
  if (source.size() > UINT32_MAX) {
    outcome.error = "file too large for the parser";
    return outcome;
  }
  TSTree* tree = nullptr;
  if (budget_ms == 0 && stop_ == nullptr) {
    tree = ts_parser_parse_string(parser_.get(), nullptr, source.data(),
                                  static_cast<uint32_t>(source.size()));
  } else {
    Deadline deadline{std::nullopt, stop_};
    if (budget_ms != 0) deadline.end_cpu_ns = thread_cpu_ns() + std::uint64_t{budget_ms} * 1000000u;
    TSInput input{};
    struct Source {
      std::string_view text;
    } src{source};
    input.payload = &src;
    input.encoding = TSInputEncodingUTF8;
    input.read = [](void* payload, uint32_t byte, TSPoint, uint32_t* bytes_read) -> const char* {
      const auto* s = static_cast<const Source*>(payload);
      if (byte >= s->text.size()) {
        *bytes_read = 0;
        return "";
      }
      *bytes_read = static_cast<uint32_t>(s->text.size() - byte);
      return s->text.data() + byte;
    };
    TSParseOptions options{};
    options.payload = &deadline;
    options.progress_callback = past_deadline;
    tree = ts_parser_parse_with_options(parser_.get(), nullptr, input, options);
    if (tree == nullptr) {
      ts_parser_reset(parser_.get());
      outcome.error = stop_ != nullptr && stop_->load(std::memory_order_relaxed)
                          ? "parse stopped: the scan was interrupted"
                          : "parse budget of " + std::to_string(budget_ms) + " ms exceeded";
      return outcome;
    }
  }
  if (tree == nullptr) {
    ts_parser_reset(parser_.get());
    outcome.error = "the parser returned no tree";
    return outcome;
  }
  outcome.tree.reset(tree);
  outcome.has_syntax_errors = ts_node_has_error(ts_tree_root_node(tree));
  // Each level of nesting takes at least one byte, so only big files need the walk.
  outcome.deeper_than_queries_reach = source.size() > kMaxQueryDepth && tree_depth_exceeds(tree, kMaxQueryDepth);
  return outcome;
}

ParseOutcome Parser::parse_ranges(std::string_view source, std::span<const ByteRange> pieces, unsigned budget_ms) {
  ParseOutcome outcome;
  if (source.size() > UINT32_MAX) {
    outcome.error = "embedded region outside the file or its pieces out of order";
    return outcome;
  }
  std::vector<TSRange> ranges;
  ranges.reserve(pieces.size());
  // Rows and columns are counted forward from the last piece: pieces come in order.
  std::uint32_t at = 0;
  TSPoint point{0, 0};
  const auto advance_to = [&](std::uint32_t byte) {
    for (; at < byte; ++at) {
      if (source[at] == '\n') {
        ++point.row;
        point.column = 0;
      } else {
        ++point.column;
      }
    }
    return point;
  };
  for (const ByteRange& piece : pieces) {
    if (piece.start > piece.end || piece.end > source.size() || piece.start < at) {
      outcome.error = "embedded region outside the file or its pieces out of order";
      return outcome;
    }
    if (piece.start == piece.end) continue;
    const TSPoint start = advance_to(piece.start);
    const TSPoint end = advance_to(piece.end);
    ranges.push_back({start, end, piece.start, piece.end});
  }
  if (ranges.empty()) {
    outcome.error = "the embedded region is empty";
    return outcome;
  }
  if (!ts_parser_set_included_ranges(parser_.get(), ranges.data(), static_cast<uint32_t>(ranges.size()))) {
    outcome.error = "the parser rejected the embedded region";
    return outcome;
  }
  outcome = parse(source, budget_ms);
  ts_parser_set_included_ranges(parser_.get(), nullptr, 0);  // the next file is parsed whole
  return outcome;
}

// Iterative on purpose: ts_node_string recurses once per level and overflowed the stack on
// 60,000 nested brackets. Same format for named nodes, fields and MISSING nodes, except that an
// error leaf prints as (ERROR) rather than with its unexpected character, and a MISSING token the
// grammar hides (the cursor does not visit hidden nodes) is left out.
std::string tree_sexp(const TSTree* tree) {
  const TSNode root = ts_tree_root_node(tree);
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::string out;
  std::vector<bool> open;  // per level of the cursor: was an opening parenthesis written?
  auto enter = [&] {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    const bool missing = ts_node_is_missing(node);
    const bool shown = ts_node_is_named(node) || missing || open.empty();
    open.push_back(shown);
    if (!shown) return;
    if (!out.empty()) out += ' ';
    const char* field = ts_tree_cursor_current_field_name(&cursor);
    if (field != nullptr && open.size() > 1) out.append(field).append(": ");
    const char* kind = ts_node_type(node);
    if (missing) {
      out += "(MISSING ";
      out += ts_node_is_named(node) ? std::string(kind) : '"' + std::string(kind) + '"';
    } else {
      out += '(';
      out += kind;
    }
  };
  auto leave = [&] {
    if (open.back()) out += ')';
    open.pop_back();
  };
  enter();
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      enter();
      continue;
    }
    for (;;) {
      leave();
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        enter();
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return out;
      }
    }
  }
}

}  // namespace citizenscan
