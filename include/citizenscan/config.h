// config: the project file `.citizenscan.json` (JSON; `//` and `/* */` comments allowed).
//
//   std::string path = citizenscan::find_config("/repo/tools");   // "/repo/.citizenscan.json" or ""
//   citizenscan::ProjectConfig config = citizenscan::load_config(path);   // throws ConfigError
//   citizenscan::RuleSelection selection = citizenscan::select_rules(config, rules.infos());
//
// Every key is checked: an unknown key, a wrong type or a bad value is a ConfigError whose message
// starts with the file and the key path (`.citizenscan.json: severity.pii/pii-in-log: ...`); the
// CLI turns it into exit code 2. Paths in the file (rule packs, baseline) are relative to the
// file's folder, and so are its include/exclude globs: the folder becomes the scan root.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citizenscan/core.h"
#include "citizenscan/rules.h"
#include "citizenscan/scan.h"

namespace citizenscan {

inline constexpr std::string_view kConfigFileName = ".citizenscan.json";

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `perimeter` (read by `citizenscan inventory`): approved data stores and hosts. A write or send
// to a store of a listed kind that matches no entry is a `program/outside-perimeter` finding. A
// kind the config does not list is not checked; a kind listed with no entries allows nothing.
struct Perimeter {
  std::optional<std::vector<std::string>> database_hosts;  // "finance-db.internal", "*.corp.example.com"
  std::optional<std::vector<std::string>> domains;         // HTTP hosts: "example.com" covers its subdomains
  std::optional<std::vector<std::string>> sheets;          // spreadsheet ids
  std::optional<std::vector<std::string>> drive_folders;   // Drive folder or file ids
  std::optional<std::vector<std::string>> mail_relays;     // SMTP hosts, nodemailer services, "MailApp", "GmailApp"
};

// `handoff` (read by `citizenscan inventory`): when a tool "needs engineering ownership". Each
// condition that holds is a reason.
struct HandoffRule {
  bool high_sensitivity_pii = true;                // government ids, payment or health data
  std::vector<std::string> production_hosts;       // database host patterns that mean production
  bool web_app_beyond_domain = true;               // web-app access ANYONE or ANYONE_ANONYMOUS
  std::uint32_t max_committers = 3;                // more committers than this; 0 = not checked
};

struct ProjectConfig {
  std::string path;    // the file read ("" when there is none)
  std::string folder;  // its folder, absolute: the base of every relative path below
  // Selectors are pack names ("pii") or rule ids ("pii/pii-in-log"). See select_rules.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::vector<std::pair<std::string, Severity>> severity;  // selector -> level, in file order
  std::optional<std::string> fail_on;                      // "error" | "warning" | "note" | "none"
  std::vector<std::string> org_domains;                    // normalized
  std::vector<std::string> include;                        // globs relative to `folder`
  std::vector<std::string> exclude;
  std::optional<PiiSensitivity> pii_sensitivity;
  std::vector<std::string> rule_packs;  // absolute
  std::optional<std::string> baseline;  // absolute
  std::optional<Perimeter> perimeter;   // none: the inventory lists every sink and checks none
  HandoffRule handoff;
};

// `.citizenscan.json` in `start` or the nearest folder above it; the search stops after a folder
// that holds `.git` (the repository root), so a file outside the repository never applies.
std::string find_config(const std::string& start);

// Reads and validates a config file (ConfigError on any problem).
ProjectConfig load_config(const std::string& path);
// The same from text; `path` names the file in errors and anchors relative paths.
ProjectConfig parse_config(std::string_view text, const std::string& path);

// Which rules run and at which level, per index of `rules`. Without `enable` every rule runs;
// with it only the rules it selects. `disable` then turns rules off. A rule id is more specific
// than its pack, and the more specific selector wins (`"disable": ["credentials"], "enable":
// ["credentials/private-key"]` keeps that one rule); at equal specificity disable wins. A selector
// naming no loaded pack or rule is a ConfigError, so a typo never silently turns nothing off.
RuleSelection select_rules(const ProjectConfig& config, const std::vector<RuleInfo>& rules);

// What `citizenscan init` writes: a commented starter config and a pre-commit hook entry.
std::string starter_config();
std::string precommit_config_snippet();
// The names pre-commit runs the hook for: every file name the scanner gives a language.
inline constexpr std::string_view kPrecommitFiles =
    R"((?i)(\.(py|pyw|js|mjs|cjs|jsx|gs|sql|json|ya?ml|ini|cfg|conf|properties|toml|ipynb|env)|(^|/)\.env(\.[^/]*)?)$)";

}  // namespace citizenscan
