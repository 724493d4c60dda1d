// The annotated-fixture harness: for every fixture directory, the findings must equal the
// `expect:` annotations exactly: nothing missing, nothing extra.
#include <cstdlib>

#include <gtest/gtest.h>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

void expect_fixtures_match(const std::string& name) {
  const fs::path dir = fs::path(CITIZENSCAN_SOURCE_DIR) / "testdata" / name;
  if (!fs::exists(dir)) GTEST_SKIP() << dir << " does not exist yet";
  // Pack authors: CITIZENSCAN_FIXTURE_RULES=rules/pii.json runs only that pack file, no rebuild needed.
  std::vector<std::string> rule_args;
  if (const char* only = std::getenv("CITIZENSCAN_FIXTURE_RULES")) rule_args = {"--no-builtin-rules", "--rules", only};
  // The same check is mutated on purpose in fixture_mutation_test.cpp to show it cannot pass vacuously.
  const FixtureCheck check = check_fixtures(dir, rule_args);
  EXPECT_TRUE(check.passed()) << "fixtures in testdata/" << name << "\n" << check.describe_failure();
}

TEST(Fixtures, Credentials) { expect_fixtures_match("credentials"); }
TEST(Fixtures, Pii) { expect_fixtures_match("pii"); }
TEST(Fixtures, PersonalEmail) { expect_fixtures_match("personal-email"); }
TEST(Fixtures, DbLoops) { expect_fixtures_match("db-loops"); }
TEST(Fixtures, Demo) { expect_fixtures_match("demo"); }

}  // namespace
}  // namespace citizenscan::testing
