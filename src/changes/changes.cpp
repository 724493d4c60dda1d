// The changes stage: git's view of a change, materialised into a private temporary folder.
//
// Design notes:
// - Three or four git processes whatever the size of the change: rev-parse (and merge-base), one
//   `diff --raw -z` for the changed paths and blob ids, one `cat-file --batch` for every blob of
//   both sides, and for --staged one `diff -U0` for the added lines. -z output needs no unquoting;
//   the patch's `+++ b/path` lines may be C-quoted and are decoded (git_unquote).
// - Nothing git runs may execute repository content or write to it: --no-ext-diff, --no-textconv,
//   GIT_OPTIONAL_LOCKS=0 (no opportunistic index refresh), core.fsmonitor off. The environment is
//   otherwise kept, so a pre-commit hook's GIT_INDEX_FILE (git commit -a, git commit FILE) is honoured.
// - Cleanup: the temporary folder is removed by the destructor (normal exit, exceptions) and by a
//   handler for SIGINT/SIGTERM/SIGHUP, which unlinks the recorded paths (unlink and rmdir are
//   async-signal-safe) and then lets the signal do what it did before.
#include "citizenscan/changes.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string_view>

extern char** environ;

namespace citizenscan {
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// The temporary folder and its cleanup.

namespace {

constexpr std::array<int, 3> kCleanupSignals{SIGINT, SIGTERM, SIGHUP};

// The paths to remove when a signal ends the process, in creation order. Written only while the
// signals are blocked (on the thread that collects the change, before any worker exists).
std::atomic<const std::vector<std::string>*> g_cleanup_paths{nullptr};
struct sigaction g_previous[kCleanupSignals.size()];

void remove_recorded(const std::vector<std::string>& paths) {
  for (auto it = paths.rbegin(); it != paths.rend(); ++it) {
    if (::unlink(it->c_str()) != 0) ::rmdir(it->c_str());
  }
}

void on_fatal_signal(int signal_number) {
  if (const std::vector<std::string>* paths = g_cleanup_paths.exchange(nullptr)) remove_recorded(*paths);
  for (std::size_t i = 0; i < kCleanupSignals.size(); ++i) {
    if (kCleanupSignals[i] == signal_number) ::sigaction(signal_number, &g_previous[i], nullptr);
  }
  ::raise(signal_number);  // delivered when this handler returns, to the previous disposition
}

class SignalBlock {
 public:
  SignalBlock() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kCleanupSignals) sigaddset(&set, s);
    ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
  }
  ~SignalBlock() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;

 private:
  sigset_t previous_;
};

}  // namespace

class TempFolder {
 public:
  TempFolder() {
    const char* tmpdir = std::getenv("TMPDIR");
    std::string pattern = std::string(tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp") + "/citizenscan-changes-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw ChangeError("cannot create a temporary folder in " + fs::path(pattern).parent_path().string() + ": " +
                        std::strerror(errno));
    }
    root_ = pattern;
    created_.push_back(root_);
  }
  ~TempFolder() {
    const SignalBlock block;
    if (armed_) {
      g_cleanup_paths.store(nullptr);
      for (std::size_t i = 0; i < kCleanupSignals.size(); ++i) {
        if (installed_[i]) ::sigaction(kCleanupSignals[i], &g_previous[i], nullptr);
      }
    }
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::string& root() const { return root_; }

  // Creates the file (and its missing parent folders) with `content`; call with signals blocked.
  void write(const std::string& path, std::string_view content) {
    make_parents(path);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw ChangeError("cannot write " + path + ": " + std::strerror(errno));
    created_.push_back(path);
    std::size_t done = 0;
    while (done < content.size()) {
      const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        const int error = errno;
        ::close(fd);
        throw ChangeError("cannot write " + path + ": " + std::strerror(error));
      }
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }

  void make_folder(const std::string& path) {
    if (path.size() <= root_.size()) return;
    make_parents(path);
    if (::mkdir(path.c_str(), 0700) == 0) {
      created_.push_back(path);
    } else if (errno != EEXIST) {
      throw ChangeError("cannot create " + path + ": " + std::strerror(errno));
    }
  }

  // From now on a fatal signal removes the folder. Call with signals blocked, after the last write.
  void arm() {
    armed_ = true;
    g_cleanup_paths.store(&created_);
    struct sigaction action {};
    action.sa_handler = on_fatal_signal;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < kCleanupSignals.size(); ++i) {
      struct sigaction current {};
      ::sigaction(kCleanupSignals[i], nullptr, &current);
      if (current.sa_handler == SIG_IGN) continue;  // nohup and friends: leave it ignored
      g_previous[i] = current;
      ::sigaction(kCleanupSignals[i], &action, nullptr);
      installed_[i] = true;
    }
  }

 private:
  void make_parents(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash != std::string::npos && slash > root_.size()) make_folder(path.substr(0, slash));
  }

  std::string root_;
  std::vector<std::string> created_;
  bool armed_ = false;
  std::array<bool, kCleanupSignals.size()> installed_{};
};

// ---------------------------------------------------------------------------------------------
// Running git.

namespace {

struct GitRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// First line of git's complaint, for a message of ours.
std::string first_line(std::string_view text) {
  const std::size_t end = text.find('\n');
  std::string line(text.substr(0, end));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

// Runs git (no shell) with stdout and stderr captured; stdin from `input_file` or /dev/null.
GitRun run_git(const std::vector<std::string>& args, const std::string& input_file = "") {
  std::vector<std::string> full{"git", "-c", "core.fsmonitor=false", "-c", "core.quotePath=true"};
  full.insert(full.end(), args.begin(), args.end());
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw ChangeError(std::string("cannot run git: ") + std::strerror(errno));
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    throw ChangeError(std::string("cannot run git: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, input_file.empty() ? "/dev/null" : input_file.c_str(),
                                   O_RDONLY, 0);
  std::vector<std::string> env_storage;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::string_view(*e).starts_with("GIT_OPTIONAL_LOCKS=")) continue;
    env_storage.emplace_back(*e);
  }
  env_storage.emplace_back("GIT_OPTIONAL_LOCKS=0");
  std::vector<char*> envp;
  for (std::string& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<char*> argv;
  for (std::string& a : full) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    throw ChangeError(spawned == ENOENT ? std::string("git is not installed (or not on PATH)")
                                        : std::string("cannot run git: ") + std::strerror(spawned));
  }
  GitRun run;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&run.out, &run.err};
  int open_fds = 2;
  char buffer[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      }
    }
  }
  for (const pollfd& p : fds) {
    if (p.fd >= 0) ::close(p.fd);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

bool is_regular_mode(std::string_view mode) { return mode == "100644" || mode == "100755"; }

struct RawChange {
  std::string old_path;  // empty when the file is new
  std::string new_path;  // empty when the new side has no regular file there
  std::string old_blob;
  std::string new_blob;
};

// `git diff --raw -z`: ":<mode> <mode> <blob> <blob> <status>\0<path>\0[<path>\0]".
std::vector<RawChange> parse_raw(std::string_view raw) {
  std::vector<RawChange> changes;
  std::size_t pos = 0;
  auto next_field = [&]() -> std::string_view {
    const std::size_t end = raw.find('\0', pos);
    if (end == std::string_view::npos) throw ChangeError("unexpected output from git diff --raw");
    const std::string_view field = raw.substr(pos, end - pos);
    pos = end + 1;
    return field;
  };
  while (pos < raw.size()) {
    const std::string_view header = next_field();
    if (header.empty() || header.front() != ':') throw ChangeError("unexpected output from git diff --raw");
    // ":100644 100644 <old> <new> M"
    std::vector<std::string_view> parts;
    std::size_t start = 1;
    while (start <= header.size()) {
      const std::size_t space = header.find(' ', start);
      parts.push_back(header.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start));
      if (space == std::string_view::npos) break;
      start = space + 1;
    }
    if (parts.size() != 5 || parts[4].empty()) throw ChangeError("unexpected output from git diff --raw");
    const char status = parts[4].front();
    const std::string first(next_field());
    const std::string second = (status == 'R' || status == 'C') ? std::string(next_field()) : first;
    if (status == 'U') continue;  // unmerged: nothing staged to scan yet
    RawChange change;
    if (is_regular_mode(parts[0]) && status != 'A') {
      change.old_path = first;
      change.old_blob = parts[2];
    }
    if (is_regular_mode(parts[1]) && status != 'D') {
      change.new_path = second;
      change.new_blob = parts[3];
    }
    if (!change.old_path.empty() || !change.new_path.empty()) changes.push_back(std::move(change));
  }
  return changes;
}

// A request line for `git cat-file --batch` and where its content goes.
struct BlobRequest {
  std::string object;       // "<blob id>" or "<tree-ish>:<path>" (":<path>" = the index)
  std::string destination;  // absolute path in the temporary folder
};

void materialise(TempFolder& temp, const std::string& repository, const std::vector<BlobRequest>& requests) {
  if (requests.empty()) return;
  std::string input;
  for (const BlobRequest& request : requests) input += request.object + '\n';
  const std::string input_file = temp.root() + "/cat-file-input";
  temp.write(input_file, input);
  const GitRun run = run_git({"-C", repository, "cat-file", "--batch"}, input_file);
  if (run.exit_code != 0) throw ChangeError("git cat-file failed in " + repository + ": " + first_line(run.err));
  // Replies come in request order: "<id> <type> <size>\n<content>\n" or "<object> missing\n".
  std::size_t pos = 0;
  for (const BlobRequest& request : requests) {
    const std::size_t eol = run.out.find('\n', pos);
    if (eol == std::string::npos) throw ChangeError("unexpected output from git cat-file");
    const std::string_view header(run.out.data() + pos, eol - pos);
    pos = eol + 1;
    if (header.ends_with(" missing") || header.ends_with(" ambiguous")) continue;
    const std::size_t last_space = header.rfind(' ');
    const std::size_t type_space = header.rfind(' ', last_space - 1);
    if (last_space == std::string_view::npos || type_space == std::string_view::npos) {
      throw ChangeError("unexpected output from git cat-file");
    }
    const std::string_view type = header.substr(type_space + 1, last_space - type_space - 1);
    const std::size_t size = std::strtoull(std::string(header.substr(last_space + 1)).c_str(), nullptr, 10);
    if (pos + size > run.out.size()) throw ChangeError("unexpected output from git cat-file");
    if (type == "blob") temp.write(request.destination, std::string_view(run.out).substr(pos, size));
    pos += size + 1;  // the content and its newline
  }
}

// The folders from the top down to the file's own, as "" (the top) and "a/", "a/b/".
std::vector<std::string> folders_above(const std::string& path) {
  std::vector<std::string> folders{""};
  for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    folders.push_back(path.substr(0, slash + 1));
  }
  return folders;
}

constexpr std::array<std::string_view, 2> kClaspMarkers{"appsscript.json", ".clasp.json"};

// Requests for the clasp markers above each path, read from `tree_ish` (":" alone = the index).
void add_marker_requests(const std::vector<std::string>& paths, const std::string& tree_ish,
                         const std::string& side_root, std::set<std::string>& requested,
                         std::vector<BlobRequest>& requests) {
  for (const std::string& path : paths) {
    for (const std::string& folder : folders_above(path)) {
      for (const std::string_view marker : kClaspMarkers) {
        const std::string relative = folder + std::string(marker);
        if (relative.find('\n') != std::string::npos) continue;  // cat-file reads one name per line
        const std::string destination = side_root + "/" + relative;
        if (!requested.insert(destination).second) continue;
        requests.push_back({tree_ish + ":" + relative, destination});
      }
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public functions.

std::string git_unquote(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return std::string(text);
  std::string out;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if (c != '\\' || i + 2 >= text.size()) {
      out.push_back(c);
      continue;
    }
    const char e = text[++i];
    switch (e) {
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      default:
        if (e >= '0' && e <= '7' && i + 2 < text.size()) {
          int value = 0;
          int digits = 0;
          while (digits < 3 && i < text.size() - 1 && text[i] >= '0' && text[i] <= '7') {
            value = value * 8 + (text[i] - '0');
            ++i;
            ++digits;
          }
          --i;
          out.push_back(static_cast<char>(value));
        } else {
          out.push_back(e);  // \" and \\ and anything else: the character itself
        }
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>>> parse_added_lines(
    std::string_view diff) {
  std::vector<std::pair<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>>> files;
  std::size_t pos = 0;
  std::uint64_t skip_lines = 0;  // body lines of the current hunk still to pass over
  auto parse_count = [](std::string_view spec, std::uint32_t& start, std::uint32_t& count) {
    // "12,3" or "12" (count 1)
    const std::size_t comma = spec.find(',');
    start = static_cast<std::uint32_t>(std::strtoul(std::string(spec.substr(0, comma)).c_str(), nullptr, 10));
    count = comma == std::string_view::npos
                ? 1
                : static_cast<std::uint32_t>(std::strtoul(std::string(spec.substr(comma + 1)).c_str(), nullptr, 10));
  };
  while (pos < diff.size()) {
    std::size_t eol = diff.find('\n', pos);
    if (eol == std::string_view::npos) eol = diff.size();
    const std::string_view line = diff.substr(pos, eol - pos);
    pos = eol + 1;
    if (skip_lines > 0) {
      if (!line.starts_with("\\")) --skip_lines;  // "\ No newline at end of file" is not a body line
      continue;
    }
    if (line.starts_with("diff --git ")) {
      files.emplace_back();  // the +++ line names it; a binary or mode-only change keeps no name
      continue;
    }
    if (line.starts_with("+++ ") && !files.empty()) {
      std::string_view name = line.substr(4);
      if (name.ends_with('\t')) name.remove_suffix(1);  // git adds a tab after names with spaces
      std::string path = git_unquote(name);
      if (path.starts_with("b/")) files.back().first = path.substr(2);
      continue;
    }
    if (line.starts_with("@@ -") && !files.empty()) {
      const std::size_t plus = line.find(" +", 4);
      const std::size_t end = plus == std::string_view::npos ? plus : line.find(' ', plus + 2);
      if (plus == std::string_view::npos || end == std::string_view::npos) continue;
      std::uint32_t old_start = 0, old_count = 0, new_start = 0, new_count = 0;
      parse_count(line.substr(4, plus - 4), old_start, old_count);
      parse_count(line.substr(plus + 2, end - plus - 2), new_start, new_count);
      if (new_count > 0) files.back().second.emplace_back(new_start, new_start + new_count - 1);
      skip_lines = std::uint64_t{old_count} + new_count;
    }
  }
  std::erase_if(files, [](const auto& file) { return file.first.empty(); });
  return files;
}

ChangeSet::ChangeSet() = default;
ChangeSet::ChangeSet(ChangeSet&&) noexcept = default;
ChangeSet& ChangeSet::operator=(ChangeSet&&) noexcept = default;
ChangeSet::~ChangeSet() = default;

bool ChangeSet::touches_added_line(const std::string& path, std::uint32_t first_line, std::uint32_t last_line) const {
  if (mode != ChangeMode::Staged) return true;
  const auto file = std::lower_bound(files.begin(), files.end(), path,
                                     [](const ChangedFile& f, const std::string& p) { return f.path < p; });
  if (file == files.end() || file->path != path) return false;
  for (const auto& [from, to] : file->added_lines) {
    if (from <= last_line && first_line <= to) return true;
  }
  return false;
}

ChangeSet collect_changes(const ChangeRequest& request) {
  std::error_code ec;
  const std::string start = request.start.empty() ? fs::current_path(ec).string() : request.start;
  const GitRun top = run_git({"-C", start, "rev-parse", "--show-toplevel"});
  if (top.exit_code != 0 || trimmed(top.out).empty()) {
    throw ChangeError(start + " is not inside a git work tree (git: " + first_line(top.err) + ")");
  }
  ChangeSet changes;
  changes.mode = request.mode;
  changes.repository = trimmed(top.out);
  const fs::path repository = fs::weakly_canonical(changes.repository, ec);

  // Limits become literal pathspecs from the top, whatever the current directory.
  std::vector<std::string> pathspecs;
  for (const std::string& limit : request.limit_to) {
    const fs::path absolute = fs::weakly_canonical(fs::absolute(limit, ec), ec);
    const fs::path relative = absolute.lexically_relative(repository);
    if (relative.empty() || *relative.begin() == "..") {
      throw ChangeError(limit + " is outside the git work tree " + changes.repository);
    }
    if (relative == ".") {
      pathspecs.clear();
      break;
    }
    pathspecs.push_back(":(top,literal)" + relative.generic_string());
  }

  const std::vector<std::string> diff_options{"--no-ext-diff", "--no-textconv", "--no-relative", "--no-color",
                                              "-M", "--ignore-submodules=all"};
  std::vector<std::string> raw_args{"-C", changes.repository, "diff", "--raw", "-z", "--no-abbrev"};
  raw_args.insert(raw_args.end(), diff_options.begin(), diff_options.end());
  if (request.mode == ChangeMode::Staged) {
    const GitRun head = run_git({"-C", changes.repository, "rev-parse", "--verify", "-q", "HEAD^{commit}"});
    if (head.exit_code == 0) changes.base_revision = trimmed(head.out);
    raw_args.push_back("--cached");
  } else {
    const GitRun resolved = run_git({"-C", changes.repository, "rev-parse", "--verify", "-q", "--end-of-options",
                                     request.revision + "^{commit}"});
    if (request.revision.empty() || resolved.exit_code != 0) {
      throw ChangeError("'" + request.revision + "' is not a commit in " + changes.repository +
                        " (in CI, fetch the base branch, e.g. actions/checkout with fetch-depth: 0)");
    }
    const GitRun base = run_git({"-C", changes.repository, "merge-base", trimmed(resolved.out), "HEAD"});
    if (base.exit_code != 0 || trimmed(base.out).empty()) {
      throw ChangeError("'" + request.revision + "' and HEAD have no common ancestor in " + changes.repository +
                        " (a shallow clone? fetch more history, e.g. fetch-depth: 0)");
    }
    changes.base_revision = trimmed(base.out);
    raw_args.push_back(changes.base_revision);
  }
  raw_args.push_back("--");
  raw_args.insert(raw_args.end(), pathspecs.begin(), pathspecs.end());
  const GitRun raw = run_git(raw_args);
  if (raw.exit_code != 0) throw ChangeError("git diff failed in " + changes.repository + ": " + first_line(raw.err));
  const std::vector<RawChange> raw_changes = parse_raw(raw.out);

  changes.temp_ = std::make_unique<TempFolder>();
  TempFolder& temp = *changes.temp_;
  const SignalBlock block;
  changes.base_root = temp.root() + "/base";
  changes.new_root = request.mode == ChangeMode::Staged ? temp.root() + "/new" : changes.repository;
  temp.make_folder(changes.base_root);
  if (request.mode == ChangeMode::Staged) temp.make_folder(changes.new_root);

  std::vector<BlobRequest> requests;
  std::set<std::string> requested;
  std::vector<std::string> new_paths, base_paths;
  for (const RawChange& change : raw_changes) {
    if (!change.new_path.empty()) {
      changes.files.push_back({change.new_path, change.old_path, {}});
      new_paths.push_back(change.new_path);
      if (request.mode == ChangeMode::Staged) {
        const std::string destination = changes.new_root + "/" + change.new_path;
        if (requested.insert(destination).second) requests.push_back({change.new_blob, destination});
      }
    }
    if (!change.old_path.empty()) {
      if (change.new_path.empty()) changes.removed.push_back(change.old_path);
      base_paths.push_back(change.old_path);
      const std::string destination = changes.base_root + "/" + change.old_path;
      if (requested.insert(destination).second) requests.push_back({change.old_blob, destination});
    }
  }
  // Markers after the files: a changed appsscript.json is already requested with its own blob.
  if (request.mode == ChangeMode::Staged) add_marker_requests(new_paths, "", changes.new_root, requested, requests);
  if (!changes.base_revision.empty()) {
    add_marker_requests(base_paths, changes.base_revision, changes.base_root, requested, requests);
  }
  materialise(temp, changes.repository, requests);
  temp.arm();
  std::sort(changes.files.begin(), changes.files.end(),
            [](const ChangedFile& a, const ChangedFile& b) { return a.path < b.path; });
  std::sort(changes.removed.begin(), changes.removed.end());

  if (request.mode == ChangeMode::Staged && !changes.files.empty()) {
    std::vector<std::string> patch_args{"-C", changes.repository, "diff", "--cached", "-U0", "--src-prefix=a/",
                                        "--dst-prefix=b/"};
    patch_args.insert(patch_args.end(), diff_options.begin(), diff_options.end());
    patch_args.push_back("--");
    patch_args.insert(patch_args.end(), pathspecs.begin(), pathspecs.end());
    const GitRun patch = run_git(patch_args);
    if (patch.exit_code != 0) throw ChangeError("git diff failed in " + changes.repository + ": " + first_line(patch.err));
    for (auto& [path, ranges] : parse_added_lines(patch.out)) {
      const auto file = std::lower_bound(changes.files.begin(), changes.files.end(), path,
                                         [](const ChangedFile& f, const std::string& p) { return f.path < p; });
      if (file != changes.files.end() && file->path == path) file->added_lines = std::move(ranges);
    }
  }
  return changes;
}

}  // namespace citizenscan
