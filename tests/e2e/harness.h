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

std::string describe(const std::set<Expectation>& items);

}  // namespace citizenscan::testing
