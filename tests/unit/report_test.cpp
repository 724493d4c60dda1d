#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "citizenscan/report.h"
#include "../support/sarif_checks.h"

namespace citizenscan {
namespace {

using nlohmann::json;

RuleInfo make_rule(std::string id, std::string pack, Severity severity, double security_severity) {
  RuleInfo rule;
  rule.id = std::move(id);
  rule.pack = std::move(pack);
  rule.name = "SomeRule";
  rule.short_description = "Short description.";
  rule.full_description = "Full description.";
  rule.help_markdown = "## What\n\nA `secret` in **code**.\n\n```python\nx = os.environ[\"K\"]\n```\n";
  rule.severity = severity;
  rule.security_severity = security_severity;
  rule.precision = "high";
  return rule;
}

Finding make_finding(std::uint32_t rule_index, std::string rule_id, std::string relative_path,
                     Severity level, std::uint32_t line) {
  Finding finding;
  finding.rule_index = rule_index;
  finding.rule_id = std::move(rule_id);
  finding.relative_path = relative_path;
  finding.path = "repo/" + relative_path;
  finding.language = Language::Python;
  finding.level = level;
  finding.region = {line, 5, line, 31, 0, 0};
  finding.message = "`API_KEY` holds a Stripe live secret key";
  finding.snippet = "API_KEY = \"sk_live_****\"";
  finding.fingerprint = "0123abcd";
  return finding;
}

// One scan's worth of data, built by hand: three rules in two packs, findings (one suppressed),
// and diagnostics of every level.
struct Fixture {
  std::vector<RuleInfo> rules;
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;

  Fixture() {
    rules.push_back(make_rule("credentials/stripe-key", "credentials", Severity::Error, 8.5));
    rules.back().cwe = {"CWE-798"};
    rules.back().tags = {"secrets"};
    rules.push_back(make_rule("db-loops/query-in-loop", "db-loops", Severity::Warning, 4.0));
    rules.push_back(make_rule("pii/unencrypted-column", "pii", Severity::Note, 3.26));

    findings.push_back(make_finding(0, "credentials/stripe-key", "app/settings.py", Severity::Error, 12));
    findings.push_back(make_finding(1, "db-loops/query-in-loop", "app/views.py", Severity::Warning, 40));
    findings.back().snippet = "for user in users:\n    cursor.execute(q, user.id)";
    Finding suppressed = make_finding(0, "credentials/stripe-key", "tests/fake.py", Severity::Error, 3);
    suppressed.suppression = Suppression{SuppressionKind::InSource, "test fixture"};
    findings.push_back(suppressed);

    diagnostics.push_back({"/scan/root/big.min.js", DiagnosticLevel::Note, "skipped: minified file"});
    diagnostics.push_back({"data/blob.bin", DiagnosticLevel::Warning, "skipped: binary file"});
    diagnostics.push_back({"", DiagnosticLevel::Error, "parse timed out"});
  }

  ReportInput input() const {
    ReportInput in{rules, findings, diagnostics, "/scan/root"};
    in.files_scanned = 41;
    in.complete = false;
    return in;
  }
};

std::string sarif_of(const ReportInput& input) {
  std::ostringstream out;
  write_sarif(out, input);
  return out.str();
}

std::string text_of(const ReportInput& input, TextOptions options = {}) {
  std::ostringstream out;
  write_text(out, input, options);
  return out.str();
}

std::string json_of(const ReportInput& input) {
  std::ostringstream out;
  write_json(out, input);
  return out.str();
}

TEST(UriEncodePath, KeepsUnreservedAndSlashes) {
  EXPECT_EQ(uri_encode_path("src/app-v1.2_x~/main.py"), "src/app-v1.2_x~/main.py");
}

TEST(UriEncodePath, EncodesEverythingElseBytewiseUppercase) {
  EXPECT_EQ(uri_encode_path("my file.py"), "my%20file.py");
  EXPECT_EQ(uri_encode_path("a\nb"), "a%0Ab");
  EXPECT_EQ(uri_encode_path(std::string("bad\xff.py")), "bad%FF.py");
  EXPECT_EQ(uri_encode_path("100%#?:"), "100%25%23%3F%3A");
  EXPECT_EQ(uri_encode_path("caf\xc3\xa9"), "caf%C3%A9");
  EXPECT_EQ(uri_encode_path(""), "");
}

TEST(Sarif, TopLevelShape) {
  const Fixture fixture;
  const json log = json::parse(sarif_of(fixture.input()));
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1U);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "citizenscan");
  EXPECT_EQ(run["tool"]["driver"]["semanticVersion"], std::string(kToolVersion));
  EXPECT_EQ(run["tool"]["driver"]["informationUri"], "https://github.com/citizenscan/citizenscan");
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["automationDetails"]["id"], "citizenscan/");
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///scan/root/");
}

TEST(Sarif, ListsEveryRuleWithMetadata) {
  const Fixture fixture;
  const json run = json::parse(sarif_of(fixture.input()))["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3U);  // the pii rule has no finding but is listed anyway
  EXPECT_EQ(rules[2]["id"], "pii/unencrypted-column");

  const json& rule = rules[0];
  EXPECT_EQ(rule["id"], "credentials/stripe-key");
  EXPECT_EQ(rule["name"], "SomeRule");
  EXPECT_EQ(rule["shortDescription"]["text"], "Short description.");
  EXPECT_EQ(rule["fullDescription"]["text"], "Full description.");
  EXPECT_EQ(rule["help"]["markdown"], fixture.rules[0].help_markdown);
  EXPECT_EQ(rule["help"]["text"], "What\n\nA secret in code.\n\nx = os.environ[\"K\"]");
  EXPECT_EQ(rule["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rule["properties"]["tags"],
            json({"credentials", "security", "external/cwe/cwe-798", "secrets"}));
  EXPECT_EQ(rule["properties"]["precision"], "high");
  EXPECT_EQ(rule["properties"]["security-severity"], "8.5");
  EXPECT_EQ(rule["properties"]["problem.severity"], "error");
  EXPECT_EQ(rules[1]["properties"]["security-severity"], "4.0");
  EXPECT_EQ(rules[2]["properties"]["security-severity"], "3.3");
  EXPECT_EQ(rules[2]["properties"]["problem.severity"], "recommendation");
}

TEST(Sarif, ResultsCarryLocationFingerprintAndSuppression) {
  const Fixture fixture;
  const json run = json::parse(sarif_of(fixture.input()))["runs"][0];
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 3U);

  const json& first = results[0];
  EXPECT_EQ(first["ruleId"], "credentials/stripe-key");
  EXPECT_EQ(first["ruleIndex"], 0);
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["message"]["text"], "`API_KEY` holds a Stripe live secret key");
  const json& physical = first["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"]["uri"], "app/settings.py");
  EXPECT_EQ(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(physical["region"]["startLine"], 12);
  EXPECT_EQ(physical["region"]["startColumn"], 5);
  EXPECT_EQ(physical["region"]["endLine"], 12);
  EXPECT_EQ(physical["region"]["endColumn"], 31);
  EXPECT_EQ(physical["region"]["snippet"]["text"], "API_KEY = \"sk_live_****\"");
  EXPECT_EQ(first["partialFingerprints"]["citizenscan/v1"], "0123abcd");
  EXPECT_FALSE(first.contains("suppressions"));

  EXPECT_EQ(results[1]["ruleIndex"], 1);
  EXPECT_EQ(results[1]["level"], "warning");

  const json& suppressed = results[2];
  ASSERT_EQ(suppressed["suppressions"].size(), 1U);
  EXPECT_EQ(suppressed["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(suppressed["suppressions"][0]["status"], "accepted");
  EXPECT_EQ(suppressed["suppressions"][0]["justification"], "test fixture");
}

TEST(Sarif, ExternalSuppressionKind) {
  Fixture fixture;
  fixture.findings[2].suppression = Suppression{SuppressionKind::External, "baseline"};
  const json run = json::parse(sarif_of(fixture.input()))["runs"][0];
  EXPECT_EQ(run["results"][2]["suppressions"][0]["kind"], "external");
}

TEST(Sarif, RuleIndexFallsBackToRuleId) {
  Fixture fixture;
  fixture.findings[0].rule_index = 99;  // out of range
  fixture.findings[1].rule_index = 0;   // names another rule
  fixture.findings[2].rule_id = "custom/unknown";
  const json results = json::parse(sarif_of(fixture.input()))["runs"][0]["results"];
  EXPECT_EQ(results[0]["ruleIndex"], 0);
  EXPECT_EQ(results[1]["ruleIndex"], 1);
  EXPECT_FALSE(results[2].contains("ruleIndex"));
  EXPECT_EQ(results[2]["ruleId"], "custom/unknown");
}

TEST(Sarif, AbsoluteRelativePathBecomesFileUri) {
  Fixture fixture;
  fixture.findings[0].relative_path = "/elsewhere/a b.py";
  const json results = json::parse(sarif_of(fixture.input()))["runs"][0]["results"];
  const json& artifact = results[0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(artifact["uri"], "file:///elsewhere/a%20b.py");
  EXPECT_FALSE(artifact.contains("uriBaseId"));
}

TEST(Sarif, DiagnosticsBecomeToolExecutionNotifications) {
  const Fixture fixture;
  const json run = json::parse(sarif_of(fixture.input()))["runs"][0];
  ASSERT_EQ(run["invocations"].size(), 1U);
  const json& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  const json& notes = invocation["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 3U);
  EXPECT_EQ(notes[0]["level"], "note");
  EXPECT_EQ(notes[0]["message"]["text"], "skipped: minified file");
  // An absolute path under the root is made relative to %SRCROOT%.
  const json& first = notes[0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(first["uri"], "big.min.js");
  EXPECT_EQ(first["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(notes[1]["level"], "warning");
  // A relative path is relative to the current directory (as the user typed the target), which is
  // not under this fixture's root: an absolute file:// URI.
  EXPECT_EQ(notes[1]["locations"][0]["physicalLocation"]["artifactLocation"],
            json({{"uri", "file://" + uri_encode_path((std::filesystem::current_path() / "data/blob.bin").string())}}));
  EXPECT_EQ(notes[2]["level"], "error");
  EXPECT_FALSE(notes[2].contains("locations"));
}

// `citizenscan scan sub` roots the scan at sub/ and names a skipped file "sub/bin.py": relative to
// the current directory, not to the root. Its notification must point at bin.py under %SRCROOT%
// (it pointed at sub/sub/bin.py), also when the target was typed ".//sub" (it was "/sub/bin.py",
// an absolute path given as relative to %SRCROOT%). Found by the SARIF checks of the fuzz targets.
TEST(Sarif, NotificationPathsAreRelativeToTheCurrentDirectoryNotTheRoot) {
  const std::string root = (std::filesystem::current_path() / "sub").string();
  const std::vector<RuleInfo> rules;
  const std::vector<Finding> findings;
  const std::vector<Diagnostic> diagnostics{{"sub/bin.py", DiagnosticLevel::Note, "binary"},
                                            {".//sub/deep/../bin.py", DiagnosticLevel::Note, "binary"},
                                            {"../elsewhere.py", DiagnosticLevel::Note, "binary"},
                                            {root + "/abs.py", DiagnosticLevel::Note, "binary"}};
  const std::string sarif = sarif_of(ReportInput{rules, findings, diagnostics, root});
  EXPECT_EQ(testing::sarif_problems(sarif), std::vector<std::string>{});
  const json notes = json::parse(sarif)["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 4U);
  auto artifact = [&](int i) { return notes[i]["locations"][0]["physicalLocation"]["artifactLocation"]; };
  EXPECT_EQ(artifact(0), json({{"uri", "bin.py"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(artifact(1), json({{"uri", "bin.py"}, {"uriBaseId", "%SRCROOT%"}}));
  const std::string parent = std::filesystem::current_path().parent_path().string();
  EXPECT_EQ(artifact(2), json({{"uri", "file://" + uri_encode_path(parent + "/elsewhere.py")}}));
  EXPECT_EQ(artifact(3), json({{"uri", "abs.py"}, {"uriBaseId", "%SRCROOT%"}}));
}

TEST(Sarif, CompleteScanIsSuccessful) {
  const Fixture fixture;
  ReportInput input = fixture.input();
  input.complete = true;
  const json run = json::parse(sarif_of(input))["runs"][0];
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], true);
}

TEST(Sarif, RootWithTrailingSlashAndSpacesIsEncodedOnce) {
  const Fixture fixture;
  ReportInput input = fixture.input();
  input.root = "/home/me/my repo/";
  const json run = json::parse(sarif_of(input))["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///home/me/my%20repo/");
}

TEST(Sarif, InvalidUtf8DoesNotThrowAndStaysValidJson) {
  Fixture fixture;
  fixture.findings[0].relative_path = std::string("bad\xff\xfename.py");
  fixture.findings[0].path = std::string("repo/bad\xff\xfename.py");
  fixture.findings[0].snippet = std::string("x = \"\xc3\x28\"");
  fixture.diagnostics[1].path = std::string("odd\x80.bin");
  std::string sarif;
  ASSERT_NO_THROW(sarif = sarif_of(fixture.input()));
  EXPECT_EQ(testing::sarif_problems(sarif), std::vector<std::string>{});
  const json log = json::parse(sarif);
  const json& result = log["runs"][0]["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "bad%FF%FEname.py");
  // The snippet keeps its valid parts; the bad bytes become U+FFFD.
  const std::string snippet = result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"];
  EXPECT_NE(snippet.find("\xef\xbf\xbd"), std::string::npos);

  std::string json_report;
  ASSERT_NO_THROW(json_report = json_of(fixture.input()));
  EXPECT_TRUE(json::accept(json_report));
}

// The structural checks shared by the SARIF tests and the SARIF fuzz target (tests/support): the
// fixture's log keeps them, and each kind of damage is named with its place in the log.
TEST(SarifChecks, AcceptTheWritersLogAndNameEachBreakage) {
  const Fixture fixture;
  const std::string sarif = sarif_of(fixture.input());
  EXPECT_EQ(testing::sarif_problems(sarif), std::vector<std::string>{});

  auto problems_after = [&](auto&& damage) {
    json log = json::parse(sarif);
    damage(log["runs"][0]);
    return testing::sarif_problems(log.dump());
  };
  using Problems = std::vector<std::string>;
  EXPECT_EQ(problems_after([](json& run) { run["results"][0]["locations"][0]["physicalLocation"]["region"]["endLine"] = 11; }),
            (Problems{R"(runs[0].results[0].locations[0].physicalLocation.region: ends before it starts {"endColumn":31,"endLine":11,"snippet":{"text":"API_KEY = \"sk_live_****\""},"startColumn":5,"startLine":12})"}));
  EXPECT_EQ(problems_after([](json& run) { run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "app/my views.py"; }),
            (Problems{"runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri: unencoded character at offset 6"}));
  EXPECT_EQ(problems_after([](json& run) { run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "//host/a.py"; }),
            (Problems{"runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri: '//host/a.py' relative to %SRCROOT% starts with '/'"}));
  EXPECT_EQ(problems_after([](json& run) { run["invocations"][0]["toolExecutionNotifications"][1]["locations"][0]["physicalLocation"]["artifactLocation"] = {{"uri", "file://host/x%2"}}; }),
            (Problems{"runs[0].invocations[0].toolExecutionNotifications[1].locations[].physicalLocation.artifactLocation.uri: 'file://host/x%2' has neither a uriBaseId nor a file:/// prefix"}));
  EXPECT_EQ(problems_after([](json& run) { run["results"][2]["ruleIndex"] = 1; }),
            (Problems{R"(runs[0].results[2].ruleIndex: names rule "db-loops/query-in-loop", not "credentials/stripe-key")"}));
  EXPECT_EQ(problems_after([](json& run) { run["results"][0]["ruleIndex"] = 3; }),
            (Problems{"runs[0].results[0].ruleIndex: 3 is past the 3 rules"}));
  EXPECT_EQ(problems_after([](json& run) { run["tool"]["driver"]["rules"][1]["properties"]["tags"] = json(21, "t"); }).front(),
            "runs[0].tool.driver.rules[1].properties.tags: 21 tags");
  EXPECT_EQ(problems_after([](json& run) { run["tool"]["driver"]["rules"][0]["properties"]["security-severity"] = "11"; }),
            (Problems{"runs[0].tool.driver.rules[0].properties.security-severity: '11' is not a number from 0.0 to 10.0"}));
  EXPECT_EQ(problems_after([](json& run) { run["tool"]["driver"]["rules"][2]["id"] = "db-loops/query-in-loop"; }),
            (Problems{R"(runs[0].tool.driver.rules[2].id: "db-loops/query-in-loop" is listed twice)"}));
  EXPECT_EQ(problems_after([](json& run) { run["results"][0].erase("message"); }),
            (Problems{"runs[0].results[0]: missing 'message'"}));
  EXPECT_EQ(problems_after([](json& run) { run["automationDetails"]["id"] = "citizenscan"; }),
            (Problems{R"(runs[0].automationDetails.id: "citizenscan" does not end with '/')"}));
  EXPECT_EQ(testing::sarif_problems(sarif.substr(0, sarif.size() / 2)), (Problems{"log: not JSON (or not valid UTF-8)"}));
  EXPECT_EQ(testing::sarif_problems("[]"), (Problems{"log: not an object"}));
}

TEST(Report, EveryFormatIsByteDeterministic) {
  const Fixture fixture;
  EXPECT_EQ(sarif_of(fixture.input()), sarif_of(fixture.input()));
  EXPECT_EQ(json_of(fixture.input()), json_of(fixture.input()));
  EXPECT_EQ(text_of(fixture.input()), text_of(fixture.input()));
}

TEST(Sarif, EmptyScan) {
  const std::vector<RuleInfo> rules;
  const std::vector<Finding> findings;
  const std::vector<Diagnostic> diagnostics;
  const ReportInput input{rules, findings, diagnostics, "/r"};
  const json run = json::parse(sarif_of(input))["runs"][0];
  EXPECT_TRUE(run["results"].is_array());
  EXPECT_TRUE(run["results"].empty());
  EXPECT_TRUE(run["tool"]["driver"]["rules"].empty());
  EXPECT_TRUE(run["invocations"][0]["toolExecutionNotifications"].empty());
}

TEST(Json, FindingsDiagnosticsAndSummary) {
  const Fixture fixture;
  const json report = json::parse(json_of(fixture.input()));
  EXPECT_EQ(report["version"], std::string(kToolVersion));
  EXPECT_EQ(report["root"], "/scan/root");
  ASSERT_EQ(report["findings"].size(), 3U);
  const json& first = report["findings"][0];
  EXPECT_EQ(first["rule_id"], "credentials/stripe-key");
  EXPECT_EQ(first["path"], "repo/app/settings.py");
  EXPECT_EQ(first["relative_path"], "app/settings.py");
  EXPECT_EQ(first["language"], "python");
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["line"], 12);
  EXPECT_EQ(first["column"], 5);
  EXPECT_EQ(first["end_line"], 12);
  EXPECT_EQ(first["end_column"], 31);
  EXPECT_EQ(first["fingerprint"], "0123abcd");
  EXPECT_EQ(first["suppressed"], false);
  EXPECT_TRUE(first["suppression_justification"].is_null());
  EXPECT_EQ(report["findings"][2]["suppressed"], true);
  EXPECT_EQ(report["findings"][2]["suppression_justification"], "test fixture");

  ASSERT_EQ(report["diagnostics"].size(), 3U);
  EXPECT_EQ(report["diagnostics"][1]["path"], "data/blob.bin");
  EXPECT_EQ(report["diagnostics"][1]["level"], "warning");

  const json& summary = report["summary"];
  EXPECT_EQ(summary["files_scanned"], 41);
  EXPECT_EQ(summary["findings"], 2);
  EXPECT_EQ(summary["suppressed"], 1);
  EXPECT_EQ(summary["by_pack"]["credentials"], json({{"error", 1}, {"warning", 0}, {"note", 0}}));
  EXPECT_EQ(summary["by_pack"]["db-loops"], json({{"error", 0}, {"warning", 1}, {"note", 0}}));
  EXPECT_FALSE(summary["by_pack"].contains("pii"));
}

TEST(Text, FindingLinesSnippetsDiagnosticsAndSummary) {
  const Fixture fixture;
  const std::string text = text_of(fixture.input());
  EXPECT_NE(text.find("repo/app/settings.py:12:5  error    credentials/stripe-key  "
                      "`API_KEY` holds a Stripe live secret key\n"
                      "    | API_KEY = \"sk_live_****\"\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("repo/app/views.py:40:5  warning  db-loops/query-in-loop  "),
            std::string::npos);
  EXPECT_NE(text.find("    | for user in users:\n    |     cursor.execute(q, user.id)\n"),
            std::string::npos);
  EXPECT_EQ(text.find("tests/fake.py"), std::string::npos) << "suppressed finding shown";

  EXPECT_NE(text.find("/scan/root/big.min.js: note: skipped: minified file\n"), std::string::npos);
  EXPECT_NE(text.find("data/blob.bin: warning: skipped: binary file\n"), std::string::npos);
  EXPECT_NE(text.find("citizenscan: error: parse timed out\n"), std::string::npos);

  EXPECT_NE(text.find("2 findings in 2 files (41 files scanned, 1 suppressed not shown)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  pack         error  warning  note\n"
                      "  credentials      1        0     0\n"
                      "  db-loops         0        1     0\n"
                      "  total            1        1     0\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("scan incomplete"), std::string::npos);
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << "colour codes without --color";
}

TEST(Text, ShowSuppressedListsThemWithJustification) {
  const Fixture fixture;
  const std::string text = text_of(fixture.input(), {.color = false, .show_suppressed = true});
  EXPECT_NE(text.find("repo/tests/fake.py:3:5  error    credentials/stripe-key  "
                      "`API_KEY` holds a Stripe live secret key  [suppressed: test fixture]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("1 suppressed)"), std::string::npos) << text;
}

TEST(Text, ColorWhenAsked) {
  const Fixture fixture;
  const std::string text = text_of(fixture.input(), {.color = true, .show_suppressed = false});
  EXPECT_NE(text.find("\x1b[31merror\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[33mwarning\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[1mrepo/app/settings.py:12:5\x1b[0m"), std::string::npos);
}

TEST(Text, NoFindings) {
  const std::vector<RuleInfo> rules;
  const std::vector<Finding> findings;
  const std::vector<Diagnostic> diagnostics;
  ReportInput input{rules, findings, diagnostics, "/r"};
  input.files_scanned = 1;
  EXPECT_EQ(text_of(input), "no findings (1 file scanned)\n");
}

TEST(Text, ControlCharactersFromTheTreeAreEscaped) {
  Fixture fixture;
  fixture.findings[0].path = "evil\x1b]0;title\x07.py";
  fixture.findings[0].snippet = "x = 1\r\n";
  const std::string text = text_of(fixture.input(), {.color = false, .show_suppressed = false});
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
  EXPECT_NE(text.find("evil\\x1b]0;title\\x07.py:12:5"), std::string::npos) << text;
  EXPECT_NE(text.find("    | x = 1\n\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace citizenscan
