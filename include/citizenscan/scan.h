// scan: the orchestrator. Walks the targets, then a fixed pool of workers takes files one at a
// time through load -> prefilter -> parse -> match -> suppress; results are merged once at the end
// and sorted, so the output is identical whatever the thread count.
//
//   citizenscan::RuleSet rules = citizenscan::RuleSet::load_builtin_and({});
//   citizenscan::ScanOptions options;
//   options.walk.targets = {"testdata/demo"};
//   citizenscan::ScanResult result = citizenscan::scan(rules, options);
//   // result.findings (sorted), result.diagnostics (per-file problems), result.stats
//
// One file's failure (unreadable, binary, parse budget exceeded, internal error) is a diagnostic
// for that file; the others are scanned as usual.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citizenscan/core.h"
#include "citizenscan/rules.h"
#include "citizenscan/walk.h"

namespace citizenscan {

struct ScanOptions {
  WalkOptions walk;
  unsigned jobs = 0;                // 0: all hardware threads
  unsigned parse_budget_ms = 10000;  // per file; 0 = unlimited
  bool show_secrets = false;
  bool inline_ignores = true;
  bool prefilter = true;  // false: every rule runs on every file (the benchmark baseline)
  // The organisation's own mail domains (--org-domain, config `orgDomains`), normalized with
  // normalize_org_domain. Rules compare addresses with them (value check `orgDomain`); empty: the
  // scan knows no organisation, and rules that need one stay silent.
  std::vector<std::string> org_domains;
};

// "Example.COM", "@example.com", ".example.com" -> "example.com"; nullopt when the text is not a
// domain name (needs a dot; letters, digits, '-' and '.' only; no empty labels).
std::optional<std::string> normalize_org_domain(std::string_view text);

struct ScanStats {
  std::uint64_t files_scanned = 0;       // loaded and prefiltered
  std::uint64_t files_skipped_load = 0;  // binary, unreadable, encoding
  std::uint64_t files_parsed = 0;
  std::uint64_t files_no_candidates = 0;  // the prefilter ruled every rule out
  std::uint64_t bytes_scanned = 0;
  std::uint64_t bytes_parsed = 0;
};

struct ScanResult {
  std::string root;
  std::vector<Finding> findings;        // sorted by finding_less; suppressed ones included
  std::vector<Diagnostic> diagnostics;  // sorted by diagnostic_less
  WalkStats walk_stats;
  ScanStats stats;
  bool complete = true;  // false if any file could not be scanned because of an error
};

ScanResult scan(const RuleSet& rules, const ScanOptions& options);

}  // namespace citizenscan
