#include "report/review.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace citizenscan::report_detail {

Risk risk_of(double security_severity) {
  if (security_severity >= 9.0) return Risk::Critical;
  if (security_severity >= 7.0) return Risk::High;
  if (security_severity >= 4.0) return Risk::Medium;
  return Risk::Low;
}

std::string_view risk_name(Risk risk) {
  switch (risk) {
    case Risk::Critical: return "critical";
    case Risk::High: return "high";
    case Risk::Medium: return "medium";
    case Risk::Low: return "low";
  }
  return "low";
}

std::string tool_of(std::string_view relative_path) {
  const auto slash = relative_path.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(relative_path.substr(0, slash));
}

const RuleInfo* rule_of(const ReportInput& input, const Finding& finding) {
  const auto index = report_rule_index(input, finding);
  return index ? &input.rules[*index] : nullptr;
}

std::vector<ToolGroup> group_by_tool(const ReportInput& input) {
  std::map<std::string, ToolGroup> tools;
  std::map<std::pair<std::string, std::string>, std::size_t> file_slot;  // (tool, path) -> index
  for (const Finding& finding : input.findings) {
    if (finding.suppression) continue;
    const std::string tool = tool_of(finding.relative_path);
    ToolGroup& group = tools[tool];
    group.tool = tool;
    switch (finding.level) {
      case Severity::Error: ++group.levels.error; break;
      case Severity::Warning: ++group.levels.warning; break;
      case Severity::Note: ++group.levels.note; break;
    }
    const RuleInfo* rule = rule_of(input, finding);
    ++group.risks[static_cast<int>(risk_of(rule != nullptr ? rule->security_severity : 0.0))];
    auto [slot, added] = file_slot.try_emplace({tool, finding.path}, group.files.size());
    if (added) group.files.push_back({finding.path, {}});
    group.files[slot->second].findings.push_back(&finding);
  }
  std::vector<ToolGroup> ranked;
  for (auto& [name, group] : tools) {
    std::sort(group.files.begin(), group.files.end(),
              [](const FileGroup& a, const FileGroup& b) { return a.path < b.path; });
    ranked.push_back(std::move(group));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const ToolGroup& a, const ToolGroup& b) {
    return std::tie(b.risks[0], b.risks[1], b.risks[2], b.risks[3]) <
           std::tie(a.risks[0], a.risks[1], a.risks[2], a.risks[3]);
  });
  return ranked;
}

namespace {

// The paragraph that follows "How to fix" in a rule's help: "**How to fix:** text..." or a
// "## How to fix it" heading and the paragraph under it. Empty when the help has neither.
std::string_view fix_paragraph(std::string_view help) {
  const auto marker = help.find("How to fix");
  if (marker == std::string_view::npos) return {};
  std::size_t start = marker + std::string_view("How to fix").size();
  const auto line_end = help.find('\n', start);
  const std::string_view rest_of_line = help.substr(start, line_end == std::string_view::npos ? help.npos : line_end - start);
  const auto bold_end = rest_of_line.find("**");
  if (bold_end != std::string_view::npos) {
    start += bold_end + 2;  // "**How to fix:** text" goes on after the bold label
  } else {
    start = line_end == std::string_view::npos ? help.size() : line_end;  // a heading: the next paragraph
  }
  while (start < help.size() && (help[start] == ' ' || help[start] == '\n' || help[start] == '\r')) ++start;
  const auto end = help.find("\n\n", start);
  return help.substr(start, end == std::string_view::npos ? help.npos : end - start);
}

bool abbreviation_before(std::string_view text, std::size_t dot) {
  for (const std::string_view word : {"e.g", "i.e", "etc", "vs", "approx", "incl"}) {
    if (dot >= word.size() && text.substr(dot - word.size(), word.size()) == word &&
        (dot == word.size() || text[dot - word.size() - 1] == ' ' || text[dot - word.size() - 1] == '(')) {
      return true;
    }
  }
  return false;
}

// The paragraph's first sentence, or its first two when the first is a few words ("Do not mail
// the file."); capitalized, on one line, ending in a full stop where the paragraph ended in ':'
// (the example it introduced is not part of a one-line fix).
std::string first_sentence(std::string_view paragraph) {
  constexpr std::size_t kShort = 40;
  bool in_code = false;
  std::size_t end = paragraph.size();
  for (std::size_t i = 0; i < paragraph.size(); ++i) {
    const char c = paragraph[i];
    if (c == '`') in_code = !in_code;
    if (in_code || (c != '.' && c != '!' && c != '?')) continue;
    const bool at_break = i + 1 == paragraph.size() || paragraph[i + 1] == ' ' || paragraph[i + 1] == '\n';
    if (at_break && !abbreviation_before(paragraph, i) && i + 1 >= kShort) {
      end = i + 1;
      break;
    }
  }
  std::string sentence;
  for (char c : paragraph.substr(0, end)) {
    if (c == '\r') continue;
    if (c == '\n') c = ' ';
    if (c == ' ' && !sentence.empty() && sentence.back() == ' ') continue;
    sentence.push_back(c);
  }
  while (!sentence.empty() && sentence.back() == ' ') sentence.pop_back();
  if (!sentence.empty() && sentence.back() == ':') sentence.back() = '.';
  if (!sentence.empty() && sentence.front() >= 'a' && sentence.front() <= 'z') sentence.front() = static_cast<char>(sentence.front() - 'a' + 'A');
  return sentence;
}

}  // namespace

std::string short_fix(const RuleInfo& rule) {
  const std::string_view paragraph = fix_paragraph(rule.help_markdown);
  if (paragraph.empty()) return first_sentence(rule.short_description);
  return first_sentence(paragraph);
}

std::string summary_line(const ReportSummary& summary) {
  const auto plural = [](std::uint64_t count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
  };
  std::string line;
  if (summary.findings == 0) {
    line = "no findings (" + plural(summary.files_scanned, "file", "files") + " scanned";
  } else {
    line = plural(summary.findings, "finding", "findings") + " in " +
           plural(summary.files_with_findings, "file", "files") + " (" +
           plural(summary.files_scanned, "file", "files") + " scanned";
  }
  if (summary.suppressed > 0) {
    line += ", " + std::to_string(summary.suppressed) + " suppressed";
    if (summary.baselined > 0) line += " (" + std::to_string(summary.baselined) + " by the baseline)";
  }
  return line + ")";
}

}  // namespace citizenscan::report_detail
