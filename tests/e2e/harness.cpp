#include "harness.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

namespace citizenscan::testing {
namespace fs = std::filesystem;

namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

namespace {

// Runs `command` (shell syntax) in `cwd`: its standard output and error, and its exit code.
RunResult run_in_shell(const std::string& command_text, const fs::path& cwd) {
  static int counter = 0;
  const fs::path err_file = fs::temp_directory_path() /
                            ("citizenscan-e2e-stderr-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  const std::string command =
      "cd " + shell_quote(cwd.string()) + " && " + command_text + " 2>" + shell_quote(err_file.string());
  RunResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = slurp(err_file);
  fs::remove(err_file);
  return result;
}

RunResult run_command(const std::string& prefix, const std::vector<std::string>& args, const fs::path& cwd) {
  std::string command = prefix + shell_quote(CITIZENSCAN_BINARY);
  for (const auto& arg : args) command += " " + shell_quote(arg);
  return run_in_shell(command, cwd);
}

}  // namespace

RunResult run_citizenscan(const std::vector<std::string>& args, const fs::path& cwd) {
  return run_command("", args, cwd);
}

RunResult run_bash(const std::string& script, const fs::path& cwd) {
  return run_in_shell("CITIZENSCAN=" + shell_quote(CITIZENSCAN_BINARY) + " bash -c " + shell_quote(script), cwd);
}

bool can_run_unprivileged() {
  return ::geteuid() != 0 || std::system("command -v setpriv >/dev/null 2>&1") == 0;
}

RunResult run_citizenscan_unprivileged(const std::vector<std::string>& args, const fs::path& cwd) {
  if (::geteuid() != 0) return run_command("", args, cwd);
  return run_command("setpriv --reuid=65534 --regid=65534 --clear-groups ", args, cwd);
}

TempTree::TempTree(const std::string& test_name)
    : root_(fs::temp_directory_path() / ("citizenscan-test-" + test_name + "-" + std::to_string(::getpid()))) {
  fs::remove_all(root_);
  fs::create_directories(root_);
}

TempTree::~TempTree() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

void TempTree::write(const std::string& relative, const std::string& content) const {
  const fs::path file = root_ / relative;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
}

std::set<Expectation> read_expectations(const fs::path& dir) { return read_annotations(dir).expected; }

bool FixtureCheck::passed() const {
  return scanned() && !annotations.expected.empty() && missing.empty() && extra.empty() && on_negatives.empty();
}

std::string FixtureCheck::describe_failure() const {
  if (!scanned()) return "the scan failed: exit " + std::to_string(run.exit_code) + "\n" + run.err;
  std::string out;
  if (annotations.expected.empty()) out += "  no `expect:` annotations: the check would prove nothing\n";
  out += "  missing (annotated, not found):\n" + describe(missing);
  out += "  extra (found, not annotated):\n" + describe(extra);
  out += "  on expect-none lines of their pack:\n" + describe(on_negatives);
  return out;
}

FixtureCheck check_fixtures(const fs::path& dir, const std::vector<std::string>& rule_args) {
  FixtureCheck check;
  std::vector<std::string> args{"scan", "--format", "json", "--no-ignore", "--jobs", "2", dir.string()};
  args.insert(args.end(), rule_args.begin(), rule_args.end());
  check.run = run_citizenscan(args);
  check.annotations = read_annotations(dir);
  if (!check.scanned()) return check;
  std::set<Expectation> actual;
  const nlohmann::json report = nlohmann::json::parse(check.run.out);
  for (const auto& f : report["findings"]) {
    if (f.value("suppressed", false)) continue;
    actual.emplace(f["relative_path"].get<std::string>(), f["line"].get<int>(), f["rule_id"].get<std::string>());
  }
  const std::set<Expectation>& expected = check.annotations.expected;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::inserter(check.missing, check.missing.end()));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::inserter(check.extra, check.extra.end()));
  for (const auto& [path, line, rule] : actual) {
    const std::string pack = rule.substr(0, rule.find('/'));
    if (check.annotations.negatives.contains({path, line, pack})) check.on_negatives.emplace(path, line, rule);
  }
  return check;
}

std::string describe(const std::set<Expectation>& items) {
  std::string out;
  for (const auto& [path, line, rule] : items) out += "    " + path + ":" + std::to_string(line) + "  " + rule + "\n";
  return out.empty() ? "    (none)\n" : out;
}

}  // namespace citizenscan::testing
