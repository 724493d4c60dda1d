// The Markdown report: GitHub-flavoured, for a review document or a pull-request comment. Every
// piece of scanned input goes through markdown_text / markdown_code (report/escape.h), so a file
// name or a message cannot add a table cell, a link or HTML.
#include <ostream>

#include "citizenscan/report.h"
#include "report/escape.h"
#include "report/review.h"

namespace citizenscan {
namespace {

using namespace report_detail;

// A message: the rule's `code` parts as code spans, the rest escaped prose.
std::string markdown_message(std::string_view message) {
  std::string out;
  split_message(
      message, [&](std::string_view prose) { out += markdown_text(prose); },
      [&](std::string_view code) { out += markdown_code(code, true); });
  return out;
}

// The pack's own Markdown (a rule's fix), flattened onto one table-cell line. Packs are trusted
// configuration, so their inline Markdown is kept; only what would break the table is escaped.
std::string pack_markdown_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') c = ' ';
    if (c == '|') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

std::string tool_label(const std::string& tool) {
  return tool.empty() ? "files at the root" : markdown_code(tool + "/", false);
}

void write_summary(std::ostream& out, const ReportSummary& summary) {
  out << "| pack | error | warning | note | total |\n|:---|---:|---:|---:|---:|\n";
  for (const auto& [pack, counts] : summary.by_pack) {
    out << "| " << markdown_text(pack) << " | " << counts.error << " | " << counts.warning << " | " << counts.note
        << " | " << counts.total() << " |\n";
  }
  const SeverityCounts& t = summary.totals;
  out << "| **total** | **" << t.error << "** | **" << t.warning << "** | **" << t.note << "** | **" << t.total()
      << "** |\n\n";
}

void write_tools(std::ostream& out, const std::vector<ToolGroup>& tools) {
  out << "## Tools by risk\n\n| tool | critical | high | medium | low | error | warning | note |\n"
         "|:---|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const ToolGroup& tool : tools) {
    out << "| " << tool_label(tool.tool);
    for (const std::uint64_t count : tool.risks) out << " | " << count;
    out << " | " << tool.levels.error << " | " << tool.levels.warning << " | " << tool.levels.note << " |\n";
  }
  out << "\nRisk is the rule's security-severity (critical ≥ 9, high ≥ 7, medium ≥ 4); tools are ranked by "
         "their critical findings, then high, medium and low.\n\n";
}

void write_file(std::ostream& out, const ReportInput& input, const FileGroup& file) {
  out << "#### " << markdown_code(file.path, false) << "\n\n"
      << "| line | severity | rule | message | code | fix |\n|---:|:---|:---|:---|:---|:---|\n";
  for (const Finding* finding : file.findings) {
    const RuleInfo* rule = rule_of(input, *finding);
    out << "| " << finding->region.start_line << " | " << severity_name(finding->level) << " | "
        << markdown_code(finding->rule_id, true) << " | " << markdown_message(finding->message) << " | "
        << markdown_code(trimmed(finding->snippet), true) << " | "
        << (rule != nullptr ? pack_markdown_cell(short_fix(*rule)) : "") << " |\n";
  }
  out << '\n';
}

}  // namespace

void write_markdown(std::ostream& out, const ReportInput& input) {
  const ReportSummary summary = summarize_report(input);
  out << "# " << kToolName << " report\n\n" << markdown_text(summary_line(summary)) << "\n\n";
  if (!input.complete) out << "**The scan is incomplete:** some files could not be read or matched fully (see the diagnostics).\n\n";
  if (summary.findings > 0) {
    write_summary(out, summary);
    const std::vector<ToolGroup> tools = group_by_tool(input);
    write_tools(out, tools);
    out << "## Findings\n\n";
    for (const ToolGroup& tool : tools) {
      out << "### " << tool_label(tool.tool) << "\n\n";
      for (const FileGroup& file : tool.files) write_file(out, input, file);
    }
  }
  if (!input.diagnostics.empty()) {
    out << "## Diagnostics\n\n| file | level | message |\n|:---|:---|:---|\n";
    for (const Diagnostic& diagnostic : input.diagnostics) {
      out << "| " << (diagnostic.path.empty() ? std::string("(scan)") : markdown_code(diagnostic.path, true)) << " | "
          << diagnostic_level_name(diagnostic.level) << " | " << markdown_message(diagnostic.message) << " |\n";
    }
    out << '\n';
  }
}

}  // namespace citizenscan
