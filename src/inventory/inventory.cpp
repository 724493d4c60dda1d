// The inventory: one scan, then facts -> tools, owners, program findings, risk and overlaps.
//
// Design notes:
// - Facts are findings of the facts pack (rules/inventory/facts.json, pack "inventory"): the same
//   prefilter, parse and combined query as every other rule, so the inventory costs one scan.
//   Each fact's message is its value; they never leave this unit as findings.
// - Access is decided per file: a database, spreadsheet or Drive item named in a file that also
//   holds a write (db-write, sheet-write, drive-write facts) is written; HTTP sends and mail are
//   sends by the call itself; files by the call (open mode, to_csv, writeFileSync).
// - The program pack's computed rules (rules/program.json, "computedBy": "inventory") are
//   produced here; its data rules (web-app access, exception logging) run in the scan itself.
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

#include <re2/re2.h>

#include "core/hash.h"
#include "inventory/internal.h"

namespace citizenscan::detail {
const std::vector<std::pair<std::string_view, std::string_view>>& inventory_packs();
}

namespace citizenscan {
namespace {

// A tool's committers as reported: the most frequent authors of its recent history (git.cpp).
constexpr std::size_t kTopCommitters = 3;

using namespace inventory_detail;

constexpr std::string_view kFactsPack = "inventory";

// PII kinds, named from the field or column a pii finding names. Highly sensitive kinds raise the
// risk tier to high and cross the default handoff line.
struct PiiKind {
  std::string_view name;
  std::string_view pattern;
  bool high;
};
constexpr std::array<PiiKind, 8> kPiiKinds{{
    {"government id", R"((?i)ssn|social_?sec|passport|national_?id|tax_?id|\btin\b|driver_?s?_?licen[cs]e|licen[cs]e_?(no|number)|nino|aadhaar)", true},
    {"payment", R"((?i)card|\bcc_|cvv|cvc|iban|bank|account_?(no|num)|routing|\bpan\b)", true},
    {"health", R"((?i)diagnos|medical|health|patient|prescription|allerg|disabilit|icd)", true},
    {"date of birth", R"((?i)birth|\bdob\b|_dob|dob_)", false},
    {"contact", R"((?i)e_?mail|phone|mobile|address|street|postcode|postal|zip)", false},
    {"financial", R"((?i)salary|income|wage|compensation|payroll)", false},
    {"name", R"((?i)name)", false},
    {"personal data", R"(.)", false},
}};

struct Location {
  std::string relative_path;
  Region region;
  std::string snippet;
};

struct StoreDraft {
  DataStore store;
  Location where;  // first place it is written/sent to (or named, when only read)
};

struct ToolFacts {
  std::map<std::pair<std::string, std::string>, StoreDraft> stores;
  std::set<std::string> drivers;
  std::vector<EntryPoint> entries;
  std::set<std::string> services;  // "GmailApp.sendEmail"
  std::map<std::string, Location> first_service_use;  // "UrlFetchApp" -> first call
  std::set<std::string> pii;
  bool high_pii = false;
  std::uint64_t secrets = 0;
  std::map<std::string, std::uint64_t> by_pack;
  std::uint64_t warnings_and_errors = 0;
};

std::string pack_of(const std::string& rule_id) { return rule_id.substr(0, rule_id.find('/')); }

std::pair<std::string, std::string> split_bar(const std::string& message) {
  const auto bar = message.find('|');
  if (bar == std::string::npos) return {message, {}};
  return {message.substr(0, bar), message.substr(bar + 1)};
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool host_matches(std::string_view host, std::string_view pattern, bool subdomains) {
  if (pattern.rfind("*.", 0) == 0) {
    pattern.remove_prefix(1);  // ".corp.example.com"
    return host.size() > pattern.size() && iequals(host.substr(host.size() - pattern.size()), pattern);
  }
  if (iequals(host, pattern)) return true;
  return subdomains && host.size() > pattern.size() + 1 && host[host.size() - pattern.size() - 1] == '.' &&
         iequals(host.substr(host.size() - pattern.size()), pattern);
}

// Is a write/send to this store allowed? nullopt: the perimeter does not list its kind.
std::optional<bool> inside_perimeter(const Perimeter& perimeter, const DataStore& store) {
  const std::optional<std::vector<std::string>>* list = nullptr;
  bool hostlike = false, subdomains = false;
  if (store.kind == "database") list = &perimeter.database_hosts, hostlike = true;
  else if (store.kind == "http") list = &perimeter.domains, hostlike = true, subdomains = true;
  else if (store.kind == "sheet") list = &perimeter.sheets;
  else if (store.kind == "drive") list = &perimeter.drive_folders;
  else if (store.kind == "mail") list = &perimeter.mail_relays, hostlike = true;
  if (list == nullptr || !list->has_value()) return std::nullopt;
  if (store.kind == "sheet" && store.name == "bound spreadsheet") return std::nullopt;
  for (const std::string& allowed : **list) {
    if (hostlike ? host_matches(store.name, allowed, subdomains) : store.name == allowed) return true;
  }
  return false;
}

std::string sheet_id(const std::string& value) {
  static const RE2 kFromUrl(R"(/spreadsheets/d/([A-Za-z0-9_-]+))");
  std::string id;
  if (RE2::PartialMatch(value, kFromUrl, &id)) return id;
  return value;
}

std::uint32_t line_of(const std::string& text, std::string_view needle) {
  const auto at = text.find(needle);
  if (at == std::string::npos) return 1;
  return static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1);
}

std::string line_text(const std::string& text, std::uint32_t line) {
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line && start != std::string::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return {};
  const auto end = text.find('\n', start);
  std::string out = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

class ProgramFindings {
 public:
  ProgramFindings(const RuleSet& rules, const std::unordered_map<std::string, std::string>& display_path)
      : rules_(rules), display_path_(display_path) {}

  Finding make(const std::string& rule_id, const std::string& tool_path, const std::string& detail,
               const Location& where, std::string message) const {
    Finding f;
    const auto& infos = rules_.infos();
    for (std::uint32_t i = 0; i < infos.size(); ++i) {
      if (infos[i].id == rule_id) {
        f.rule_index = i;
        f.level = infos[i].severity;
      }
    }
    f.rule_id = rule_id;
    f.relative_path = where.relative_path;
    const auto it = display_path_.find(where.relative_path);
    f.path = it != display_path_.end() ? it->second : where.relative_path;
    f.language = detect_language(where.relative_path.substr(where.relative_path.rfind('/') + 1), true)
                     .value_or(Language::Json);
    f.region = where.region;
    f.message = std::move(message);
    f.snippet = where.snippet;
    // Content, not lines: the rule, the tool and what the finding is about.
    const std::string key = rule_id + '\n' + tool_path + '\n' + detail;
    f.fingerprint = hex64(hash64(key, 1)) + hex64(hash64(key, 2));
    return f;
  }

 private:
  const RuleSet& rules_;
  const std::unordered_map<std::string, std::string>& display_path_;
};

Region line_region(std::uint32_t line, std::uint32_t end_column) {
  Region r;
  r.start_line = r.end_line = line;
  r.start_column = 1;
  r.end_column = std::max<std::uint32_t>(end_column, 1) + 1;
  return r;
}

void add_store(ToolFacts& facts, const std::string& kind, const std::string& name, const std::string& access,
               const Finding& at) {
  if (name.empty()) return;
  const Location where{at.relative_path, at.region, at.snippet};
  auto [it, added] = facts.stores.try_emplace({kind, name});
  StoreDraft& draft = it->second;
  if (added) {
    draft.store = {kind, name, access, at.relative_path, at.region.start_line, false};
    draft.where = where;
    return;
  }
  if (draft.store.access == "read" && access != "read") {  // the first write decides where it is shown
    draft.store.access = access;
    draft.store.path = at.relative_path;
    draft.store.line = at.region.start_line;
    draft.where = where;
  }
}

// Scope checks: the scope the manifest asks for against the services the code calls.
struct ScopeVerdict {
  bool broad = false;
  std::string message;
};

ScopeVerdict judge_scope(const std::string& scope, const std::set<std::string>& services) {
  auto calls = [&](std::string_view service) {
    std::set<std::string> methods;
    for (const std::string& s : services) {
      if (s.rfind(std::string(service) + ".", 0) == 0) methods.insert(s.substr(service.size() + 1));
    }
    return methods;
  };
  auto only = [](const std::set<std::string>& methods, std::initializer_list<std::string_view> allowed) {
    return std::all_of(methods.begin(), methods.end(), [&](const std::string& m) {
      return std::find(allowed.begin(), allowed.end(), m) != allowed.end();
    });
  };
  ScopeVerdict v;
  if (scope == "https://mail.google.com/") {
    const auto gmail = calls("GmailApp");
    if (gmail.empty()) {
      v.broad = true;
      v.message = "grants full Gmail access (`https://mail.google.com/`) but the code never calls GmailApp";
    } else if (only(gmail, {"sendEmail"})) {
      v.broad = true;
      v.message = "grants full Gmail access (`https://mail.google.com/`) but the code only sends mail: "
                  "`https://www.googleapis.com/auth/script.send_mail` is enough";
    }
  } else if (scope == "https://www.googleapis.com/auth/drive") {
    const auto drive = calls("DriveApp");
    if (drive.empty()) {
      v.broad = true;
      v.message = "grants full Drive access (`auth/drive`) but the code never calls DriveApp";
    } else if (only(drive, {"createFile", "createFolder"})) {
      v.broad = true;
      v.message = "grants full Drive access (`auth/drive`) but the code only creates files: "
                  "`https://www.googleapis.com/auth/drive.file` is enough";
    }
  } else if (scope == "https://www.googleapis.com/auth/spreadsheets") {
    const auto sheets = calls("SpreadsheetApp");
    if (sheets.empty()) {
      v.broad = true;
      v.message = "grants access to every spreadsheet (`auth/spreadsheets`) but the code never calls SpreadsheetApp";
    } else if (only(sheets, {"getActiveSpreadsheet", "getActive", "getActiveSheet", "getActiveRange", "getUi",
                             "flush", "getCurrentCell", "getSelection"})) {
      v.broad = true;
      v.message = "grants access to every spreadsheet (`auth/spreadsheets`) but the code only uses the spreadsheet "
                  "it is bound to: `https://www.googleapis.com/auth/spreadsheets.currentonly` is enough";
    }
  }
  return v;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

}  // namespace

RuleSet load_inventory_rules(const std::vector<std::string>& extra_paths) {
  std::vector<std::pair<std::string, std::string>> facts;
  for (const auto& [name, text] : detail::inventory_packs()) facts.emplace_back(std::string(name), std::string(text));
  return RuleSet::load_builtin_and(extra_paths, true, facts);
}

InventoryResult inventory(const RuleSet& rules, const InventoryOptions& options) {
  std::vector<WalkEntry> files;
  ScanCallbacks callbacks;
  callbacks.walked = [&files](const WalkEntry& entry) { files.push_back(entry); };
  ScanResult scanned = scan(rules, options.scan, callbacks);
  std::sort(files.begin(), files.end(),
            [](const WalkEntry& a, const WalkEntry& b) { return a.relative_path < b.relative_path; });
  InventoryResult result;
  result.root = scanned.root;
  result.diagnostics = std::move(scanned.diagnostics);
  result.complete = scanned.complete;
  result.files_scanned = scanned.stats.files_scanned;
  result.perimeter_checked = options.perimeter.has_value();

  Assignment assignment = assign_tools(scanned.root, files);
  std::unordered_map<std::string, std::size_t> file_index;
  std::unordered_map<std::string, std::string> display_path;
  for (std::size_t i = 0; i < files.size(); ++i) {
    file_index.emplace(files[i].relative_path, i);
    display_path.emplace(files[i].relative_path, files[i].path);
  }
  auto tool_of = [&](const std::string& relative_path) -> int {
    const auto it = file_index.find(relative_path);
    return it == file_index.end() ? -1 : assignment.tool_of_file[it->second];
  };
  for (int t : assignment.tool_of_file) {
    if (t < 0) ++result.unassigned_files;
  }

  // Files that write to databases, spreadsheets, Drive (see the design notes).
  std::set<std::pair<std::string, std::string>> writes;  // (kind, relative path)
  for (const Finding& f : scanned.findings) {
    if (pack_of(f.rule_id) != kFactsPack) continue;
    if (f.rule_id == "inventory/db-write") writes.emplace("database", f.relative_path);
    if (f.rule_id == "inventory/sheet-write") writes.emplace("sheet", f.relative_path);
    if (f.rule_id == "inventory/drive-write") writes.emplace("drive", f.relative_path);
  }
  auto access_in = [&](const std::string& kind, const std::string& path) {
    return writes.count({kind, path}) ? "write" : "read";
  };

  std::vector<ToolFacts> facts(assignment.tools.size());
  static const std::vector<std::unique_ptr<RE2>> kPiiRegexes = [] {
    std::vector<std::unique_ptr<RE2>> out;
    for (const PiiKind& kind : kPiiKinds) out.push_back(std::make_unique<RE2>(kind.pattern));
    return out;
  }();
  for (Finding& f : scanned.findings) {
    const int t = tool_of(f.relative_path);
    const std::string pack = pack_of(f.rule_id);
    if (pack != kFactsPack) {
      if (t >= 0 && !f.suppression) {
        ToolFacts& tf = facts[static_cast<std::size_t>(t)];
        ++tf.by_pack[pack];
        if (f.level != Severity::Note) ++tf.warnings_and_errors;
        if (pack == "credentials") ++tf.secrets;
        if (pack == "pii") {
          // The field the finding names: the last `quoted` part of the message.
          const auto close = f.message.rfind('`');
          const auto open = close == std::string::npos || close == 0 ? std::string::npos : f.message.rfind('`', close - 1);
          const std::string field = open == std::string::npos ? f.message : f.message.substr(open + 1, close - open - 1);
          for (std::size_t k = 0; k < kPiiKinds.size(); ++k) {
            if (RE2::PartialMatch(field, *kPiiRegexes[k])) {
              tf.pii.insert(std::string(kPiiKinds[k].name));
              tf.high_pii = tf.high_pii || kPiiKinds[k].high;
              break;
            }
          }
        }
      }
      result.findings.push_back(std::move(f));
      continue;
    }
    if (t < 0 || f.suppression) continue;
    ToolFacts& tf = facts[static_cast<std::size_t>(t)];
    const std::string& id = f.rule_id;
    const auto [value, extra] = split_bar(f.message);
    const std::uint32_t line = f.region.start_line;
    if (id == "inventory/main-guard") {
      tf.entries.push_back({"main", "__main__", f.relative_path, line});
    } else if (id == "inventory/apps-script-trigger") {
      tf.entries.push_back({"apps-script-trigger", value + " (" + extra + ")", f.relative_path, line});
    } else if (id == "inventory/apps-script-simple-trigger") {
      tf.entries.push_back({"simple-trigger", value, f.relative_path, line});
    } else if (id == "inventory/web-app-handler") {
      tf.entries.push_back({"web-app", value, f.relative_path, line});
    } else if (id == "inventory/schedule") {
      tf.entries.push_back({"schedule", value, f.relative_path, line});
    } else if (id == "inventory/db-driver") {
      tf.drivers.insert(value + " (" + extra + ")");
    } else if (id == "inventory/db-host") {
      std::string host = value;
      std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      add_store(tf, "database", host, access_in("database", f.relative_path), f);
    } else if (id == "inventory/sheet") {
      add_store(tf, "sheet", value == "bound" ? "bound spreadsheet" : sheet_id(value), access_in("sheet", f.relative_path), f);
    } else if (id == "inventory/drive") {
      add_store(tf, "drive", value, access_in("drive", f.relative_path), f);
    } else if (id == "inventory/file-write" || id == "inventory/file-read") {
      add_store(tf, "file", strip_literal(value), id == "inventory/file-write" ? "write" : "read", f);
    } else if (id == "inventory/http-send" || id == "inventory/http-read") {
      add_store(tf, "http", url_host(strip_literal(value)), id == "inventory/http-send" ? "send" : "read", f);
    } else if (id == "inventory/mail") {
      add_store(tf, "mail", value, "send", f);
    } else if (id == "inventory/apps-script-service") {
      tf.services.insert(value);
      tf.first_service_use.try_emplace(value.substr(0, value.find('.')), Location{f.relative_path, f.region, f.snippet});
    }
  }

  ProgramFindings program(rules, display_path);
  std::vector<Finding> computed;  // program/* findings made here
  GitReader git(options.git_program);
  std::map<std::pair<std::string, std::string>, std::set<std::string>> users_of_store;
  for (std::size_t t = 0; t < assignment.tools.size(); ++t) {
    const ToolDraft& draft = assignment.tools[t];
    ToolFacts& tf = facts[t];
    Tool tool;
    tool.path = draft.path;
    const std::string abs_path = draft.path == "." ? scanned.root : scanned.root + "/" + draft.path;
    if (draft.loose_file) tool.kinds.push_back("script");
    if (draft.markers.git) tool.kinds.push_back("git");
    if (draft.markers.clasp_manifest || draft.markers.clasp_config) tool.kinds.push_back("clasp");
    if (draft.markers.node) tool.kinds.push_back("node");
    if (draft.markers.python) tool.kinds.push_back("python");
    if (draft.markers.notebooks) tool.kinds.push_back("notebooks");

    // Languages, size, newest file, the Apps Script manifest, the anchor file for tool-level findings.
    std::map<Language, LanguageShare> shares;
    std::int64_t newest = 0;
    const WalkEntry* manifest_entry = nullptr;
    for (std::size_t i : draft.files) {
      const WalkEntry& file = files[i];
      LanguageShare& share = shares[file.language];
      share.language = file.language;
      ++share.files;
      share.bytes += file.size;
      ++tool.files;
      tool.bytes += file.size;
      struct stat info {};
      if (::stat(file.path.c_str(), &info) == 0) newest = std::max<std::int64_t>(newest, info.st_mtime);
      const std::string name = file.relative_path.substr(file.relative_path.rfind('/') + 1);
      if (name == "appsscript.json" &&
          (manifest_entry == nullptr ||
           std::count(file.relative_path.begin(), file.relative_path.end(), '/') <
               std::count(manifest_entry->relative_path.begin(), manifest_entry->relative_path.end(), '/'))) {
        manifest_entry = &file;
      }
    }
    for (const auto& [language, share] : shares) tool.languages.push_back(share);
    std::stable_sort(tool.languages.begin(), tool.languages.end(),
                     [](const LanguageShare& a, const LanguageShare& b) { return a.bytes > b.bytes; });

    std::optional<AppsScriptManifest> manifest;
    if (manifest_entry != nullptr) {
      manifest = read_apps_script_manifest(manifest_entry->path, manifest_entry->relative_path, result.diagnostics);
    }
    if (manifest && manifest->web_app) {
      tool.web_app = manifest->web_app;
      tf.entries.push_back({"web-app",
                            "deployed: access " + manifest->web_app->access + ", executes as " + manifest->web_app->execute_as,
                            manifest->relative_path, line_of(manifest->text, "\"webapp\"")});
    }
    bool shared_by_config = false;
    if (!draft.loose_file) {
      for (EntryPoint& e : read_manifest_entry_points(abs_path, draft.path)) tf.entries.push_back(std::move(e));
      tool.owners = read_named_owners(abs_path, shared_by_config, result.diagnostics);
    }
    std::optional<GitHistory> history;
    if (options.git) history = git.history(abs_path, !draft.loose_file, result.diagnostics);
    if (history) {
      for (std::size_t c = 0; c < history->committers.size() && c < kTopCommitters; ++c) tool.committers.push_back(history->committers[c]);
    }
    const std::int64_t last = history && history->last_commit != 0 ? history->last_commit : newest;
    if (last != 0) tool.last_modified = utc_date(last);

    std::sort(tf.entries.begin(), tf.entries.end(), [](const EntryPoint& a, const EntryPoint& b) {
      return std::tie(a.kind, a.path, a.line, a.name) < std::tie(b.kind, b.path, b.line, b.name);
    });
    tool.entry_points = tf.entries;
    tool.database_drivers.assign(tf.drivers.begin(), tf.drivers.end());
    tool.secrets = tf.secrets;
    tool.pii_kinds.assign(tf.pii.begin(), tf.pii.end());

    // Where tool-level findings point: the manifest that defines the tool, else its first file.
    Location anchor;
    {
      std::string anchor_path;
      for (const char* name : {"appsscript.json", ".clasp.json", "package.json", "citizenscan.json"}) {
        const std::string candidate = draft.path == "." ? name : draft.path + "/" + name;
        if (file_index.count(candidate)) {
          anchor_path = candidate;
          break;
        }
      }
      if (anchor_path.empty() && manifest_entry != nullptr) anchor_path = manifest_entry->relative_path;
      if (anchor_path.empty() && !draft.files.empty()) anchor_path = files[draft.files.front()].relative_path;
      anchor.relative_path = anchor_path;
      anchor.region = line_region(1, 1);
    }

    // Shared: someone other than the builder depends on it.
    const bool unattended = std::any_of(tf.entries.begin(), tf.entries.end(), [](const EntryPoint& e) {
      return e.kind == "apps-script-trigger" || e.kind == "schedule";
    });
    if (tool.web_app && tool.web_app->access != "MYSELF") {
      tool.shared_because.push_back("web-app access " + tool.web_app->access);
    }
    if (unattended) tool.shared_because.push_back("runs on a trigger or schedule");
    if (history && history->committers.size() > 1) {
      tool.shared_because.push_back(std::to_string(history->committers.size()) + " committers");
    }
    if (shared_by_config) tool.shared_because.push_back("citizenscan.json marks it shared");
    if (!tool.shared_because.empty() && tool.owners.empty()) {
      std::string builder = tool.committers.empty() ? "" : " (builder: " + tool.committers.front().name + ")";
      computed.push_back(program.make(
          "program/no-owner", tool.path, "", anchor,
          "tool `" + tool.path + "` is shared (" + joined(tool.shared_because, ", ") + ") but names no owner" + builder +
              ": add an OWNERS file, citizenscan.json `owner`, or a package author"));
    }

    // Apps Script manifest against the code.
    if (manifest) {
      for (const std::string& scope : manifest->oauth_scopes) {
        const ScopeVerdict verdict = judge_scope(scope, tf.services);
        if (!verdict.broad) continue;
        const std::uint32_t line = line_of(manifest->text, "\"" + scope + "\"");
        const std::string text = line_text(manifest->text, line);
        Location where{manifest->relative_path, line_region(line, static_cast<std::uint32_t>(text.size())), text};
        computed.push_back(program.make("program/broad-oauth-scope", tool.path, scope, where,
                                               "oauthScopes " + verdict.message));
      }
      const auto fetch = tf.first_service_use.find("UrlFetchApp");
      if (fetch != tf.first_service_use.end() && !manifest->has_url_fetch_whitelist) {
        const std::string text = line_text(manifest->text, 1);
        Location where{manifest->relative_path, line_region(1, static_cast<std::uint32_t>(text.size())), text};
        computed.push_back(program.make(
            "program/urlfetch-without-allowlist", tool.path, "", where,
            "the manifest has no urlFetchWhitelist but the code calls UrlFetchApp (" + fetch->second.relative_path + ":" +
                std::to_string(fetch->second.region.start_line) + "): the script may send data to any URL"));
      }
    }

    // Stores, the perimeter, overlaps.
    bool outside = false, sends = false, db_writes = false;
    for (auto& [key, draft_store] : tf.stores) {
      DataStore& store = draft_store.store;
      if (store.access != "read" && options.perimeter) {
        const auto inside = inside_perimeter(*options.perimeter, store);
        if (inside && !*inside) {
          store.outside_perimeter = true;
          outside = true;
          computed.push_back(program.make(
              "program/outside-perimeter", tool.path, store.kind + "\n" + store.name, draft_store.where,
              "`" + tool.path + "` " + (store.access == "send" ? "sends to " : "writes to ") + store.kind + " `" +
                  store.name + "`, which is not in the data perimeter"));
        }
      }
      if (store.access == "send") sends = true;
      if (store.kind == "database" && store.access == "write") db_writes = true;
      const bool shareable = store.kind == "database" || store.kind == "http" || store.kind == "drive" ||
                             (store.kind == "sheet" && store.name != "bound spreadsheet") ||
                             (store.kind == "file" && (store.name.rfind('/', 0) == 0 || store.name.rfind("\\\\", 0) == 0));
      if (shareable) users_of_store[key].insert(tool.path);
      tool.data_stores.push_back(store);
    }

    // Risk tier: high if any high reason holds, else medium if any medium reason, else low.
    std::vector<std::string> high, medium;
    if (tool.secrets > 0) high.push_back(std::to_string(tool.secrets) + " hardcoded secret" + (tool.secrets > 1 ? "s" : ""));
    if (tool.web_app && (tool.web_app->access == "ANYONE" || tool.web_app->access == "ANYONE_ANONYMOUS")) {
      high.push_back("web app open to " + tool.web_app->access);
    }
    if (outside) high.push_back("writes outside the data perimeter");
    if (tf.high_pii) high.push_back("highly sensitive personal data");
    else if (!tool.pii_kinds.empty()) medium.push_back("personal data");
    if (sends) medium.push_back("sends data out (mail or HTTP)");
    if (unattended) medium.push_back("runs unattended");
    if (db_writes) medium.push_back("writes to a database");
    if (!tool.shared_because.empty() && tool.owners.empty()) medium.push_back("shared without an owner");
    const std::uint64_t other = tf.warnings_and_errors - std::min(tf.warnings_and_errors, tool.secrets);
    if (other > 0) medium.push_back(std::to_string(other) + " other warning/error finding" + (other > 1 ? "s" : ""));
    tool.risk = !high.empty() ? "high" : !medium.empty() ? "medium" : "low";
    tool.risk_reasons = high;
    tool.risk_reasons.insert(tool.risk_reasons.end(), medium.begin(), medium.end());

    // The handoff line.
    const HandoffRule& handoff = options.handoff;
    if (handoff.high_sensitivity_pii && tf.high_pii) tool.handoff_reasons.push_back("highly sensitive personal data");
    for (const DataStore& store : tool.data_stores) {
      if (store.kind != "database") continue;
      for (const std::string& pattern : handoff.production_hosts) {
        if (host_matches(store.name, pattern, true)) {
          tool.handoff_reasons.push_back("production database `" + store.name + "`");
          break;
        }
      }
    }
    if (handoff.web_app_beyond_domain && tool.web_app &&
        (tool.web_app->access == "ANYONE" || tool.web_app->access == "ANYONE_ANONYMOUS")) {
      tool.handoff_reasons.push_back("web app open beyond the domain");
    }
    if (handoff.max_committers > 0 && history && history->committers.size() > handoff.max_committers) {
      tool.handoff_reasons.push_back(std::to_string(history->committers.size()) + " committers (more than " +
                                     std::to_string(handoff.max_committers) + ")");
    }
    result.tools.push_back(std::move(tool));
  }

  // Program findings count towards their tool like every other pack.
  for (Finding& f : computed) {
    const int t = tool_of(f.relative_path);
    if (t >= 0) ++result.tools[static_cast<std::size_t>(t)].findings_by_pack["program"];
    result.findings.push_back(std::move(f));
  }
  for (std::size_t t = 0; t < result.tools.size(); ++t) {
    for (const auto& [pack, count] : facts[t].by_pack) result.tools[t].findings_by_pack[pack] += count;
  }
  for (const auto& [key, users] : users_of_store) {
    if (users.size() < 2) continue;
    result.overlaps.push_back({key.first, key.second, std::vector<std::string>(users.begin(), users.end())});
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  return result;
}

}  // namespace citizenscan
