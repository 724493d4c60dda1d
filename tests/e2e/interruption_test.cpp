// SIGINT and SIGTERM in the middle of a scan of a large generated tree: the scan stops soon (each
// worker finishes at most the file it is on), writes no report, removes its temporary file, leaves
// the previous report as it was, and the process ends by the same signal (exit status 128+signal
// in a shell). Nothing here asserts a time: "soon" is counted in files scanned after the signal.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "harness.h"

extern char** environ;

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

constexpr int kFiles = 200;
constexpr int kJobs = 2;
const std::string kPrevious = "the previous report\n";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// 200 Python files of ~350 KB, each with 1,200 N+1 loops: parsing and matching one takes a good
// fraction of a second, so the whole scan takes minutes and a stop between files shows.
void write_slow_tree(const fs::path& root) {
  std::string body;
  for (int i = 0; i < 1200; ++i) {
    body += "def load_" + std::to_string(i) +
            "(cur, rows):\n    for r in rows:\n        cur.execute('SELECT * FROM t WHERE id = %s', (r,))\n"
            "    sizes = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181]\n";
  }
  for (int i = 0; i < kFiles; ++i) {
    const fs::path file = root / ("pkg" + std::to_string(i % 10)) / ("module_" + std::to_string(i) + ".py");
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << body;
  }
}

struct Interrupted {
  int status = 0;
  std::string err;
  long files_done_at_signal = -1;  // from the last progress line read before signalling
  double stop_ms = 0;              // signal to exit, for the log (not asserted)
};

// Starts the scan with a progress line on a pipe, signals it once a file is done, and waits.
Interrupted scan_and_signal(const fs::path& tree, const std::vector<std::string>& extra, int signal_number) {
  std::vector<std::string> args{CITIZENSCAN_BINARY, "scan", tree.string(), "--progress", "always",
                                "-j", std::to_string(kJobs)};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int pipe_fds[2];
  Interrupted result;
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  // The signals at their defaults in the child, whatever the test runner set.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    return result;
  }

  const std::regex progress(R"(scanning: (\d+)/)");
  std::chrono::steady_clock::time_point signalled;
  bool sent = false;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  char buffer[4096];
  bool ended = false;
  while (!ended && std::chrono::steady_clock::now() < give_up) {
    pollfd ready{pipe_fds[0], POLLIN, 0};
    if (::poll(&ready, 1, 1000) <= 0) continue;
    const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n <= 0) {
      ended = true;  // the process closed its standard error: it is exiting
      break;
    }
    result.err.append(buffer, static_cast<std::size_t>(n));
    if (sent) continue;
    // The last complete progress update so far (they are separated by '\r').
    const std::size_t last = result.err.rfind("scanning: ");
    std::smatch match;
    const std::string tail = result.err.substr(last == std::string::npos ? 0 : last);
    if (std::regex_search(tail, match, progress) && std::stol(match[1]) >= 1) {
      result.files_done_at_signal = std::stol(match[1]);
      signalled = std::chrono::steady_clock::now();
      ::kill(pid, signal_number);
      sent = true;
    }
  }
  ::close(pipe_fds[0]);
  if (!ended) {
    ADD_FAILURE() << "still running five minutes on; killed";
    ::kill(pid, SIGKILL);
  }
  ::waitpid(pid, &result.status, 0);
  result.stop_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - signalled).count();
  return result;
}

void expect_stopped_cleanly(const Interrupted& run, int signal_number, const std::string& signal_name,
                            const fs::path& out_dir, const std::string& report) {
  ASSERT_GE(run.files_done_at_signal, 1) << "no progress line was seen\n" << run.err;
  EXPECT_TRUE(WIFSIGNALED(run.status) && WTERMSIG(run.status) == signal_number)
      << "ends by the signal it got; status " << run.status << "\n" << run.err;
  const std::regex said("interrupted by " + signal_name + R"( after (\d+) files; no report written\n)");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(run.err, match, said)) << run.err;
  const long files = std::stol(match[1]);
  // Soon: the files done when the signal came, plus at most one more per worker, plus a margin for
  // a progress line up to 250 ms old and a busy machine. The whole tree is far more.
  EXPECT_LE(files, run.files_done_at_signal + 2 * kJobs + 4) << run.err;
  EXPECT_LT(files, kFiles / 2);
  EXPECT_EQ(slurp(out_dir / report), kPrevious) << "the previous report is untouched";
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(out_dir)) names.push_back(entry.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{report}) << "no temporary file is left";
  std::cout << "[ stopped  ] " << signal_name << " after " << run.files_done_at_signal << " files; exited "
            << static_cast<long>(run.stop_ms) << " ms later having scanned " << files << " files\n";
}

class Interruption : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    tree_ = base / ("citizenscan-interruption-" + std::to_string(::getpid()));
    fs::remove_all(tree_);
    write_slow_tree(tree_ / "code");
  }
  static void TearDownTestSuite() { fs::remove_all(tree_); }
  static fs::path tree_;
};
fs::path Interruption::tree_;

TEST_F(Interruption, SigintStopsTheScanAndKeepsThePreviousSarif) {
  TempTree out("SigintStopsTheScanAndKeepsThePreviousSarif");
  out.write("report.sarif", kPrevious);
  const Interrupted run =
      scan_and_signal(tree_ / "code", {"-f", "sarif", "-o", (out.path() / "report.sarif").string()}, SIGINT);
  expect_stopped_cleanly(run, SIGINT, "SIGINT", out.path(), "report.sarif");
}

// jsonl streams findings into the temporary file while the scan runs: that file must go too.
TEST_F(Interruption, SigtermStopsAStreamedReportAndRemovesItsTemporaryFile) {
  TempTree out("SigtermStopsAStreamedReportAndRemovesItsTemporaryFile");
  out.write("report.jsonl", kPrevious);
  const Interrupted run =
      scan_and_signal(tree_ / "code", {"-f", "jsonl", "-o", (out.path() / "report.jsonl").string()}, SIGTERM);
  expect_stopped_cleanly(run, SIGTERM, "SIGTERM", out.path(), "report.jsonl");
}

// In a shell the same stop reads as 128 + the signal number.
TEST_F(Interruption, AShellSeesOneHundredThirtyForSigint) {
  TempTree out("AShellSeesOneHundredThirtyForSigint");
  // The scan runs in the foreground of a child bash; bash signals it once it has started writing.
  const RunResult run = run_bash(
      "set -m; \"$CITIZENSCAN\" scan '" + (tree_ / "code").string() + "' -j 2 -f json -o report.json & pid=$!; "
      "until ls -a | grep -q '^\\.report\\.json\\.tmp\\.'; do sleep 0.05; done; sleep 0.5; kill -INT $pid; wait $pid",
      out.path());
  EXPECT_EQ(run.exit_code, 130) << run.err;
  EXPECT_NE(run.err.find("interrupted by SIGINT after"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(out.path() / "report.json"));
  EXPECT_TRUE(fs::is_empty(out.path())) << "no temporary file is left";
}

}  // namespace
}  // namespace citizenscan::testing
