// suppress: inline `citizenscan:ignore RULE -- reason` comments (apply_inline_ignores), baselines.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "citizenscan/load.h"
#include "citizenscan/suppress.h"

namespace citizenscan {
namespace {

// A finding of `rule` on every line of `text`, after the file's inline ignores: which are
// suppressed ("line:rule (reason)"), and the diagnostics.
struct Applied {
  std::vector<std::string> suppressed;
  std::vector<std::string> notes;
};

Applied apply(std::string_view text, std::vector<std::string> rules) {
  const LineIndex lines(text);
  std::vector<Finding> findings;
  for (std::uint32_t line = 1; line <= lines.line_count(); ++line) {
    for (const std::string& rule : rules) {
      Finding finding;
      finding.rule_id = rule;
      finding.region = {line, 1, line, 2, lines.line_start(line), lines.line_start(line)};
      findings.push_back(finding);
    }
  }
  std::vector<Diagnostic> diagnostics;
  apply_inline_ignores(text, lines, findings, diagnostics);
  Applied applied;
  for (const Finding& finding : findings) {
    if (finding.suppression) {
      applied.suppressed.push_back(std::to_string(finding.region.start_line) + ":" + finding.rule_id + " (" +
                                   finding.suppression->justification + ")");
    }
  }
  for (const Diagnostic& diagnostic : diagnostics) applied.notes.push_back(diagnostic.message);
  return applied;
}

using Lines = std::vector<std::string>;

TEST(InlineIgnores, RuleOnItsLineAndTheNext) {
  const Applied applied = apply("x = 1  # citizenscan:ignore pii/pii-in-log -- test data\ny = 2\nz = 3\n",
                                {"pii/pii-in-log", "pii/other"});
  EXPECT_EQ(applied.suppressed, (Lines{"1:pii/pii-in-log (test data)", "2:pii/pii-in-log (test data)"}));
  EXPECT_TRUE(applied.notes.empty());
}

// Found while writing the fuzz target's invariants (tests/fuzz/inline_ignore_fuzzer.cpp): the
// trimming meant for a block-comment closer ("*/") also ate the "/*" of a pack wildcard, so the
// documented `credentials/*` was always "needs a rule id" and suppressed nothing.
TEST(InlineIgnores, PackWildcardSuppressesEveryRuleOfThePack) {
  for (const std::string_view text : {"# citizenscan:ignore credentials/* -- rotated, test db\nk = 1\n",
                                      "/* citizenscan:ignore credentials/* -- rotated, test db */\nk = 1\n",
                                      "-- citizenscan:ignore credentials/* -- rotated, test db\nk = 1\n"}) {
    const Applied applied = apply(text, {"credentials/hardcoded-password", "pii/pii-in-log"});
    EXPECT_EQ(applied.suppressed, (Lines{"1:credentials/hardcoded-password (rotated, test db)",
                                         "2:credentials/hardcoded-password (rotated, test db)"}))
        << text;
    EXPECT_TRUE(applied.notes.empty()) << text << applied.notes.front();
  }
}

TEST(InlineIgnores, BlockCommentCloserIsNotPartOfTheRuleOrTheReason) {
  EXPECT_EQ(apply("/* citizenscan:ignore pii/pii-in-log -- why */\n", {"pii/pii-in-log"}).suppressed,
            (Lines{"1:pii/pii-in-log (why)", "2:pii/pii-in-log (why)"}));
  EXPECT_EQ(apply("/* citizenscan:ignore pii/pii-in-log */\n", {"pii/pii-in-log"}).notes,
            (Lines{"line 1: citizenscan:ignore pii/pii-in-log has no reason after '--'; it suppresses nothing"}));
}

TEST(InlineIgnores, MalformedIgnoresSuppressNothingAndSaySo) {
  const Applied applied = apply(
      "# citizenscan:ignore -- no rule\n# citizenscan:ignore pii\n# citizenscan:ignore pii/a b -- two words\n"
      "# citizenscan:ignore */\n",
      {"pii/a"});
  EXPECT_TRUE(applied.suppressed.empty());
  const std::string needs_rule =
      ": citizenscan:ignore needs a rule id (like credentials/hardcoded-password) and a reason after '--'; it "
      "suppresses nothing";
  EXPECT_EQ(applied.notes, (Lines{"line 1" + needs_rule, "line 2" + needs_rule, "line 3" + needs_rule,
                                  "line 4" + needs_rule}));
}

// A number JSON cannot hold (out_of_range in nlohmann, not parse_error) is a BaselineError naming
// the file, like any other broken baseline.
TEST(Baseline, NumberTooLargeIsABaselineErrorNamingTheFile) {
  try {
    (void)parse_baseline(R"({"tool": "citizenscan", "findings": [], "n": 1E400})", "old.json");
    ADD_FAILURE() << "accepted";
  } catch (const BaselineError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("old.json: not a citizenscan baseline (invalid JSON: ", 0), 0U) << e.what();
    EXPECT_NE(std::string(e.what()).find("number overflow parsing '1E400'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace citizenscan
