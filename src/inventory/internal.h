// Pieces of the inventory shared by its source files; not part of the public API.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "citizenscan/inventory.h"

namespace citizenscan::inventory_detail {

// Which project markers a folder holds.
struct Markers {
  bool git = false;
  bool clasp_manifest = false;  // appsscript.json
  bool clasp_config = false;    // .clasp.json
  bool node = false;            // package.json
  bool python = false;          // requirements.txt, pyproject.toml, setup.py, Pipfile
  bool notebooks = false;       // *.ipynb among the walked files of the folder
  bool any() const { return git || clasp_manifest || clasp_config || node || python || notebooks; }
};

// A tool being assembled: its root (a folder, or one loose file) and the walked files it owns.
struct ToolDraft {
  std::string path;           // relative, "." for the scan root
  bool loose_file = false;    // a loose script: path is the file
  Markers markers;
  std::vector<std::size_t> files;  // indexes into the walked files
};

struct Assignment {
  std::vector<ToolDraft> tools;             // sorted by path
  std::vector<int> tool_of_file;            // per walked file: tool index, or -1 (unassigned)
};

// Finds the project roots among the folders of the walked files and gives each file to the
// deepest root above it; code files outside every root become loose-script tools.
Assignment assign_tools(const std::string& root, const std::vector<WalkEntry>& files);

// Named owners from the tool folder's files, in resolution order: OWNERS/CODEOWNERS,
// citizenscan.json `owner`, package.json author/maintainers, pyproject.toml authors/maintainers.
// `shared_by_config` is set from citizenscan.json `"shared": true`. Problems become diagnostics.
std::vector<Owner> read_named_owners(const std::string& tool_dir, bool& shared_by_config,
                                     std::vector<Diagnostic>& diagnostics);

// npm scripts and pyproject console scripts of the tool folder.
std::vector<EntryPoint> read_manifest_entry_points(const std::string& tool_dir, const std::string& tool_path);

// The parts of appsscript.json the checks use.
struct AppsScriptManifest {
  std::string relative_path;
  std::string text;
  std::optional<WebApp> web_app;
  std::vector<std::string> oauth_scopes;
  bool has_oauth_scopes = false;
  bool has_url_fetch_whitelist = false;
};
std::optional<AppsScriptManifest> read_apps_script_manifest(const std::string& path, const std::string& relative_path,
                                                            std::vector<Diagnostic>& diagnostics);

// Git history of a path, read-only and local: `git log` in the repository that holds it.
struct GitHistory {
  std::vector<Owner> committers;  // by commit count, most first (source "git")
  std::int64_t last_commit = 0;   // unix time of the newest commit touching the path; 0: none
};
class GitReader {
 public:
  explicit GitReader(std::string program) : program_(std::move(program)) {}
  // nullopt when the path is not inside a git work tree, git is missing, or git fails (then a
  // diagnostic says so, once per cause).
  std::optional<GitHistory> history(const std::string& absolute_path, bool is_directory,
                                     std::vector<Diagnostic>& diagnostics);

 private:
  std::string program_;
  std::optional<bool> available_;
};

// "2026-11-27" for a unix time, in UTC.
std::string utc_date(std::int64_t unix_time);

// The host of a URL ("https://api.example.com:8443/x" -> "api.example.com"), lowercased; empty if none.
std::string url_host(std::string_view url);
// A string literal as written in code ('x', "x", f"x", r'x') -> its contents.
std::string strip_literal(std::string_view text);

}  // namespace citizenscan::inventory_detail
