// Read-only git history (owners, last change) and small text helpers.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <sstream>

#include "inventory/internal.h"

extern char** environ;

namespace citizenscan::inventory_detail {
namespace {

struct Spawned {
  int exit_code = -1;
  std::string out;
  std::string error;  // why it could not run
};

// Runs argv with stdout captured, stderr discarded, stdin closed. No shell is involved.
Spawned run_capture(const std::vector<std::string>& args) {
  Spawned result;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    result.error = std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (spawned != 0) {
    ::close(fds[0]);
    result.error = std::strerror(spawned);
    return result;
  }
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

bool has_git_dir_above(std::string dir) {
  while (!dir.empty()) {
    struct stat info {};
    if (::stat((dir + "/.git").c_str(), &info) == 0) return true;
    const auto slash = dir.rfind('/');
    if (slash == std::string::npos) return false;
    dir.resize(slash);
  }
  return false;
}

// Commits read per tool: the owners are the top committers of the recent history.
constexpr int kMaxCommits = 2000;

}  // namespace

std::optional<GitHistory> GitReader::history(const std::string& absolute_path, bool is_directory,
                                             std::vector<Diagnostic>& diagnostics) {
  const std::string dir = is_directory ? absolute_path : absolute_path.substr(0, absolute_path.rfind('/'));
  const std::string name = is_directory ? "." : absolute_path.substr(absolute_path.rfind('/') + 1);
  if (!has_git_dir_above(dir)) return std::nullopt;
  if (!available_) {
    const Spawned version = run_capture({program_, "--version"});
    available_ = version.exit_code == 0;
    if (!*available_) {
      diagnostics.push_back({"", DiagnosticLevel::Note,
                             "git is not available (" + (version.error.empty() ? "exit " + std::to_string(version.exit_code)
                                                                                : version.error) +
                                 "): owners and last change from git history were skipped"});
    }
  }
  if (!*available_) return std::nullopt;
  // Read-only: log never writes to the repository; signatures (gpg) and fsmonitor hooks stay off.
  const Spawned log = run_capture({program_, "-c", "core.fsmonitor=false", "-c", "log.showSignature=false", "-C", dir,
                                   "log", "--no-merges", "-n", std::to_string(kMaxCommits),
                                   "--format=%ct%x09%aN%x09%aE", "--", name});
  if (log.exit_code != 0) {
    diagnostics.push_back({absolute_path, DiagnosticLevel::Note,
                           "git log failed (exit " + std::to_string(log.exit_code) +
                               "; an unsafe-ownership refusal or a damaged repository): owners from git history skipped"});
    return std::nullopt;
  }
  GitHistory history;
  std::map<std::string, Owner> by_email;
  std::istringstream lines(log.out);
  std::string line;
  while (std::getline(lines, line)) {
    const auto tab1 = line.find('\t');
    const auto tab2 = line.find('\t', tab1 == std::string::npos ? 0 : tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
    const std::int64_t when = std::strtoll(line.substr(0, tab1).c_str(), nullptr, 10);
    history.last_commit = std::max(history.last_commit, when);
    const std::string author = line.substr(tab1 + 1, tab2 - tab1 - 1);
    const std::string email = line.substr(tab2 + 1);
    Owner& owner = by_email[email.empty() ? author : email];
    if (owner.name.empty()) owner = {email.empty() ? author : author + " <" + email + ">", "git", 0};
    ++owner.commits;
  }
  for (auto& [key, owner] : by_email) history.committers.push_back(owner);
  std::stable_sort(history.committers.begin(), history.committers.end(), [](const Owner& a, const Owner& b) {
    return a.commits != b.commits ? a.commits > b.commits : a.name < b.name;
  });
  return history;
}

std::string utc_date(std::int64_t unix_time) {
  const std::time_t t = static_cast<std::time_t>(unix_time);
  std::tm parts{};
  ::gmtime_r(&t, &parts);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &parts);
  return buffer;
}

std::string url_host(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host(rest);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host;
}

std::string strip_literal(std::string_view text) {
  std::size_t prefix = 0;
  while (prefix < text.size() && prefix < 2 && std::strchr("rRbBuUfF", text[prefix]) != nullptr) ++prefix;
  text.remove_prefix(prefix);
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'' || text.front() == '`') &&
      text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
  }
  return std::string(text);
}

}  // namespace citizenscan::inventory_detail
