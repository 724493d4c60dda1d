// changes: what a commit-to-be (git's index) or a branch (since a revision) changes, as two trees
// the scan can walk: the new side and the base side of every changed file.
//
//   citizenscan::ChangeRequest request;
//   request.mode = citizenscan::ChangeMode::Staged;
//   request.start = ".";                         // any folder inside the repository
//   citizenscan::ChangeSet changes = citizenscan::collect_changes(request);
//   // changes.new_root / f.path: the staged content of each changed file f in changes.files
//   // changes.base_root / f.base_path: its content in HEAD (when it existed there)
//
// git is asked read-only (rev-parse, merge-base, diff, cat-file; optional locks off, no external
// diff or textconv programs), and no scanned file is ever run. Blobs are written with one
// `git cat-file --batch` into a private temporary folder, together with the clasp markers
// (appsscript.json, .clasp.json) of the folders above each file, so that Apps Script detection
// sees what it would see in the repository. The ChangeSet removes that folder when it is
// destroyed, and also when the process is ended by SIGINT, SIGTERM or SIGHUP meanwhile.
//
// Staged: new side = the index, base = HEAD (nothing before the first commit), and the added or
// changed lines of each file are known. SinceRevision: base = merge-base(revision, HEAD), new side
// = the working tree itself (tracked files; uncommitted edits count).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace citizenscan {

// The repository cannot be read, or the revision does not name a commit: a clear message for the
// user (the CLI exits 2 with it).
class ChangeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class ChangeMode : std::uint8_t { Staged, SinceRevision };

struct ChangeRequest {
  ChangeMode mode = ChangeMode::Staged;
  std::string revision;  // SinceRevision: the branch or commit the change is compared with
  std::string start;     // a folder inside the repository; empty: the current directory
  // Files or folders (as the user wrote them) the change is limited to; empty: the whole repository.
  std::vector<std::string> limit_to;
};

struct ChangedFile {
  std::string path;       // '/'-separated, relative to the repository's top folder
  std::string base_path;  // the same file on the base side (renamed: its old path); empty when added
  // Staged only: 1-based inclusive line ranges of the new side that are added or changed, sorted.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> added_lines;
};

class TempFolder;

class ChangeSet {
 public:
  ChangeSet();
  ChangeSet(ChangeSet&&) noexcept;
  ChangeSet& operator=(ChangeSet&&) noexcept;
  ~ChangeSet();

  ChangeMode mode = ChangeMode::Staged;
  std::string repository;  // absolute top folder of the work tree
  std::string base_revision;  // the commit the base side comes from ("" before the first commit)
  std::string new_root;    // the new side, laid out like the repository
  std::string base_root;   // the base side, laid out like the repository
  std::vector<ChangedFile> files;  // regular files present on the new side, sorted by path
  // Base-side paths of files the new side no longer has (deleted, or moved where git saw no rename):
  // code that moved out of them must not count as new.
  std::vector<std::string> removed;

  // Staged: does [first_line, last_line] of `path` touch an added or changed line?
  // SinceRevision: always true (the base comparison alone decides).
  bool touches_added_line(const std::string& path, std::uint32_t first_line, std::uint32_t last_line) const;

 private:
  friend ChangeSet collect_changes(const ChangeRequest& request);
  std::unique_ptr<TempFolder> temp_;
};

// Throws ChangeError when git is missing, the start is not inside a work tree, a limit lies outside
// it, or the revision does not resolve (or has no common ancestor with HEAD, as in a shallow clone).
ChangeSet collect_changes(const ChangeRequest& request);

// Decodes a path git printed in C-style quotes ("a\"b\303\251.py"); unquoted text is returned as is.
std::string git_unquote(std::string_view text);

// Added-line ranges per new-side path from `git diff -U0` output (a/ and b/ prefixes).
std::vector<std::pair<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>>> parse_added_lines(
    std::string_view unified_diff);

}  // namespace citizenscan
