// The exit status of `scan`, which CI gates on (README "Exit codes"):
//   1  an unsuppressed finding at or above --fail-on (whether or not the scan was complete);
//   2  otherwise, when the scan was incomplete: any warning or error diagnostic (a target that does
//      not exist, a file or folder that could not be read, a file whose parse failed or was too deep
//      for queries), and for usage, config, rule-pack and output errors;
//   0  otherwise. Notes are deliberate skips (binary, over a size limit, excluded, minified, links
//      out of the root) and never make a scan incomplete.
// Every format says the same: text "scan incomplete", JSON/JSONL "complete": false, SARIF
// executionSuccessful false.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kKeyFile = "AWS_KEY = \"AKIAQ3EGRTY6KXMFZ7PN\"\n";  // a credentials error

// A query-rule candidate nested deeper than tree-sitter queries reach: parsed, then a warning
// ("findings there may be missing") and no finding. One long line, so it needs --parse-minified.
std::string too_deep_python() {
  constexpr int kDepth = 70000;
  return "def f(cur, rows):\n    for r in rows:\n        x = " + std::string(kDepth, '[') + "cur.execute(\"SELECT 1\")" +
         std::string(kDepth, ']') + "\n";
}

// The exit code and how each format states completeness, for one set of scan arguments.
struct Outcome {
  int exit_code = -1;
  bool text_says_incomplete = false;
  Json json_complete;
  Json jsonl_complete;
  Json sarif_success;
};

Outcome scan_in_every_format(const std::vector<std::string>& args, const fs::path& cwd, bool unprivileged) {
  auto run = [&](std::vector<std::string> full) {
    full.insert(full.begin(), "scan");
    full.insert(full.end(), args.begin(), args.end());
    return unprivileged ? run_citizenscan_unprivileged(full, cwd) : run_citizenscan(full, cwd);
  };
  Outcome outcome;
  const RunResult text = run({"-f", "text", "--color", "never"});
  outcome.exit_code = text.exit_code;
  outcome.text_says_incomplete = text.out.find("scan incomplete") != std::string::npos;
  for (const auto& [format, slot] : {std::pair{"json", &outcome.json_complete}, std::pair{"jsonl", &outcome.jsonl_complete},
                                     std::pair{"sarif", &outcome.sarif_success}}) {
    const RunResult other = run({"-f", format});
    EXPECT_EQ(other.exit_code, text.exit_code) << format << " exits like text\n" << other.err;
    try {
      if (std::string(format) == "json") {
        *slot = Json::parse(other.out)["complete"];
      } else if (std::string(format) == "jsonl") {
        const std::size_t last = other.out.rfind('\n', other.out.size() - 2);
        *slot = Json::parse(other.out.substr(last == std::string::npos ? 0 : last + 1))["complete"];
      } else {
        *slot = Json::parse(other.out)["runs"][0]["invocations"][0]["executionSuccessful"];
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << format << " output does not parse: " << e.what() << "\n" << other.out << other.err;
    }
  }
  return outcome;
}

void expect_complete(const Outcome& outcome, bool complete) {
  EXPECT_EQ(outcome.text_says_incomplete, !complete);
  EXPECT_EQ(outcome.json_complete, complete);
  EXPECT_EQ(outcome.jsonl_complete, complete);
  EXPECT_EQ(outcome.sarif_success, complete);
}

TEST(ExitStatus, DeliberateSkipsAreNotesAndLeaveACleanScanClean) {
  TempTree tree("DeliberateSkipsAreNotesAndLeaveACleanScanClean");
  tree.write("clean.py", "x = 1\n");
  tree.write("binary.py", std::string("x = 1\0\n", 7) + kKeyFile);
  tree.write("big.py", std::string(4096, '#') + "\n" + kKeyFile);
  tree.write("excluded/app.py", kKeyFile);
  tree.write("bundle.min.js", "var a=1;");
  fs::create_directory_symlink("/usr", tree.path() / "outside");
  const std::vector<std::string> args{"--max-file-size", "2K", "--exclude", "excluded/", "."};
  const RunResult json = run_citizenscan({"scan", "-f", "json", "--max-file-size", "2K", "--exclude", "excluded/", "."},
                                         tree.path());
  EXPECT_EQ(json.exit_code, 0) << json.out << json.err;
  const Json report = Json::parse(json.out);
  ASSERT_GE(report["diagnostics"].size(), 3u) << report["diagnostics"].dump();
  for (const Json& d : report["diagnostics"]) EXPECT_EQ(d["level"], "note") << d.dump();
  const Outcome outcome = scan_in_every_format(args, tree.path(), false);
  EXPECT_EQ(outcome.exit_code, 0) << "skips the user asked for (or that are policy) are not failures";
  expect_complete(outcome, true);
}

TEST(ExitStatus, AnUnreadableFileWithoutFindingsIsNotClean) {
  if (!can_run_unprivileged()) GTEST_SKIP() << "running as root without setpriv";
  TempTree tree("AnUnreadableFileWithoutFindingsIsNotClean");
  tree.write("clean.py", "x = 1\n");
  tree.write("locked.py", kKeyFile);
  fs::permissions(tree.path(), fs::perms::all);
  fs::permissions(tree.path() / "clean.py", fs::perms::all);
  fs::permissions(tree.path() / "locked.py", fs::perms::none);
  const Outcome outcome = scan_in_every_format({tree.path().string()}, "/", true);
  EXPECT_EQ(outcome.exit_code, 2) << "the key in locked.py was never looked at";
  expect_complete(outcome, false);
  // --fail-on none turns findings off as a failure, not an incomplete scan.
  const RunResult none = run_citizenscan_unprivileged({"scan", "--fail-on", "none", tree.path().string()}, "/");
  EXPECT_EQ(none.exit_code, 2) << none.out << none.err;
  // A finding elsewhere decides: 1.
  tree.write("app.py", kKeyFile);
  fs::permissions(tree.path() / "app.py", fs::perms::all);
  const RunResult found = run_citizenscan_unprivileged({"scan", tree.path().string()}, "/");
  EXPECT_EQ(found.exit_code, 1) << found.out << found.err;
  EXPECT_NE(found.out.find("locked.py: warning: cannot read file: Permission denied"), std::string::npos) << found.out;
  EXPECT_NE(found.out.find("scan incomplete"), std::string::npos) << found.out;
}

// Needs no permissions: a warning from the matcher (too deep for queries) counts like one from the walk.
TEST(ExitStatus, AFileTooDeepForQueriesMakesTheScanIncomplete) {
  TempTree tree("AFileTooDeepForQueriesMakesTheScanIncomplete");
  tree.write("deep.py", too_deep_python());
  tree.write("clean.py", "x = 1\n");
  const Outcome outcome = scan_in_every_format({"--parse-minified", "."}, tree.path(), false);
  EXPECT_EQ(outcome.exit_code, 2);
  expect_complete(outcome, false);

  tree.write("app.py", kKeyFile);  // an error-level finding
  EXPECT_EQ(run_citizenscan({"scan", "--parse-minified", "."}, tree.path()).exit_code, 1);
  EXPECT_EQ(run_citizenscan({"scan", "-f", "jsonl", "--parse-minified", "."}, tree.path()).exit_code, 1)
      << "streamed findings decide the same way";
  // Findings below the threshold do not count; the scan is still incomplete.
  tree.write("app.py", "def f(cur, ids):\n    for i in ids:\n        cur.execute(\"SELECT * FROM t WHERE id = %s\", (i,))\n");
  const RunResult below = run_citizenscan({"scan", "-f", "json", "--fail-on", "error", "--parse-minified", "."}, tree.path());
  EXPECT_EQ(Json::parse(below.out)["findings"].size(), 1u) << below.out;
  EXPECT_EQ(below.exit_code, 2) << below.err;
  // Without the deep file the same tree is complete, and its warning finding alone passes --fail-on error.
  fs::remove(tree.path() / "deep.py");
  EXPECT_EQ(run_citizenscan({"scan", "--fail-on", "error", "."}, tree.path()).exit_code, 0);
}

TEST(ExitStatus, AMissingTargetAloneExitsTwo) {
  TempTree tree("AMissingTargetAloneExitsTwo");
  const Outcome outcome = scan_in_every_format({"no-such-folder"}, tree.path(), false);
  EXPECT_EQ(outcome.exit_code, 2);
  expect_complete(outcome, false);
}

}  // namespace
}  // namespace citizenscan::testing
