// Patterns that make a backtracking regex engine take exponential time, in a rule pack, run over
// megabytes of 'a'. RE2 (automata, no backtracking) keeps each search linear in the text.
//
// How this proves it without timing anything: CTest runs these tests with a TIMEOUT (see
// tests/CMakeLists.txt, `limits_tests`). A backtracking engine needs about 2^n steps for `(a+)+$`
// on n letters followed by a non-match, so even 40 letters would outlast the timeout; a quadratic
// algorithm would need about 10^13 steps for the 4 MiB input, hours at a nanosecond a step. Linear
// work is a few milliseconds per megabyte. So passing within the timeout rules out both, on any
// machine slow enough to matter, with a margin of several orders of magnitude; and each test also
// checks the exact findings, so it cannot pass by matching nothing.
//
// Not covered, on purpose: RE2 is linear per search, but listing *all* matches restarts the search
// after each one, so a pattern whose every match needs a look far ahead (`.*?z|a` on text without
// 'z') is quadratic in any engine. No shipped rule is written that way (rules/ patterns are anchored
// on literals or bounded repetitions).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "citizenscan/rules.h"
#include "citizenscan/scan.h"

namespace citizenscan {
namespace {
namespace fs = std::filesystem;

std::string regex_rule(const std::string& name, const std::string& pattern) {
  return R"({"id": "slow/)" + name + R"(", "name": "N", "shortDescription": "s", "fullDescription": "f",
    "help": "h", "severity": "note", "securitySeverity": 1.0, "precision": "low",
    "languages": ["python"], "message": "m", "matchers": [{"regex": ")" + pattern + R"("}]})";
}

class CatastrophicPatterns : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("citizenscan-regex-linear-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Findings per rule id for a file of `size` letters 'a', then `tail`.
  std::map<std::string, std::vector<Region>> scan_letters(std::size_t size, const std::string& tail) {
    {
      std::ofstream(dir_ / "letters.py", std::ios::binary) << std::string(size, 'a') << tail;
    }
    const RuleSet rules = RuleSet::load_from_texts({{"slow.json", R"({"pack": "slow", "rules": [)" +
        regex_rule("nested-plus", "(a+)+$") + "," +
        regex_rule("overlapping-alternation", "(a|aa)*c") + "," +
        regex_rule("nested-star", "(a*)*b") + "," +
        regex_rule("doubled-plus", "(a+a+)+y") + "," +
        regex_rule("optional-chain", "^(a?){64}a{64}$") + "]}"}});
    ScanOptions options;
    options.walk.targets = {dir_.string()};
    options.parse_budget_ms = 0;
    const ScanResult result = scan(rules, options);
    EXPECT_TRUE(result.complete);
    EXPECT_EQ(result.stats.files_scanned, 1u);
    EXPECT_EQ(result.stats.bytes_scanned, size + tail.size()) << "every letter went through the rules";
    std::map<std::string, std::vector<Region>> by_rule;
    for (const Finding& f : result.findings) by_rule[f.rule_id].push_back(f.region);
    return by_rule;
  }

  fs::path dir_;
};

TEST_F(CatastrophicPatterns, OneMegabyteOfLettersWithoutAMatchingEnd) {
  const std::size_t size = 1u << 20;
  // '!' at the end: (a+)+$ cannot match the letters (a backtracking engine tries every split of them).
  const auto found = scan_letters(size, "!");
  EXPECT_TRUE(found.empty()) << found.size() << " rules matched";
}

TEST_F(CatastrophicPatterns, FourMegabytesOfLettersMatchOnceWhereTheyShould) {
  const std::size_t size = 4u << 20;
  const auto found = scan_letters(size, "");
  // (a+)+$ matches the whole file once; the others cannot match letters alone ((a?){64}a{64} needs
  // the text to be at most 128 letters long).
  ASSERT_EQ(found.size(), 1u);
  const std::vector<Region>& whole = found.at("slow/nested-plus");
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(whole[0].start_line, 1u);
  EXPECT_EQ(whole[0].start_column, 1u);
  EXPECT_EQ(whole[0].end_column, size + 1);
}

TEST_F(CatastrophicPatterns, TheExponentialCaseForBacktrackingMatchesExactly) {
  // (a?){64}a{64} on 64 letters: the textbook exponential case for backtracking (2^64 paths).
  const auto found = scan_letters(64, "");
  ASSERT_EQ(found.count("slow/optional-chain"), 1u);
  EXPECT_EQ(found.at("slow/optional-chain")[0].end_column, 65u);
}

}  // namespace
}  // namespace citizenscan
