// inventory: the program view. One scan of a tree (the four packs plus the inventory facts pack,
// rules/inventory/facts.json) becomes a registry of the citizen-built tools in it: what each tool
// is, how it starts, which data stores and sinks it touches, who owns it, how risky it is, and
// which tools overlap.
//
//   citizenscan::RuleSet rules = citizenscan::load_inventory_rules({});
//   citizenscan::InventoryOptions options;
//   options.scan.walk.targets = {"/mnt/shared/finance"};
//   citizenscan::InventoryResult result = citizenscan::inventory(rules, options);
//   for (const citizenscan::Tool& tool : result.tools) std::cout << tool.path << ' ' << tool.risk << '\n';
//   citizenscan::write_inventory(std::cout, result, citizenscan::InventoryFormat::Markdown);
//
// A tool is a project root: a folder with `.git`, a clasp project (`appsscript.json` or
// `.clasp.json`), a `package.json`, a Python project file (`requirements.txt`, `pyproject.toml`,
// `setup.py`, `Pipfile`), or notebooks; a code file outside every project root is a loose script,
// a tool of its own. Each file belongs to the deepest root above it. Facts come from the facts
// pack's findings (tree-sitter queries and regexes as data) and from the project's manifests;
// owners from OWNERS/CODEOWNERS, citizenscan.json, package.json, pyproject.toml and read-only
// `git log`. The program pack (`program/*`) adds findings no single file shows: a shared tool with
// no named owner, a write outside the data perimeter, an Apps Script manifest broader than its code.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "citizenscan/config.h"
#include "citizenscan/core.h"
#include "citizenscan/rules.h"
#include "citizenscan/scan.h"

namespace citizenscan {

struct InventoryOptions {
  ScanOptions scan;
  std::optional<Perimeter> perimeter;  // none: every sink is listed, none is a finding
  HandoffRule handoff;
  bool git = true;                     // owners and last change from `git log` (read-only, local)
  std::string git_program = "git";
};

struct EntryPoint {
  std::string kind;  // "main" | "npm-script" | "console-script" | "apps-script-trigger" |
                     // "simple-trigger" | "web-app" | "schedule"
  std::string name;  // "__main__", "report: node report.js", "syncOrders (timeBased)"...
  std::string path;  // relative to the root; empty for a manifest-level entry without a line
  std::uint32_t line = 0;
};

struct DataStore {
  std::string kind;    // "database" | "sheet" | "drive" | "file" | "http" | "mail"
  std::string name;    // host, spreadsheet id, Drive id, path, relay
  std::string access;  // "read" | "write" | "send"
  std::string path;    // where it is first named (relative to the root)
  std::uint32_t line = 0;
  bool outside_perimeter = false;
};

struct Owner {
  std::string name;
  std::string source;  // "CODEOWNERS" | "OWNERS" | "citizenscan.json" | "package.json" | "pyproject.toml" | "git"
  std::uint64_t commits = 0;  // for "git" only
};

struct LanguageShare {
  Language language = Language::Python;
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
};

struct WebApp {
  std::string access;       // MYSELF | DOMAIN | ANYONE | ANYONE_ANONYMOUS
  std::string execute_as;   // USER_DEPLOYING | USER_ACCESSING
};

struct Tool {
  std::string path;                // relative to the root, "." for the root itself
  std::vector<std::string> kinds;  // "git", "clasp", "node", "python", "notebooks", "script"
  std::vector<LanguageShare> languages;  // by bytes, largest first
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
  std::vector<EntryPoint> entry_points;
  std::vector<std::string> database_drivers;  // "PostgreSQL (psycopg2)"
  std::vector<DataStore> data_stores;         // by kind, then name
  std::optional<WebApp> web_app;
  std::uint64_t secrets = 0;                  // unsuppressed credentials findings
  std::vector<std::string> pii_kinds;         // "government id", "payment", "health", ...
  std::map<std::string, std::uint64_t> findings_by_pack;  // unsuppressed, program pack included
  std::string last_modified;  // YYYY-MM-DD (UTC): latest commit touching it, else newest file
  std::vector<Owner> owners;       // named owners, in the order of the resolution rule
  std::vector<Owner> committers;   // top committers from git history (builders, not owners)
  std::vector<std::string> shared_because;  // empty: not shared
  std::string risk;                         // "high" | "medium" | "low"
  std::vector<std::string> risk_reasons;
  std::vector<std::string> handoff_reasons;  // non-empty: needs engineering ownership
};

// Tools that touch the same data store or host: the duplicates a program lead wants to see.
struct Overlap {
  std::string kind;  // DataStore kind
  std::string name;
  std::vector<std::string> tools;  // tool paths, sorted
};

struct InventoryResult {
  std::string root;
  std::vector<Tool> tools;                 // sorted by path
  std::vector<Overlap> overlaps;           // sorted by kind, name
  std::vector<Finding> findings;           // every pack's findings and program/*, sorted; no facts
  std::vector<Diagnostic> diagnostics;     // sorted
  std::uint64_t files_scanned = 0;
  std::uint64_t unassigned_files = 0;      // non-code files outside every tool (.env next to scripts...)
  bool perimeter_checked = false;
  bool complete = true;
};

// The built-in packs and `extra_paths`, plus the inventory facts pack.
RuleSet load_inventory_rules(const std::vector<std::string>& extra_paths);

InventoryResult inventory(const RuleSet& rules, const InventoryOptions& options);

enum class InventoryFormat : std::uint8_t { Json, Csv, Markdown, Html };
std::optional<InventoryFormat> inventory_format_from_name(std::string_view name);  // also "md"
// The names `inventory --format` offers (the CLI and the no-secret-in-any-output test read them).
std::vector<std::string> inventory_format_names();

// JSON: {"tool", "version", "root", "complete", "perimeter_checked", "tools": [...], "overlaps",
// "findings" (the scan JSON's finding fields plus "tool"), "diagnostics", "summary"}.
// CSV: one row per tool. Markdown and HTML: a tools table, then per-tool details and overlaps.
// Output depends only on the result: the same tree gives the same bytes.
void write_inventory(std::ostream& out, const InventoryResult& result, InventoryFormat format);

}  // namespace citizenscan
