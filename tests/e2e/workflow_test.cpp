// End-to-end tests of the adoption workflows: .citizenscan.json, init, baselines, suppressions,
// git modes. Each test builds its own temp tree named after itself.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

const std::string kAwsKeyLine = "AWS_KEY = \"AKIAQ3EGRTY6KXMFZ7PN\"\n";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Workflow, ConfigIsFoundAboveTheScanRootButNotOutsideTheRepository) {
  TempTree tree("ConfigIsFoundAboveTheScanRootButNotOutsideTheRepository");
  tree.write(".citizenscan.json", R"({"failOn": "none"})");  // outside the repository: never read
  tree.write("repo/.git/HEAD", "ref: refs/heads/main\n");
  tree.write("repo/src/app.py", kAwsKeyLine);
  EXPECT_EQ(run_citizenscan({"scan", "repo/src"}, tree.path()).exit_code, 1);
  tree.write("repo/.citizenscan.json", R"({"disable": ["credentials/aws-access-key-id"]})");
  const RunResult run = run_citizenscan({"scan", "repo/src"}, tree.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run_citizenscan({"scan", "--no-config", "repo/src"}, tree.path()).exit_code, 1);
}

// A disabled rule stays off for SQL embedded in another language's strings, not only in .sql files.
TEST(Workflow, DisabledRuleIsOffInEmbeddedSqlToo) {
  TempTree tree("DisabledRuleIsOffInEmbeddedSqlToo");
  tree.write(".git/HEAD", "ref: refs/heads/main\n");
  tree.write("app.py", "def reset(cursor):\n    cursor.execute(\"UPDATE users SET active = 0\")\n");
  tree.write("q.sql", "UPDATE users SET active = 0;\n");
  const RunResult on = run_citizenscan({"scan", "-f", "json", "."}, tree.path());
  ASSERT_EQ(on.exit_code, 1) << on.out << on.err;
  const auto before = nlohmann::json::parse(on.out);
  std::set<std::string> paths;
  for (const auto& f : before["findings"]) {
    if (f["rule_id"] == "db-loops/update-without-where") paths.insert(f["relative_path"].get<std::string>());
  }
  EXPECT_EQ(paths, (std::set<std::string>{"app.py", "q.sql"}));
  tree.write(".citizenscan.json", R"({"disable": ["db-loops/update-without-where"]})");
  const RunResult off = run_citizenscan({"scan", "-f", "json", "."}, tree.path());
  EXPECT_EQ(off.exit_code, 0) << off.out << off.err;
  const auto after = nlohmann::json::parse(off.out);
  EXPECT_TRUE(after["findings"].empty()) << off.out;
}

TEST(Workflow, InvalidConfigExitsTwoNamingFileAndKey) {
  TempTree tree("InvalidConfigExitsTwoNamingFileAndKey");
  tree.write("app.py", "x = 1\n");
  tree.write(".citizenscan.json", R"({"severity": {"pii/pii-in-log": ["note"]}})");
  const RunResult run = run_citizenscan({"scan", "."}, tree.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(".citizenscan.json: severity.pii/pii-in-log: must be one of error, warning, note"),
            std::string::npos)
      << run.err;
  tree.write("other.json", R"({"disable": ["no-such-pack"]})");
  const RunResult explicit_config = run_citizenscan({"scan", "--config", "other.json", "."}, tree.path());
  EXPECT_EQ(explicit_config.exit_code, 2);
  EXPECT_NE(explicit_config.err.find("other.json: disable[0]: no loaded pack or rule is called 'no-such-pack'"),
            std::string::npos)
      << explicit_config.err;
}

TEST(Workflow, ConfigGlobsSeverityAndFailOnApplyAndFlagsWin) {
  TempTree tree("ConfigGlobsSeverityAndFailOnApplyAndFlagsWin");
  tree.write(".git/HEAD", "ref: refs/heads/main\n");
  tree.write("src/app.py", kAwsKeyLine);
  tree.write("src/legacy/old.py", kAwsKeyLine);
  tree.write(".citizenscan.json", R"({"exclude": ["src/legacy/"], "severity": {"credentials": "note"},
                                      "failOn": "warning"})");
  // Scanning a subfolder: the globs stay relative to the config file, the root is its folder.
  const RunResult run = run_citizenscan({"scan", "-f", "json", "src"}, tree.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  const auto report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["findings"].size(), 1u) << run.out;
  EXPECT_EQ(report["findings"][0]["relative_path"], "src/app.py");
  EXPECT_EQ(report["findings"][0]["level"], "note");
  EXPECT_EQ(run_citizenscan({"scan", "--fail-on", "note", "src"}, tree.path()).exit_code, 1);
  const auto sarif = nlohmann::json::parse(run_citizenscan({"scan", "-f", "sarif", "src"}, tree.path()).out);
  for (const auto& rule : sarif["runs"][0]["tool"]["driver"]["rules"]) {
    if (rule["id"] == "credentials/aws-access-key-id") EXPECT_EQ(rule["defaultConfiguration"]["level"], "note");
  }
}

TEST(Workflow, PiiSensitivityConfigRaisesAndLowersWhichKindsAreReported) {
  TempTree tree("PiiSensitivityConfigRaisesAndLowersWhichKindsAreReported");
  tree.write("job.py",
             "import logging\n"
             "log = logging.getLogger(__name__)\n"
             "def run(emp):\n"
             "    log.info('ssn %s', emp.ssn)\n"              // high: reported at every level
             "    log.info('born %s', emp.date_of_birth)\n"   // medium: not at low
             "    log.info('mail %s', emp.email)\n");         // low (a note): not at low
  tree.write("schema.sql",
             "CREATE TABLE staff (\n"
             "  id INTEGER PRIMARY KEY,\n"
             "  ssn VARCHAR(11),\n"                           // high: reported at every level
             "  home_address TEXT\n"                          // medium kind in storage: only at high
             ");\n");
  auto lines_at = [&](const std::string& level) {
    tree.write(".citizenscan.json", R"({"failOn": "none", "piiSensitivity": ")" + level + R"("})");
    const RunResult run = run_citizenscan({"scan", "-f", "json", "."}, tree.path());
    EXPECT_EQ(run.exit_code, 0) << run.err;
    std::set<std::string> found;
    const nlohmann::json report = nlohmann::json::parse(run.out);  // outlives the loop (a temporary would not)
    for (const auto& f : report["findings"]) {
      found.insert(f["relative_path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()));
    }
    return found;
  };
  EXPECT_EQ(lines_at("low"), (std::set<std::string>{"job.py:4", "schema.sql:3"}));
  EXPECT_EQ(lines_at("medium"), (std::set<std::string>{"job.py:4", "job.py:5", "job.py:6", "schema.sql:3"}));
  EXPECT_EQ(lines_at("high"),
            (std::set<std::string>{"job.py:4", "job.py:5", "job.py:6", "schema.sql:3", "schema.sql:4"}));
}

TEST(Workflow, InitWritesAStarterConfigThatScansAndAPrecommitEntry) {
  TempTree tree("InitWritesAStarterConfigThatScansAndAPrecommitEntry");
  tree.write("app.py", kAwsKeyLine);
  const RunResult init = run_citizenscan({"init"}, tree.path());
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(slurp(tree.path() / ".citizenscan.json").find("// citizenscan project configuration"), std::string::npos);
  const std::string hook = slurp(tree.path() / ".pre-commit-config.yaml");
  EXPECT_NE(hook.find("- id: citizenscan"), std::string::npos) << hook;  // .pre-commit-hooks.yaml's hook
  const RunResult scan = run_citizenscan({"scan", "."}, tree.path());
  EXPECT_EQ(scan.exit_code, 1) << scan.out << scan.err;

  const RunResult again = run_citizenscan({"init"}, tree.path());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("exists; use --force"), std::string::npos) << again.err;
  const RunResult forced = run_citizenscan({"init", "--force"}, tree.path());
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(forced.out.find("add this hook to it"), std::string::npos) << forced.out;
  EXPECT_EQ(slurp(tree.path() / ".pre-commit-config.yaml"), hook) << "an existing pre-commit config was changed";
}

}  // namespace
}  // namespace citizenscan::testing

namespace citizenscan::testing {
namespace {

TEST(Workflow, BaselineIsStableSurvivesMovedCodeAndCatchesANewSecret) {
  TempTree tree("BaselineIsStableSurvivesMovedCodeAndCatchesANewSecret");
  tree.write("app.py", "import os\n" + kAwsKeyLine + "PASSWORD = os.environ['PW']\n");
  tree.write("lib/db.py", "DATABASE_URL = 'postgres://bot:Spr1ngTime2024x@db.internal:5432/fin'\n");
  const RunResult create = run_citizenscan({"baseline", "create", "."}, tree.path());
  ASSERT_EQ(create.exit_code, 0) << create.out << create.err;
  const fs::path baseline = tree.path() / ".citizenscan-baseline.json";
  const std::string first = slurp(baseline);
  EXPECT_EQ(first.find("AKIAQ3EGRTY6KXMFZ7PN"), std::string::npos) << first;
  EXPECT_EQ(first.find("Spr1ngTime2024x"), std::string::npos) << first;
  EXPECT_EQ(first.find("\"line\""), std::string::npos) << "no line numbers in a baseline:\n" << first;
  ASSERT_EQ(run_citizenscan({"baseline", "create", "."}, tree.path()).exit_code, 0);
  EXPECT_EQ(slurp(baseline), first) << "rerunning on unchanged code must give the same bytes";

  const RunResult clean = run_citizenscan({"scan", "--color", "never", "--baseline", baseline.string(), "."}, tree.path());
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("2 suppressed (2 by the baseline)"), std::string::npos) << clean.out;

  // Lines inserted above, the key moved down, the connection string's file renamed.
  tree.write("app.py", "import os\nimport sys\n\n\ndef main():\n    pass\n\n" + kAwsKeyLine + "PASSWORD = os.environ['PW']\n");
  fs::rename(tree.path() / "lib/db.py", tree.path() / "lib/database.py");
  const RunResult moved = run_citizenscan({"scan", "--baseline", baseline.string(), "."}, tree.path());
  EXPECT_EQ(moved.exit_code, 0) << moved.out << moved.err;

  // Another secret on the same line is new, and SARIF keeps the baselined one as external.
  tree.write("app.py", "import os\nAWS_KEY = \"AKIAZ7PNQ3EGRTY6KXMF\"\n");
  const RunResult changed = run_citizenscan({"scan", "-f", "sarif", "--baseline", baseline.string(), "."}, tree.path());
  EXPECT_EQ(changed.exit_code, 1) << changed.out << changed.err;
  const auto sarif = nlohmann::json::parse(changed.out);
  int external = 0, unsuppressed = 0;
  for (const auto& result : sarif["runs"][0]["results"]) {
    if (!result.contains("suppressions")) {
      ++unsuppressed;
      EXPECT_EQ(result["ruleId"], "credentials/aws-access-key-id");
    } else if (result["suppressions"][0]["kind"] == "external") {
      ++external;
    }
  }
  EXPECT_EQ(unsuppressed, 1);
  EXPECT_EQ(external, 1);  // the connection string
}

// Streamed (jsonl) scans baseline exactly like whole ones: a copy of a baselined secret in a new
// file that is scanned first must not use up the original's entry (the original stays baselined,
// the copy is new), and a renamed file still finds its entry under the old path.
TEST(Workflow, StreamedFindingsAreBaselinedLikeAWholeScan) {
  TempTree tree("StreamedFindingsAreBaselinedLikeAWholeScan");
  tree.write("z.py", kAwsKeyLine);
  tree.write("old/db.py", "DATABASE_URL = 'postgres://bot:Spr1ngTime2024x@db.internal:5432/fin'\n");
  ASSERT_EQ(run_citizenscan({"baseline", "create", "."}, tree.path()).exit_code, 0);
  tree.write("a.py", kAwsKeyLine);  // a new copy, walked before z.py
  fs::create_directories(tree.path() / "new");
  fs::rename(tree.path() / "old/db.py", tree.path() / "new/db.py");
  using Marks = std::set<std::pair<std::string, bool>>;  // (path, suppressed)
  const Marks expected{{"a.py", false}, {"new/db.py", true}, {"z.py", true}};
  for (const std::string jobs : {"1", "2"}) {
    const RunResult whole = run_citizenscan({"scan", "-j", jobs, "-f", "json", "--baseline", ".citizenscan-baseline.json", "."},
                                            tree.path());
    ASSERT_EQ(whole.exit_code, 1) << whole.out << whole.err;
    Marks from_json;
    const auto report = nlohmann::json::parse(whole.out);
    for (const auto& f : report["findings"]) {
      from_json.emplace(f["relative_path"].get<std::string>(), f["suppressed"].get<bool>());
    }
    EXPECT_EQ(from_json, expected) << "-j" << jobs;
    const RunResult streamed = run_citizenscan(
        {"scan", "-j", jobs, "-f", "jsonl", "--baseline", ".citizenscan-baseline.json", "."}, tree.path());
    ASSERT_EQ(streamed.exit_code, 1) << streamed.out << streamed.err;
    Marks from_jsonl;
    std::istringstream lines(streamed.out);
    nlohmann::json summary;
    for (std::string line; std::getline(lines, line);) {
      const auto record = nlohmann::json::parse(line);
      if (record["type"] == "finding") {
        EXPECT_TRUE(from_jsonl.emplace(record["relative_path"].get<std::string>(), record["suppressed"].get<bool>()).second)
            << "each finding once: " << line;
      } else if (record["type"] == "summary") {
        summary = record;
      }
    }
    EXPECT_EQ(from_jsonl, expected) << "-j" << jobs << "\n" << streamed.out;
    EXPECT_EQ(summary["findings"], 1) << summary;
    EXPECT_EQ(summary["baselined"], 2) << summary;
  }
}

TEST(Workflow, BaselineFromTheConfigAndBadBaselinesExitTwo) {
  TempTree tree("BaselineFromTheConfigAndBadBaselinesExitTwo");
  tree.write(".git/HEAD", "ref: refs/heads/main\n");
  tree.write("src/app.py", kAwsKeyLine);
  tree.write(".citizenscan.json", R"({"baseline": "ci/accepted.json"})");
  const RunResult missing = run_citizenscan({"scan", "src"}, tree.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("accepted.json"), std::string::npos) << missing.err;
  fs::create_directories(tree.path() / "ci");
  ASSERT_EQ(run_citizenscan({"baseline", "create", "src"}, tree.path()).exit_code, 0);
  EXPECT_TRUE(fs::exists(tree.path() / "ci/accepted.json"));
  EXPECT_EQ(run_citizenscan({"scan", "src"}, tree.path()).exit_code, 0);
  tree.write("ci/accepted.json", R"({"tool": "citizenscan", "baselineVersion": 1, "findings": [{"rule": "x"}]})");
  const RunResult bad = run_citizenscan({"scan", "src"}, tree.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("accepted.json: findings[0].path: must be a string"), std::string::npos) << bad.err;
}

TEST(Workflow, BareInlineIgnoreSuppressesNothingAndIsReportedAsANote) {
  TempTree tree("BareInlineIgnoreSuppressesNothingAndIsReportedAsANote");
  tree.write("app.py", "AWS_KEY = \"AKIAQ3EGRTY6KXMFZ7PN\"  # citizenscan:ignore\n");
  const RunResult run = run_citizenscan({"scan", "-f", "json", "."}, tree.path());
  EXPECT_EQ(run.exit_code, 1) << run.out;
  const auto report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_FALSE(report["findings"][0]["suppressed"].get<bool>());
  ASSERT_EQ(report["diagnostics"].size(), 1u) << run.out;
  EXPECT_EQ(report["diagnostics"][0]["level"], "note");
  EXPECT_NE(report["diagnostics"][0]["message"].get<std::string>().find("needs a rule id"), std::string::npos);
  EXPECT_EQ(run_citizenscan({"scan", "--no-inline-ignores", "-f", "json", "."}, tree.path()).out.find("needs a rule id"),
            std::string::npos);
}

}  // namespace
}  // namespace citizenscan::testing
