#include <algorithm>
#include <string>

#include "citizenscan/suppress.h"

namespace citizenscan {
namespace {

constexpr std::string_view kMarker = "citizenscan:ignore";

struct Ignore {
  std::string rule;    // rule id or "pack/*"
  std::string reason;  // justification
  bool valid = false;
  std::string problem;
};

std::string_view trim_blanks(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

// The reason runs to the end of the line, less the closer of a block comment ("... -- why */").
std::string trim_reason(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t*/");
  return std::string(s.substr(begin, end - begin + 1));
}

// The rule id, less a block-comment closer after it ("citizenscan:ignore pii/pii-in-log */"). Only
// a closer standing on its own goes: the '*' and '/' of a pack wildcard ("credentials/*") stay.
std::string trim_rule(std::string_view s) {
  s = trim_blanks(s);
  if (s == "*/") return {};
  if (s.size() > 2 && s.ends_with("*/") && (s[s.size() - 3] == ' ' || s[s.size() - 3] == '\t')) {
    s = trim_blanks(s.substr(0, s.size() - 2));
  }
  return std::string(s);
}

std::optional<Ignore> parse_ignore(std::string_view line) {
  const std::size_t at = line.find(kMarker);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = line.substr(at + kMarker.size());
  Ignore ignore;
  const std::size_t dashes = rest.find("--");
  const std::string rule = trim_rule(rest.substr(0, dashes));
  ignore.reason = dashes == std::string_view::npos ? "" : trim_reason(rest.substr(dashes + 2));
  ignore.rule = rule;
  if (rule.empty() || rule.find('/') == std::string::npos || rule.find(' ') != std::string::npos) {
    ignore.problem = "citizenscan:ignore needs a rule id (like credentials/hardcoded-password) and a reason after '--'; it suppresses nothing";
  } else if (ignore.reason.empty()) {
    ignore.problem = "citizenscan:ignore " + rule + " has no reason after '--'; it suppresses nothing";
  } else {
    ignore.valid = true;
  }
  return ignore;
}

bool applies(const Ignore& ignore, const std::string& rule_id) {
  if (ignore.rule == rule_id) return true;
  return ignore.rule.ends_with("/*") && rule_id.rfind(ignore.rule.substr(0, ignore.rule.size() - 1), 0) == 0;
}

}  // namespace

void apply_inline_ignores(std::string_view text, const LineIndex& lines, std::vector<Finding>& findings,
                          std::vector<Diagnostic>& diagnostics) {
  if (text.find(kMarker) == std::string_view::npos) return;
  for (std::uint32_t line = 1; line <= lines.line_count(); ++line) {
    auto ignore = parse_ignore(lines.line_text(line));
    if (!ignore) continue;
    if (!ignore->valid) {
      diagnostics.push_back({"", DiagnosticLevel::Note, "line " + std::to_string(line) + ": " + ignore->problem});
      continue;
    }
    for (Finding& finding : findings) {
      const std::uint32_t at = finding.region.start_line;
      if ((at == line || at == line + 1) && !finding.suppression && applies(*ignore, finding.rule_id)) {
        finding.suppression = Suppression{SuppressionKind::InSource, ignore->reason};
      }
    }
  }
}

}  // namespace citizenscan
