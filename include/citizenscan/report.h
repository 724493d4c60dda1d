// report: turn a finished scan into text, JSON or SARIF 2.1.0. Output is deterministic: findings
// and diagnostics are expected sorted (finding_less / diagnostic_less), and nothing here depends on
// timing or thread count.
//
//   citizenscan::ReportInput input{rules.infos(), result.findings, result.diagnostics, result.root};
//   citizenscan::write_sarif(std::cout, input);
//
// Secrets never reach this stage unredacted: snippets and messages were redacted by match.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
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
  bool complete = true;  // false when a file could not be scanned (an error diagnostic)
};

struct TextOptions {
  bool color = false;
  bool show_suppressed = false;
};

void write_text(std::ostream& out, const ReportInput& input, const TextOptions& options = {});
void write_json(std::ostream& out, const ReportInput& input);
void write_sarif(std::ostream& out, const ReportInput& input);

// Percent-encodes a relative path for a SARIF/URI reference ('/' kept).
std::string uri_encode_path(std::string_view path);

}  // namespace citizenscan
