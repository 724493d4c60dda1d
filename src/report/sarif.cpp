// SARIF 2.1.0 as GitHub code scanning reads it. Keys are emitted in a fixed order (ordered_json)
// so the file reads top-down ($schema, version, runs) and two runs over the same tree diff clean.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "citizenscan/report.h"
#include "report/sarif_limits.h"

namespace citizenscan {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/citizenscan/citizenscan";
constexpr std::string_view kSrcRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "citizenscan/v1";

std::string ascii_lower(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return lowered;
}

// GitHub reads security-severity as a decimal string; to_chars keeps it independent of the
// process locale (a German locale would otherwise print "8,5").
std::string format_security_severity(double value) {
  if (!std::isfinite(value)) value = 0.0;
  value = std::clamp(value, 0.0, 10.0);
  char buffer[16];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value,
                                          std::chars_format::fixed, 1);
  if (error != std::errc{}) return "0.0";
  return std::string(buffer, end);
}

std::string_view problem_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "recommendation";
  }
  return "warning";
}

// "CWE-798" -> "external/cwe/cwe-798", the tag form GitHub turns into a CWE link.
std::string cwe_tag(std::string_view cwe) {
  std::string lowered = ascii_lower(cwe);
  if (lowered.rfind("cwe-", 0) != 0) lowered.insert(0, "cwe-");
  return "external/cwe/" + lowered;
}

// A plain-text rendering of the help for viewers that do not render Markdown: fences, heading
// marks, emphasis and backticks go, links keep their target in parentheses.
std::string markdown_to_plain(std::string_view markdown) {
  std::string plain;
  plain.reserve(markdown.size());
  std::size_t pos = 0;
  while (pos <= markdown.size()) {
    std::size_t eol = markdown.find('\n', pos);
    if (eol == std::string_view::npos) eol = markdown.size();
    std::string_view line = markdown.substr(pos, eol - pos);
    pos = eol + 1;

    const std::size_t indent = line.find_first_not_of(' ');
    const std::string_view trimmed =
        indent == std::string_view::npos ? std::string_view{} : line.substr(indent);
    if (trimmed.rfind("```", 0) == 0 || trimmed.rfind("~~~", 0) == 0) continue;
    if (!trimmed.empty() && trimmed.front() == '#') {
      const std::size_t text = trimmed.find_first_not_of('#');
      if (text != std::string_view::npos && trimmed[text] == ' ') line = trimmed.substr(text + 1);
    }

    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '`') continue;
      if (c == '*' && i + 1 < line.size() && line[i + 1] == '*') {
        ++i;
        continue;
      }
      if (c == '[') {
        // [label](target) -> label (target)
        const std::size_t close = line.find("](", i);
        const std::size_t paren_end =
            close == std::string_view::npos ? close : line.find(')', close + 2);
        if (paren_end != std::string_view::npos) {
          plain.append(line.substr(i + 1, close - i - 1));
          plain.append(" (");
          plain.append(line.substr(close + 2, paren_end - close - 2));
          plain.push_back(')');
          i = paren_end;
          continue;
        }
      }
      plain.push_back(c);
    }
    if (pos <= markdown.size()) plain.push_back('\n');
  }
  while (!plain.empty() && plain.back() == '\n') plain.pop_back();
  return plain;
}

std::string strip_trailing_slashes(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return std::string(path);
}

Json file_uri_location(std::string_view absolute_path) {
  return Json{{"uri", "file://" + uri_encode_path(absolute_path)}};
}

Json srcroot_location(std::string_view relative_path) {
  return Json{{"uri", uri_encode_path(relative_path)}, {"uriBaseId", kSrcRoot}};
}

// Diagnostics carry the path as the user sees it: absolute, or relative to the current directory
// (`scan sub` reports "sub/x.py"), not to the root. Under the root it becomes %SRCROOT%-relative
// like results, anywhere else a file:// URI. Resolved lexically, so ".//sub/x.py" and "../x.py"
// name the right file too.
Json artifact_location_for_path(std::string_view path, std::string_view root) {
  std::error_code error;
  const std::filesystem::path absolute =
      path.empty() ? std::filesystem::path() : std::filesystem::absolute(std::filesystem::path(path), error);
  if (absolute.empty() || error) {  // nothing to resolve, or no current directory
    while (path.starts_with("./") || path.starts_with("/")) path.remove_prefix(path.front() == '.' ? 2 : 1);
    return srcroot_location(path);
  }
  const std::string normal = absolute.lexically_normal().string();
  const std::string base = strip_trailing_slashes(root);
  if (!base.empty() && base.front() == '/' && base != "/" && normal.size() > base.size() + 1 &&
      normal.compare(0, base.size(), base) == 0 && normal[base.size()] == '/') {
    return srcroot_location(std::string_view(normal).substr(base.size() + 1));
  }
  return file_uri_location(normal);
}

Json rule_json(const RuleInfo& rule) {
  Json tags = Json::array();
  auto add_tag = [&tags](const std::string& tag) {
    if (tag.empty()) return;
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  };
  add_tag(rule.pack);
  add_tag("security");
  for (const std::string& cwe : rule.cwe) add_tag(cwe_tag(cwe));
  for (const std::string& tag : rule.tags) add_tag(tag);
  // The pack, "security" and the CWEs come first, so they are what the cap keeps.
  if (tags.size() > report_detail::kMaxSarifTags) tags.erase(tags.begin() + report_detail::kMaxSarifTags, tags.end());

  Json properties{{"tags", std::move(tags)}};
  if (!rule.precision.empty()) properties["precision"] = rule.precision;
  properties["security-severity"] = format_security_severity(rule.security_severity);
  properties["problem.severity"] = problem_severity(rule.severity);

  const std::string& full = rule.full_description.empty() ? rule.short_description
                                                          : rule.full_description;
  return Json{
      {"id", rule.id},
      {"name", rule.name.empty() ? rule.id : rule.name},
      {"shortDescription", {{"text", rule.short_description}}},
      {"fullDescription", {{"text", full}}},
      {"help", {{"text", markdown_to_plain(rule.help_markdown)}, {"markdown", rule.help_markdown}}},
      {"defaultConfiguration", {{"level", severity_name(rule.severity)}}},
      {"properties", std::move(properties)},
  };
}

Json result_json(const ReportInput& input, const Finding& finding) {
  Json result{{"ruleId", finding.rule_id}};
  if (const auto index = report_rule_index(input, finding)) result["ruleIndex"] = *index;
  result["level"] = severity_name(finding.level);
  result["message"] = {{"text", finding.message}};

  Json artifact;
  if (!finding.relative_path.empty() && finding.relative_path.front() == '/') {
    artifact = file_uri_location(finding.relative_path);
  } else if (!finding.relative_path.empty()) {
    artifact = srcroot_location(finding.relative_path);
  } else {
    artifact = artifact_location_for_path(finding.path, input.root);
  }

  // SARIF requires lines and columns >= 1; a zero from a buggy matcher must not make the whole
  // upload invalid.
  const Region& r = finding.region;
  const std::uint32_t start_line = std::max<std::uint32_t>(r.start_line, 1);
  const std::uint32_t start_column = std::max<std::uint32_t>(r.start_column, 1);
  const std::uint32_t end_line = std::max(r.end_line, start_line);
  // A region never ends before it starts (on one line the end column is at least the start column).
  const std::uint32_t end_column =
      std::max<std::uint32_t>(r.end_column, end_line == start_line ? start_column : 1);
  Json region{{"startLine", start_line},
              {"startColumn", start_column},
              {"endLine", end_line},
              {"endColumn", end_column}};
  if (!finding.snippet.empty()) region["snippet"] = {{"text", finding.snippet}};

  result["locations"] = Json::array(
      {Json{{"physicalLocation", {{"artifactLocation", std::move(artifact)}, {"region", std::move(region)}}}}});
  if (!finding.fingerprint.empty()) {
    result["partialFingerprints"] = {{kFingerprintKey, finding.fingerprint}};
  }
  if (finding.suppression) {
    Json suppression{{"kind", suppression_kind_name(finding.suppression->kind)},
                     {"status", "accepted"}};
    if (!finding.suppression->justification.empty()) {
      suppression["justification"] = finding.suppression->justification;
    }
    result["suppressions"] = Json::array({std::move(suppression)});
  }
  return result;
}

Json notification_json(const ReportInput& input, const Diagnostic& diagnostic) {
  Json notification{{"level", diagnostic_level_name(diagnostic.level)},
                    {"message", {{"text", diagnostic.message}}}};
  if (!diagnostic.path.empty()) {
    notification["locations"] = Json::array({Json{
        {"physicalLocation",
         {{"artifactLocation", artifact_location_for_path(diagnostic.path, input.root)}}}}});
  }
  return notification;
}

}  // namespace

std::string sarif_automation_id(std::string_view category) {
  std::string id(category.empty() ? kToolName : category);
  if (id.back() != '/') id.push_back('/');
  return id;
}

void write_sarif(std::ostream& out, const ReportInput& input) {
  Json rules = Json::array();
  for (const RuleInfo& rule : input.rules) rules.push_back(rule_json(rule));

  std::vector<Json> results;
  results.reserve(input.findings.size());
  for (const Finding& finding : input.findings) results.push_back(result_json(input, finding));

  Json notifications = Json::array();
  Json omitted = report_detail::limit_sarif_results(results);
  if (!omitted.is_null()) notifications.push_back(std::move(omitted));
  for (const Diagnostic& diagnostic : input.diagnostics) {
    notifications.push_back(notification_json(input, diagnostic));
  }

  Json run{
      {"tool",
       {{"driver",
         {{"name", kToolName},
          {"semanticVersion", kToolVersion},
          {"informationUri", kInformationUri},
          {"rules", std::move(rules)}}}}},
      {"automationDetails", {{"id", sarif_automation_id(input.sarif_category)}}},
  };
  // Only an absolute root can be a file:// base; a relative one would turn its first segment
  // into a URI host, so it is left out and consumers resolve %SRCROOT% themselves.
  if (!input.root.empty() && input.root.front() == '/') {
    std::string base = strip_trailing_slashes(input.root);
    if (base != "/") base.push_back('/');
    run["originalUriBaseIds"] = {{kSrcRoot, {{"uri", "file://" + uri_encode_path(base)}}}};
  }
  run["invocations"] = Json::array({Json{{"executionSuccessful", input.complete},
                                         {"toolExecutionNotifications", std::move(notifications)}}});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  const Json log{{"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
  out << log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace citizenscan
