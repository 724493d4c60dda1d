#include <gtest/gtest.h>

#include <stdexcept>

#include "citizenscan/prefilter.h"

namespace citizenscan {
namespace {

TEST(Prefilter, CaseInsensitiveLiteralsAndAlwaysRules) {
  Prefilter prefilter({{"akia", "asia"}, {}, {"Password"}, {"gmail.com"}});
  std::vector<std::uint32_t> out;
  prefilter.candidates("key = 'AKIA...'\nPASSWORD = 1", out);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{0, 1, 2}));
  prefilter.candidates("nothing here", out);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{1}));
  prefilter.candidates("", out);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{1}));
}

TEST(Prefilter, SharedLiteralsMapToEveryRule) {
  Prefilter prefilter({{"execute"}, {"execute", "query"}});
  std::vector<std::uint32_t> out;
  prefilter.candidates("cur.execute(sql)", out);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(prefilter.literal_count(), 2u);
}

TEST(Prefilter, RegexMetacharactersAreLiteral) {
  Prefilter prefilter({{"a.b("}});
  std::vector<std::uint32_t> out;
  prefilter.candidates("axb(", out);
  EXPECT_TRUE(out.empty());
  prefilter.candidates("A.B(", out);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{0}));
}

TEST(Prefilter, AllGroupsOfARuleMustMatch) {
  // Rule 0: a loop word and a query word; rule 1: one group; rule 2: no literals.
  const Prefilter prefilter = Prefilter::all_of({{{"for", "while"}, {"execute", "query"}}, {{"query"}}, {}});
  std::vector<std::uint32_t> out;
  prefilter.candidates("for row in rows: cur.EXECUTE(sql)", out);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{0, 2}));
  prefilter.candidates("cur.execute(sql)", out);  // no loop word
  EXPECT_EQ(out, (std::vector<std::uint32_t>{2}));
  prefilter.candidates("while x: db.query(q)", out);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{0, 1, 2}));
  prefilter.candidates("for a in b: while c: pass", out);  // two literals of one group are not two groups
  EXPECT_EQ(out, (std::vector<std::uint32_t>{2}));
}

TEST(Prefilter, ALiteralInTwoGroupsSatisfiesBoth) {
  const Prefilter prefilter = Prefilter::all_of({{{"select", "loop"}, {"select"}}});
  std::vector<std::uint32_t> out;
  prefilter.candidates("SELECT 1", out);
  EXPECT_EQ(out, (std::vector<std::uint32_t>{0}));
}

TEST(Prefilter, EmptyOrTooManyGroupsAreRejected) {
  EXPECT_THROW(Prefilter::all_of({{{"a"}, {}}}), std::invalid_argument);
  EXPECT_THROW(Prefilter::all_of({Prefilter::LiteralGroups(Prefilter::kMaxGroups + 1, {"x"})}), std::invalid_argument);
}

}  // namespace
}  // namespace citizenscan
