// Helpers for end-to-end tests: run the built binary, make temp trees, read fixture annotations.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "../support/annotations.h"

namespace citizenscan::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the citizenscan binary with `args` (shell-quoted here) in `cwd`.
RunResult run_citizenscan(const std::vector<std::string>& args,
                          const std::filesystem::path& cwd = CITIZENSCAN_SOURCE_DIR);

// Runs a bash script in `cwd` with $CITIZENSCAN naming the binary (pipelines, ulimit, redirections);
// `exit_code` is the script's.
RunResult run_bash(const std::string& script, const std::filesystem::path& cwd);

// File permissions only bind a process that is not root: as root, the binary runs as `nobody`
// through setpriv (so `cwd` and the files it must read have to be open to others). False when
// running as root without setpriv: a test about permissions then skips.
bool can_run_unprivileged();
RunResult run_citizenscan_unprivileged(const std::vector<std::string>& args,
                                       const std::filesystem::path& cwd);

// A fresh directory under the system temp dir named after the test; removed by the destructor.
class TempTree {
 public:
  explicit TempTree(const std::string& test_name);
  ~TempTree();
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;
  const std::filesystem::path& path() const { return root_; }
  void write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path root_;
};

// The `expect:` annotations under `dir` (format: tests/support/annotations.h).
std::set<Expectation> read_expectations(const std::filesystem::path& dir);

// One run of the fixture harness: the scanner's findings over `dir` against its annotations.
// Passing means: the scan ran (exit 0 or 1), there are annotations at all, every annotated finding was
// reported, nothing else was, and nothing of a pack was reported on a line marked `expect-none` for it.
struct FixtureCheck {
  RunResult run;
  Annotations annotations;
  std::set<Expectation> missing;        // annotated, not found
  std::set<Expectation> extra;          // found, not annotated
  std::set<Expectation> on_negatives;   // found on an `expect-none` line of the finding's pack
  bool scanned() const { return run.exit_code == 0 || run.exit_code == 1; }
  bool passed() const;
  std::string describe_failure() const;
};

// `rule_args` replace the built-in packs when not empty (e.g. {"--no-builtin-rules", "--rules", PATH}).
FixtureCheck check_fixtures(const std::filesystem::path& dir, const std::vector<std::string>& rule_args = {});

std::string describe(const std::set<Expectation>& items);

}  // namespace citizenscan::testing
