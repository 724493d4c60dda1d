#pragma once
// Annotated test data: the format shared by the fixture tests (tests/e2e) and the labeled evaluation
// sets (bench/eval). A comment line holding `expect: PACK/RULE` says the next line that is not itself
// an annotation must be reported by that rule; `expect-none: PACK` marks the next line as a hard
// negative for the pack (nothing of the pack may be reported there). Files without comment syntax
// (JSON, notebooks) use a sidecar `<file>.expect` with lines "LINE PACK/RULE" or "LINE none PACK".
#include <filesystem>
#include <set>
#include <string>
#include <tuple>

namespace citizenscan::testing {

// (path relative to the annotated directory, line, rule id or pack)
using Expectation = std::tuple<std::string, int, std::string>;

struct Annotations {
  std::set<Expectation> expected;   // third field: rule id
  std::set<Expectation> negatives;  // third field: pack
};

Annotations read_annotations(const std::filesystem::path& dir);

}  // namespace citizenscan::testing
