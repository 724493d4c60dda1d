// walk: discover the files to scan under the targets.
//
//   citizenscan::WalkOptions options;
//   options.targets = {"."};
//   citizenscan::WalkResult result = citizenscan::walk(options);
//   for (const auto& file : result.files) scan(file.path, file.language);
//   // result.diagnostics: files skipped for size, unreadable folders, symlinks leaving the root...
//
// The walk honours .gitignore/.ignore (unless disabled), --include/--exclude globs, a size limit,
// and never follows a symlink out of the scan root. Language comes from the file name, and `.js`
// files inside a clasp project (a folder with appsscript.json or .clasp.json, or below one) are
// Apps Script. Files no language claims are skipped silently and only counted.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "citizenscan/core.h"

namespace citizenscan {

struct WalkOptions {
  std::vector<std::string> targets;  // files or directories; empty means "."
  std::string root;                  // scan root for relative paths; empty: see walk()
  bool respect_ignore_files = true;  // .gitignore and .ignore files (and .git/info/exclude)
  std::vector<std::string> include_globs;  // when non-empty, a file must match one of them
  std::vector<std::string> exclude_globs;  // gitignore-style globs matched on relative paths
  std::uint64_t max_file_size = 8u << 20;  // bytes; larger files are skipped with a diagnostic
  std::uint32_t shard_index = 0;           // keep files whose stable path hash % count == index
  std::uint32_t shard_count = 1;
  // When it turns true (a signal handler sets it), the walk ends at the next folder entry or file.
  const std::atomic<bool>* stop = nullptr;
};

struct WalkEntry {
  std::string path;           // openable path: the target joined with the path below it
  std::string relative_path;  // relative to the scan root, '/'-separated
  Language language = Language::Python;
  std::uint64_t size = 0;
};

struct WalkStats {
  std::uint64_t files_seen = 0;      // regular files encountered
  std::uint64_t skipped_ignored = 0;  // by .gitignore/.ignore or --exclude/--include
  std::uint64_t skipped_unknown = 0;  // no language for the name
  std::uint64_t skipped_size = 0;
  std::uint64_t skipped_shard = 0;
};

struct WalkResult {
  std::string root;  // absolute, normalized scan root
  std::vector<WalkEntry> files;  // sorted by relative_path
  std::vector<Diagnostic> diagnostics;
  WalkStats stats;
};

// Root: options.root if set; else the target when there is exactly one directory target; else the
// current directory. A missing target is an error diagnostic (the others are still walked).
WalkResult walk(const WalkOptions& options);

// The streaming form, for trees too large to list first: each accepted file goes to `sink` as soon
// as it is found, on the calling thread, in traversal order (not sorted); the result's `files`
// stays empty. Memory stays flat: what the walk keeps per file is its device and inode (16 bytes,
// to recognise a symlink to a file it already has).
using WalkSink = std::function<void(WalkEntry&&)>;
WalkResult walk(const WalkOptions& options, const WalkSink& sink);

// Language for a path relative to the root, or nullopt. in_clasp_project marks .js as Apps Script.
std::optional<Language> detect_language(std::string_view file_name, bool in_clasp_project);

// A test or fixture file by its path relative to the root: a folder named test(s), __tests__,
// spec(s), testing, testdata or (__)fixtures, or a name like test_x.py, x_test.py, x.test.js,
// x.spec.js, conftest.py. Rules may report findings there at a lower severity (testSeverity).
bool is_test_path(std::string_view relative_path);

// gitignore-style glob match of a '/'-separated relative path ("**", "*", "?", "[...]", a leading
// "/" anchors, a trailing "/" matches directories only).
bool glob_match(std::string_view pattern, std::string_view relative_path, bool is_directory);

}  // namespace citizenscan
