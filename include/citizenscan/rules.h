// rules: rule packs as data. A pack is one JSON file (rules/<pack>.json); the four built-in packs are
// compiled into the binary and `--rules PATH` adds more.
//
//   citizenscan::RuleSet rules = citizenscan::RuleSet::load_builtin_and({"extra/my-pack.json"});
//   for (const citizenscan::RuleInfo& rule : rules.infos()) std::cout << rule.id << '\n';
//
// Loading validates everything up front (JSON shape, unique ids, every tree-sitter query, every
// predicate, every RE2 pattern) and throws RuleLoadError naming the file, the rule id and the
// problem (with the byte offset inside a query); the CLI turns it into exit code 2. One exception:
// when only the built-in packs are loaded, their tree-sitter queries are compiled per grammar and
// their regexes per rule on first use (a pre-commit run on two Python files never pays for the
// JavaScript and SQL queries, nor for the patterns of rules whose literals none of its files
// contain); the test suite compiles all of them.
// The format is documented in docs/rule-format.md.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citizenscan/core.h"

namespace citizenscan {

// How much personal data the pii rules should consider (config `piiSensitivity`): "low" the most
// sensitive kinds only, "high" weaker identifiers too. A matcher with "sensitivity" runs only when
// the scan's level is at least its own.
enum class PiiSensitivity : std::uint8_t { Low, Medium, High };

// What a rule is, as reports and `citizenscan rules` show it. No matcher internals here.
struct RuleInfo {
  std::string id;    // "<pack>/<kebab-name>", stable forever
  std::string pack;  // "credentials" | "pii" | "personal-email" | "db-loops" | custom
  std::string name;  // PascalCase, SARIF rule name
  std::string short_description;
  std::string full_description;
  std::string help_markdown;
  Severity severity = Severity::Warning;
  std::optional<Severity> test_severity;  // the level in test files ("testSeverity"), if it differs
  double security_severity = 5.0;  // 0.0-10.0, GitHub's security-severity
  std::vector<std::string> cwe;    // "CWE-798"
  std::string precision;           // "very-high" | "high" | "medium" | "low"
  std::vector<Language> languages;
  std::vector<std::string> tags;
  std::string source;  // "builtin:credentials.json" or the pack's path
  std::string computed_by;  // "inventory": found by a whole-tool analysis, not by per-file matchers
};

class RuleLoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {
struct CompiledRules;  // matchers: queries, regexes, prefilter; see src/rules/
}

class RuleSet {
 public:
  // The built-in packs plus packs read from `extra_paths` (files, or directories of *.json).
  // `more_packs` (source name, JSON text) are loaded after the built-in packs, before extra_paths.
  static RuleSet load_builtin_and(const std::vector<std::string>& extra_paths, bool include_builtin = true,
                                  const std::vector<std::pair<std::string, std::string>>& more_packs = {});
  // Packs from JSON text only (tests); `source` names them in errors.
  static RuleSet load_from_texts(const std::vector<std::pair<std::string, std::string>>& sources);

  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  const std::vector<RuleInfo>& infos() const;
  const RuleInfo* find(std::string_view id) const;
  const detail::CompiledRules& compiled() const { return *compiled_; }
  // Compiles every query and regex now, if loading left any for later (the built-in packs
  // alone); throws RuleLoadError for one that does not compile.
  void compile_matchers() const;

 private:
  explicit RuleSet(std::unique_ptr<detail::CompiledRules> compiled);
  static RuleSet load(const std::vector<std::pair<std::string, std::string>>& sources, bool compile_now);
  std::unique_ptr<detail::CompiledRules> compiled_;
};

}  // namespace citizenscan
