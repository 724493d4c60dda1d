#pragma once
// The structural rules every SARIF log citizenscan writes must keep, as one function that the unit
// and end-to-end tests and the SARIF fuzz target (tests/fuzz) all use. The official JSON schema is
// checked separately (tests/e2e/validate_sarif.py, Python jsonschema); these are the rules the
// schema does not state or that GitHub code scanning adds:
//   - the text is JSON (so valid UTF-8) with $schema, version 2.1.0 and exactly one run;
//   - every rule has an id of its own, texts, at most 20 unique tags and a security-severity from
//     0.0 to 10.0;
//   - every result names its rule (a ruleIndex points at a rule with the same id), has a level,
//     a message and one location whose region starts at line and column >= 1 and never ends before
//     it starts; at most 25,000 results;
//   - every artifact URI is percent-encoded (RFC 3986 unreserved characters, '/' and %XX only): a
//     %SRCROOT%-relative one is a relative path (never starting with '/', which would make it
//     absolute or, with "//", name a host), a file:// one has an absolute path;
//   - notifications have a level and a message; suppressions a known kind.
//
//   EXPECT_EQ(citizenscan::testing::sarif_problems(text), std::vector<std::string>{});
#include <string>
#include <string_view>
#include <vector>

namespace citizenscan::testing {

// One line per broken rule, naming where in the log ("runs[0].results[3].locations[0]...: ...");
// empty when the log keeps every rule.
std::vector<std::string> sarif_problems(std::string_view text);

}  // namespace citizenscan::testing
