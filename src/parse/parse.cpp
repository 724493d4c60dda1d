#include "citizenscan/parse.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

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

struct Deadline {
  std::chrono::steady_clock::time_point end;
};

bool past_deadline(TSParseState* state) {
  const auto* deadline = static_cast<const Deadline*>(state->payload);
  return std::chrono::steady_clock::now() >= deadline->end;
}

}  // namespace

ParseOutcome Parser::parse(std::string_view source, unsigned budget_ms) {
  ParseOutcome outcome;
  if (source.size() > UINT32_MAX) {
    outcome.error = "file too large for the parser";
    return outcome;
  }
  TSTree* tree = nullptr;
  if (budget_ms == 0) {
    tree = ts_parser_parse_string(parser_.get(), nullptr, source.data(),
                                  static_cast<uint32_t>(source.size()));
  } else {
    Deadline deadline{std::chrono::steady_clock::now() + std::chrono::milliseconds(budget_ms)};
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
      outcome.error = "parse budget of " + std::to_string(budget_ms) + " ms exceeded";
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
  return outcome;
}

ParseOutcome Parser::parse_range(std::string_view source, std::uint32_t start, std::uint32_t end,
                                 unsigned budget_ms) {
  ParseOutcome outcome;
  if (source.size() > UINT32_MAX || start > end || end > source.size()) {
    outcome.error = "embedded region outside the file";
    return outcome;
  }
  auto point_at = [&](std::uint32_t byte) {
    const std::string_view before = source.substr(0, byte);
    const std::size_t newline = before.rfind('\n');
    const auto row = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n'));
    const auto column = static_cast<std::uint32_t>(newline == std::string_view::npos ? byte : byte - newline - 1);
    return TSPoint{row, column};
  };
  const TSRange range{point_at(start), point_at(end), start, end};
  if (!ts_parser_set_included_ranges(parser_.get(), &range, 1)) {
    outcome.error = "the parser rejected the embedded region";
    return outcome;
  }
  outcome = parse(source, budget_ms);
  ts_parser_set_included_ranges(parser_.get(), nullptr, 0);  // the next file is parsed whole
  return outcome;
}

std::string tree_sexp(const TSTree* tree) {
  char* raw = ts_node_string(ts_tree_root_node(tree));
  std::string text(raw);
  std::free(raw);  // ts_node_string's result is malloc'ed and ours to free
  return text;
}

}  // namespace citizenscan
