// parse: tree-sitter with ownership made explicit. Each TS* handle is wrapped in a move-only RAII
// type; a Parser is owned by one worker thread and reused across files of its grammar.
//
//   citizenscan::Parser parser(citizenscan::Grammar::Python);
//   citizenscan::ParseOutcome out = parser.parse(source_bytes, /*budget_ms=*/2000);
//   if (out.tree) { TSNode root = ts_tree_root_node(out.tree.get()); ... }
//   else std::cerr << out.error;   // "parse budget of 2000 ms exceeded"
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include <tree_sitter/api.h>

#include "citizenscan/core.h"

namespace citizenscan {

// The compiled-in grammar for `grammar` (nullptr for Grammar::None).
const TSLanguage* ts_language_for(Grammar grammar);

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

struct QueryDeleter {
  void operator()(TSQuery* query) const { ts_query_delete(query); }
};
using QueryPtr = std::unique_ptr<TSQuery, QueryDeleter>;

struct QueryCursorDeleter {
  void operator()(TSQueryCursor* cursor) const { ts_query_cursor_delete(cursor); }
};
using QueryCursorPtr = std::unique_ptr<TSQueryCursor, QueryCursorDeleter>;

struct ParseOutcome {
  TreePtr tree;        // null when parsing failed or ran out of budget
  std::string error;   // why, when tree is null
  bool has_syntax_errors = false;  // the tree contains ERROR/MISSING nodes (still usable)
  // Nested deeper than tree-sitter queries can see (their match state keeps the depth in 16
  // bits): a query cannot match below kMaxQueryDepth, so findings there would be missed silently.
  bool deeper_than_queries_reach = false;
};
inline constexpr std::uint32_t kMaxQueryDepth = 65535;

class Parser {
 public:
  // Throws std::runtime_error if the grammar's ABI does not match the core library.
  explicit Parser(Grammar grammar);
  Parser(Parser&&) noexcept = default;
  Parser& operator=(Parser&&) noexcept = default;

  // budget_ms == 0 means no limit. After a cancelled parse the parser is reset for the next file.
  ParseOutcome parse(std::string_view source, unsigned budget_ms);
  // Parses only the given pieces of source (an embedded region; the tree's offsets are those of
  // `source`), in order and not overlapping, as one text (tree-sitter
  // included ranges: the bytes between pieces are skipped, so a token can run from the end of one
  // piece into the next, as Python's "a" "b" runs together). Empty pieces are left out.
  ParseOutcome parse_ranges(std::string_view source, std::span<const ByteRange> pieces, unsigned budget_ms);
  Grammar grammar() const { return grammar_; }
  // Parses give up (no tree) as soon as *stop is true: an interrupted scan does not wait for a big file.
  void set_stop_flag(const std::atomic<bool>* stop) { stop_ = stop; }

 private:
  struct ParserDeleter {
    void operator()(TSParser* parser) const { ts_parser_delete(parser); }
  };
  std::unique_ptr<TSParser, ParserDeleter> parser_;
  Grammar grammar_;
  const std::atomic<bool>* stop_ = nullptr;
};

// The S-expression of a tree (for `citizenscan parse`, rule authors and tests).
std::string tree_sexp(const TSTree* tree);

}  // namespace citizenscan
