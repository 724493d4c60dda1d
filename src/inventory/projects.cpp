// Tools on disk: project roots, the files each owns, their manifests and named owners.
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "inventory/internal.h"

namespace citizenscan::inventory_detail {
namespace {

using nlohmann::json;

bool exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

bool is_regular(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string join(const std::string& root, const std::string& relative) {
  if (relative.empty() || relative == ".") return root;
  return root + "/" + relative;
}

std::string parent_of(const std::string& relative) {
  const auto slash = relative.rfind('/');
  return slash == std::string::npos ? std::string() : relative.substr(0, slash);
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Manifests are small; anything larger than this is not a manifest we should parse.
constexpr std::uint64_t kMaxManifestBytes = 1u << 20;

std::optional<std::string> read_small_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode) ||
      static_cast<std::uint64_t>(info.st_size) > kMaxManifestBytes) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

void add_owner(std::vector<Owner>& owners, std::string name, const std::string& source) {
  name = trim(name);
  if (name.empty()) return;
  for (const Owner& o : owners) {
    if (o.name == name) return;
  }
  owners.push_back({std::move(name), source, 0});
}

// "Jane Doe <jane@example.com> (https://...)" -> "Jane Doe <jane@example.com>"
std::string person_from_string(std::string_view text) {
  const auto paren = text.find(" (");
  return trim(paren == std::string_view::npos ? text : text.substr(0, paren));
}

std::string person_from_json(const json& value) {
  if (value.is_string()) return person_from_string(value.get<std::string>());
  if (value.is_object()) {
    std::string name = value.value("name", "");
    const std::string email = value.value("email", "");
    if (!email.empty()) name += name.empty() ? email : " <" + email + ">";
    return name;
  }
  return {};
}

// CODEOWNERS: "pattern owner owner..."; every owner named on a rule line counts.
void read_codeowners(const std::string& text, std::vector<Owner>& owners) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string pattern, owner;
    words >> pattern;
    while (words >> owner) add_owner(owners, owner, "CODEOWNERS");
  }
}

// OWNERS: one owner per line (Chromium style) or a YAML list under approvers/reviewers (Kubernetes).
void read_owners_file(const std::string& text, std::vector<Owner>& owners) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty() || line.back() == ':') continue;
    if (line.rfind("- ", 0) == 0) line = trim(line.substr(2));
    if (line.rfind("per-file", 0) == 0 || line.rfind("set ", 0) == 0 || line.rfind("include ", 0) == 0 ||
        line.rfind("file:", 0) == 0 || line == "*") {
      continue;
    }
    add_owner(owners, line, "OWNERS");
  }
}

// pyproject.toml: `authors`/`maintainers` arrays under [project] or [tool.poetry]. Only these
// arrays are read: inline tables {name = "...", email = "..."} or "Name <email>" strings.
void read_pyproject_people(const std::string& text, std::vector<Owner>& owners) {
  std::istringstream lines(text);
  std::string line, section, collecting;
  auto quoted_after = [](const std::string& s, std::size_t from) -> std::pair<std::string, std::size_t> {
    const auto open = s.find_first_of("\"'", from);
    if (open == std::string::npos) return {{}, std::string::npos};
    const auto close = s.find(s[open], open + 1);
    if (close == std::string::npos) return {{}, std::string::npos};
    return {s.substr(open + 1, close - open - 1), close + 1};
  };
  auto take = [&](const std::string& chunk) {
    if (chunk.find('{') != std::string::npos) {
      std::size_t pos = 0;
      while ((pos = chunk.find('{', pos)) != std::string::npos) {
        const auto end = chunk.find('}', pos);
        const std::string table = chunk.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        std::string name, email;
        if (auto at = table.find("name"); at != std::string::npos) name = quoted_after(table, at).first;
        if (auto at = table.find("email"); at != std::string::npos) email = quoted_after(table, at).first;
        if (!email.empty()) name += name.empty() ? email : " <" + email + ">";
        add_owner(owners, name, "pyproject.toml");
        if (end == std::string::npos) break;
        pos = end;
      }
      return;
    }
    std::size_t pos = 0;
    while (pos != std::string::npos && pos < chunk.size()) {
      auto [value, next] = quoted_after(chunk, pos);
      if (next == std::string::npos) break;
      add_owner(owners, value, "pyproject.toml");
      pos = next;
    }
  };
  while (std::getline(lines, line)) {
    const std::string t = trim(line);
    if (!collecting.empty()) {
      collecting += ' ' + t;
      if (t.find(']') != std::string::npos) {
        take(collecting);
        collecting.clear();
      }
      continue;
    }
    if (t.rfind('[', 0) == 0) {
      section = t;
      continue;
    }
    if (section != "[project]" && section != "[tool.poetry]") continue;
    for (const char* key : {"authors", "maintainers"}) {
      if (t.rfind(key, 0) == 0 && t.find('=') != std::string::npos) {
        const std::string rest = t.substr(t.find('=') + 1);
        if (rest.find(']') != std::string::npos) take(rest);
        else collecting = rest;
      }
    }
  }
}

}  // namespace

Assignment assign_tools(const std::string& root, const std::vector<WalkEntry>& files) {
  // Every folder that holds a walked file, and its ancestors up to the root.
  std::map<std::string, Markers> folders;
  for (const WalkEntry& file : files) {
    std::string dir = parent_of(file.relative_path);
    if (file.language == Language::Notebook) folders[dir].notebooks = true;
    while (true) {
      folders.try_emplace(dir);
      if (dir.empty()) break;
      dir = parent_of(dir);
    }
  }
  for (auto& [dir, markers] : folders) {
    const std::string base = join(root, dir) + "/";
    markers.git = exists(base + ".git");
    markers.clasp_manifest = is_regular(base + "appsscript.json");
    markers.clasp_config = is_regular(base + ".clasp.json");
    markers.node = is_regular(base + "package.json");
    markers.python = is_regular(base + "requirements.txt") || is_regular(base + "pyproject.toml") ||
                     is_regular(base + "setup.py") || is_regular(base + "Pipfile");
  }
  auto nearest_root = [&](std::string dir, const std::set<std::string>& roots) -> std::optional<std::string> {
    while (true) {
      if (roots.count(dir)) return dir;
      if (dir.empty()) return std::nullopt;
      dir = parent_of(dir);
    }
  };
  std::set<std::string> roots;
  for (const auto& [dir, markers] : folders) {
    if (markers.any()) roots.insert(dir);
  }
  // clasp keeps appsscript.json in its rootDir below .clasp.json: one project, not two.
  for (auto it = roots.begin(); it != roots.end();) {
    const Markers& m = folders[*it];
    const bool manifest_only = m.clasp_manifest && !m.git && !m.clasp_config && !m.node && !m.python && !m.notebooks;
    std::optional<std::string> above;
    if (manifest_only && !it->empty()) above = nearest_root(parent_of(*it), roots);
    if (above && folders[*above].clasp_config) {
      it = roots.erase(it);
    } else {
      ++it;
    }
  }

  Assignment out;
  out.tool_of_file.assign(files.size(), -1);
  std::map<std::string, std::size_t> index_of_root;
  std::vector<ToolDraft> drafts;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const WalkEntry& file = files[i];
    const auto owner = nearest_root(parent_of(file.relative_path), roots);
    if (owner) {
      auto [it, added] = index_of_root.try_emplace(*owner, drafts.size());
      if (added) {
        ToolDraft draft;
        draft.path = owner->empty() ? "." : *owner;
        draft.markers = folders[*owner];
        drafts.push_back(std::move(draft));
      }
      drafts[it->second].files.push_back(i);
    } else if (grammar_of(file.language) != Grammar::None) {
      ToolDraft draft;
      draft.path = file.relative_path;
      draft.loose_file = true;
      draft.files.push_back(i);
      drafts.push_back(std::move(draft));
    }
  }
  std::vector<std::size_t> order(drafts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return drafts[a].path < drafts[b].path; });
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    for (std::size_t file : drafts[order[rank]].files) out.tool_of_file[file] = static_cast<int>(rank);
    out.tools.push_back(std::move(drafts[order[rank]]));
  }
  return out;
}

std::vector<Owner> read_named_owners(const std::string& tool_dir, bool& shared_by_config,
                                     std::vector<Diagnostic>& diagnostics) {
  std::vector<Owner> owners;
  for (const char* name : {"OWNERS", "CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS"}) {
    const auto text = read_small_file(tool_dir + "/" + name);
    if (!text) continue;
    if (ends_with(name, "CODEOWNERS")) read_codeowners(*text, owners);
    else read_owners_file(*text, owners);
  }
  if (const auto text = read_small_file(tool_dir + "/citizenscan.json")) {
    try {
      const json doc = json::parse(*text);
      if (doc.is_object() && doc.contains("owner")) {
        const json& owner = doc["owner"];
        if (owner.is_string()) add_owner(owners, owner.get<std::string>(), "citizenscan.json");
        else if (owner.is_array()) {
          for (const json& o : owner) {
            if (o.is_string()) add_owner(owners, o.get<std::string>(), "citizenscan.json");
          }
        }
      }
      if (doc.is_object() && doc.value("shared", false)) shared_by_config = true;
    } catch (const json::exception& e) {
      diagnostics.push_back({tool_dir + "/citizenscan.json", DiagnosticLevel::Warning,
                             std::string("cannot read the owner: malformed JSON (") + e.what() + ")"});
    }
  }
  if (const auto text = read_small_file(tool_dir + "/package.json")) {
    try {
      const json doc = json::parse(*text);
      if (doc.is_object() && doc.contains("author")) add_owner(owners, person_from_json(doc["author"]), "package.json");
      if (doc.is_object() && doc.contains("maintainers") && doc["maintainers"].is_array()) {
        for (const json& m : doc["maintainers"]) add_owner(owners, person_from_json(m), "package.json");
      }
    } catch (const json::exception& e) {
      diagnostics.push_back({tool_dir + "/package.json", DiagnosticLevel::Warning,
                             std::string("cannot read author and scripts: malformed JSON (") + e.what() + ")"});
    }
  }
  if (const auto text = read_small_file(tool_dir + "/pyproject.toml")) read_pyproject_people(*text, owners);
  return owners;
}

std::vector<EntryPoint> read_manifest_entry_points(const std::string& tool_dir, const std::string& tool_path) {
  std::vector<EntryPoint> entries;
  const std::string prefix = tool_path == "." ? "" : tool_path + "/";
  if (const auto text = read_small_file(tool_dir + "/package.json")) {
    try {
      const json doc = json::parse(*text);
      if (doc.is_object() && doc.contains("scripts") && doc["scripts"].is_object()) {
        for (const auto& [name, command] : doc["scripts"].items()) {
          if (command.is_string()) {
            entries.push_back({"npm-script", name + ": " + command.get<std::string>(), prefix + "package.json", 0});
          }
        }
      }
      if (doc.is_object() && doc.contains("bin")) {
        const json& bin = doc["bin"];
        if (bin.is_string()) entries.push_back({"console-script", bin.get<std::string>(), prefix + "package.json", 0});
        if (bin.is_object()) {
          for (const auto& [name, target] : bin.items()) {
            if (target.is_string()) {
              entries.push_back({"console-script", name + ": " + target.get<std::string>(), prefix + "package.json", 0});
            }
          }
        }
      }
    } catch (const json::exception&) {
      // read_named_owners reports the malformed file once
    }
  }
  if (const auto text = read_small_file(tool_dir + "/pyproject.toml")) {
    std::istringstream lines(*text);
    std::string line, section;
    while (std::getline(lines, line)) {
      const std::string t = trim(line);
      if (t.rfind('[', 0) == 0) {
        section = t;
        continue;
      }
      if ((section == "[project.scripts]" || section == "[tool.poetry.scripts]") && t.find('=') != std::string::npos &&
          t[0] != '#') {
        std::string name = trim(t.substr(0, t.find('=')));
        std::string target = trim(t.substr(t.find('=') + 1));
        if (target.size() >= 2 && (target.front() == '"' || target.front() == '\'')) target = target.substr(1, target.size() - 2);
        if (name.size() >= 2 && name.front() == '"') name = name.substr(1, name.size() - 2);
        entries.push_back({"console-script", name + ": " + target, prefix + "pyproject.toml", 0});
      }
    }
  }
  return entries;
}

std::optional<AppsScriptManifest> read_apps_script_manifest(const std::string& path, const std::string& relative_path,
                                                            std::vector<Diagnostic>& diagnostics) {
  const auto text = read_small_file(path);
  if (!text) return std::nullopt;
  AppsScriptManifest manifest;
  manifest.relative_path = relative_path;
  manifest.text = *text;
  try {
    const json doc = json::parse(*text);
    if (!doc.is_object()) throw std::runtime_error("the manifest is not a JSON object");
    if (doc.contains("webapp") && doc["webapp"].is_object()) {
      WebApp web;
      web.access = doc["webapp"].value("access", "MYSELF");
      web.execute_as = doc["webapp"].value("executeAs", "USER_DEPLOYING");
      manifest.web_app = web;
    }
    if (doc.contains("oauthScopes") && doc["oauthScopes"].is_array()) {
      manifest.has_oauth_scopes = true;
      for (const json& s : doc["oauthScopes"]) {
        if (s.is_string()) manifest.oauth_scopes.push_back(s.get<std::string>());
      }
    }
    manifest.has_url_fetch_whitelist = doc.contains("urlFetchWhitelist");
  } catch (const std::exception& e) {
    diagnostics.push_back({path, DiagnosticLevel::Warning,
                           std::string("Apps Script manifest not checked: ") + e.what()});
    return std::nullopt;
  }
  return manifest;
}

}  // namespace citizenscan::inventory_detail
