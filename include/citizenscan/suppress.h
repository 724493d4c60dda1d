// suppress: inline ignore comments. On the finding's line or the line before, in any comment
// syntax of the file's language:
//
//   password = "hunter2hunter2"  # citizenscan:ignore credentials/hardcoded-password -- rotated, test db
//
// marks that finding suppressed (kind inSource) with the text after "--" as its justification.
// The rule id may be a pack wildcard ("credentials/*"). An ignore without a rule id or without a
// reason suppresses nothing and becomes a note diagnostic, so every ignore stays reviewable.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "citizenscan/core.h"
#include "citizenscan/load.h"

namespace citizenscan {

// Marks findings (all from one file) suppressed where an inline ignore applies; malformed ignores
// are appended to `diagnostics` (path left empty for the caller to fill).
void apply_inline_ignores(std::string_view text, const LineIndex& lines, std::vector<Finding>& findings,
                          std::vector<Diagnostic>& diagnostics);

}  // namespace citizenscan

// Baselines: the findings a project accepted when it adopted the scanner, by content fingerprint.
//
//   std::string text = citizenscan::write_baseline(result.findings);        // baseline create
//   citizenscan::BaselineMatcher matcher(citizenscan::parse_baseline(text, path));
//   matcher.apply(result.findings, "listed in .citizenscan-baseline.json"); // scan --baseline
//
// An entry is (rule id, path, fingerprint, count): no line numbers, no timestamps, no secret
// values, sorted, so a rerun on unchanged code writes the same bytes. Fingerprints come from the
// code (rule, the line with the secret masked, a hash of the secret), so inserting lines above a
// finding or moving it keeps it baselined; a different secret on the same line is new.
namespace citizenscan {

class BaselineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BaselineEntry {
  std::string rule_id;
  std::string path;  // relative to the scan root, '/'-separated
  std::string fingerprint;
  std::uint32_t count = 1;  // identical findings in one file (same line content twice)
};

// The unsuppressed findings as a baseline file (JSON, sorted, newline-terminated).
std::string write_baseline(const std::vector<Finding>& findings);
// The entries a baseline of these findings holds, sorted by path, rule, fingerprint (suppressed
// findings count too when include_suppressed).
std::vector<BaselineEntry> baseline_entries(const std::vector<Finding>& findings, bool include_suppressed = false);
// Reads a baseline; BaselineError naming `source` and the problem when it is not one.
std::vector<BaselineEntry> parse_baseline(std::string_view text, const std::string& source);

// Marks findings that a baseline entry accounts for as suppressed (kind external). Each entry
// absorbs up to `count` findings: first those with the same path, then the same rule and
// fingerprint anywhere (a renamed or moved file). apply() sees all findings at once, in report
// order (finding_less); a streamed scan gives it one file at a time with apply_own_path() and the
// held-back findings at the end with apply(), which marks exactly what apply() on the whole scan
// would.
class BaselineMatcher {
 public:
  explicit BaselineMatcher(std::vector<BaselineEntry> entries);
  // Returns how many findings it marked.
  std::size_t apply(std::vector<Finding>& findings, const std::string& justification);
  // One file's findings (in finding_less order), while other files may still come: marks those
  // that entries with their own path account for, and moves to `held` those that only an entry
  // under another path could (the entry may yet be used up by its own file). Returns how many it
  // marked.
  std::size_t apply_own_path(std::vector<Finding>& findings, const std::string& justification,
                             std::vector<Finding>& held);
  // Which findings the remaining entries account for (using them up), without marking any; with
  // include_suppressed, suppressed findings are matched too.
  std::vector<bool> take(const std::vector<Finding>& findings, bool include_suppressed = false);

 private:
  std::vector<bool> take_passes(const std::vector<Finding>& findings, bool include_suppressed, bool other_paths);

  std::vector<BaselineEntry> remaining_;
  std::unordered_multimap<std::string, std::size_t> by_fingerprint_;  // into remaining_
};

}  // namespace citizenscan
