#include <array>

#include "citizenscan/report.h"

namespace citizenscan {
namespace {

// The HTML page shows this many lines above and below each finding.
constexpr unsigned kHtmlContextLines = 3;

constexpr std::array<ReportFormatInfo, 6> kFormats{{
    {ReportFormat::Text, "text", 0},
    {ReportFormat::Json, "json", 0},
    {ReportFormat::Jsonl, "jsonl", 0},
    {ReportFormat::Sarif, "sarif", 0},
    {ReportFormat::Markdown, "markdown", 0},
    {ReportFormat::Html, "html", kHtmlContextLines},
}};

}  // namespace

std::span<const ReportFormatInfo> report_formats() { return kFormats; }

std::optional<ReportFormat> report_format_from_name(std::string_view name) {
  for (const ReportFormatInfo& info : kFormats) {
    if (info.name == name) return info.format;
  }
  return std::nullopt;
}

std::vector<std::string> report_format_names() {
  std::vector<std::string> names;
  for (const ReportFormatInfo& info : kFormats) names.emplace_back(info.name);
  return names;
}

}  // namespace citizenscan
