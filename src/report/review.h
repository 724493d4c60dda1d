// What the review formats (markdown, html) share: findings grouped by the builder's tool (the
// top-level folder) and file, tools ranked by risk, and a rule's fix in one sentence.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "citizenscan/report.h"

namespace citizenscan::report_detail {

// GitHub's security-severity buckets: >= 9 critical, >= 7 high, >= 4 medium, else low.
enum class Risk : std::uint8_t { Critical, High, Medium, Low };
inline constexpr int kRiskCount = 4;
Risk risk_of(double security_severity);
std::string_view risk_name(Risk risk);

// The tool a relative path belongs to: its first folder; "" for a file at the scan root.
std::string tool_of(std::string_view relative_path);

struct FileGroup {
  std::string path;  // Finding::path of its findings
  std::vector<const Finding*> findings;  // in report order
};

struct ToolGroup {
  std::string tool;  // "" = files at the root
  SeverityCounts levels;
  std::array<std::uint64_t, kRiskCount> risks{};  // findings per Risk of their rule
  std::vector<FileGroup> files;  // by path
  std::uint64_t findings() const { return levels.total(); }
};

// The unsuppressed findings by tool and file. Tools are ranked by risk: most critical findings
// first, then high, medium, low, then by name; a file keeps its findings in report order.
std::vector<ToolGroup> group_by_tool(const ReportInput& input);

// The rule behind a finding, or nullptr for a rule the input does not know.
const RuleInfo* rule_of(const ReportInput& input, const Finding& finding);

// The first sentence of the rule's "How to fix" part of its help (Markdown, as the pack wrote it),
// else its short description. One line.
std::string short_fix(const RuleInfo& rule);

// "7 findings in 4 files (12 files scanned, 1 suppressed (1 by the baseline))" and the variants of
// the text report's summary line, without the "not shown".
std::string summary_line(const ReportSummary& summary);

}  // namespace citizenscan::report_detail
