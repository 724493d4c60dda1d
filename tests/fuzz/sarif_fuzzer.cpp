// SARIF writer: rules, findings and diagnostics with arbitrary ids, paths, messages, snippets,
// regions and root. The log must always keep the rules of tests/support/sarif_checks.h (the
// checks the SARIF tests use), and so must the merge of it with itself (citizenscan merge).
// The JSON report must always be JSON.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>

#include <fuzzer/FuzzedDataProvider.h>
#include <nlohmann/json.hpp>

#include "fuzz_support.h"

using namespace citizenscan;

namespace {

std::string text(FuzzedDataProvider& in, std::size_t max_length = 64) { return in.ConsumeRandomLengthString(max_length); }

RuleInfo rule_from(FuzzedDataProvider& in) {
  RuleInfo rule;
  rule.pack = text(in, 16);
  rule.id = in.ConsumeBool() ? rule.pack + "/" + text(in, 24) : text(in, 24);
  rule.name = text(in, 24);
  rule.short_description = text(in);
  rule.full_description = text(in);
  rule.help_markdown = text(in, 256);
  rule.severity = in.PickValueInArray({Severity::Note, Severity::Warning, Severity::Error});
  rule.security_severity = in.ConsumeFloatingPoint<double>();
  // Tags come from a pack's JSON, so they are valid UTF-8 (two invalid ones could turn into the same
  // U+FFFD text and repeat): ASCII here.
  auto ascii = [](std::string value) {
    for (char& c : value) c = static_cast<char>(c & 0x7F);
    return value;
  };
  for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 3); n > 0; --n) rule.cwe.push_back(ascii(text(in, 12)));
  for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 24); n > 0; --n) rule.tags.push_back(ascii(text(in, 12)));
  rule.precision = text(in, 12);
  return rule;
}

Finding finding_from(FuzzedDataProvider& in, const std::vector<RuleInfo>& rules) {
  Finding finding;
  finding.rule_index = in.ConsumeIntegralInRange<std::uint32_t>(0, static_cast<std::uint32_t>(rules.size()) + 1);
  finding.rule_id = !rules.empty() && in.ConsumeBool() ? rules[in.ConsumeIntegralInRange<std::size_t>(0, rules.size() - 1)].id
                                                      : text(in, 24);
  finding.relative_path = text(in, 128);
  finding.path = in.ConsumeBool() ? text(in, 128) : "repo/" + finding.relative_path;
  finding.level = in.PickValueInArray({Severity::Note, Severity::Warning, Severity::Error});
  finding.region.start_line = in.ConsumeIntegral<std::uint32_t>();
  finding.region.start_column = in.ConsumeIntegral<std::uint32_t>();
  finding.region.end_line = in.ConsumeIntegral<std::uint32_t>();
  finding.region.end_column = in.ConsumeIntegral<std::uint32_t>();
  finding.message = text(in, 128);
  finding.snippet = text(in, 128);
  finding.fingerprint = text(in, 16);
  if (in.ConsumeBool()) {
    finding.suppression = Suppression{in.ConsumeBool() ? SuppressionKind::InSource : SuppressionKind::External, text(in)};
  }
  return finding;
}

std::string write(void (*writer)(std::ostream&, const ReportInput&), const ReportInput& input) {
  std::ostringstream out;
  writer(out, input);
  return out.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  std::vector<RuleInfo> rules;
  std::set<std::string> ids;
  for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 4); n > 0; --n) {
    rules.push_back(rule_from(in));
    // A RuleSet's ids are unique (a duplicate is a load error), so the writer may rely on it.
    while (!ids.insert(rules.back().id).second) rules.back().id += "+";
  }
  std::vector<Finding> findings;
  for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 8); n > 0; --n) findings.push_back(finding_from(in, rules));
  std::vector<Diagnostic> diagnostics;
  for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 6); n > 0; --n) {
    Diagnostic diagnostic;
    diagnostic.level = in.PickValueInArray({DiagnosticLevel::Note, DiagnosticLevel::Warning, DiagnosticLevel::Error});
    diagnostic.path = text(in, 128);
    diagnostic.message = text(in, 128);
    diagnostics.push_back(std::move(diagnostic));
  }
  std::sort(findings.begin(), findings.end(), finding_less);
  std::sort(diagnostics.begin(), diagnostics.end(), diagnostic_less);
  ReportInput input{rules, findings, diagnostics, text(in, 128)};
  input.complete = in.ConsumeBool();
  input.sarif_category = in.ConsumeRandomLengthString(32);

  const std::string sarif = write(write_sarif, input);
  fuzz::check_sarif(sarif, "write_sarif");
  std::string merged;
  try {
    merged = merge_sarif({{"a.sarif", sarif}, {"b.sarif", sarif}});
  } catch (const std::exception& error) {
    fuzz::fail(std::string("merge_sarif refused write_sarif's own log: ") + error.what());
  }
  fuzz::check_sarif(merged, "merge_sarif");
  if (!nlohmann::json::accept(write(write_json, input))) fuzz::fail("write_json wrote something that is not JSON");
  return 0;
}
