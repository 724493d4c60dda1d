#include <gtest/gtest.h>

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

}  // namespace
}  // namespace citizenscan
