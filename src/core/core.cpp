#include "citizenscan/core.h"

#include <array>
#include <tuple>

namespace citizenscan {
namespace {

struct LanguageInfo {
  Language language;
  std::string_view name;
  std::string_view display;
  Grammar grammar;
};

constexpr std::array<LanguageInfo, kLanguageCount> kLanguages{{
    {Language::Python, "python", "Python", Grammar::Python},
    {Language::JavaScript, "javascript", "JavaScript", Grammar::JavaScript},
    {Language::AppsScript, "appsscript", "Apps Script", Grammar::JavaScript},
    {Language::Sql, "sql", "SQL", Grammar::Sql},
    {Language::Env, "env", ".env file", Grammar::None},
    {Language::Json, "json", "JSON", Grammar::None},
    {Language::Yaml, "yaml", "YAML", Grammar::None},
    {Language::Ini, "ini", "INI/CFG", Grammar::None},
    {Language::Toml, "toml", "TOML", Grammar::None},
    {Language::Properties, "properties", ".properties file", Grammar::None},
    {Language::Notebook, "notebook", "Jupyter notebook", Grammar::None},
}};

}  // namespace

std::string_view language_name(Language language) {
  return kLanguages[static_cast<std::size_t>(language)].name;
}

std::string_view language_display_name(Language language) {
  return kLanguages[static_cast<std::size_t>(language)].display;
}

std::optional<Language> language_from_name(std::string_view name) {
  for (const auto& info : kLanguages) {
    if (info.name == name) return info.language;
  }
  return std::nullopt;
}

Grammar grammar_of(Language language) {
  return kLanguages[static_cast<std::size_t>(language)].grammar;
}

std::string_view grammar_name(Grammar grammar) {
  switch (grammar) {
    case Grammar::Python: return "python";
    case Grammar::JavaScript: return "javascript";
    case Grammar::Sql: return "sql";
    case Grammar::None: break;
  }
  return "none";
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "warning";
}

std::optional<Severity> severity_from_name(std::string_view name) {
  if (name == "note") return Severity::Note;
  if (name == "warning") return Severity::Warning;
  if (name == "error") return Severity::Error;
  return std::nullopt;
}

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.relative_path, a.path, a.region.start_line, a.region.start_column, a.rule_id,
                  a.region.end_line, a.region.end_column, a.message) <
         std::tie(b.relative_path, b.path, b.region.start_line, b.region.start_column, b.rule_id,
                  b.region.end_line, b.region.end_column, b.message);
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.path, a.message) < std::tie(b.path, b.message);
}

}  // namespace citizenscan
