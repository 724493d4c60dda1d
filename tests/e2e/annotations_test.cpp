// The annotation reader shared by fixture tests and evaluation sets.
#include <gtest/gtest.h>

#include "harness.h"

namespace citizenscan::testing {
namespace {

TEST(Annotations, PositivesNegativesAndSidecarsLandOnTheNextCodeLine) {
  TempTree tree("annotations");
  tree.write("python/a.py",
             "# expect: credentials/hardcoded-password\n"
             "# expect: pii/pii-in-log\n"
             "password = 'x'\n"
             "# expect-none: credentials\n"
             "password_field = 'password'\n");
  tree.write("sql/b.sql", "-- expect-none: pii\nCREATE TABLE t (ssn_hash CHAR(64));\n");
  tree.write("config/sa.json", "{}\n");
  tree.write("config/sa.json.expect", "1 credentials/gcp-service-account-key\n2 none credentials\n");
  const Annotations a = read_annotations(tree.path());
  const std::set<Expectation> expected{{"python/a.py", 3, "credentials/hardcoded-password"},
                                       {"python/a.py", 3, "pii/pii-in-log"},
                                       {"config/sa.json", 1, "credentials/gcp-service-account-key"}};
  const std::set<Expectation> negatives{
      {"python/a.py", 5, "credentials"}, {"sql/b.sql", 2, "pii"}, {"config/sa.json", 2, "credentials"}};
  EXPECT_EQ(a.expected, expected);
  EXPECT_EQ(a.negatives, negatives);
}

TEST(Annotations, MalformedAnnotationIsAnErrorNotASilentSkip) {
  TempTree tree("annotations-bad");
  tree.write("a.js", "// expect-none: pii/pii-in-log\nconsole.log(x);\n");
  EXPECT_THROW(read_annotations(tree.path()), std::runtime_error);
  TempTree tree2("annotations-bad2");
  tree2.write("a.js", "// expect: pii\nconsole.log(x);\n");
  EXPECT_THROW(read_annotations(tree2.path()), std::runtime_error);
}

}  // namespace
}  // namespace citizenscan::testing
