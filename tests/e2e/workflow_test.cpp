// End-to-end tests of the adoption workflows: .citizenscan.json, init, baselines, suppressions,
// git modes. Each test builds its own temp tree named after itself.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
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

TEST(Workflow, InitWritesAStarterConfigThatScansAndAPrecommitEntry) {
  TempTree tree("InitWritesAStarterConfigThatScansAndAPrecommitEntry");
  tree.write("app.py", kAwsKeyLine);
  const RunResult init = run_citizenscan({"init"}, tree.path());
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(slurp(tree.path() / ".citizenscan.json").find("// citizenscan project configuration"), std::string::npos);
  const std::string hook = slurp(tree.path() / ".pre-commit-config.yaml");
  EXPECT_NE(hook.find("entry: citizenscan scan"), std::string::npos) << hook;
  EXPECT_NE(hook.find("gs|"), std::string::npos) << hook;
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
