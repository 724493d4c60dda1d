// End-to-end tests of scanning a change: `scan --staged` (git's index, for pre-commit hooks) and
// `scan --diff-base REV` (since a revision, for pull requests). Each test makes its own repository.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <set>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

bool have_git() { return std::system("git --version >/dev/null 2>&1") == 0; }

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A repository in a temp tree; git() runs a command line in it and fails the test when it fails.
class Repo {
 public:
  explicit Repo(const std::string& name) : tree_(name) {
    git("-c init.defaultBranch=main init -q && git config user.email builder@example.com && "
        "git config user.name Builder && git config commit.gpgsign false");
  }
  const fs::path& path() const { return tree_.path(); }
  void write(const std::string& relative, const std::string& content) const { tree_.write(relative, content); }
  void git(const std::string& command) const {
    const std::string line = "cd " + quoted(path().string()) + " && git " + command + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(line.c_str()), 0) << line;
  }

 private:
  TempTree tree_;
};

// (path, line, rule) of each unsuppressed finding in a JSON report.
std::set<std::tuple<std::string, int, std::string>> findings_of(const RunResult& run) {
  std::set<std::tuple<std::string, int, std::string>> found;
  const auto report = nlohmann::json::parse(run.out);
  for (const auto& f : report["findings"]) {
    if (!f["suppressed"].get<bool>()) {
      found.insert({f["path"].get<std::string>(), f["line"].get<int>(), f["rule_id"].get<std::string>()});
    }
  }
  return found;
}

const std::string kAws = "credentials/aws-access-key-id";
const std::string kKeyA = "AKIAQ3EGRTY6KXMFZ7PN";
const std::string kKeyB = "AKIAZ7PNQ3EGRTY6KXMF";
const std::string kKeyC = "AKIAMFZ7PNQ3EGRTY6KX";

TEST(Changes, StagedReportsOnlyWhatTheCommitAddsFromTheIndex) {
  if (!have_git()) GTEST_SKIP() << "git is not installed (scripts/setup.sh installs it)";
  Repo repo("StagedReportsOnlyWhatTheCommitAddsFromTheIndex");
  repo.write("app.py", "import os\nOLD_KEY = \"" + kKeyA + "\"\n");
  repo.git("add -A && git commit -qm first");
  // Staged: a new key below the old one. Working tree only (never staged): a third key.
  repo.write("app.py", "import os\nOLD_KEY = \"" + kKeyA + "\"\nNEW_KEY = \"" + kKeyB + "\"\n");
  repo.git("add app.py");
  repo.write("app.py", "import os\nOLD_KEY = \"" + kKeyA + "\"\nNEW_KEY = \"" + kKeyB + "\"\nWIP = \"" + kKeyC + "\"\n");

  const RunResult run = run_citizenscan({"scan", "--staged", "-f", "json"}, repo.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::set<std::tuple<std::string, int, std::string>> expected{{"app.py", 3, kAws}};
  EXPECT_EQ(findings_of(run), expected) << run.out;
  EXPECT_EQ(run.out.find(kKeyB), std::string::npos) << "the secret leaked";

  repo.git("commit -qm second");  // nothing staged any more: clean
  const RunResult clean = run_citizenscan({"scan", "--staged"}, repo.path());
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
}

// A loop put around an existing query: the finding sits on the query's line, which did not change.
// By default only added or changed lines count; --all-lines reports it (the base side has no
// such finding, so it is new).
TEST(Changes, StagedAllLinesReportsNewFindingsOnUnchangedLines) {
  if (!have_git()) GTEST_SKIP() << "git is not installed (scripts/setup.sh installs it)";
  Repo repo("StagedAllLinesReportsNewFindingsOnUnchangedLines");
  const std::string query = "        scores[lead_id] = cache.hget(\"scores\", lead_id)\n";
  repo.write("scores.py", "def scores(lead_id):\n    with tracing():\n" + query + "    return scores\n");
  repo.git("add -A && git commit -qm first");
  repo.write("scores.py", "def scores(lead_ids):\n    for lead_id in lead_ids:\n" + query + "    return scores\n");
  repo.git("add -A");
  const RunResult all = run_citizenscan({"scan", "--staged", "--all-lines", "-f", "json"}, repo.path());
  EXPECT_EQ(all.exit_code, 1) << all.out << all.err;
  const std::set<std::tuple<std::string, int, std::string>> expected{{"scores.py", 3, "db-loops/query-in-loop"}};
  EXPECT_EQ(findings_of(all), expected) << all.out;
  const RunResult changed_lines = run_citizenscan({"scan", "--staged", "-f", "json"}, repo.path());
  EXPECT_EQ(changed_lines.exit_code, 0) << changed_lines.out << changed_lines.err;
  EXPECT_TRUE(findings_of(changed_lines).empty()) << changed_lines.out;
}

TEST(Changes, MovedCodeIsNotReportedAgain) {
  if (!have_git()) GTEST_SKIP() << "git is not installed (scripts/setup.sh installs it)";
  Repo repo("MovedCodeIsNotReportedAgain");
  repo.write("settings.py", "DEBUG = False\nAWS_KEY = \"" + kKeyA + "\"\n");
  repo.write("main.py", "print('hello')\n");
  repo.git("add -A && git commit -qm first");
  // The key moves to another file (no rename: the files differ too much), and a renamed file.
  repo.write("settings.py", "DEBUG = False\n");
  repo.write("config/aws.py", "# moved from settings\nAWS_KEY = \"" + kKeyA + "\"\n");
  repo.git("add -A && git mv main.py app.py");
  const RunResult staged = run_citizenscan({"scan", "--staged", "--all-lines", "-f", "json"}, repo.path());
  EXPECT_EQ(staged.exit_code, 0) << staged.out << staged.err;
  EXPECT_TRUE(findings_of(staged).empty()) << staged.out;

  repo.git("commit -qm move");
  const RunResult since = run_citizenscan({"scan", "--diff-base", "HEAD~1", "-f", "json"}, repo.path());
  EXPECT_EQ(since.exit_code, 0) << since.out << since.err;
  EXPECT_TRUE(findings_of(since).empty()) << since.out;
}

// A .js file of a clasp project is Apps Script because of appsscript.json in its folder; the
// manifest is not part of the change, yet the staged scan must see it.
TEST(Changes, StagedScanStillRecognisesAppsScript) {
  if (!have_git()) GTEST_SKIP() << "git is not installed (scripts/setup.sh installs it)";
  Repo repo("StagedScanStillRecognisesAppsScript");
  repo.write("tools/sheet/appsscript.json", R"({"timeZone": "Europe/Paris", "runtimeVersion": "V8"})");
  repo.write("tools/sheet/Code.js", "function main() {}\n");
  repo.git("add -A && git commit -qm first");
  repo.write("tools/sheet/Code.js", "function main() {}\nconst AWS_KEY = '" + kKeyA + "';\n");
  repo.git("add -A");
  const RunResult run = run_citizenscan({"scan", "--staged", "-f", "json"}, repo.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["findings"].size(), 1U) << run.out;
  EXPECT_EQ(report["findings"][0]["language"], "appsscript");
  EXPECT_EQ(report["findings"][0]["path"], "tools/sheet/Code.js");
}

TEST(Changes, DiffBaseSarifHasOnlyTheBranchFindingsUnderItsCategory) {
  if (!have_git()) GTEST_SKIP() << "git is not installed (scripts/setup.sh installs it)";
  Repo repo("DiffBaseSarifHasOnlyTheBranchFindingsUnderItsCategory");
  repo.write("old.py", "KEY = \"" + kKeyA + "\"\n");
  repo.git("add -A && git commit -qm first && git checkout -qb feature");
  repo.write("src/new.py", "import os\nKEY = \"" + kKeyB + "\"\n");
  repo.git("add -A && git commit -qm feature");
  repo.git("checkout -q main");
  repo.write("later.py", "KEY = \"" + kKeyC + "\"\n");  // on main after the branch point: not the PR's
  repo.git("add -A && git commit -qm later && git checkout -q feature");

  const RunResult run =
      run_citizenscan({"scan", "--diff-base", "main", "-f", "sarif", "--sarif-category", "citizenscan-pr"}, repo.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const auto sarif = nlohmann::json::parse(run.out);
  const auto& sarif_run = sarif["runs"][0];
  EXPECT_EQ(sarif_run["automationDetails"]["id"], "citizenscan-pr/");
  ASSERT_EQ(sarif_run["results"].size(), 1U) << run.out;
  const auto& location = sarif_run["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "src/new.py");
  EXPECT_EQ(location["region"]["startLine"], 2);
  EXPECT_EQ(sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            "file://" + fs::weakly_canonical(repo.path()).string() + "/");

  // Limited to a folder the branch did not touch: nothing.
  repo.write("docs/readme.py", "x = 1\n");
  const RunResult limited = run_citizenscan({"scan", "--diff-base", "main", "docs"}, repo.path());
  EXPECT_EQ(limited.exit_code, 0) << limited.out << limited.err;
}

TEST(Changes, NotARepositoryOrABadRevisionExitsTwoAndLeavesNoTemporaryFiles) {
  if (!have_git()) GTEST_SKIP() << "git is not installed (scripts/setup.sh installs it)";
  TempTree plain("NotARepositoryOrABadRevision-plain");
  plain.write("app.py", "x = 1\n");
  const RunResult outside = run_citizenscan({"scan", "--staged"}, plain.path());
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_NE(outside.err.find("is not inside a git work tree"), std::string::npos) << outside.err;

  Repo repo("NotARepositoryOrABadRevision-repo");
  repo.write("app.py", "KEY = \"" + kKeyA + "\"\n");
  repo.git("add -A && git commit -qm first");
  const RunResult bad = run_citizenscan({"scan", "--diff-base", "no-such-branch"}, repo.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("'no-such-branch' is not a commit in"), std::string::npos) << bad.err;

  // The temporary folders go away after a scan with findings, a clean one, and an error.
  TempTree tmp("NotARepositoryOrABadRevision-tmp");
  const char* previous = std::getenv("TMPDIR");
  const std::string saved = previous != nullptr ? previous : "";
  ::setenv("TMPDIR", tmp.path().c_str(), 1);
  repo.write("app.py", "KEY = \"" + kKeyA + "\"\nOTHER = \"" + kKeyB + "\"\n");
  repo.git("add -A");
  const RunResult found = run_citizenscan({"scan", "--staged"}, repo.path());
  const RunResult since = run_citizenscan({"scan", "--diff-base", "HEAD"}, repo.path());
  const RunResult failed = run_citizenscan({"scan", "--staged", "-o", "no-such-folder/report.txt"}, repo.path());
  if (previous != nullptr) ::setenv("TMPDIR", saved.c_str(), 1); else ::unsetenv("TMPDIR");
  EXPECT_EQ(found.exit_code, 1) << found.err;
  EXPECT_EQ(since.exit_code, 1) << since.err;
  EXPECT_EQ(failed.exit_code, 2) << failed.err;
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(tmp.path())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("citizenscan-changes-", 0) == 0) left.push_back(name);
  }
  EXPECT_TRUE(left.empty()) << left.size() << " temporary folders left, e.g. " << (left.empty() ? "" : left[0]);
}

}  // namespace
}  // namespace citizenscan::testing

namespace citizenscan::testing {
namespace {

// The whole pre-commit path as a builder meets it: `citizenscan init` writes the hook, pre-commit
// (Debian's, installed by scripts/setup.sh) installs it into git, and `git commit` is refused while
// the staged change adds a secret, with the finding (redacted) in what the builder sees; once the
// secret is replaced by an environment lookup the commit goes through.
TEST(Changes, PrecommitHookFromInitRefusesACommitThatAddsASecret) {
  if (!have_git()) GTEST_SKIP() << "git is not installed (scripts/setup.sh installs it)";
  if (std::system("pre-commit --version >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "pre-commit is not installed (scripts/setup.sh installs it)";
  }
  Repo repo("PrecommitHookFromInitRefusesACommitThatAddsASecret");
  ASSERT_EQ(run_citizenscan({"init"}, repo.path()).exit_code, 0);
  repo.git("add -A && git commit -qm setup");
  // pre-commit's cache in the tree (nothing is downloaded for a local hook), the binary on PATH.
  const std::string env = "export PRE_COMMIT_HOME=\"$PWD/.pre-commit-cache\" PATH=\"$(dirname \"$CITIZENSCAN\"):$PATH\" && ";
  const RunResult install = run_bash(env + "pre-commit install", repo.path());
  ASSERT_EQ(install.exit_code, 0) << install.out << install.err;
  repo.write(".gitignore", ".pre-commit-cache/\n");
  repo.write("Code.gs", "function sync() {\n  var key = \"" + kKeyA + "\";\n}\n");
  const RunResult refused = run_bash(env + "git add -A && git commit -qm 'add sync' 2>&1", repo.path());
  EXPECT_NE(refused.exit_code, 0) << refused.out;
  EXPECT_NE(refused.out.find("Code.gs:2"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find(kAws), std::string::npos) << refused.out;
  EXPECT_EQ(refused.out.find(kKeyA), std::string::npos) << "the secret leaked:\n" << refused.out;
  repo.write("Code.gs", "function sync() {\n  var key = PropertiesService.getScriptProperties().getProperty('KEY');\n}\n");
  const RunResult accepted = run_bash(env + "git add -A && git commit -qm 'add sync' 2>&1", repo.path());
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out;
}

}  // namespace
}  // namespace citizenscan::testing
