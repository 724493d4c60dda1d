// The plain JSON report; its shape is documented next to write_json in report.h.
#include <nlohmann/json.hpp>

#include "citizenscan/report.h"

namespace citizenscan {
namespace {

using Json = nlohmann::ordered_json;

Json finding_json(const Finding& finding) {
  Json entry{
      {"rule_id", finding.rule_id},
      {"path", finding.path},
      {"relative_path", finding.relative_path},
      {"language", language_name(finding.language)},
      {"level", severity_name(finding.level)},
      {"line", finding.region.start_line},
      {"column", finding.region.start_column},
      {"end_line", finding.region.end_line},
      {"end_column", finding.region.end_column},
      {"message", finding.message},
      {"snippet", finding.snippet},
      {"fingerprint", finding.fingerprint},
      {"suppressed", finding.suppression.has_value()},
  };
  if (finding.suppression) {
    entry["suppression_kind"] = suppression_kind_name(finding.suppression->kind);
    entry["suppression_justification"] = finding.suppression->justification;
  } else {
    entry["suppression_kind"] = nullptr;
    entry["suppression_justification"] = nullptr;
  }
  return entry;
}

Json counts_json(const SeverityCounts& counts) {
  return Json{{"error", counts.error}, {"warning", counts.warning}, {"note", counts.note}};
}

}  // namespace

void write_json(std::ostream& out, const ReportInput& input) {
  Json findings = Json::array();
  for (const Finding& finding : input.findings) findings.push_back(finding_json(finding));

  Json diagnostics = Json::array();
  for (const Diagnostic& diagnostic : input.diagnostics) {
    diagnostics.push_back(Json{{"path", diagnostic.path},
                               {"level", diagnostic_level_name(diagnostic.level)},
                               {"message", diagnostic.message}});
  }

  const ReportSummary summary = summarize_report(input);
  Json by_pack = Json::object();
  for (const auto& [pack, counts] : summary.by_pack) by_pack[pack] = counts_json(counts);

  const Json report{
      {"tool", kToolName},
      {"version", kToolVersion},
      {"root", input.root},
      {"complete", input.complete},
      {"findings", std::move(findings)},
      {"diagnostics", std::move(diagnostics)},
      {"summary",
       {{"files_scanned", summary.files_scanned},
        {"findings", summary.findings},
        {"suppressed", summary.suppressed},
        {"baselined", summary.baselined},
        {"by_pack", std::move(by_pack)}}},
  };
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_jsonl_findings(std::ostream& out, const std::vector<Finding>& findings) {
  for (const Finding& finding : findings) {
    Json line{{"type", "finding"}};
    line.update(finding_json(finding));
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

void write_jsonl_tail(std::ostream& out, const ReportInput& input, const ReportSummary& summary) {
  for (const Diagnostic& diagnostic : input.diagnostics) {
    const Json line{{"type", "diagnostic"},
                    {"path", diagnostic.path},
                    {"level", diagnostic_level_name(diagnostic.level)},
                    {"message", diagnostic.message}};
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  Json by_pack = Json::object();
  for (const auto& [pack, counts] : summary.by_pack) by_pack[pack] = counts_json(counts);
  const Json line{{"type", "summary"},
                  {"tool", kToolName},
                  {"version", kToolVersion},
                  {"root", input.root},
                  {"complete", input.complete},
                  {"files_scanned", summary.files_scanned},
                  {"findings", summary.findings},
                  {"suppressed", summary.suppressed},
                  {"baselined", summary.baselined},
                  {"by_pack", std::move(by_pack)}};
  out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace citizenscan
