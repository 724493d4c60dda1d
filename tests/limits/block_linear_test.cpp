// A regex matcher's "block" over megabytes of statements: every statement measured, the work kept
// linear in the text. As in regex_linear_test.cpp, nothing is timed: CTest's TIMEOUT for
// limits_tests is the bound. A million statements that each run to one terminator at the end of
// the file, over a million blocks, would take about 5 * 10^11 steps if each were walked on its
// own (hours); the walks share their answers, so the scan takes about as long as reading the text.
// Unclosed openers are the other quadratic trap (each one read to the end of the file).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "citizenscan/rules.h"
#include "citizenscan/scan.h"

namespace citizenscan {
namespace {
namespace fs = std::filesystem;

// `w<digit>` starts a loop whose body is a block `( ... )` or a statement up to `;`; only the
// loops numbered 7 are reported, so the findings stay few while every loop is measured.
const char* const kPack = R"J({"pack": "slow", "rules": [{"id": "slow/loop", "name": "N",
  "shortDescription": "s", "fullDescription": "f", "help": "h", "severity": "note",
  "securitySeverity": 1.0, "precision": "low", "languages": ["python"], "message": "m",
  "matchers": [{"regex": "w(?P<id>[0-9])(?P<body>[s(])",
                "block": {"capture": "body", "open": "\\(", "close": "\\)", "end": ";"},
                "value": {"capture": "id", "match": "^7$"}}]}]})J";

class BlockExtents : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("citizenscan-block-linear-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<Finding> scan_text(const std::string& text) {
    { std::ofstream(dir_ / "loops.py", std::ios::binary) << text; }
    const RuleSet rules = RuleSet::load_from_texts({{"slow.json", kPack}});
    ScanOptions options;
    options.walk.targets = {dir_.string()};
    options.parse_budget_ms = 0;
    ScanResult result = scan(rules, options);
    EXPECT_TRUE(result.complete);
    EXPECT_EQ(result.stats.files_scanned, 1u);
    return result.findings;
  }

  fs::path dir_;
};

TEST_F(BlockExtents, AMillionStatementsRunningToOneFarTerminator) {
  const std::size_t lines = 1'000'000;
  std::string text;
  text.reserve(lines * 6 + 4);
  for (std::size_t i = 0; i < lines; ++i) text += i == 10 || i == lines - 10 ? "w7s()\n" : "w1s()\n";
  text += ";\n";
  const auto findings = scan_text(text);
  ASSERT_EQ(findings.size(), 2u);
  for (const Finding& f : findings) EXPECT_EQ(f.region.end_line, lines + 1) << "the statement ends at the ';'";
  EXPECT_EQ(findings[0].region.start_line, 11u);
  EXPECT_EQ(findings[1].region.start_line, lines - 9);
}

TEST_F(BlockExtents, AMillionBlocksThatAreNeverClosed) {
  const std::size_t lines = 1'000'000;
  std::string text;
  text.reserve(lines * 4 + 16);
  text += "w7(a)\n";  // closed: reported, on line 1 only
  for (std::size_t i = 0; i < lines; ++i) text += "w7(\n";
  const auto findings = scan_text(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 1u);
  EXPECT_EQ(findings[0].region.end_line, 1u);
}

}  // namespace
}  // namespace citizenscan
