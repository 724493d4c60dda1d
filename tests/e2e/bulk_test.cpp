// End-to-end tests of what bulk scans rely on: streamed JSON Lines, the text-rules-only path for
// minified and oversized code, the parse budget, --stats, progress and sharding defaults.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

const std::string kAwsKey = "AKIAQ3EGRTY6KXMFZ7PN";

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// Findings as comparable strings, without order.
std::multiset<std::string> finding_keys(const nlohmann::json& findings) {
  std::multiset<std::string> keys;
  for (const auto& f : findings) {
    keys.insert(f["relative_path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + ":" +
                f["rule_id"].get<std::string>() + ":" + f["fingerprint"].get<std::string>());
  }
  return keys;
}

TEST(Bulk, JsonLinesCarryTheSameFindingsAsJsonThenDiagnosticsAndASummary) {
  TempTree tree("JsonLinesCarryTheSameFindingsAsJsonThenDiagnosticsAndASummary");
  for (int i = 0; i < 20; ++i) {
    tree.write("pkg" + std::to_string(i % 3) + "/m" + std::to_string(i) + ".py",
               "import os\nKEY = \"" + kAwsKey + "\"\npassword = \"Sup3r-S3cret-" + std::to_string(i) + "x\"\n");
  }
  tree.write("bin.py", std::string("x = 1\0\0", 7));
  const RunResult json = run_citizenscan({"scan", "-f", "json", "-j", "2", "."}, tree.path());
  const RunResult jsonl = run_citizenscan({"scan", "-f", "jsonl", "-j", "2", "."}, tree.path());
  ASSERT_EQ(jsonl.exit_code, 1) << jsonl.err;
  EXPECT_EQ(json.exit_code, jsonl.exit_code);
  const auto report = nlohmann::json::parse(json.out);
  const std::vector<nlohmann::json> lines = json_lines(jsonl.out);
  ASSERT_FALSE(lines.empty());

  nlohmann::json streamed = nlohmann::json::array();
  std::size_t diagnostics = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string type = lines[i]["type"];
    if (type == "finding") {
      EXPECT_EQ(diagnostics, 0u) << "findings come before the diagnostics";
      streamed.push_back(lines[i]);
    } else {
      EXPECT_EQ(type, "diagnostic");
      ++diagnostics;
    }
  }
  EXPECT_EQ(finding_keys(streamed), finding_keys(report["findings"]));
  EXPECT_EQ(diagnostics, report["diagnostics"].size());
  const nlohmann::json& summary = lines.back();
  EXPECT_EQ(summary["type"], "summary");
  EXPECT_EQ(summary["findings"], report["summary"]["findings"]);
  EXPECT_EQ(summary["files_scanned"], report["summary"]["files_scanned"]);
  EXPECT_EQ(summary["by_pack"], report["summary"]["by_pack"]);
  EXPECT_EQ(jsonl.out.find(kAwsKey), std::string::npos) << "secret leaked";

  // Into a file: the same lines, and --fail-on none still streams everything.
  const RunResult to_file =
      run_citizenscan({"scan", "-f", "jsonl", "--fail-on", "none", "-o", "out.jsonl", "."}, tree.path());
  EXPECT_EQ(to_file.exit_code, 0) << to_file.err;
  std::ifstream in(tree.path() / "out.jsonl");
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(json_lines(content.str()).size(), lines.size());
}

std::string minified_bundle() {
  // One enormous line, as a minifier writes it, with a key a text rule finds.
  std::string line = "!function(){var a=\"" + kAwsKey + "\";for(const r of rows){db.query(r)}";
  for (int i = 0; line.size() < 80 * 1024; ++i) line += "function f" + std::to_string(i) + "(b){return b+" + std::to_string(i) + "};";
  return line + "}();\n";
}

TEST(Bulk, MinifiedAndOversizedCodeGetTextRulesOnlyWithANote) {
  TempTree tree("MinifiedAndOversizedCodeGetTextRulesOnlyWithANote");
  tree.write("static/app.js", minified_bundle());
  tree.write("static/vendor.min.js", "var k='" + kAwsKey + "';for(const r of rows){db.query(r)}\n");
  std::string large = "KEY = '" + kAwsKey + "'\n";
  while (large.size() < 64 * 1024) large += "def f(x):\n    return x + 1\n";
  tree.write("gen/large.py", large);
  const RunResult run =
      run_citizenscan({"scan", "-f", "json", "--max-parse-size", "32K", "--fail-on", "none", "."}, tree.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  std::map<std::string, std::string> notes;
  for (const auto& d : report["diagnostics"]) notes[d["path"]] = d["message"];
  EXPECT_NE(notes["static/app.js"].find("minified or generated"), std::string::npos) << report["diagnostics"].dump();
  EXPECT_NE(notes["static/vendor.min.js"].find("minified or generated"), std::string::npos);
  EXPECT_NE(notes["gen/large.py"].find("over the parse limit"), std::string::npos);
  std::set<std::string> found;
  for (const auto& f : report["findings"]) {
    if (f["rule_id"] == "credentials/aws-access-key-id") found.insert(f["relative_path"]);
  }
  EXPECT_EQ(found, (std::set<std::string>{"gen/large.py", "static/app.js", "static/vendor.min.js"}));

  // --parse-minified parses it after all: no note.
  const RunResult parsed = run_citizenscan({"scan", "-f", "json", "--parse-minified", "--fail-on", "none", "static"},
                                           tree.path());
  EXPECT_EQ(nlohmann::json::parse(parsed.out)["diagnostics"].size(), 0u) << parsed.out;
}

TEST(Bulk, ParseBudgetExceededIsAWarningAndTextRulesStillRun) {
  TempTree tree("ParseBudgetExceededIsAWarningAndTextRulesStillRun");
  std::string big = "KEY = '" + kAwsKey + "'\n";
  for (int i = 0; big.size() < 3u << 20; ++i) {
    big += "def compute_" + std::to_string(i) + "(rows, password):\n    for r in rows:\n        total = r['amount'] * 2\n"
           "    return {'label': str(total), 'n': len(rows)}\n";
  }
  tree.write("huge.py", big);
  // 3 MB of Python takes far more than 1 ms to parse on any machine.
  const RunResult run = run_citizenscan({"scan", "-f", "json", "--parse-budget-ms", "1", "."}, tree.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["diagnostics"].size(), 1u) << report["diagnostics"].dump();
  EXPECT_EQ(report["diagnostics"][0]["level"], "warning");
  EXPECT_NE(report["diagnostics"][0]["message"].get<std::string>().find("parse budget of 1 ms exceeded; only text rules"),
            std::string::npos);
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["rule_id"], "credentials/aws-access-key-id");
}

TEST(Bulk, StatsReportSkipsBytesParseShareStagesAndSlowestRules) {
  TempTree tree("StatsReportSkipsBytesParseShareStagesAndSlowestRules");
  tree.write("app.py", "import os\nKEY = \"" + kAwsKey + "\"\nfor row in rows:\n    cur.execute('select 1')\n");
  tree.write("notes.txt", "not code\n");
  tree.write("bin.py", std::string("x\0", 2));
  const RunResult run = run_citizenscan({"scan", "--stats", "--progress", "never", "-f", "json", "."}, tree.path());
  EXPECT_NE(run.err.find("stats: walk: 3 files seen; skipped by name or rule: 0 ignored, 1 unknown type"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("stats: load: 1 files read"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("skipped 1: 1 binary"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("parse: 1 files"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("worker CPU: load "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("stats: slowest rules"), std::string::npos) << run.err;
  // The shared tree walk is shown on its own, not charged to whichever rule's match comes next.
  EXPECT_NE(run.err.find("stats: query walks (tree-sitter's cursor over each tree, shared by every query rule, and "
                         "the search for embedded text) "),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("peak RSS"), std::string::npos) << run.err;
}

TEST(Bulk, LiteralGroupsAllMustMatchBeforeAFileIsParsed) {
  TempTree tree("LiteralGroupsAllMustMatchBeforeAFileIsParsed");
  // A query rule that needs a loop word AND a query word: a file with only one of them is not parsed.
  tree.write("pack.json", R"J({"pack": "acme", "rules": [{"id": "acme/execute-in-loop", "name": "ExecuteInLoop",
    "shortDescription": "s", "fullDescription": "f", "help": "h", "severity": "warning", "securitySeverity": 3.0,
    "precision": "high", "languages": ["python"], "literals": [["for", "while"], ["execute"]],
    "message": "execute in a loop", "matchers": [{"query": "(for_statement body: (block (expression_statement (call) @call)))",
    "value": {"capture": "call", "match": "execute"}}]}]})J");
  tree.write("src/both.py", "for row in rows:\n    cur.execute(row)\n");
  tree.write("src/loop_only.py", "for row in rows:\n    print(row)\n");
  tree.write("src/call_only.py", "cur.execute('x')\n");
  const RunResult run = run_citizenscan({"scan", "--stats", "--progress", "never", "--no-builtin-rules", "--rules",
                                         "pack.json", "-f", "json", "src"},
                                        tree.path());
  ASSERT_EQ(run.exit_code, 1) << run.err;
  const auto findings = nlohmann::json::parse(run.out)["findings"];
  ASSERT_EQ(findings.size(), 1u) << run.out;
  EXPECT_EQ(findings[0]["relative_path"], "both.py");
  EXPECT_NE(run.err.find("stats: prefilter: 2 files ruled out entirely"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("parse: 1 files"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("stats: rules that bring files to the parser"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("        1  33%  only      1  acme/execute-in-loop"), std::string::npos) << run.err;

  tree.write("bad.json", R"({"pack": "acme", "rules": [{"id": "acme/x", "name": "X", "shortDescription": "s",
    "fullDescription": "f", "help": "h", "severity": "note", "securitySeverity": 1.0, "precision": "high",
    "languages": ["python"], "literals": [["for"], []], "message": "m", "matchers": [{"regex": "x"}]}]})");
  const RunResult bad = run_citizenscan({"scan", "--no-builtin-rules", "--rules", "bad.json", "src"}, tree.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.json"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("literals"), std::string::npos) << bad.err;
}

// The prefilter may only skip work, never findings: on every fixture with its annotations cut out
// (they name rules, e.g. "hardcoded-password", whose words are literals themselves, so a literal a
// rule forgot would hide behind them), a scan with the prefilter finds exactly what one without it
// does. Lines are kept, only the text from "expect" to the end of its line is removed.
TEST(Bulk, PrefilterNeverLosesAFindingOnTheFixtures) {
  TempTree tree("PrefilterNeverLosesAFindingOnTheFixtures");
  const fs::path testdata = fs::path(CITIZENSCAN_SOURCE_DIR) / "testdata";
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(testdata)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    for (std::string line; std::getline(in, line);) {
      const std::size_t at = line.find("expect");
      text << (at == std::string::npos ? line : line.substr(0, at)) << '\n';
    }
    tree.write(fs::relative(entry.path(), testdata).string(), text.str());
    ++files;
  }
  ASSERT_GT(files, 50u);
  const RunResult with = run_citizenscan({"scan", "--no-config", "--no-ignore", "-f", "json", "."}, tree.path());
  const RunResult without =
      run_citizenscan({"scan", "--no-config", "--no-ignore", "--no-prefilter", "-f", "json", "."}, tree.path());
  ASSERT_EQ(without.exit_code, 1) << without.err;
  const auto found_with = finding_keys(nlohmann::json::parse(with.out)["findings"]);
  const auto found_without = finding_keys(nlohmann::json::parse(without.out)["findings"]);
  EXPECT_GT(found_without.size(), 100u);
  std::vector<std::string> lost;
  std::set_difference(found_without.begin(), found_without.end(), found_with.begin(), found_with.end(),
                      std::back_inserter(lost));
  EXPECT_TRUE(lost.empty()) << "found only without the prefilter:\n" << ::testing::PrintToString(lost);
  std::vector<std::string> extra;
  std::set_difference(found_with.begin(), found_with.end(), found_without.begin(), found_without.end(),
                      std::back_inserter(extra));
  EXPECT_TRUE(extra.empty()) << "found only with the prefilter:\n" << ::testing::PrintToString(extra);
}

TEST(Bulk, ProgressLineOnlyWhenAskedOrOnATerminal) {
  TempTree tree("ProgressLineOnlyWhenAskedOrOnATerminal");
  tree.write("app.py", "x = 1\n");
  // stderr is not a terminal here: auto shows nothing, always shows the line and clears it.
  EXPECT_EQ(run_citizenscan({"scan", "."}, tree.path()).err, "");
  const RunResult always = run_citizenscan({"scan", "--progress", "always", "."}, tree.path());
  EXPECT_NE(always.err.find("scanning: 1/1 files"), std::string::npos) << always.err;
  EXPECT_EQ(run_citizenscan({"scan", "--progress", "always", "--quiet", "."}, tree.path()).err, "");
}

TEST(Bulk, ShardIndexDefaultsToTheIndexedJobCompletionIndex) {
  TempTree tree("ShardIndexDefaultsToTheIndexedJobCompletionIndex");
  for (int i = 0; i < 30; ++i) tree.write("m" + std::to_string(i) + ".py", "KEY = '" + kAwsKey + "'\n");
  std::multiset<std::string> union_of_shards;
  for (const char* index : {"0", "1", "2"}) {
    ::setenv("JOB_COMPLETION_INDEX", index, 1);
    const RunResult env = run_citizenscan({"scan", "-f", "json", "--shard-count", "3", "."}, tree.path());
    ::unsetenv("JOB_COMPLETION_INDEX");
    const RunResult flag =
        run_citizenscan({"scan", "-f", "json", "--shard-count", "3", "--shard-index", index, "."}, tree.path());
    EXPECT_EQ(env.out, flag.out) << "shard " << index;
    const auto report = nlohmann::json::parse(env.out);
    for (const auto& f : report["findings"]) union_of_shards.insert(f["relative_path"]);
  }
  EXPECT_EQ(union_of_shards.size(), 30u);
  EXPECT_EQ(std::set<std::string>(union_of_shards.begin(), union_of_shards.end()).size(), 30u);
  // An explicit --shard-index wins over the environment; a bad index is a usage error.
  ::setenv("JOB_COMPLETION_INDEX", "banana", 1);
  EXPECT_EQ(run_citizenscan({"scan", "--shard-count", "3", "."}, tree.path()).exit_code, 2);
  EXPECT_NE(run_citizenscan({"scan", "--shard-count", "3", "--shard-index", "1", "."}, tree.path()).exit_code, 2);
  ::unsetenv("JOB_COMPLETION_INDEX");
}

}  // namespace
}  // namespace citizenscan::testing

namespace citizenscan::testing {
namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

TEST(Merge, ShardsMergedEqualTheSingleScanByteForByte) {
  TempTree out("ShardsMergedEqualTheSingleScanByteForByte");
  const std::string testdata = std::string(CITIZENSCAN_SOURCE_DIR) + "/testdata";
  const fs::path single = out.path() / "single.sarif";
  run_citizenscan({"scan", "-f", "sarif", "--fail-on", "none", "-o", single.string(), testdata});
  for (const int shards : {2, 5}) {
    std::vector<std::string> merge_args{"merge"};
    for (int index = 0; index < shards; ++index) {
      const fs::path shard = out.path() / ("shard-" + std::to_string(index) + ".sarif");
      const RunResult run = run_citizenscan({"scan", "-f", "sarif", "--fail-on", "none", "--shard-count",
                                             std::to_string(shards), "--shard-index", std::to_string(index), "-o",
                                             shard.string(), testdata});
      ASSERT_EQ(run.exit_code, 0) << run.err;
      merge_args.push_back(shard.string());
    }
    const fs::path merged = out.path() / ("merged-" + std::to_string(shards) + ".sarif");
    merge_args.insert(merge_args.end(), {"-o", merged.string()});
    const RunResult merge = run_citizenscan(merge_args);
    ASSERT_EQ(merge.exit_code, 0) << merge.err;
    const std::string expected = slurp(single);
    ASSERT_GT(nlohmann::json::parse(expected)["runs"][0]["results"].size(), 100u);
    EXPECT_TRUE(slurp(merged) == expected) << shards << " shards merged differ from the single scan";
  }
}

TEST(Merge, RulesAreDeduplicatedAndIndexesRenumberedAcrossDifferentRuleSets) {
  TempTree tree("RulesAreDeduplicatedAndIndexesRenumberedAcrossDifferentRuleSets");
  tree.write("a/app.py", "KEY = '" + kAwsKey + "'\n");
  tree.write("b/app.py", "KEY = '" + kAwsKey + "'\n");
  tree.write("pack.json", R"({"pack": "acme", "rules": [{"id": "acme/todo-marker", "name": "TodoMarker",
    "shortDescription": "A TODO marker.", "fullDescription": "A TODO marker.", "help": "Remove it.",
    "severity": "note", "securitySeverity": 1.0, "precision": "high", "languages": ["python"],
    "literals": ["todo"], "message": "TODO marker", "matchers": [{"regex": "TODO"}]}]})");
  tree.write("b/todo.py", "# TODO: tidy up\n");
  run_citizenscan({"scan", "-f", "sarif", "--root", ".", "-o", "a.sarif", "a"}, tree.path());
  run_citizenscan({"scan", "-f", "sarif", "--root", ".", "--rules", "pack.json", "--no-builtin-rules", "-o", "b1.sarif", "b"},
                  tree.path());
  run_citizenscan({"scan", "-f", "sarif", "--root", ".", "-o", "b2.sarif", "b"}, tree.path());
  const RunResult merge = run_citizenscan({"merge", "b1.sarif", "a.sarif", "b2.sarif", "a.sarif"}, tree.path());
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  const auto log = nlohmann::json::parse(merge.out);
  ASSERT_EQ(log["runs"].size(), 1u);
  const auto& run = log["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  std::set<std::string> ids;
  for (const auto& rule : rules) ids.insert(rule["id"]);
  EXPECT_EQ(ids.size(), rules.size()) << "duplicate rules";
  EXPECT_EQ(rules[0]["id"], "acme/todo-marker");
  std::vector<std::string> located;
  for (const auto& result : run["results"]) {
    EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], result["ruleId"]);
    located.push_back(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>() + " " +
                      result["ruleId"].get<std::string>());
  }
  EXPECT_EQ(located, (std::vector<std::string>{"a/app.py credentials/aws-access-key-id",
                                               "b/app.py credentials/aws-access-key-id", "b/todo.py acme/todo-marker"}));
  EXPECT_EQ(run["invocations"].size(), 1u);
}

TEST(Merge, InputThatIsNotSarifIsAnErrorNamingTheFile) {
  TempTree tree("InputThatIsNotSarifIsAnErrorNamingTheFile");
  tree.write("bad.sarif", "{\"version\": \"1.0\"}");
  const RunResult bad = run_citizenscan({"merge", "bad.sarif"}, tree.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.sarif: not a SARIF 2.1.0 log"), std::string::npos) << bad.err;
  const RunResult missing = run_citizenscan({"merge", "missing.sarif"}, tree.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("missing.sarif"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace citizenscan::testing
