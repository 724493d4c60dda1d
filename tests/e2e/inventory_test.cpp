// End-to-end tests of `citizenscan inventory`: the testdata/program tree (a clasp project, a Node
// tool, a Python tool made a git repository here, loose scripts, a notebook folder) must give
// exactly the expected tools, overlaps and summary, and findings equal to its annotations.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string quoted(const fs::path& path) {
  std::string out = "'";
  for (char c : path.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool have_git() { return std::system("git --version >/dev/null 2>&1") == 0; }

// Copies testdata/program into `tree`, gives every file the same mtime, and turns finance-report
// into a git repository with two authors (so it counts as shared and its owners come from git).
void make_program_tree(const TempTree& tree) {
  fs::copy(fs::path(CITIZENSCAN_SOURCE_DIR) / "testdata" / "program", tree.path(), fs::copy_options::recursive);
  const fs::path repo = tree.path() / "finance-report";
  const std::string git = "cd " + quoted(repo) + " && git -c init.defaultBranch=main init -q && git add -A && ";
  const std::string priya = "GIT_AUTHOR_NAME='Priya Shah' GIT_AUTHOR_EMAIL=priya.shah@example.com "
                            "GIT_COMMITTER_NAME='Priya Shah' GIT_COMMITTER_EMAIL=priya.shah@example.com "
                            "GIT_AUTHOR_DATE='2026-03-02T10:00:00Z' GIT_COMMITTER_DATE='2026-03-02T10:00:00Z' ";
  const std::string marco = "GIT_AUTHOR_NAME='Marco Ruiz' GIT_AUTHOR_EMAIL=marco.ruiz@example.com "
                            "GIT_COMMITTER_NAME='Marco Ruiz' GIT_COMMITTER_EMAIL=marco.ruiz@example.com "
                            "GIT_AUTHOR_DATE='2026-04-15T16:30:00Z' GIT_COMMITTER_DATE='2026-04-15T16:30:00Z' ";
  ASSERT_EQ(std::system((git + priya + "git commit -q -m 'Monthly revenue report' && echo 'openpyxl==3.1.2' >> "
                         "requirements.txt && git add -A && " + marco + "git commit -q -m 'Excel export'")
                            .c_str()),
            0);
  ASSERT_EQ(std::system(("find " + quoted(tree.path()) + " -path '*/.git' -prune -o -exec touch -h -d "
                         "'2026-01-15 12:00:00 UTC' {} +")
                            .c_str()),
            0);
}

TEST(Inventory, ProgramTreeGivesTheExpectedToolsOverlapsAndFindings) {
  if (!have_git()) GTEST_SKIP() << "git is not installed (scripts/setup.sh installs it)";
  TempTree tree("ProgramTreeGivesTheExpectedToolsOverlapsAndFindings");
  make_program_tree(tree);
  const RunResult run = run_citizenscan({"inventory", tree.path().string(), "--config",
                                         (tree.path() / "program-config.json").string(), "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto actual = nlohmann::json::parse(run.out);
  const auto expected = nlohmann::json::parse(
      read_file(fs::path(CITIZENSCAN_SOURCE_DIR) / "tests" / "e2e" / "expected" / "program-inventory.json"));
  for (const char* key : {"tools", "overlaps", "summary"}) {
    EXPECT_EQ(actual[key], expected[key]) << key << "\n--- expected\n"
                                          << expected[key].dump(2) << "\n--- actual\n" << actual[key].dump(2);
  }
  EXPECT_TRUE(actual["perimeter_checked"].get<bool>());

  std::set<Expectation> found;
  for (const auto& f : actual["findings"]) {
    if (!f["suppressed"].get<bool>()) {
      found.emplace(f["relative_path"].get<std::string>(), f["line"].get<int>(), f["rule_id"].get<std::string>());
    }
  }
  const std::set<Expectation> annotated = read_expectations(tree.path());
  std::set<Expectation> missing, extra;
  std::set_difference(annotated.begin(), annotated.end(), found.begin(), found.end(), std::inserter(missing, missing.end()));
  std::set_difference(found.begin(), found.end(), annotated.begin(), annotated.end(), std::inserter(extra, extra.end()));
  EXPECT_TRUE(missing.empty() && extra.empty()) << "missing (annotated, not found):\n"
                                                << describe(missing) << "extra (found, not annotated):\n"
                                                << describe(extra);
}

TEST(Inventory, OutputIsTheSameWhateverTheThreadCount) {
  TempTree tree("InventoryOutputIsTheSameWhateverTheThreadCount");
  fs::copy(fs::path(CITIZENSCAN_SOURCE_DIR) / "testdata" / "program", tree.path(), fs::copy_options::recursive);
  for (const char* format : {"json", "csv", "markdown", "html"}) {
    const RunResult one = run_citizenscan({"inventory", tree.path().string(), "--no-git", "-f", format, "-j", "1"});
    const RunResult four = run_citizenscan({"inventory", tree.path().string(), "--no-git", "-f", format, "-j", "4"});
    EXPECT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(one.out, four.out) << format;
  }
}

// Markdown and HTML carry what JSON has for a reader: languages and size, database drivers (a
// driver is a data store even when no host literal names the server), files outside every tool.
TEST(Inventory, ReadableFormatsShowLanguagesDriversAndUnassignedFiles) {
  TempTree tree("InventoryReadableFormats");
  fs::copy(fs::path(CITIZENSCAN_SOURCE_DIR) / "testdata" / "program", tree.path(), fs::copy_options::recursive);
  for (const char* format : {"markdown", "html"}) {
    const RunResult run = run_citizenscan({"inventory", tree.path().string(), "--no-git", "-f", format});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("database driver PostgreSQL (psycopg2)"), std::string::npos) << format << run.out;
    EXPECT_NE(run.out.find("database driver PostgreSQL (pg)"), std::string::npos) << format << run.out;
    EXPECT_NE(run.out.find("1 non-code file outside every tool"), std::string::npos) << format << run.out;
    EXPECT_NE(run.out.find("clasp: Apps Script 1, JSON 2; 3 files"), std::string::npos) << format << run.out;
  }
}

TEST(Inventory, WithoutAPerimeterEverySinkIsListedAndNoneIsAFinding) {
  TempTree tree("WithoutAPerimeterEverySinkIsListed");
  fs::copy(fs::path(CITIZENSCAN_SOURCE_DIR) / "testdata" / "program", tree.path(), fs::copy_options::recursive);
  const RunResult run = run_citizenscan({"inventory", tree.path().string(), "--no-git", "-f", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_FALSE(doc["perimeter_checked"].get<bool>());
  for (const auto& f : doc["findings"]) EXPECT_NE(f["rule_id"], "program/outside-perimeter") << f.dump();
  std::size_t sinks = 0;
  for (const auto& tool : doc["tools"]) {
    for (const auto& store : tool["data_stores"]) {
      EXPECT_FALSE(store["outside_perimeter"].get<bool>());
      sinks += store["access"] != "read" ? 1 : 0;
    }
  }
  EXPECT_EQ(sinks, 8u);  // the writes and sends listed in tests/e2e/expected/program-inventory.json
}

TEST(Inventory, CsvHasOneRowPerToolAndDefusesFormulas) {
  TempTree tree("InventoryCsvDefusesFormulas");
  tree.write("=HYPERLINK(1)/requirements.txt", "requests\n");
  tree.write("=HYPERLINK(1)/main.py", "if __name__ == \"__main__\":\n    print('hi')\n");
  tree.write("loose.py", "print('x')\n");
  const RunResult run = run_citizenscan({"inventory", tree.path().string(), "--no-git", "-f", "csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream lines(run.out);
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  ASSERT_EQ(rows.size(), 3u) << run.out;
  EXPECT_EQ(rows[0].rfind("path,kinds,risk,", 0), 0u);
  EXPECT_EQ(rows[1].rfind("'=HYPERLINK(1),python,low,", 0), 0u) << rows[1];
  EXPECT_EQ(rows[2].rfind("loose.py,script,low,", 0), 0u) << rows[2];
}

TEST(Inventory, HtmlAndMarkdownEscapeWhatTheCodeContains) {
  TempTree tree("InventoryEscapes");
  tree.write("<b>tool|x</b>/package.json", "{\"name\": \"x\", \"author\": \"<script>alert(1)</script>\"}\n");
  tree.write("<b>tool|x</b>/index.js", "console.log('x');\n");
  const RunResult page = run_citizenscan({"inventory", tree.path().string(), "--no-git", "-f", "html"});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  EXPECT_EQ(page.out.find("<script>"), std::string::npos);
  EXPECT_NE(page.out.find("&lt;script&gt;alert(1)&lt;/script&gt; (package.json)"), std::string::npos) << page.out;
  EXPECT_NE(page.out.find("&lt;b&gt;tool|x&lt;/b&gt;"), std::string::npos);
  const RunResult md = run_citizenscan({"inventory", tree.path().string(), "--no-git", "-f", "markdown"});
  EXPECT_NE(md.out.find("| \\<b>tool\\|x\\</b> | node: JSON 1, JavaScript 1; 2 files, 1 KB |"), std::string::npos) << md.out;
}

TEST(Inventory, ConfigErrorsNameTheFileAndTheKey) {
  TempTree tree("InventoryConfigErrors");
  tree.write("app.py", "print('x')\n");
  tree.write("bad.json", "{\"perimeter\": {\"domain\": [\"example.com\"]}}\n");
  const RunResult run = run_citizenscan(
      {"inventory", tree.path().string(), "--no-git", "--config", (tree.path() / "bad.json").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("bad.json: perimeter.domain: unknown key"), std::string::npos) << run.err;
  tree.write("worse.json", "{\"handoff\": {\"maxCommitters\": \"three\"}}\n");
  const RunResult worse = run_citizenscan(
      {"inventory", tree.path().string(), "--no-git", "--config", (tree.path() / "worse.json").string()});
  EXPECT_EQ(worse.exit_code, 2);
  EXPECT_NE(worse.err.find("worse.json: handoff.maxCommitters: must be a whole number"), std::string::npos) << worse.err;
}

// One .citizenscan.json serves `scan` and `inventory`: the inventory finds it the same way and
// applies the settings both share (here `exclude` and `disable`) besides its own perimeter.
TEST(Inventory, ReadsTheSameConfigFileAsScan) {
  TempTree tree("InventorySharedConfig");
  tree.write("report/send.py", "import requests\nrequests.post('https://hooks.example.org/x', json={})\n");
  tree.write("old/legacy.py", "import requests\nrequests.post('https://legacy.example.net/y', json={})\n");
  tree.write(".citizenscan.json",
             "{\"exclude\": [\"old/\"], \"perimeter\": {\"domains\": [\"corp.example.com\"]}}\n");
  const RunResult run = run_citizenscan({"inventory", tree.path().string(), "--no-git", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_TRUE(doc["perimeter_checked"].get<bool>());
  std::vector<std::string> outside;
  for (const auto& f : doc["findings"]) {
    if (f["rule_id"] == "program/outside-perimeter") outside.push_back(f["relative_path"].get<std::string>());
  }
  EXPECT_EQ(outside, std::vector<std::string>{"report/send.py"}) << run.out;  // old/ is excluded
  const RunResult scan = run_citizenscan({"scan", tree.path().string(), "--format", "json"});
  EXPECT_NE(scan.exit_code, 2) << scan.err;  // scan accepts the inventory's keys in the same file
  const RunResult ignored =
      run_citizenscan({"inventory", tree.path().string(), "--no-git", "--no-config", "--format", "json"});
  ASSERT_EQ(ignored.exit_code, 0) << ignored.err;
  EXPECT_FALSE(nlohmann::json::parse(ignored.out)["perimeter_checked"].get<bool>());
}

// The program pack's computed rules come only from the inventory: a scan's SARIF lists the rules a
// scan can report (the program pack's per-file rules included) and none of the computed ones.
TEST(Inventory, ScanSarifDoesNotListRulesOnlyTheInventoryComputes) {
  const RunResult run = run_citizenscan(
      {"scan", (fs::path(CITIZENSCAN_SOURCE_DIR) / "testdata" / "program").string(), "-f", "sarif"});
  ASSERT_NE(run.exit_code, 2) << run.err;
  const auto sarif = nlohmann::json::parse(run.out);
  std::set<std::string> ids;
  for (const auto& rule : sarif["runs"][0]["tool"]["driver"]["rules"]) {
    ids.insert(rule["id"].get<std::string>());
  }
  EXPECT_TRUE(ids.count("program/web-app-public-as-deployer"));
  EXPECT_TRUE(ids.count("credentials/private-key"));
  for (const char* computed : {"program/no-owner", "program/outside-perimeter", "program/broad-oauth-scope",
                               "program/urlfetch-without-allowlist"}) {
    EXPECT_FALSE(ids.count(computed)) << computed;
  }
}

TEST(Inventory, WithoutGitOwnersFromHistoryAreSkippedWithANote) {
  TempTree tree("InventoryWithoutGit");
  tree.write("tool/.git/HEAD", "ref: refs/heads/main\n");
  tree.write("tool/main.py", "print('x')\n");
  // PATH without git: the binary is called by its absolute path, git by name.
  const std::string command = "cd " + quoted(tree.path()) + " && PATH=/nonexistent " + quoted(CITIZENSCAN_BINARY) +
                              " inventory . -f json > out.json 2> err.txt";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const auto doc = nlohmann::json::parse(read_file(tree.path() / "out.json"));
  ASSERT_EQ(doc["tools"].size(), 1u);
  EXPECT_EQ(doc["tools"][0]["kinds"], nlohmann::json::parse(R"(["git"])"));
  EXPECT_TRUE(doc["tools"][0]["committers"].empty());
  bool noted = false;
  for (const auto& d : doc["diagnostics"]) {
    noted = noted || d["message"].get<std::string>().find("git is not available") != std::string::npos;
  }
  EXPECT_TRUE(noted) << doc["diagnostics"].dump();
}

}  // namespace
}  // namespace citizenscan::testing
