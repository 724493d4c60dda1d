// The walk: targets → the sorted list of files to scan, plus diagnostics for what was skipped.
//
// Design notes (why it looks the way it does):
// - Iterative: an explicit stack of pending folders, so a very deep tree cannot overflow the call
//   stack. Children are visited in byte order of their names; the output is sorted at the end, so
//   the traversal order only decides which of two paths to the same file wins (see symlinks).
// - Symlinks: a link is followed only when its real target is inside the scan root. Linked folders
//   and files are set aside until every real folder has been walked, so a file is reported under
//   its real path rather than under a link to it, and each folder (by device + inode) is walked at
//   most once. That also ends loops; a loop through an enclosing folder gets a diagnostic.
// - Ignore files: each folder may add a level of .ignore/.gitignore rules; a path is checked from
//   the innermost level outwards and the first level with a matching pattern decides (within a file
//   the last matching line wins). .git/info/exclude ranks below every .gitignore, as in git.
//   A folder holding .git starts a repository: the .gitignore files above it stop applying there
//   (.ignore files still do). For a folder target, ignore files in the folders above it count too,
//   up to the repository root (or the scan root outside a repository), as `git status` would.
//   Files named explicitly as targets are never ignored by ignore files (the user asked for them);
//   --include/--exclude still apply to them.
// - --include/--exclude: gitignore-style lists on root-relative paths (`!` re-includes); an
//   excluded folder is pruned, and a file is included when it or a folder above it matches.
// - Sharding: FNV-1a 64 of the '/'-separated relative path, modulo the shard count. It depends on
//   the path only, so every machine of a CI matrix computes the same partition.
// - max_file_size 0 means "no limit".
#include "citizenscan/walk.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <array>
#include <cerrno>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <functional>
#include <set>
#include <memory>
#include <ranges>
#include <system_error>
#include <unordered_set>
#include <utility>

#include "glob.h"

namespace citizenscan {
namespace {

namespace fs = std::filesystem;
using walk_internal::GlobList;

// Version-control metadata: never source, and .git alone can hold more files than the project.
constexpr std::array<std::string_view, 3> kVcsFolders{".git", ".hg", ".svn"};
constexpr std::array<std::string_view, 2> kClaspMarkers{"appsscript.json", ".clasp.json"};

std::string error_text(int error) { return std::generic_category().message(error); }

struct FileCloser {
  void operator()(std::FILE* stream) const {
    std::fclose(stream);  // NOLINT(cppcoreguidelines-owning-memory): this is the owner
  }
};

std::uint64_t stable_path_hash(std::string_view path) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64 offset basis
  for (const char c : path) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;  // FNV-1a 64 prime
  }
  return hash;
}

// "12.3 MB": binary multiples, one decimal, matching how --max-file-size is usually written.
std::string format_size(std::uint64_t bytes) {
  std::array<char, 48> buffer{};
  if (bytes < 1024) {
    std::snprintf(buffer.data(), buffer.size(), "%llu bytes", static_cast<unsigned long long>(bytes));
    return buffer.data();
  }
  double value = static_cast<double>(bytes) / 1024.0;
  const char* unit = "KB";
  for (const char* larger : {"MB", "GB", "TB"}) {
    if (value < 1024.0) break;
    value /= 1024.0;
    unit = larger;
  }
  std::snprintf(buffer.data(), buffer.size(), "%.1f %s", value, unit);
  return buffer.data();
}

std::string join(std::string_view parent, std::string_view name) {
  if (parent.empty()) return std::string(name);
  if (name.empty()) return std::string(parent);
  std::string joined(parent);
  if (joined.back() != '/') joined += '/';
  joined += name;
  return joined;
}

bool is_within(const fs::path& path, const fs::path& base) {
  const std::string inner = path.generic_string();
  const std::string outer = base.generic_string();
  if (!inner.starts_with(outer)) return false;
  return inner.size() == outer.size() || outer.ends_with('/') || inner[outer.size()] == '/';
}

// Absolute and normalized, with symlinks resolved in the parent folders but not in the last name:
// a target that is itself a link keeps its own name in relative paths.
fs::path normalize(const fs::path& input) {
  std::error_code error;
  fs::path path = fs::absolute(input, error);
  if (error) path = input;
  path = path.lexically_normal();
  if (!path.has_filename() && path.has_relative_path()) path = path.parent_path();  // "a/b/"
  if (!path.has_relative_path()) return path;                                       // "/"
  fs::path parent = fs::weakly_canonical(path.parent_path(), error);
  if (error) parent = path.parent_path();
  return parent / path.filename();
}

bool is_vcs_folder(std::string_view name) {
  return std::ranges::find(kVcsFolders, name) != kVcsFolders.end();
}

struct FileId {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileId&) const = default;
};

struct FileIdHash {
  std::size_t operator()(const FileId& id) const noexcept {
    return std::hash<std::uint64_t>{}(id.inode * 0x9E3779B97F4A7C15ULL ^ id.device);
  }
};

FileId file_id(const struct ::stat& info) {
  return {static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
}

enum class IgnoreKind : std::uint8_t { Ignore, GitIgnore, GitExclude };

struct IgnoreFile {
  GlobList globs;
  std::string base;     // walk path of the folder holding the file ("" = the target folder)
  std::string prepend;  // for a file above the target: the target's path from its folder, + '/'
  IgnoreKind kind = IgnoreKind::GitIgnore;
};

// The ignore files of one folder, highest precedence first (.ignore, .gitignore, info/exclude).
struct IgnoreLevel {
  std::vector<IgnoreFile> files;
  bool repository_root = false;  // holds .git: git rules of the folders above stop here
  std::shared_ptr<const IgnoreLevel> parent;
};

bool is_ignored(const IgnoreLevel* innermost, std::string_view walk_path, bool is_directory) {
  // .git/info/exclude ranks below every .gitignore, hence a second pass just for it.
  for (const bool exclude_pass : {false, true}) {
    // An outer repository's .gitignore does not govern a nested repository; .ignore files do.
    bool beyond_repository = false;
    for (const IgnoreLevel* level = innermost; level != nullptr; level = level->parent.get()) {
      for (const IgnoreFile& file : level->files) {
        if ((file.kind == IgnoreKind::GitExclude) != exclude_pass) continue;
        if (beyond_repository && file.kind != IgnoreKind::Ignore) continue;
        std::string_view below = walk_path;
        if (!file.base.empty()) below.remove_prefix(file.base.size() + 1);
        const GlobList::Decision decision =
            file.prepend.empty() ? file.globs.decide(below, is_directory)
                                 : file.globs.decide(file.prepend + std::string(below), is_directory);
        if (decision != GlobList::Decision::None) return decision == GlobList::Decision::Match;
      }
      beyond_repository = beyond_repository || level->repository_root;
    }
  }
  return false;
}

struct Target {
  std::string written;    // as the user wrote it, trailing '/' removed; "" for "."
  std::string from_root;  // relative to the root ("" when it is the root); absolute when outside
  fs::path allowed_real;  // symlinks may lead anywhere inside this real folder
};

// The folders above a folder being walked, to recognise a link back into one of them.
struct Ancestor {
  FileId id;
  std::shared_ptr<const Ancestor> parent;
};

struct PendingFolder {
  const Target* target = nullptr;
  std::string walk_path;  // below the target, '/'-separated; "" for the target itself
  std::shared_ptr<const IgnoreLevel> ignores;
  std::shared_ptr<const Ancestor> ancestors;
  bool in_clasp_project = false;
};

struct PendingLinkedFile {
  std::string path;
  std::string relative_path;
  Language language;
};

class Walker {
 public:
  Walker(const WalkOptions& options, WalkResult& result, const WalkSink& sink)
      : options_(options),
        result_(result),
        sink_(sink),
        excludes_(GlobList::from_options(options.exclude_globs)),
        includes_(GlobList::from_options(options.include_globs)) {}

  void run();

 private:
  void choose_root(const std::vector<std::string>& targets);
  void add_target(const std::string& written);
  void add_file_target(const Target& target, const fs::path& absolute);
  void drain_stack();
  void enter(const PendingFolder& folder);
  void accept_file(const std::string& path, const std::string& relative_path, Language language, bool linked);

  bool passes_option_globs(std::string_view relative_path) const;
  bool link_stays_inside(const Target& target, const std::string& path);
  bool clasp_project_at_or_above(fs::path folder) const;
  std::shared_ptr<const IgnoreLevel> ignores_above(const fs::path& target_folder);
  void add_ignore_file(std::vector<IgnoreFile>& files, const std::string& path, const std::string& base,
                       const std::string& prepend, IgnoreKind kind);

  static std::string display_path(const Target& target, std::string_view walk_path) {
    std::string path = join(target.written, walk_path);
    return path.empty() ? std::string(".") : path;
  }
  static std::string relative_path(const Target& target, std::string_view walk_path) {
    return join(target.from_root, walk_path);
  }
  bool stopping() const { return options_.stop != nullptr && options_.stop->load(std::memory_order_relaxed); }
  void diagnose(DiagnosticLevel level, std::string path, std::string message) {
    result_.diagnostics.push_back(Diagnostic{std::move(path), level, std::move(message)});
  }

  const WalkOptions& options_;
  WalkResult& result_;
  const WalkSink& sink_;
  GlobList excludes_;
  GlobList includes_;
  std::uint32_t shard_count_ = 1;
  fs::path root_;               // normalized, as reported
  fs::path root_real_;          // all symlinks resolved, for containment checks
  std::deque<Target> targets_;  // a deque keeps addresses stable for PendingFolder::target
  std::vector<PendingFolder> stack_;
  std::deque<PendingFolder> linked_folders_;
  std::vector<PendingLinkedFile> linked_files_;
  std::unordered_set<FileId, FileIdHash> visited_folders_;
  // Every candidate file before sharding, to skip link twins. Linked files are only looked at
  // after the whole walk, so a plain vector (16 bytes a file) sorted once then is enough.
  std::vector<FileId> candidate_files_;
  std::unordered_set<FileId, FileIdHash> linked_files_taken_;
  // Files named as targets, by relative path: a folder walk that meets one again leaves it out,
  // so overlapping targets ("." and "src/app.py") list it once without a list of every path.
  std::set<std::string, std::less<>> file_targets_;
  bool walking_folders_ = false;
};

void Walker::run() {
  shard_count_ = std::max<std::uint32_t>(options_.shard_count, 1);
  if (options_.shard_index >= shard_count_) {
    diagnose(DiagnosticLevel::Error, "",
             "shard index " + std::to_string(options_.shard_index) + " is not below shard count " +
                 std::to_string(shard_count_));
    return;
  }
  const std::vector<std::string> targets =
      options_.targets.empty() ? std::vector<std::string>{"."} : options_.targets;
  choose_root(targets);
  // Files first, then folders (see file_targets_).
  std::vector<std::string> folder_targets;
  for (const std::string& target : targets) {
    std::error_code error;
    if (fs::is_directory(target, error)) {
      folder_targets.push_back(target);
    } else {
      add_target(target);
    }
  }
  walking_folders_ = true;
  for (const std::string& target : folder_targets) add_target(target);

  // Real folders first, then what symlinks lead to (see the notes at the top).
  while (!linked_folders_.empty()) {
    PendingFolder folder = std::move(linked_folders_.front());
    linked_folders_.pop_front();
    enter(folder);
    drain_stack();
  }
  if (!linked_files_.empty()) {
    std::ranges::sort(candidate_files_, {}, [](const FileId& id) { return std::pair(id.device, id.inode); });
  }
  for (const PendingLinkedFile& file : linked_files_) {
    accept_file(file.path, file.relative_path, file.language, /*linked=*/true);
  }
  std::ranges::stable_sort(result_.diagnostics, diagnostic_less);
}

void Walker::choose_root(const std::vector<std::string>& targets) {
  std::error_code error;
  if (!options_.root.empty()) {
    root_ = normalize(options_.root);
  } else if (targets.size() == 1 && fs::is_directory(targets.front(), error)) {
    root_ = normalize(targets.front());
  } else {
    root_ = normalize(fs::current_path(error));
  }
  root_real_ = fs::weakly_canonical(root_, error);
  if (error) root_real_ = root_;
  result_.root = root_.generic_string();
}

void Walker::add_target(const std::string& written) {
  std::error_code error;
  const fs::file_status status = fs::status(written, error);
  if (status.type() == fs::file_type::not_found || error == std::errc::no_such_file_or_directory) {
    diagnose(DiagnosticLevel::Error, written, "no such file or directory");
    return;
  }
  if (error) {
    diagnose(DiagnosticLevel::Error, written, error.message());
    return;
  }

  const fs::path absolute = normalize(written);
  Target& target = targets_.emplace_back();
  target.written = written;
  while (target.written.size() > 1 && target.written.back() == '/') target.written.pop_back();
  if (target.written == ".") target.written.clear();  // "x.py", not "./x.py"
  if (absolute == root_) {
    target.from_root.clear();
  } else if (is_within(absolute, root_)) {
    target.from_root = absolute.lexically_relative(root_).generic_string();
  } else {
    target.from_root = absolute.generic_string();
  }

  if (fs::is_regular_file(status)) {
    add_file_target(target, absolute);
    return;
  }
  if (!fs::is_directory(status)) {
    diagnose(DiagnosticLevel::Note, written, "skipped: not a regular file or a folder");
    return;
  }
  // An explicit folder below an excluded one is excluded too, as it would be in a walk from the root.
  if (!target.from_root.empty() &&
      excludes_.decide_path_or_parent(target.from_root, true) == GlobList::Decision::Match) {
    diagnose(DiagnosticLevel::Note, written, "skipped: matches an --exclude pattern");
    return;
  }
  const fs::path real = fs::weakly_canonical(absolute, error);
  target.allowed_real = !error && !is_within(real, root_real_) ? real : root_real_;

  PendingFolder folder;
  folder.target = &target;
  folder.ignores = options_.respect_ignore_files ? ignores_above(absolute) : nullptr;
  folder.in_clasp_project = clasp_project_at_or_above(absolute);
  stack_.push_back(std::move(folder));
  drain_stack();
}

void Walker::add_file_target(const Target& target, const fs::path& absolute) {
  ++result_.stats.files_seen;
  const auto language =
      detect_language(absolute.filename().string(), clasp_project_at_or_above(absolute.parent_path()));
  if (!language) {
    ++result_.stats.skipped_unknown;
    return;
  }
  if (!passes_option_globs(target.from_root)) {
    ++result_.stats.skipped_ignored;
    return;
  }
  accept_file(target.written, target.from_root, *language, /*linked=*/false);
}

void Walker::drain_stack() {
  while (!stack_.empty()) {
    const PendingFolder folder = std::move(stack_.back());
    stack_.pop_back();
    enter(folder);
  }
}

void Walker::enter(const PendingFolder& folder) {
  if (stopping()) return;
  const Target& target = *folder.target;
  const std::string path = display_path(target, folder.walk_path);
  struct ::stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    diagnose(DiagnosticLevel::Warning, path, "cannot read folder: " + error_text(errno));
    return;
  }
  const FileId id = file_id(info);
  for (const Ancestor* above = folder.ancestors.get(); above != nullptr; above = above->parent.get()) {
    if (above->id == id) {
      diagnose(DiagnosticLevel::Note, path,
               "directory loop: this leads back to a folder that contains it; not followed");
      return;
    }
  }
  // Seen already: overlapping targets, or a link to a folder walked under its real path.
  if (!visited_folders_.insert(id).second) return;

  struct Child {
    std::string name;
    fs::file_type type;
  };
  std::vector<Child> children;
  std::error_code error;
  fs::directory_iterator it(path, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    std::error_code type_error;
    children.push_back({it->path().filename().string(), it->symlink_status(type_error).type()});
  }
  if (error) {
    // Whatever was listed before the failure is still walked.
    diagnose(DiagnosticLevel::Warning, path, "cannot read folder: " + error.message());
  }
  std::ranges::sort(children, {}, &Child::name);

  auto has_child = [&children](std::string_view name, auto&& accept) {
    const auto found = std::ranges::lower_bound(children, name, {}, &Child::name);
    return found != children.end() && found->name == name && accept(found->type);
  };
  auto file_like = [](fs::file_type type) {
    return type == fs::file_type::regular || type == fs::file_type::symlink;
  };
  auto folder_like = [](fs::file_type type) {
    return type == fs::file_type::directory || type == fs::file_type::symlink;
  };

  bool in_clasp_project = folder.in_clasp_project;
  for (const std::string_view marker : kClaspMarkers) {
    in_clasp_project = in_clasp_project || has_child(marker, file_like);
  }
  std::shared_ptr<const IgnoreLevel> ignores = folder.ignores;
  if (options_.respect_ignore_files) {
    std::vector<IgnoreFile> files;
    if (has_child(".ignore", file_like)) {
      add_ignore_file(files, join(path, ".ignore"), folder.walk_path, "", IgnoreKind::Ignore);
    }
    if (has_child(".gitignore", file_like)) {
      add_ignore_file(files, join(path, ".gitignore"), folder.walk_path, "", IgnoreKind::GitIgnore);
    }
    // A .git file (worktree, submodule) also marks a repository root; only a .git folder has info/.
    const bool repository_root = has_child(".git", [](fs::file_type) { return true; });
    if (has_child(".git", folder_like)) {
      add_ignore_file(files, join(path, ".git/info/exclude"), folder.walk_path, "", IgnoreKind::GitExclude);
    }
    if (!files.empty() || repository_root) {
      ignores =
          std::make_shared<const IgnoreLevel>(IgnoreLevel{std::move(files), repository_root, folder.ignores});
    }
  }
  const auto self = std::make_shared<const Ancestor>(Ancestor{id, folder.ancestors});

  std::vector<PendingFolder> subfolders;
  for (const Child& child : children) {
    if (stopping()) return;
    const std::string walk_path = join(folder.walk_path, child.name);
    const std::string child_path = display_path(target, walk_path);
    const bool linked = child.type == fs::file_type::symlink;
    fs::file_type type = child.type;
    if (linked) {
      // A dangling link has nothing behind it to scan; skip it quietly.
      std::error_code status_error;
      type = fs::status(child_path, status_error).type();
      if (status_error) continue;
    }

    if (type == fs::file_type::directory) {
      if (is_vcs_folder(child.name)) continue;
      if (excludes_.decide(relative_path(target, walk_path), true) == GlobList::Decision::Match) {
        continue;
      }
      if (is_ignored(ignores.get(), walk_path, true)) continue;
      PendingFolder next{&target, walk_path, ignores, self, in_clasp_project};
      if (!linked) {
        subfolders.push_back(std::move(next));
      } else if (link_stays_inside(target, child_path)) {
        linked_folders_.push_back(std::move(next));
      }
    } else if (type == fs::file_type::regular) {
      ++result_.stats.files_seen;
      const auto language = detect_language(child.name, in_clasp_project);
      if (!language) {
        ++result_.stats.skipped_unknown;
        continue;
      }
      std::string relative = relative_path(target, walk_path);
      if (is_ignored(ignores.get(), walk_path, false) || !passes_option_globs(relative)) {
        ++result_.stats.skipped_ignored;
        continue;
      }
      if (!linked) {
        accept_file(child_path, relative, *language, /*linked=*/false);
      } else if (link_stays_inside(target, child_path)) {
        linked_files_.push_back({child_path, std::move(relative), *language});
      }
    }
    // FIFOs, sockets and devices are never opened: reading one could block or never end.
  }
  // Reversed, so that the stack hands them back in name order.
  std::move(subfolders.rbegin(), subfolders.rend(), std::back_inserter(stack_));  // no views::reverse: clang 14
}

void Walker::accept_file(const std::string& path, const std::string& relative_path, Language language,
                         bool linked) {
  if (stopping()) return;
  if (walking_folders_ && !file_targets_.empty() && file_targets_.contains(relative_path)) return;
  if (!walking_folders_ && !file_targets_.insert(relative_path).second) return;  // named twice
  struct ::stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    diagnose(DiagnosticLevel::Warning, path, "cannot read file: " + error_text(errno));
    return;
  }
  if (!S_ISREG(info.st_mode)) return;  // replaced by something else since it was listed
  // Every candidate is recorded before sharding, so the link-twin check is the same in all shards.
  const FileId id = file_id(info);
  if (!linked) {
    candidate_files_.push_back(id);
  } else {
    const auto key = [](const FileId& f) { return std::pair(f.device, f.inode); };
    // The same file is scanned under another path already.
    if (std::ranges::binary_search(candidate_files_, key(id), {}, key)) return;
    if (!linked_files_taken_.insert(id).second) return;
  }

  if (shard_count_ > 1 && stable_path_hash(relative_path) % shard_count_ != options_.shard_index) {
    ++result_.stats.skipped_shard;
    return;
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (options_.max_file_size != 0 && size > options_.max_file_size) {
    ++result_.stats.skipped_size;
    diagnose(DiagnosticLevel::Note, path,
             "skipped: " + format_size(size) + " is over the --max-file-size limit of " +
                 format_size(options_.max_file_size));
    return;
  }
  // Checked here so that load never meets a file it cannot open and one reason is reported once.
  if (::access(path.c_str(), R_OK) != 0) {
    diagnose(DiagnosticLevel::Warning, path, "cannot read file: " + error_text(errno));
    return;
  }
  sink_(WalkEntry{path, relative_path, language, size});
}

bool Walker::passes_option_globs(std::string_view relative_path) const {
  if (excludes_.decide(relative_path, false) == GlobList::Decision::Match) return false;
  return includes_.empty() ||
         includes_.decide_path_or_parent(relative_path, false) == GlobList::Decision::Match;
}

bool Walker::link_stays_inside(const Target& target, const std::string& path) {
  std::error_code error;
  const fs::path real = fs::canonical(path, error);
  if (error) return false;
  if (is_within(real, target.allowed_real)) return true;
  diagnose(DiagnosticLevel::Note, path, "symlink points outside the scan root; not followed");
  return false;
}

// A clasp project marker in the folder or in a folder above it, up to the root. Outside the root
// only the folder itself counts: the user did not ask us to look further up.
bool Walker::clasp_project_at_or_above(fs::path folder) const {
  const bool bounded = is_within(folder, root_);
  for (;;) {
    for (const std::string_view marker : kClaspMarkers) {
      std::error_code error;
      if (fs::is_regular_file(folder / marker, error)) return true;
    }
    if (!bounded || folder == root_ || !folder.has_relative_path()) return false;
    folder = folder.parent_path();
  }
}

// Ignore files in the folders above a folder target: up to the repository root (the first folder
// holding .git), or, outside any repository, up to the scan root. `citizenscan src` inside a repo
// then skips what `git status` would.
std::shared_ptr<const IgnoreLevel> Walker::ignores_above(const fs::path& target_folder) {
  std::error_code error;
  if (fs::exists(target_folder / ".git", error)) return nullptr;  // a repository of its own
  std::vector<fs::path> folders;
  bool in_repository = false;
  for (fs::path folder = target_folder; folder.has_relative_path();) {
    folder = folder.parent_path();
    folders.push_back(folder);
    if (fs::exists(folder / ".git", error)) {
      in_repository = true;
      break;
    }
  }
  if (!in_repository) {
    if (target_folder == root_ || !is_within(target_folder, root_)) return nullptr;
    std::erase_if(folders, [this](const fs::path& folder) { return !is_within(folder, root_); });
  }

  std::shared_ptr<const IgnoreLevel> chain;
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
    const std::string prepend = target_folder.lexically_relative(*it).generic_string() + "/";
    const std::string folder = it->string();
    const bool repository_root = in_repository && it == folders.rbegin();
    std::vector<IgnoreFile> files;
    add_ignore_file(files, join(folder, ".ignore"), "", prepend, IgnoreKind::Ignore);
    add_ignore_file(files, join(folder, ".gitignore"), "", prepend, IgnoreKind::GitIgnore);
    if (repository_root) {
      add_ignore_file(files, join(folder, ".git/info/exclude"), "", prepend, IgnoreKind::GitExclude);
    }
    if (!files.empty() || repository_root) {
      chain = std::make_shared<const IgnoreLevel>(IgnoreLevel{std::move(files), repository_root, chain});
    }
  }
  return chain;
}

void Walker::add_ignore_file(std::vector<IgnoreFile>& files, const std::string& path, const std::string& base,
                             const std::string& prepend, IgnoreKind kind) {
  // Only regular files (or links to them): opening a FIFO named .gitignore would block the walk.
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return;
  const std::unique_ptr<std::FILE, FileCloser> stream(std::fopen(path.c_str(), "rb"));
  if (!stream) {
    diagnose(DiagnosticLevel::Warning, path, "cannot read ignore file: " + error_text(errno));
    return;
  }
  std::string text;
  std::array<char, 16384> buffer{};
  std::size_t count = 0;
  while ((count = std::fread(buffer.data(), 1, buffer.size(), stream.get())) > 0) {
    text.append(buffer.data(), count);
  }
  if (std::ferror(stream.get()) != 0) {
    diagnose(DiagnosticLevel::Warning, path, "cannot read ignore file: read error");
    return;
  }
  GlobList globs = GlobList::parse_ignore_file(text);
  if (!globs.empty()) files.push_back(IgnoreFile{std::move(globs), base, prepend, kind});
}

}  // namespace

WalkResult walk(const WalkOptions& options) {
  WalkResult result;
  const WalkSink collect = [&result](WalkEntry&& entry) { result.files.push_back(std::move(entry)); };
  Walker(options, result, collect).run();
  std::ranges::sort(result.files, {}, &WalkEntry::relative_path);
  return result;
}

WalkResult walk(const WalkOptions& options, const WalkSink& sink) {
  WalkResult result;
  Walker(options, result, sink).run();
  return result;
}

}  // namespace citizenscan
