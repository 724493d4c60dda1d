// scan: the orchestrator. A walker thread discovers files and feeds them through a bounded queue to
// a fixed pool of workers, each taking one file at a time through load -> prefilter -> parse ->
// match -> suppress; results are merged once at the end and sorted, so the output is identical
// whatever the thread count, and memory does not grow with the number of files.
//
//   citizenscan::RuleSet rules = citizenscan::RuleSet::load_builtin_and({});
//   citizenscan::ScanOptions options;
//   options.walk.targets = {"testdata/demo"};
//   citizenscan::ScanResult result = citizenscan::scan(rules, options);
//   // result.findings (sorted), result.diagnostics (per-file problems), result.stats
//
// One file's failure (unreadable, binary, parse budget exceeded, internal error) is a diagnostic
// for that file; the others are scanned as usual. Minified or generated code and files over
// max_parse_bytes are not parsed: their text rules run, and a note says so.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citizenscan/changes.h"
#include "citizenscan/core.h"
#include "citizenscan/load.h"
#include "citizenscan/rules.h"
#include "citizenscan/walk.h"

namespace citizenscan {

// Which rules run and at which level, per rule index of the RuleSet (config `enable`, `disable`,
// `severity`). Empty vectors: every rule runs at its own level.
struct RuleSelection {
  std::vector<bool> enabled;
  std::vector<std::optional<Severity>> level;
};

// PiiSensitivity (config `piiSensitivity`) is declared in rules.h: matchers carry a minimum level.
std::string_view pii_sensitivity_name(PiiSensitivity level);

struct ScanOptions {
  WalkOptions walk;
  unsigned jobs = 0;                // 0: all hardware threads
  unsigned parse_budget_ms = 10000;  // per file; 0 = unlimited
  std::uint64_t max_parse_bytes = 4u << 20;  // larger code files get text rules only; 0 = no limit
  bool text_only_minified = true;  // minified/generated code (very long lines, *.min.js) is not parsed
  bool show_secrets = false;
  bool inline_ignores = true;
  // The organisation's own mail domains (--org-domain, config `orgDomains`), normalized with
  // normalize_org_domain. Rules compare addresses with them (value check `orgDomain`); empty: the
  // scan knows no organisation, and rules that need one stay silent.
  std::vector<std::string> org_domains;
  bool prefilter = true;    // false: every rule runs on every file (the benchmark baseline)
  bool rule_timing = false;  // fill ScanStats::rule_ns (a clock read per query match; for --stats)
  RuleSelection selection;
  PiiSensitivity pii_sensitivity = PiiSensitivity::Medium;
  // Lines of code kept before and after each finding (Finding::context_before/after, secrets
  // redacted), for reports that show them (the HTML report); 0: none.
  unsigned context_lines = 0;
  // When it turns true (the CLI's SIGINT/SIGTERM handler sets it), the walk, the workers (between
  // files) and running parses stop, and scan() returns soon with ScanResult::stopped.
  const std::atomic<bool>* stop = nullptr;
};

// "Example.COM", "@example.com", ".example.com" -> "example.com"; nullopt when the text is not a
// domain name (needs a dot; letters, digits, '-' and '.' only; no empty labels).
std::optional<std::string> normalize_org_domain(std::string_view text);

// Where the workers' CPU time goes, summed over all workers (so it can exceed the wall time).
enum class Stage : std::uint8_t { Load, Prefilter, Parse, Match, Suppress };
inline constexpr int kStageCount = 5;
std::string_view stage_name(Stage stage);

struct ScanStats {
  std::uint64_t files_scanned = 0;       // loaded and prefiltered
  std::uint64_t files_skipped_load = 0;  // binary, unreadable, encoding (by reason below)
  std::array<std::uint64_t, kLoadSkipCount> skipped_by_load_reason{};  // indexed by LoadSkip
  std::uint64_t files_parsed = 0;
  std::uint64_t files_no_candidates = 0;  // the prefilter ruled every rule out
  std::uint64_t files_no_query_rules = 0;  // candidates left, but none needs a syntax tree
  std::uint64_t files_text_only_minified = 0;  // minified/generated: not parsed
  std::uint64_t files_text_only_large = 0;     // over max_parse_bytes: not parsed
  std::uint64_t files_parse_failed = 0;        // parse budget exceeded or no tree
  std::uint64_t embedded_regions_parsed = 0;   // embedded text (SQL in strings) parsed and matched
  std::uint64_t embedded_regions_with_holes = 0;  // of those: built at run time (f-string, template, +, %)
  std::uint64_t embedded_findings_dropped = 0;    // their statement held a hole that could change it
  std::uint64_t bytes_scanned = 0;
  std::uint64_t bytes_parsed = 0;
  std::uint64_t findings = 0;  // including suppressed ones
  std::array<std::uint64_t, kStageCount> stage_ns{};  // indexed by Stage
  std::uint64_t walk_ns = 0;    // the walker thread, start to end (overlaps the workers)
  std::uint64_t wall_ns = 0;    // the whole scan
  std::vector<std::uint64_t> rule_ns;  // by rule index, with ScanOptions::rule_timing
  // With ScanOptions::rule_timing (wall time per worker, like rule_ns): tree-sitter's query cursor
  // walking the trees for all query rules together, and finding embedded text in that walk.
  std::uint64_t query_walk_ns = 0;
  // By rule index, with ScanOptions::rule_timing: files where the rule survived the prefilter and
  // needs a syntax tree (so the file is parsed), and files where it was the only such rule.
  std::vector<std::uint64_t> rule_tree_files;
  std::vector<std::uint64_t> rule_tree_only;
};

// A snapshot for progress displays.
struct ScanProgress {
  std::uint64_t files_discovered = 0;  // handed to the workers so far
  bool walk_done = false;              // files_discovered is final
  std::uint64_t files_done = 0;
  std::uint64_t bytes_done = 0;
  std::uint64_t findings = 0;
  double elapsed_seconds = 0.0;
};

struct ScanCallbacks {
  // Called on the thread that called scan(), a few times a second while it runs and once at the end.
  std::function<void(const ScanProgress&)> progress;
  // Each file's findings (path fields set, suppressions applied) as soon as the file is done, one
  // call at a time, in completion order. When set, ScanResult::findings stays empty: the caller
  // owns them (memory then does not grow with the number of findings either).
  std::function<void(std::vector<Finding>&&)> findings;
  // Each file the walk hands to the workers, on the walker thread, in walk order (the inventory
  // keeps the list to group files into tools).
  std::function<void(const WalkEntry&)> walked;
};

struct ScanResult {
  std::string root;
  std::vector<Finding> findings;        // sorted by finding_less; suppressed ones included
  std::vector<Diagnostic> diagnostics;  // sorted by diagnostic_less
  WalkStats walk_stats;
  ScanStats stats;
  bool complete = true;  // false when a diagnostic is a warning or an error (something was not scanned fully)
  bool stopped = false;  // ScanOptions::stop was set: the results cover only part of the files
};

ScanResult scan(const RuleSet& rules, const ScanOptions& options, const ScanCallbacks& callbacks = {});

// Scans a change (changes.h) instead of a tree: both sides of every changed file, walked as a scan
// of the repository would walk them (options.walk.root, a real folder in the repository, and its
// globs; targets are ignored: the change is already limited to them). Keeps the new side's
// findings that the base side lacks, matched by rule and content fingerprint as a baseline is, so
// code that moved is not reported again; for a staged change with only_added_lines, also only the
// findings that touch an added or changed line. Paths in findings and diagnostics are the real
// ones (relative to the current directory when below it), and result.root is the real root.
ScanResult scan_changes(const RuleSet& rules, const ScanOptions& options, const ChangeSet& changes,
                        bool only_added_lines, const ScanCallbacks& callbacks = {});

// Minified or generated code, which is not worth parsing: a bundle's name (*.min.js, *.bundle.js)
// for JavaScript, or, for any language, lines that are very long on average or one enormous line.
bool looks_minified(std::string_view file_name, Language language, const LineIndex& lines,
                    std::size_t size);

}  // namespace citizenscan
