#include <set>

#include "citizenscan/report.h"

namespace citizenscan {

std::optional<std::size_t> report_rule_index(const ReportInput& input, const Finding& finding) {
  // The index is a hint from the scan's RuleSet; the id is the truth, so a stale or foreign index
  // (a finding from a baseline, a rule set loaded differently) still resolves or is reported
  // as unknown rather than pointing at the wrong rule.
  if (finding.rule_index < input.rules.size() && input.rules[finding.rule_index].id == finding.rule_id) {
    return finding.rule_index;
  }
  for (std::size_t i = 0; i < input.rules.size(); ++i) {
    if (input.rules[i].id == finding.rule_id) return i;
  }
  return std::nullopt;
}

std::string report_pack_of(const ReportInput& input, const Finding& finding) {
  if (const auto index = report_rule_index(input, finding)) {
    const std::string& pack = input.rules[*index].pack;
    if (!pack.empty()) return pack;
  }
  const auto slash = finding.rule_id.find('/');
  if (slash == std::string::npos || slash == 0) return "(unknown)";
  return finding.rule_id.substr(0, slash);
}

ReportSummary summarize_report(const ReportInput& input) {
  ReportSummary summary;
  summary.files_scanned = input.files_scanned;
  std::set<std::string_view> files;
  for (const Finding& finding : input.findings) {
    if (finding.suppression) {
      ++summary.suppressed;
      if (finding.suppression->kind == SuppressionKind::External) ++summary.baselined;
      continue;
    }
    ++summary.findings;
    files.insert(finding.path);
    SeverityCounts& pack = summary.by_pack[report_pack_of(input, finding)];
    switch (finding.level) {
      case Severity::Error:
        ++pack.error;
        ++summary.totals.error;
        break;
      case Severity::Warning:
        ++pack.warning;
        ++summary.totals.warning;
        break;
      case Severity::Note:
        ++pack.note;
        ++summary.totals.note;
        break;
    }
  }
  summary.files_with_findings = files.size();
  return summary;
}

std::string_view diagnostic_level_name(DiagnosticLevel level) {
  switch (level) {
    case DiagnosticLevel::Note: return "note";
    case DiagnosticLevel::Warning: return "warning";
    case DiagnosticLevel::Error: return "error";
  }
  return "warning";
}

std::string_view suppression_kind_name(SuppressionKind kind) {
  switch (kind) {
    case SuppressionKind::InSource: return "inSource";
    case SuppressionKind::External: return "external";
  }
  return "external";
}

}  // namespace citizenscan
