// The compiled form of rule packs, shared read-only by every worker. Built once by RuleSet's
// loader (src/rules/load.cpp), read by match (src/match/). Not part of the public API.
#pragma once

#include <array>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "citizenscan/parse.h"
#include "citizenscan/prefilter.h"
#include "citizenscan/rules.h"

namespace citizenscan::detail {

using LanguageMask = std::uint32_t;
inline LanguageMask language_bit(Language language) {
  return LanguageMask{1} << static_cast<unsigned>(language);
}

// A predicate from a query, typed once at load time. Names: [any-][not-]eq?, [any-][not-]match?,
// [not-]any-of?. For quantified captures every node must pass, or one node with the any- form.
struct Predicate {
  enum class Op : std::uint8_t { Eq, Match, AnyOf };
  Op op = Op::Eq;
  bool negate = false;
  bool any = false;
  std::uint32_t capture = 0;
  int other_capture = -1;            // #eq? @a @b
  std::vector<std::string> values;   // #eq? @a "x", #any-of? @a "x" "y"
  std::shared_ptr<const RE2> regex;  // #match?
};

// A regex with backreferences `(?P=name)` to other captures: the pattern is the literal pieces
// with each referenced capture's text (quoted with RE2::QuoteMeta) in between, built per match.
struct RegexTemplate {
  std::vector<std::string> pieces;  // pieces.size() == captures.size() + 1
  std::vector<int> captures;
};

// A check on the value of one capture (a string literal is unquoted first).
struct ValueCheck {
  // orgDomain: the mail domains in the value (of every address in it, or the value itself when it
  // is a host name) compared with the scan's organisation domains. Both forms fail when the scan
  // knows no organisation domain.
  enum class OrgDomain : std::uint8_t { Any, Outside, Inside };
  enum class Checksum : std::uint8_t { None, Luhn, Iban, Ssn, Crc32Base62 };
  int capture = -1;  // query capture id, or regex group number
  std::size_t min_length = 0;
  std::size_t max_length = SIZE_MAX;
  double min_entropy = 0.0;
  bool reject_placeholders = false;
  Checksum checksum = Checksum::None;  // "luhn" | "iban-mod97" | "ssn-valid" | "crc32-base62"
  std::shared_ptr<const RE2> must_match;
  std::shared_ptr<const RE2> must_not_match;
  // "strip": its matches (string literals, comments) are blanked before match / notMatch
  std::shared_ptr<const RE2> strip;
  OrgDomain org_domain = OrgDomain::Any;
  std::shared_ptr<const RegexTemplate> must_match_template;      // match / notMatch with (?P=name)
  std::shared_ptr<const RegexTemplate> must_not_match_template;
};

// Ancestor / descendant constraints, never crossing a function boundary; or Definition: the
// first node in the file of one of the kinds whose `name` field has the capture's text (a call's
// callee -> the function it calls); or Binding: the value last bound to the capture's name before
// it in the same function (`row = [name, ssn]` ... `sheet.appendRow(row)` -> the list).
struct StructuralCheck {
  enum class Kind : std::uint8_t { Inside, NotInside, Contains, NotContains, Definition, Binding, NotBinding };
  Kind kind = Kind::Inside;
  int capture = -1;
  std::vector<TSSymbol> symbols;         // node kinds, resolved in the grammar
  std::shared_ptr<const RE2> text;       // inside, contains, binding: the node's (value's) text must also match
  int before = -1;                       // contains: only descendants that end before this capture starts
  std::vector<std::string> kind_names;   // for messages
  int bind = -1;                         // "as": capture id the found node is bound to
  bool optional = false;                 // with "as": not finding the node leaves it unbound
  TSFieldId name_field = 0;              // Definition: the grammar's `name` field
  // Binding: where a binding node holds its target (`left`, else `name`) and its value (`right`,
  // else `value`): assignments, declarators, `for` loops, walrus.
  std::array<TSFieldId, 2> target_fields{};
  std::array<TSFieldId, 2> value_fields{};
};

// "name.field": the child in `field` of capture `base`, looked up when first needed.
struct FieldCapture {
  int id = -1;
  int base = -1;
  TSFieldId field = 0;
};

// One piece of a message template: literal text or a capture's text.
// A pack's "labels" table: the label of the first pattern that matches a capture's text.
struct LabelTable {
  std::vector<std::pair<std::shared_ptr<const RE2>, std::string>> entries;
};

// One piece of a message template: literal text, a capture's text ({name}), or the label a
// table gives the capture's text ({name|table}).
struct MessagePart {
  std::string literal;
  int capture = -1;  // -1: literal (or the holder, below)
  std::shared_ptr<const LabelTable> labels;
  // `{@holder?TEMPLATE|FALLBACK}`: the name of the assignment target, keyword argument or key
  // holding the finding's value; TEMPLATE (each `%` = the name, empty = the name itself) when
  // there is one, FALLBACK when not.
  bool holder = false;
  std::string holder_template;
  std::string holder_fallback;
};

// "refine": when all its value checks pass, the finding takes this severity and/or message instead
// of the rule's (the first refinement that applies wins). Used for what makes a finding worse (a
// recipient outside the organisation) and for messages that name facts only some matches have.
struct Refinement {
  std::vector<ValueCheck> checks;
  std::optional<Severity> severity;  // none: the rule's severity
  std::vector<MessagePart> message;  // empty: the matcher's message
};
struct QueryMatcher {
  Grammar grammar = Grammar::None;
  LanguageMask languages = 0;
  // Only for matchers that run on their own (embedded ones, or when a grammar's combined query
  // could not be built); otherwise null: the matcher's patterns live in the combined query.
  std::shared_ptr<TSQuery> query;
  std::vector<std::vector<Predicate>> predicates;  // by pattern index
  int report_capture = -1;  // location; default: the secret capture, else the first capture
  int secret_capture = -1;
  std::vector<ValueCheck> checks;
  std::vector<StructuralCheck> structure;
  std::vector<MessagePart> message;
  std::vector<Refinement> refinements;
  int first_bound_capture = 0;  // ids >= this are bound by `where` or are field captures
  std::vector<FieldCapture> field_captures;
  std::string expanded_text;  // the query text after {{definitions}}, for the combined query
  PiiSensitivity sensitivity = PiiSensitivity::Low;  // "sensitivity": runs when the scan's level >= this
};

// "block": a group of a regex matcher extended to a balanced block or one statement, for code
// the grammar does not parse (T-SQL BEGIN ... END, PL/pgSQL LOOP ... END LOOP). The four token
// patterns are one regex, `(skip)|(close)|(open)|(end)`: at one place the earlier kind wins.
struct BlockExtent {
  int group = -1;                     // the regex group whose start is where the block begins
  std::shared_ptr<const RE2> tokens;  // the combined token pattern
  std::array<int, 4> kind_group{-1, -1, -1, -1};  // group in `tokens` of skip, close, open, end (-1: none)
};

struct RegexMatcher {
  LanguageMask languages = 0;
  std::unique_ptr<RE2> regex;
  std::shared_ptr<const RE2> within;  // "within": the reported span must lie inside one of its matches
  std::optional<BlockExtent> block;
  int secret_group = -1;
  int report_group = -1;  // default: the whole match
  std::vector<ValueCheck> checks;
  std::vector<MessagePart> message;
  std::vector<Refinement> refinements;
  PiiSensitivity sensitivity = PiiSensitivity::Low;  // "sensitivity": runs when the scan's level >= this
};

struct CompiledRule {
  LanguageMask languages = 0;
  std::optional<Severity> test_severity;  // "testSeverity": the level of findings in test files
  Prefilter::LiteralGroups literals;  // all groups, any literal of each (empty: always a candidate)
  std::vector<std::string> yields_to;  // rule ids or "pack/*": drop this finding if one overlaps
  std::vector<QueryMatcher> queries;
  std::vector<RegexMatcher> regexes;
  // Has a query matcher for this grammar and language: decides whether a file needs parsing.
  bool needs_tree(Language language) const;
};

// All query matchers of one grammar compiled into one TSQuery, so a file's tree is walked once
// instead of once per matcher. Each combined pattern knows its matcher and how the combined
// capture ids map to the matcher's own ids (its predicates and checks use those).
struct CombinedQuery {
  struct Owner {
    std::uint32_t rule = 0;
    std::uint32_t matcher = 0;        // index into rules[rule].queries, or into embedded
    bool embedded = false;            // an "embedded" entry: its matches are regions, not findings
    std::uint32_t first_pattern = 0;  // the matcher's pattern 0 in the combined query
    std::vector<int> capture_map;     // combined capture id -> matcher capture id (-1: none)
    std::vector<std::uint32_t> twins;  // owners with the same query text, sharing these patterns
  };
  std::shared_ptr<TSQuery> query;  // null: run the matchers one by one
  std::vector<std::uint32_t> pattern_owner;  // combined pattern index -> index into owners
  std::vector<Owner> owners;
};

// Node kinds where "the same function" ends, per grammar, and the grammar's combined query,
// built on first use (a pre-commit run on Python files never compiles the SQL one).
struct GrammarInfo {
  std::vector<TSSymbol> function_boundaries;
  mutable std::once_flag once;
  mutable CombinedQuery combined;
  mutable std::exception_ptr error;  // the compile failed: every later use sees the same error
};

// Query matchers read from the packs whose tree-sitter queries are not compiled yet (see
// load.cpp: one ts_query_new per grammar, on first use for the built-in packs).
struct PendingQueries;

// A pack's "embedded" entry: a query matcher in a host language whose report capture is text in
// another language (SQL in a string passed to execute()); scan parses that span with the other
// grammar and runs the other language's rules on it.
// How an embedded entry's reported node splits into text and holes ("pieces" in the pack).
struct EmbeddedPieces {
  std::vector<TSSymbol> text;     // host kinds whose bytes are the embedded text; their named children are holes
  std::vector<TSSymbol> through;  // host kinds the walk enters; any other named node is a hole
  std::shared_ptr<const RE2> placeholder;  // in the text: each match of its first group is a hole
  // A hole strictly inside a node of the embedded tree of one of these kinds whose text matches
  // `harmless_text` cannot change the statement's structure (a value inside an SQL string).
  std::vector<TSSymbol> harmless;
  std::shared_ptr<const RE2> harmless_text;
  std::string separator;  // the embedded language's statement separator token (";"); empty: one statement
};

struct EmbeddedMatcher {
  Language language = Language::Sql;  // the language of the embedded text
  QueryMatcher matcher;
  std::shared_ptr<const EmbeddedPieces> pieces;  // null: the reported span is the text, whole
};

struct CompiledRules {
  std::vector<RuleInfo> infos;
  std::vector<EmbeddedMatcher> embedded;
  std::vector<CompiledRule> rules;  // parallel to infos
  Prefilter prefilter;
  std::array<GrammarInfo, kGrammarCount> grammars;
  std::shared_ptr<PendingQueries> pending;
  // Per rule: its regex matchers are compiled once (compile_regexes), and a failure is kept.
  std::unique_ptr<std::once_flag[]> regex_once;
  std::unique_ptr<std::exception_ptr[]> regex_error;
};

// The combined query of `grammar`. On the first call (thread-safe) this compiles every query
// matcher of the grammar, the rules' and the embedded ones, and completes their QueryMatcher
// (captures, predicates, checks, messages); until then a matcher holds only its grammar,
// languages, sensitivity and query text. Throws RuleLoadError if a query does not compile.
const CombinedQuery& combined_query(const CompiledRules& rules, Grammar grammar);

// Completes the regex matchers of rule `index` on the first call (thread-safe): until then each
// holds only its languages and sensitivity. RE2 compiles a pattern in its constructor, and the
// credential patterns alone cost more than the rest of loading, while a small scan (a pre-commit
// run) has few rules whose literals occur at all. Throws RuleLoadError for a bad pattern.
void compile_regexes(const CompiledRules& rules, std::uint32_t index);

// Compiles every grammar's queries and every rule's regexes now (what loading does for packs
// other than the built-in ones, so that their errors come before any scanning).
void compile_all_matchers(const CompiledRules& rules);

// The built-in packs (generated from rules/*.json by the build).
const std::vector<std::pair<std::string_view, std::string_view>>& builtin_packs();

}  // namespace citizenscan::detail
