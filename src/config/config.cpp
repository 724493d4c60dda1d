#include "citizenscan/config.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "citizenscan/scan.h"

namespace citizenscan {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr std::string_view kKnownKeys =
    "enable, disable, severity, failOn, orgDomains, include, exclude, piiSensitivity, rulePacks, baseline, "
    "perimeter, handoff";

class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {}

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw ConfigError(path_ + ": " + key + ": " + problem);
  }

  std::string string(const Json& value, const std::string& key) const {
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) fail(key, "must be a non-empty string");
    return value.get<std::string>();
  }

  std::vector<std::string> strings(const Json& value, const std::string& key) const {
    if (!value.is_array()) fail(key, "must be an array of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value.size(); ++i) out.push_back(string(value[i], key + "[" + std::to_string(i) + "]"));
    return out;
  }

  std::string one_of(const Json& value, const std::string& key, std::initializer_list<std::string_view> allowed) const {
    std::string names;
    for (std::string_view name : allowed) names += (names.empty() ? "" : ", ") + std::string(name);
    if (!value.is_string()) fail(key, "must be one of " + names);
    const std::string text = value.get<std::string>();
    for (std::string_view name : allowed) {
      if (text == name) return text;
    }
    fail(key, "'" + text + "' is not one of " + names);
  }

 private:
  const std::string& path_;
};

std::string absolute_in(const std::string& folder, const std::string& path) {
  const fs::path p(path);
  return (p.is_absolute() ? p : fs::path(folder) / p).lexically_normal().string();
}

Perimeter parse_perimeter(const Reader& reader, const Json& value) {
  if (!value.is_object()) reader.fail("perimeter", "must be an object");
  Perimeter out;
  for (const auto& [key, entries] : value.items()) {
    const std::string where = "perimeter." + key;
    std::optional<std::vector<std::string>>* slot = key == "databaseHosts" ? &out.database_hosts
                                                    : key == "domains"       ? &out.domains
                                                    : key == "sheets"        ? &out.sheets
                                                    : key == "driveFolders"  ? &out.drive_folders
                                                    : key == "mailRelays"    ? &out.mail_relays
                                                                             : nullptr;
    if (slot == nullptr) {
      reader.fail(where, "unknown key (known: databaseHosts, domains, sheets, driveFolders, mailRelays)");
    }
    *slot = reader.strings(entries, where);
  }
  return out;
}

HandoffRule parse_handoff(const Reader& reader, const Json& value) {
  if (!value.is_object()) reader.fail("handoff", "must be an object");
  HandoffRule out;
  for (const auto& [key, setting] : value.items()) {
    const std::string where = "handoff." + key;
    if (key == "highSensitivityPii" || key == "webAppBeyondDomain") {
      if (!setting.is_boolean()) reader.fail(where, "must be true or false");
      (key == "highSensitivityPii" ? out.high_sensitivity_pii : out.web_app_beyond_domain) = setting.get<bool>();
    } else if (key == "productionHosts") {
      out.production_hosts = reader.strings(setting, where);
    } else if (key == "maxCommitters") {
      if (!setting.is_number_unsigned() || setting.get<std::uint64_t>() > UINT32_MAX) {
        reader.fail(where, "must be a whole number (0 turns the check off)");
      }
      out.max_committers = setting.get<std::uint32_t>();
    } else {
      reader.fail(where, "unknown key (known: highSensitivityPii, productionHosts, webAppBeyondDomain, maxCommitters)");
    }
  }
  return out;
}

}  // namespace

std::string find_config(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start.empty() ? fs::path(".") : fs::path(start), ec).lexically_normal();
  if (ec) return {};
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    const fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (fs::exists(dir / ".git", ec) || !dir.has_relative_path() || dir == dir.parent_path()) return {};
    dir = dir.parent_path();
  }
}

ProjectConfig load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot read the config file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(path + ": cannot read the config file");
  return parse_config(text.str(), path);
}

ProjectConfig parse_config(std::string_view text, const std::string& path) {
  const Reader reader(path);
  Json doc;
  try {
    doc = Json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const Json::exception& e) {  // a syntax error, or a number too large (out_of_range)
    // nlohmann's message carries the line and column; drop its "[json.exception...]" prefix.
    std::string what = e.what();
    if (const auto end = what.find("] "); what.rfind("[json.exception", 0) == 0 && end != std::string::npos) {
      what = what.substr(end + 2);
    }
    throw ConfigError(path + ": not valid JSON: " + what);
  }
  if (!doc.is_object()) throw ConfigError(path + ": must be a JSON object ({...})");

  ProjectConfig config;
  std::error_code ec;
  config.path = path;
  config.folder = fs::absolute(fs::path(path), ec).lexically_normal().parent_path().string();
  for (const auto& [key, value] : doc.items()) {
    if (key == "enable") {
      config.enable = reader.strings(value, key);
    } else if (key == "disable") {
      config.disable = reader.strings(value, key);
    } else if (key == "severity") {
      if (!value.is_object()) reader.fail(key, "must be an object mapping a pack or rule id to error, warning or note");
      for (const auto& [selector, level] : value.items()) {
        const std::string name = reader.one_of(level, key + "." + selector, {"error", "warning", "note"});
        config.severity.emplace_back(selector, *severity_from_name(name));
      }
    } else if (key == "failOn") {
      config.fail_on = reader.one_of(value, key, {"error", "warning", "note", "none"});
    } else if (key == "orgDomains") {
      const auto domains = reader.strings(value, key);
      for (std::size_t i = 0; i < domains.size(); ++i) {
        auto normalized = normalize_org_domain(domains[i]);
        if (!normalized) reader.fail(key + "[" + std::to_string(i) + "]", "'" + domains[i] + "' is not a domain name");
        config.org_domains.push_back(std::move(*normalized));
      }
    } else if (key == "include") {
      config.include = reader.strings(value, key);
    } else if (key == "exclude") {
      config.exclude = reader.strings(value, key);
    } else if (key == "piiSensitivity") {
      const std::string name = reader.one_of(value, key, {"low", "medium", "high"});
      config.pii_sensitivity = name == "low" ? PiiSensitivity::Low
                               : name == "high" ? PiiSensitivity::High
                                                : PiiSensitivity::Medium;
    } else if (key == "rulePacks") {
      for (const std::string& pack : reader.strings(value, key)) config.rule_packs.push_back(absolute_in(config.folder, pack));
    } else if (key == "baseline") {
      config.baseline = absolute_in(config.folder, reader.string(value, key));
    } else if (key == "perimeter") {
      config.perimeter = parse_perimeter(reader, value);
    } else if (key == "handoff") {
      config.handoff = parse_handoff(reader, value);
    } else {
      reader.fail(key, "unknown key (known: " + std::string(kKnownKeys) + ")");
    }
  }
  return config;
}

RuleSelection select_rules(const ProjectConfig& config, const std::vector<RuleInfo>& rules) {
  const Reader reader(config.path);
  // Specificity of `selector` for `rule`: 2 for its id, 1 for its pack, 0 for no match.
  auto specificity = [](const std::string& selector, const RuleInfo& rule) {
    if (selector == rule.id) return 2;
    if (selector == rule.pack) return 1;
    return 0;
  };
  auto check_known = [&](const std::string& selector, const std::string& key) {
    for (const RuleInfo& rule : rules) {
      if (specificity(selector, rule) > 0) return;
    }
    reader.fail(key, "no loaded pack or rule is called '" + selector + "' (see `citizenscan rules`)");
  };
  auto best = [&](const std::vector<std::string>& selectors, const RuleInfo& rule) {
    int found = 0;
    for (const std::string& selector : selectors) found = std::max(found, specificity(selector, rule));
    return found;
  };
  for (std::size_t i = 0; i < config.enable.size(); ++i) check_known(config.enable[i], "enable[" + std::to_string(i) + "]");
  for (std::size_t i = 0; i < config.disable.size(); ++i) check_known(config.disable[i], "disable[" + std::to_string(i) + "]");
  for (const auto& [selector, level] : config.severity) check_known(selector, "severity." + selector);

  RuleSelection selection;
  selection.enabled.resize(rules.size());
  selection.level.resize(rules.size());
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const int on = config.enable.empty() ? 0 : best(config.enable, rules[r]);
    const int off = best(config.disable, rules[r]);
    selection.enabled[r] = config.enable.empty() ? off == 0 : (on > 0 && on > off);
    int level_specificity = 0;
    for (const auto& [selector, level] : config.severity) {
      const int s = specificity(selector, rules[r]);
      if (s > 0 && s >= level_specificity) {
        selection.level[r] = level;
        level_specificity = s;
      }
    }
  }
  return selection;
}

std::string starter_config() {
  return R"(// citizenscan project configuration: JSON with comments. Every key is optional; an unknown key or
// a wrong type stops the scan with an error naming the key. Paths and globs are relative to this
// file's folder. `citizenscan rules` lists the packs and rule ids.
{
  // Only these packs or rules run (leave out to run every rule):
  // "enable": ["credentials", "pii", "personal-email", "db-loops"],

  // Packs or rules to turn off. A rule id wins over its pack: "disable": ["db-loops"] with
  // "enable": ["db-loops/query-in-loop"] keeps that one rule.
  "disable": [],

  // Report a pack's or a rule's findings at another level: error, warning or note.
  "severity": {
    // "personal-email/apps-script-mail-send": "warning"
  },

  // Exit with 1 when a finding at or above this level remains: error, warning, note (any) or none.
  "failOn": "warning",

  // The organisation's own mail domains; mail to any other domain counts as external.
  "orgDomains": [],

  // gitignore-style globs (.gitignore is honoured as well).
  "exclude": ["vendor/", "**/node_modules/"],
  // "include": ["src/**"],

  // Extra rule packs: JSON files, or folders of them.
  "rulePacks": [],

  // Findings accepted when adopting the scanner; `citizenscan baseline create` writes the file.
  // "baseline": ".citizenscan-baseline.json",

  // How much personal data the pii rules consider: low, medium or high.
  "piiSensitivity": "medium"
}
)";
}

std::string precommit_config_snippet() {
  // The hook of this repository's .pre-commit-hooks.yaml (a test keeps the two equal), as a local
  // hook: with `language: system` the citizenscan on PATH does the work either way, and a local
  // hook needs no network and no published repository to install from.
  return "# citizenscan on every commit (https://pre-commit.com): run `pre-commit install` once.\n"
         "# A local hook: the citizenscan binary on PATH scans what the commit stages; nothing is\n"
         "# downloaded. Where your organisation hosts citizenscan's repository, the same hook is\n"
         "# `- repo: <its URL>` with `rev: <a tag>` and `hooks: [{id: citizenscan}]`.\n"
         "repos:\n"
         "  - repo: local\n"
         "    hooks:\n"
         "      - id: citizenscan\n"
         "        name: citizenscan\n"
         "        entry: citizenscan scan --staged\n"
         "        language: system\n"
         "        pass_filenames: false\n"
         "        require_serial: true\n"
         "        files: '" + std::string(kPrecommitFiles) + "'\n";
}

}  // namespace citizenscan
