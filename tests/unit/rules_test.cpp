#include <gtest/gtest.h>

#include "citizenscan/rules.h"

namespace citizenscan {
namespace {

TEST(Rules, BuiltinPacksLoad) {
  RuleSet rules = RuleSet::load_builtin_and({});
  EXPECT_FALSE(rules.infos().empty());
}

}  // namespace
}  // namespace citizenscan
