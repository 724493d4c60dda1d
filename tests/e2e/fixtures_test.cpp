// The annotated-fixture harness: for every fixture directory, the findings must equal the
// `expect:` annotations exactly: nothing missing, nothing extra.
#include <cstdlib>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

void expect_fixtures_match(const std::string& name) {
  const fs::path dir = fs::path(CITIZENSCAN_SOURCE_DIR) / "testdata" / name;
  if (!fs::exists(dir)) GTEST_SKIP() << dir << " does not exist yet";
  std::vector<std::string> args{"scan", "--format", "json", "--no-ignore", "--jobs", "2", dir.string()};
  // Pack authors: CITIZENSCAN_FIXTURE_RULES=rules/pii.json runs only that pack file, no rebuild needed.
  if (const char* only = std::getenv("CITIZENSCAN_FIXTURE_RULES")) {
    args.insert(args.end(), {"--no-builtin-rules", "--rules", only});
  }
  const RunResult run = run_citizenscan(args);
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << "exit " << run.exit_code << "\n" << run.err;
  const auto report = nlohmann::json::parse(run.out);
  std::set<Expectation> actual;
  for (const auto& f : report["findings"]) {
    if (f.value("suppressed", false)) continue;
    actual.emplace(f["relative_path"].get<std::string>(), f["line"].get<int>(), f["rule_id"].get<std::string>());
  }
  const std::set<Expectation> expected = read_expectations(dir);
  std::set<Expectation> missing, extra;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::inserter(missing, missing.end()));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::inserter(extra, extra.end()));
  EXPECT_TRUE(missing.empty() && extra.empty())
      << "fixtures in testdata/" << name << "\n  missing (annotated, not found):\n" << describe(missing)
      << "  extra (found, not annotated):\n" << describe(extra);
  EXPECT_FALSE(expected.empty()) << "testdata/" << name << " has no annotations: the test would prove nothing";
}

TEST(Fixtures, Credentials) { expect_fixtures_match("credentials"); }
TEST(Fixtures, Pii) { expect_fixtures_match("pii"); }
TEST(Fixtures, PersonalEmail) { expect_fixtures_match("personal-email"); }
TEST(Fixtures, DbLoops) { expect_fixtures_match("db-loops"); }
TEST(Fixtures, Demo) { expect_fixtures_match("demo"); }

}  // namespace
}  // namespace citizenscan::testing
