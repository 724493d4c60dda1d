// report: turn a finished scan into text, JSON or SARIF 2.1.0. Output is deterministic: findings
// and diagnostics are expected sorted (finding_less / diagnostic_less), and nothing here depends on
// timing or thread count.
//
//   citizenscan::ReportInput input{rules.infos(), result.findings, result.diagnostics, result.root};
//   citizenscan::write_sarif(std::cout, input);
//
// Secrets never reach this stage unredacted: snippets and messages were redacted by match.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citizenscan/core.h"
#include "citizenscan/rules.h"

namespace citizenscan {

struct ReportInput {
  const std::vector<RuleInfo>& rules;
  const std::vector<Finding>& findings;  // sorted; suppressed ones carry .suppression
  const std::vector<Diagnostic>& diagnostics;
  std::string root;  // absolute scan root (a directory), for %SRCROOT%
  std::uint64_t files_scanned = 0;
  bool complete = true;  // false when something was not scanned fully (a warning or error diagnostic)
  // SARIF runs.automationDetails.id is "<category>/": GitHub code scanning keeps one analysis per
  // category, so two scans of one repository (a full scan and a PR diff) need different ones.
  std::string sarif_category = std::string(kToolName);
};

struct TextOptions {
  bool color = false;
  bool show_suppressed = false;
};

// Human-readable: one `path:line:col  severity  rule-id  message` line per finding with its snippet
// under a "| " gutter, then diagnostics, then a summary table by pack and severity. Control
// characters from paths, messages and snippets are shown escaped (\x1b), never sent to the terminal.
void write_text(std::ostream& out, const ReportInput& input, const TextOptions& options = {});

// Machine-readable, stable keys (invalid UTF-8 becomes U+FFFD):
//   {"tool": "citizenscan", "version": "0.1.0", "root": "/abs/root", "complete": true,
//    "findings": [{"rule_id", "path", "relative_path", "language", "level", "line", "column",
//                  "end_line", "end_column", "message", "snippet", "fingerprint",
//                  "suppressed": bool, "suppression_kind": "inSource"|"external"|null,
//                  "suppression_justification": string|null}],
//    "diagnostics": [{"path", "level": "note"|"warning"|"error", "message"}],
//    "summary": {"files_scanned", "findings", "suppressed", "baselined",
//                "by_pack": {"<pack>": {"error": n, "warning": n, "note": n}}}}
// Every finding is listed (suppressed ones flagged); summary counts follow ReportSummary.
void write_json(std::ostream& out, const ReportInput& input);

struct ReportSummary;

// JSON Lines (--format jsonl) for scans too large to hold in memory, written while the scan runs:
// one {"type": "finding", <the fields of a write_json finding>} line per finding, as each file is
// done (completion order; json and sarif are the sorted formats); at the end, one
// {"type": "diagnostic", "path", "level", "message"} line per diagnostic and one
// {"type": "summary", "tool", "version", "root", "complete", "files_scanned", "findings",
//  "suppressed", "by_pack"} line, the last line of a complete file.
void write_jsonl_findings(std::ostream& out, const std::vector<Finding>& findings);
void write_jsonl_tail(std::ostream& out, const ReportInput& input, const ReportSummary& summary);

// SARIF 2.1.0 for GitHub code scanning: every rule of input.rules (ruleIndex = position), results
// relative to %SRCROOT% = input.root, partialFingerprints "citizenscan/v1", suppressions, and
// diagnostics as toolExecutionNotifications. No timestamps: the same input gives the same bytes.
// Within code scanning's limits: at most 25,000 results (the most severe are kept, and a
// notification counts the rest by level), at most 20 tags per rule, no region ending before it starts.
void write_sarif(std::ostream& out, const ReportInput& input);
// "<category>/" ("citizenscan/" for an empty category), the form GitHub reads as a category.
std::string sarif_automation_id(std::string_view category);

// GitHub-flavoured Markdown for a review document or a pull-request comment: the summary by pack and
// severity, the tools (top-level folders) ranked by risk, then the unsuppressed findings grouped by
// tool and file, one table row each (line, severity, rule, message, redacted snippet, the rule's fix
// in one sentence), then diagnostics. Text from the scanned tree is escaped (| ` < newlines...);
// no absolute paths, no timestamps: the same scan gives the same bytes.
void write_markdown(std::ostream& out, const ReportInput& input);

// One self-contained HTML page for the weekly review (no network, no external assets; the inline
// CSS and JavaScript are allowed by a Content-Security-Policy with their hashes): the summary by
// pack and severity, the tools ranked by risk, each unsuppressed finding with its code context
// (Finding::context_before/after, redacted like the snippet), its rule's explanation and fix, the
// rules' full help, and a filter by pack and severity. Everything from the scanned tree is
// HTML-escaped. The page can be checked from outside: the URL fragment `#pack=a,b&level=error`
// sets the filter, and the counts it shows carry data-* attributes (see html.cpp).
void write_html(std::ostream& out, const ReportInput& input);

// The report formats of `scan --format`, in one list: the CLI's choices and help, and the tests
// that must cover every format (no secret in any output) all read it.
enum class ReportFormat : std::uint8_t { Text, Json, Jsonl, Sarif, Markdown, Html };
struct ReportFormatInfo {
  ReportFormat format;
  std::string_view name;         // as given to --format
  unsigned context_lines;        // lines of code around each finding the format shows (ScanOptions)
};
std::span<const ReportFormatInfo> report_formats();
std::optional<ReportFormat> report_format_from_name(std::string_view name);
std::vector<std::string> report_format_names();

// Merges SARIF logs, given as (name, text), such as the outputs of the shards of one scan
// (--shard-index/--shard-count), into a log with one run: rules deduplicated by id (the first
// definition wins; ruleIndex renumbered), results sorted as a single scan sorts them, and one
// invocation holding every notification, successful only if every input's was. Exact duplicates
// are dropped. The merge of all shards of a scan equals the single scan's SARIF byte for byte.
// Throws std::runtime_error naming the input and the problem.
std::string merge_sarif(const std::vector<std::pair<std::string, std::string>>& logs);

// Percent-encodes a relative path for a SARIF/URI reference ('/' kept).
std::string uri_encode_path(std::string_view path);

// The totals every format prints. Suppressed findings are counted in `suppressed` only; every
// other count (findings, by_pack, totals, files_with_findings) is about unsuppressed findings.
struct SeverityCounts {
  std::uint64_t error = 0;
  std::uint64_t warning = 0;
  std::uint64_t note = 0;
  std::uint64_t total() const { return error + warning + note; }
};

struct ReportSummary {
  std::uint64_t files_scanned = 0;
  std::uint64_t findings = 0;
  std::uint64_t suppressed = 0;
  std::uint64_t baselined = 0;  // the part of `suppressed` a baseline accounts for (kind external)
  std::uint64_t files_with_findings = 0;
  std::map<std::string, SeverityCounts> by_pack;  // pack name -> counts, sorted by pack
  SeverityCounts totals;
};
ReportSummary summarize_report(const ReportInput& input);

// Index in input.rules of the rule behind a finding: finding.rule_index when that entry carries
// the finding's id, else a lookup by id; nullopt for a rule the input does not know.
std::optional<std::size_t> report_rule_index(const ReportInput& input, const Finding& finding);
// The pack a finding belongs to: its rule's pack, else the rule id up to its first '/'.
std::string report_pack_of(const ReportInput& input, const Finding& finding);

// Names the formats share: "note" | "warning" | "error", and SARIF's "inSource" | "external".
std::string_view diagnostic_level_name(DiagnosticLevel level);
std::string_view suppression_kind_name(SuppressionKind kind);

}  // namespace citizenscan
