// match: run the rules that survived the prefilter over one file: tree-sitter queries with
// host-evaluated predicates, raw-text RE2 patterns, value checks (length, entropy, placeholders)
// and structural checks (inside / contains, within one function).
//
//   citizenscan::MatchWorkspace workspace;  // one per worker: query cursor and scratch buffers
//   citizenscan::MatchInput input{text, Language::Python, lines, tree.get()};
//   citizenscan::match_file(rules, candidates, input, {}, workspace, findings);
//
// Findings come back with rule, region, message, redacted snippet and fingerprint; the caller
// fills in the path fields. Secrets are redacted here, before anything leaves the stage.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "citizenscan/core.h"
#include "citizenscan/load.h"
#include "citizenscan/rules.h"

namespace citizenscan {

struct MatchInput {
  std::string_view text;
  Language language;
  const LineIndex& lines;
  const TSTree* tree = nullptr;  // null: only raw-text matchers run
  bool test_file = false;        // a test or fixture (is_test_path): rules' testSeverity applies
  bool embedded = false;         // `tree` covers only an embedded region: raw-text matchers do not run
};

// Text in another language inside a host file (SQL in a string passed to execute()), found by the
// packs' "embedded" matchers. Its text is the host bytes of `pieces` in order: one piece for a plain
// literal; several for an f-string, a template literal or a `+` concatenation, whose `holes` (the
// interpolations, the operands that are not literals, format placeholders, escape sequences) hold
// text known only at run time. Parse the pieces on their own (Parser::parse_ranges) and match with
// `language` and MatchInput::embedded set: node offsets stay those of the host file; then
// drop_findings_at_holes.
struct EmbeddedRegion {
  std::uint32_t start = 0;  // from the first piece or hole to the end of the last
  std::uint32_t end = 0;
  Language language = Language::Sql;
  std::vector<ByteRange> pieces;  // in order, not empty, not overlapping
  std::vector<ByteRange> holes;   // in order, between or around the pieces
  std::uint32_t entry = 0;        // the embedded matcher that found it
};

struct MatchOptions {
  bool show_secrets = false;  // --show-secrets: the only way a full secret reaches any output
  std::span<const std::string> org_domains;  // normalized (normalize_org_domain); empty: unknown
  // When set (one slot per rule): nanoseconds spent per rule are added here: a query match's
  // predicates and checks go to the rule it belongs to, a regex rule's search over the text to it.
  std::uint64_t* rule_ns = nullptr;
  // With rule_ns: the time tree-sitter's query cursor spends walking the tree to the next match,
  // and the time spent finding embedded text in those matches. One walk serves every query rule
  // of the grammar, so it belongs to no single rule.
  std::uint64_t* query_walk_ns = nullptr;
  // When set, for a host file (not embedded input): the regions of embedded text, as
  // find_embedded gives them, found in the same tree walk as the rules' matches.
  std::vector<EmbeddedRegion>* embedded_regions = nullptr;
  // config `piiSensitivity`: matchers with a higher "sensitivity" do not run
  PiiSensitivity sensitivity = PiiSensitivity::Medium;
  // When set: every secret span the rules found in the file (byte offsets, kept findings or not) is
  // appended here, for finish_snippets.
  std::vector<std::pair<std::uint32_t, std::uint32_t>>* secret_spans = nullptr;
};

class MatchWorkspace {
 public:
  MatchWorkspace();
  MatchWorkspace(MatchWorkspace&&) noexcept;
  MatchWorkspace& operator=(MatchWorkspace&&) noexcept;
  ~MatchWorkspace();
  struct State;
  State& state() { return *state_; }

 private:
  std::unique_ptr<State> state_;
};

void match_file(const RuleSet& rules, const std::vector<std::uint32_t>& candidates,
                const MatchInput& input, const MatchOptions& options, MatchWorkspace& workspace,
                std::vector<Finding>& out);

// The last step for one file's findings, after every match_file call on it (the host and its
// embedded regions), with every secret span those calls collected (MatchOptions::secret_spans):
// each snippet is rendered again with all of them redacted, so a finding from an embedded SQL
// string does not show a secret that a host rule found on the same line (each match_file call
// only knows its own), and with `context_lines` > 0, Finding::context_before/after get up to that
// many lines around the finding's first line, redacted the same way.
void finish_snippets(std::string_view text, const LineIndex& lines,
                     std::vector<std::pair<std::uint32_t, std::uint32_t>> secret_spans, unsigned context_lines,
                     bool show_secrets, std::vector<Finding>& findings);

// The embedded regions of a parsed host file (sorted, each span once).
void find_embedded(const RuleSet& rules, const MatchInput& input, MatchWorkspace& workspace,
                   std::vector<EmbeddedRegion>& out);

// Findings out[first..] on `region` (parsed as `tree`) whose statement holds a hole that could
// change its structure are removed: a hole outside the entry's harmless nodes (an SQL string
// literal) between the entry's statement separators (`;`) around the finding, or anywhere in the
// region without them (`f"DELETE FROM t {cond}"`: cond could be a WHERE). A finding on a statement
// without such a hole stays (`f"UPDATE t SET name = '{v}'"`). Returns how many were removed.
std::size_t drop_findings_at_holes(const RuleSet& rules, const EmbeddedRegion& region, std::string_view text,
                                   const TSTree* tree, std::vector<Finding>& out, std::size_t first);

// Value helpers, exposed for tests and reuse.
std::string_view unquote_literal(std::string_view text);   // 'x', "x", `x`, r"x", """x""", N'x'
bool looks_like_placeholder(std::string_view value);        // changeme, <your-key>, ${VAR}, xxxx...
double shannon_entropy(std::string_view value);             // bits per byte
std::string redact(std::string_view secret, bool show);     // "AKIA****"
// The name holding the value at [start, end) of a parsed file: the target of the assignment, the
// keyword argument or the dict/object key it is the value of, looking up through at most a few
// string, concatenation and parenthesis nodes (`SLACK_TOKEN = "xoxb-..."`, `f(token="Bearer " + t)`).
// None without a tree, in a comment, a call's positional argument or anything else. `{@holder}` in
// rule messages.
std::optional<std::string> value_holder(const TSTree* tree, std::string_view text, std::uint32_t start,
                                        std::uint32_t end);
// Checksums of identifiers, for value checks ("checksum"). Spaces and dashes are ignored.
bool luhn_valid(std::string_view number);   // payment card numbers: 12-19 digits, Luhn mod 10
bool iban_valid(std::string_view iban);     // CC99 + BBAN, 15-34 characters, ISO 13616 mod 97 == 1
bool us_ssn_valid(std::string_view ssn);    // 9 digits, an area/group/serial the SSA can issue
// Token checksums (no characters ignored): the last 6 characters are the CRC-32 (IEEE) of the rest,
// in base62 (0-9A-Za-z), zero-padded: GitHub's ghp_/gho_/ghu_/ghs_/ghr_ and npm's npm_ token bodies.
bool crc32_base62_valid(std::string_view body);

}  // namespace citizenscan
