// The terminal report. Everything that came from the scanned tree (paths, messages, snippets) goes
// through `printable` first: a file name or source line must not be able to move the cursor,
// retitle the terminal or hide a finding with escape sequences.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "citizenscan/report.h"
#include "report/escape.h"

namespace citizenscan {
namespace {

using report_detail::printable;

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kCyan = "\x1b[36m";
constexpr std::size_t kLevelWidth = 7;  // "warning"

class Painter {
 public:
  explicit Painter(bool enabled) : enabled_(enabled) {}

  std::string paint(std::string_view text, std::string_view style) const {
    if (!enabled_ || text.empty()) return std::string(text);
    std::string painted;
    painted.reserve(text.size() + style.size() + kReset.size());
    painted.append(style).append(text).append(kReset);
    return painted;
  }

  std::string level(std::string_view name) const {
    std::string_view style = kYellow;
    if (name == "error") style = kRed;
    if (name == "note") style = kCyan;
    std::string padded = paint(name, style);
    if (name.size() < kLevelWidth) padded.append(kLevelWidth - name.size(), ' ');
    return padded;
  }

 private:
  bool enabled_;
};

std::string plural(std::uint64_t count, std::string_view singular, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? singular : many);
}

void write_snippet(std::ostream& out, std::string_view snippet) {
  while (!snippet.empty() && (snippet.back() == '\n' || snippet.back() == '\r')) {
    snippet.remove_suffix(1);
  }
  if (snippet.empty()) return;
  std::size_t pos = 0;
  while (pos <= snippet.size()) {
    std::size_t eol = snippet.find('\n', pos);
    if (eol == std::string_view::npos) eol = snippet.size();
    std::string_view line = snippet.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out << "    |";
    if (!line.empty()) out << ' ' << printable(line);
    out << '\n';
    pos = eol + 1;
  }
}

void write_finding(std::ostream& out, const Finding& finding, const Painter& painter) {
  const std::string location = printable(finding.path) + ":" +
                               std::to_string(finding.region.start_line) + ":" +
                               std::to_string(finding.region.start_column);
  out << painter.paint(location, kBold) << "  " << painter.level(severity_name(finding.level))
      << "  " << printable(finding.rule_id) << "  " << printable(finding.message);
  if (finding.suppression) {
    out << "  [suppressed";
    if (!finding.suppression->justification.empty()) {
      out << ": " << printable(finding.suppression->justification);
    }
    out << ']';
  }
  out << '\n';
  write_snippet(out, finding.snippet);
}

void write_summary(std::ostream& out, const ReportInput& input, const ReportSummary& summary,
                   const TextOptions& options) {
  if (summary.findings == 0) {
    out << "no findings (" << plural(summary.files_scanned, "file", "files") << " scanned";
  } else {
    out << plural(summary.findings, "finding", "findings") << " in "
        << plural(summary.files_with_findings, "file", "files") << " ("
        << plural(summary.files_scanned, "file", "files") << " scanned";
  }
  if (summary.suppressed > 0) {
    out << ", " << summary.suppressed << " suppressed";
    if (summary.baselined > 0) out << " (" << summary.baselined << " by the baseline)";
    if (!options.show_suppressed) out << " not shown";
  }
  out << ")\n";

  if (!summary.by_pack.empty()) {
    std::size_t pack_width = std::string_view("total").size();
    for (const auto& [pack, counts] : summary.by_pack) {
      pack_width = std::max(pack_width, printable(pack).size());
    }
    auto row = [&out, pack_width](std::string_view name, std::string_view error,
                                  std::string_view warning, std::string_view note) {
      std::string line = "  " + std::string(name);
      line.append(pack_width - name.size(), ' ');
      auto cell = [&line](std::string_view value, std::size_t width) {
        line.append(2 + (width > value.size() ? width - value.size() : 0), ' ');
        line.append(value);
      };
      cell(error, 5);
      cell(warning, 7);
      cell(note, 4);
      out << line << '\n';
    };
    row("pack", "error", "warning", "note");
    for (const auto& [pack, counts] : summary.by_pack) {
      row(printable(pack), std::to_string(counts.error), std::to_string(counts.warning),
          std::to_string(counts.note));
    }
    if (summary.by_pack.size() > 1) {
      row("total", std::to_string(summary.totals.error), std::to_string(summary.totals.warning),
          std::to_string(summary.totals.note));
    }
  }
  if (!input.complete) {
    out << "scan incomplete: some files could not be read or matched fully (the warnings and errors above)\n";
  }
}

}  // namespace

void write_text(std::ostream& out, const ReportInput& input, const TextOptions& options) {
  const Painter painter(options.color);
  bool first = true;
  for (const Finding& finding : input.findings) {
    if (finding.suppression && !options.show_suppressed) continue;
    if (!first) out << '\n';
    first = false;
    write_finding(out, finding, painter);
  }
  if (!first) out << '\n';

  if (!input.diagnostics.empty()) {
    out << "diagnostics:\n";
    for (const Diagnostic& diagnostic : input.diagnostics) {
      const std::string_view level = diagnostic_level_name(diagnostic.level);
      std::string_view style = kYellow;
      if (diagnostic.level == DiagnosticLevel::Error) style = kRed;
      if (diagnostic.level == DiagnosticLevel::Note) style = kCyan;
      const std::string where = diagnostic.path.empty() ? std::string(kToolName)
                                                        : printable(diagnostic.path);
      out << painter.paint(where, kBold) << ": " << painter.paint(level, style) << ": "
          << printable(diagnostic.message) << '\n';
    }
    out << '\n';
  }

  write_summary(out, input, summarize_report(input), options);
}

}  // namespace citizenscan
