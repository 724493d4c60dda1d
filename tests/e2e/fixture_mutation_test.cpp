// Mutation check of the fixture harness: the check the Fixtures tests run (check_fixtures) must fail
// when a fixture or a pack is wrong, so that a green Fixtures run means something. Each test copies a
// fixture folder (and, to delete a rule, the packs) into a temp tree, makes deliberate mistakes, runs
// the very same check and requires exactly those mistakes to be reported: no fewer (the harness sees
// them), no more (copying changes nothing else).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "citizenscan/rules.h"
#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

// The fixture folders named after a built-in pack (testdata/demo mixes packs and is not one).
const std::vector<std::string> kPackFixtures{"credentials", "pii", "personal-email", "db-loops"};

const fs::path kSource = CITIZENSCAN_SOURCE_DIR;

std::string pack_of(const std::string& rule) { return rule.substr(0, rule.find('/')); }

std::vector<std::string> read_lines(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<std::string> lines;
  std::istringstream split(text.str());
  for (std::string line; std::getline(split, line);) lines.push_back(line);
  return lines;
}

void write_lines(const fs::path& file, const std::vector<std::string>& lines) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  for (const std::string& line : lines) out << line << '\n';
}

// An `expect: PACK/RULE` comment alone in its group (no annotation right above or below it), so that
// the line it is about is the next one.
struct LoneAnnotation {
  fs::path file;          // absolute
  std::string relative;   // as the harness names it
  std::size_t index = 0;  // 0-based line of the comment itself
  std::string rule;
  int code_line = 0;  // 1-based line it is about
};

// The first lone annotation of each file under `dir` (files in name order) whose rule passes `wanted`.
std::vector<LoneAnnotation> lone_annotations(const fs::path& dir, const std::string& wanted_pack = "") {
  static const std::regex kAny(R"(^\s*(#|//|--|;|/\*)\s*expect(-none)?:)");
  static const std::regex kPositive(R"(^\s*(#|//|--|;|/\*)\s*expect:\s*([a-z0-9-]+/[a-z0-9-]+))");
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() != ".expect") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<LoneAnnotation> found;
  for (const fs::path& file : files) {
    const std::vector<std::string> lines = read_lines(file);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      std::smatch m;
      if (!std::regex_search(lines[i], m, kPositive)) continue;
      const bool alone = (i == 0 || !std::regex_search(lines[i - 1], kAny)) && !std::regex_search(lines[i + 1], kAny);
      if (!alone || (!wanted_pack.empty() && pack_of(m[2].str()) != wanted_pack)) continue;
      found.push_back({file, fs::relative(file, dir).generic_string(), i, m[2].str(), static_cast<int>(i) + 2});
      break;
    }
  }
  return found;
}

// `expect: PACK/RULE` -> `expect-none: PACK`, the comment opener and indentation kept.
std::string as_expect_none(const std::string& line, const std::string& rule) {
  std::string out = line;
  const std::size_t at = out.find("expect:");
  out.replace(at, 7, "expect-none:");
  out.replace(out.find(rule, at), rule.size(), pack_of(rule));
  return out;
}

class FixtureMutation : public ::testing::TestWithParam<std::string> {
 protected:
  FixtureMutation() : tree_("fixture-mutation-" + GetParam()), fixtures_(tree_.path() / "fixtures") {
    fs::copy(kSource / "testdata" / GetParam(), fixtures_, fs::copy_options::recursive);
  }
  TempTree tree_;
  const fs::path fixtures_;
};

// Three edits to annotations in three files of one copy, each a different way fixtures can lie:
// a finding nobody annotated, a finding on a line that says nothing of its pack may be reported, and
// a line annotated both ways.
TEST_P(FixtureMutation, EditedAnnotationsAreEachReported) {
  const std::vector<LoneAnnotation> lone = lone_annotations(fixtures_);
  ASSERT_GE(lone.size(), 3u) << "testdata/" << GetParam() << " needs three files with a lone `expect:` comment";
  const LoneAnnotation& deleted = lone[0];
  const LoneAnnotation& flipped = lone[1];
  const LoneAnnotation& doubled = lone[2];

  std::vector<std::string> lines = read_lines(deleted.file);
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(deleted.index));
  write_lines(deleted.file, lines);

  lines = read_lines(flipped.file);
  lines[flipped.index] = as_expect_none(lines[flipped.index], flipped.rule);
  write_lines(flipped.file, lines);

  lines = read_lines(doubled.file);
  const std::string contradiction = as_expect_none(lines[doubled.index], doubled.rule);
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(doubled.index) + 1, contradiction);
  write_lines(doubled.file, lines);

  const FixtureCheck check = check_fixtures(fixtures_);
  ASSERT_TRUE(check.scanned()) << check.describe_failure();
  EXPECT_FALSE(check.passed());
  EXPECT_EQ(check.missing, std::set<Expectation>{}) << describe(check.missing);
  // The deleted comment's line moved up by one; the inserted one moved the doubled finding down by one.
  const Expectation unannotated{deleted.relative, deleted.code_line - 1, deleted.rule};
  const Expectation on_none_line{flipped.relative, flipped.code_line, flipped.rule};
  const Expectation on_both_line{doubled.relative, doubled.code_line + 1, doubled.rule};
  EXPECT_EQ(check.extra, (std::set<Expectation>{unannotated, on_none_line})) << describe(check.extra);
  EXPECT_EQ(check.on_negatives, (std::set<Expectation>{on_none_line, on_both_line})) << describe(check.on_negatives);
}

// The pack's copy without the rule of its first lone annotation, with every other built-in pack as
// it is: all of that rule's annotations (and nothing else) must be reported missing.
TEST_P(FixtureMutation, DeletedRuleIsReportedMissingWhereverItIsAnnotated) {
  const std::vector<LoneAnnotation> lone = lone_annotations(fixtures_, GetParam());
  ASSERT_FALSE(lone.empty()) << "testdata/" << GetParam() << " has no lone `expect:` comment of its own pack";
  const std::string deleted_rule = lone.front().rule;

  std::vector<std::string> rule_args{"--no-builtin-rules"};
  const fs::path mutated = tree_.path() / (GetParam() + ".json");
  for (const auto& entry : fs::directory_iterator(kSource / "rules")) {
    if (entry.path().extension() != ".json") continue;
    if (entry.path().stem() != GetParam()) {
      rule_args.insert(rule_args.end(), {"--rules", entry.path().string()});
      continue;
    }
    nlohmann::json pack = nlohmann::json::parse(std::ifstream(entry.path()));
    auto& rules = pack["rules"];
    const auto before = rules.size();
    rules.erase(std::remove_if(rules.begin(), rules.end(), [&](const auto& r) { return r["id"] == deleted_rule; }),
                rules.end());
    ASSERT_EQ(rules.size() + 1, before) << deleted_rule << " is not in " << entry.path();
    std::ofstream(mutated) << pack.dump(2);
    rule_args.insert(rule_args.end(), {"--rules", mutated.string()});
  }
  ASSERT_TRUE(fs::exists(mutated)) << "no rules/" << GetParam() << ".json";

  const FixtureCheck check = check_fixtures(fixtures_, rule_args);
  ASSERT_TRUE(check.scanned()) << check.describe_failure();
  EXPECT_FALSE(check.passed());
  std::set<Expectation> annotated_for_rule;
  std::copy_if(check.annotations.expected.begin(), check.annotations.expected.end(),
               std::inserter(annotated_for_rule, annotated_for_rule.end()),
               [&](const Expectation& e) { return std::get<2>(e) == deleted_rule; });
  EXPECT_FALSE(annotated_for_rule.empty());
  EXPECT_EQ(check.missing, annotated_for_rule) << "deleted " << deleted_rule << "\n" << describe(check.missing);
}

INSTANTIATE_TEST_SUITE_P(Packs, FixtureMutation, ::testing::ValuesIn(kPackFixtures),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// The mutation above deletes one rule per pack; this extends it to every rule: a rule with no
// `expect:` line in testdata/ could be deleted (or stop finding anything) with every test green.
// (Each testdata folder's annotations are checked exactly: by the Fixtures tests, and testdata/program,
// whose rules need a whole-tool inventory, by Inventory.ProgramTreeGivesTheExpectedToolsOverlapsAndFindings.)
TEST(FixtureCoverage, EveryBuiltInRuleHasAPositiveFixture) {
  std::set<std::string> annotated;
  for (const auto& entry : fs::directory_iterator(kSource / "testdata")) {
    if (!entry.is_directory()) continue;
    for (const auto& [path, line, rule] : read_annotations(entry.path()).expected) annotated.insert(rule);
  }
  const RuleSet rules = RuleSet::load_builtin_and({});
  std::string without;
  for (const RuleInfo& rule : rules.infos()) {
    if (!annotated.contains(rule.id)) without += "  " + rule.id + "\n";
  }
  EXPECT_TRUE(without.empty()) << "rules without an `expect:` line in testdata/:\n" << without;
}

}  // namespace
}  // namespace citizenscan::testing
