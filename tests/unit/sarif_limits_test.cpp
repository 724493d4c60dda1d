// The limits GitHub code scanning puts on an upload: results per run, tags per rule, categories,
// regions. (The SARIF multitool's GitHub rules do not check the tag limit, so it is tested here.)
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "citizenscan/report.h"
#include "citizenscan/rules.h"
#include "../support/sarif_checks.h"

namespace citizenscan {
namespace {

using nlohmann::json;

RuleInfo rule_named(std::string id, std::string pack) {
  RuleInfo rule;
  rule.id = std::move(id);
  rule.pack = std::move(pack);
  rule.name = "SomeRule";
  rule.short_description = "Short.";
  rule.severity = Severity::Warning;
  return rule;
}

Finding finding_at(std::string path, std::uint32_t line, Severity level) {
  Finding finding;
  finding.rule_id = "pack/rule";
  finding.path = path;
  finding.relative_path = std::move(path);
  finding.level = level;
  finding.region = {line, 1, line, 9, 0, 0};
  finding.message = "`x` is something.";
  finding.fingerprint = "ab" + std::to_string(line);
  return finding;
}

json sarif_run(const ReportInput& input) {
  std::ostringstream out;
  write_sarif(out, input);
  return json::parse(out.str())["runs"][0];
}

// 25,000 notes plus, scattered among them, errors, warnings and suppressed errors: the run keeps
// every error and warning, drops notes before them, and drops suppressed results first of all.
TEST(SarifLimits, AtMost25000ResultsKeepingTheMostSevereInOrder) {
  const std::vector<RuleInfo> rules{rule_named("pack/rule", "pack")};
  std::vector<Finding> findings;
  for (std::uint32_t i = 1; i <= 25000; ++i) {
    Severity level = Severity::Note;
    if (i % 1000 == 0) level = Severity::Error;
    if (i % 1000 == 500) level = Severity::Warning;
    findings.push_back(finding_at("a.py", i, level));
    if (i % 5000 == 0) {
      Finding suppressed = finding_at("a.py", i, Severity::Error);
      suppressed.message = "suppressed";
      suppressed.suppression = Suppression{SuppressionKind::External, "baseline"};
      findings.push_back(std::move(suppressed));
    }
  }
  findings.push_back(finding_at("b.py", 1, Severity::Error));  // 25,006 in all
  const std::vector<Diagnostic> diagnostics;
  const json run = sarif_run(ReportInput{rules, findings, diagnostics, "/r"});

  const json& results = run["results"];
  ASSERT_EQ(results.size(), 25000U);
  std::size_t errors = 0, warnings = 0, suppressed = 0;
  for (const json& result : results) {
    if (result.contains("suppressions")) ++suppressed;
    else if (result["level"] == "error") ++errors;
    else if (result["level"] == "warning") ++warnings;
  }
  EXPECT_EQ(errors, 26U);
  EXPECT_EQ(warnings, 25U);
  EXPECT_EQ(suppressed, 0U);
  // Still in the scan's order, the last note dropped first: the notes kept are lines 1 onwards.
  EXPECT_EQ(results.front()["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
  EXPECT_EQ(results.back()["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "b.py");

  const json& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes[0]["level"], "warning");
  EXPECT_EQ(notes[0]["message"]["text"],
            "6 more results are not in this SARIF run (GitHub code scanning accepts at most 25000 per run; the "
            "most severe were kept): 0 error, 0 warning, 1 note, 5 suppressed. --format json lists every finding.");
}

TEST(SarifLimits, MergedShardsKeepTheLimitToo) {
  const std::vector<RuleInfo> rules{rule_named("pack/rule", "pack")};
  const std::vector<Diagnostic> diagnostics;
  std::vector<std::pair<std::string, std::string>> logs;
  for (const char* path : {"a.py", "b.py"}) {
    std::vector<Finding> findings;
    for (std::uint32_t i = 1; i <= 13000; ++i) findings.push_back(finding_at(path, i, Severity::Note));
    findings.push_back(finding_at(path, 13001, Severity::Error));
    std::ostringstream out;
    write_sarif(out, ReportInput{rules, findings, diagnostics, "/r"});
    logs.emplace_back(path, out.str());
  }
  const json run = json::parse(merge_sarif(logs))["runs"][0];
  ASSERT_EQ(run["results"].size(), 25000U);
  const auto errors = std::count_if(run["results"].begin(), run["results"].end(),
                                    [](const json& r) { return r["level"] == "error"; });
  EXPECT_EQ(errors, 2);
  const json& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_NE(notes[0]["message"]["text"].get<std::string>().find("1002 more results"), std::string::npos);
}

TEST(SarifLimits, AtMost20TagsPerRuleKeepingPackSecurityAndCwes) {
  std::vector<RuleInfo> rules{rule_named("pack/rule", "pack")};
  rules[0].cwe = {"CWE-798", "CWE-312"};
  for (int i = 0; i < 30; ++i) rules[0].tags.push_back("tag-" + std::to_string(i));
  const std::vector<Finding> findings;
  const std::vector<Diagnostic> diagnostics;
  const json tags = sarif_run(ReportInput{rules, findings, diagnostics, "/r"})["tool"]["driver"]["rules"][0]
                        ["properties"]["tags"];
  ASSERT_EQ(tags.size(), 20U);
  EXPECT_EQ(tags[0], "pack");
  EXPECT_EQ(tags[1], "security");
  EXPECT_EQ(tags[2], "external/cwe/cwe-798");
  EXPECT_EQ(tags[3], "external/cwe/cwe-312");
  EXPECT_EQ(tags[19], "tag-15");
}

// The cap must never take anything away from the packs we ship: each built-in rule's tags (pack,
// "security", its CWEs and its own tags) fit in 20.
TEST(SarifLimits, BuiltinRulesFitIn20Tags) {
  const RuleSet rules = RuleSet::load_builtin_and({});
  ASSERT_FALSE(rules.infos().empty());
  for (const RuleInfo& rule : rules.infos()) {
    std::vector<std::string> tags{rule.pack, "security"};
    for (const std::string& cwe : rule.cwe) tags.push_back(cwe);
    tags.insert(tags.end(), rule.tags.begin(), rule.tags.end());
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    EXPECT_LE(tags.size(), 20U) << rule.id;
  }
}

TEST(SarifLimits, CategoryBecomesTheAutomationId) {
  const std::vector<RuleInfo> rules;
  const std::vector<Finding> findings;
  const std::vector<Diagnostic> diagnostics;
  ReportInput input{rules, findings, diagnostics, "/r"};
  EXPECT_EQ(sarif_run(input)["automationDetails"]["id"], "citizenscan/");
  input.sarif_category = "citizenscan-pr";
  EXPECT_EQ(sarif_run(input)["automationDetails"]["id"], "citizenscan-pr/");
  input.sarif_category = "already/";
  EXPECT_EQ(sarif_run(input)["automationDetails"]["id"], "already/");
  EXPECT_EQ(sarif_automation_id(""), "citizenscan/");
}

TEST(SarifLimits, RegionsNeverEndBeforeTheyStart) {
  const std::vector<RuleInfo> rules{rule_named("pack/rule", "pack")};
  std::vector<Finding> findings{finding_at("a.py", 3, Severity::Error), finding_at("a.py", 5, Severity::Error)};
  findings[0].region = {3, 7, 3, 2, 0, 0};  // end column before the start column on one line
  findings[1].region = {5, 4, 2, 1, 0, 0};  // end line before the start line
  const std::vector<Diagnostic> diagnostics;
  std::ostringstream out;
  write_sarif(out, ReportInput{rules, findings, diagnostics, "/r"});
  EXPECT_EQ(testing::sarif_problems(out.str()), std::vector<std::string>{});
  const json results = json::parse(out.str())["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2U);
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"],
            json::parse(R"({"startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 7})"));
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"],
            json::parse(R"({"startLine": 5, "startColumn": 4, "endLine": 5, "endColumn": 4})"));
}

}  // namespace
}  // namespace citizenscan
