// Inline-suppression parser: any bytes as a file with a finding of a few rules on every line. An
// ignore suppresses only findings on its own line or the next, of the rule (or pack wildcard) it
// names, always with its reason; a malformed one is a note that names its line.
#include <cstddef>
#include <cstdint>
#include <string>

#include "citizenscan/load.h"
#include "citizenscan/suppress.h"
#include "fuzz_support.h"

using namespace citizenscan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr std::string_view kRules[] = {"credentials/hardcoded-password", "pii/pii-in-log",
                                                "db-loops/query-in-loop", "custom/x"};
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const LineIndex lines(text);
  std::vector<Finding> findings;
  for (std::uint32_t line = 1; line <= lines.line_count() && line <= 512; ++line) {
    for (std::string_view rule : kRules) {
      Finding finding;
      finding.rule_id = rule;
      finding.region = {line, 1, line, 2, lines.line_start(line), lines.line_start(line)};
      findings.push_back(std::move(finding));
    }
  }
  std::vector<Diagnostic> diagnostics;
  apply_inline_ignores(text, lines, findings, diagnostics);

  for (const Finding& finding : findings) {
    if (!finding.suppression) continue;
    const std::uint32_t line = finding.region.start_line;
    const std::string_view here = lines.line_text(line);
    const std::string_view above = line > 1 ? lines.line_text(line - 1) : std::string_view{};
    if (here.find("citizenscan:ignore") == std::string_view::npos &&
        above.find("citizenscan:ignore") == std::string_view::npos) {
      fuzz::fail("line " + std::to_string(line) + ": " + finding.rule_id + " suppressed without an ignore nearby");
    }
    if (finding.suppression->kind != SuppressionKind::InSource || finding.suppression->justification.empty()) {
      fuzz::fail("line " + std::to_string(line) + ": a suppression without a reason");
    }
    const std::string pack = finding.rule_id.substr(0, finding.rule_id.find('/'));
    if (here.find(finding.rule_id) == std::string_view::npos && above.find(finding.rule_id) == std::string_view::npos &&
        here.find(pack + "/*") == std::string_view::npos && above.find(pack + "/*") == std::string_view::npos) {
      fuzz::fail("line " + std::to_string(line) + ": " + finding.rule_id + " suppressed by an ignore of another rule");
    }
  }
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.level != DiagnosticLevel::Note || diagnostic.message.rfind("line ", 0) != 0) {
      fuzz::fail("a malformed-ignore diagnostic that is not a note naming its line: " + diagnostic.message);
    }
  }
  return 0;
}
