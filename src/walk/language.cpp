// Which language a file is in, from its name alone (the walk never opens files).
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "citizenscan/walk.h"

namespace citizenscan {
namespace {

// Extensions are compared lowercased, so "REPORT.PY" and "Code.GS" are found too.
constexpr std::array<std::pair<std::string_view, Language>, 18> kExtensions{{
    {"py", Language::Python},
    {"pyw", Language::Python},
    {"js", Language::JavaScript},
    {"mjs", Language::JavaScript},
    {"cjs", Language::JavaScript},
    {"jsx", Language::JavaScript},
    {"gs", Language::AppsScript},
    {"sql", Language::Sql},
    {"json", Language::Json},
    {"yaml", Language::Yaml},
    {"yml", Language::Yaml},
    {"ini", Language::Ini},
    {"cfg", Language::Ini},
    {"conf", Language::Ini},
    {"properties", Language::Properties},
    {"toml", Language::Toml},
    {"ipynb", Language::Notebook},
    {"env", Language::Env},  // "prod.env"; ".env" and ".env.*" are handled by name below
}};

// Generated dependency locks: large, machine-written, and full of hashes that look like secrets.
constexpr std::array<std::string_view, 2> kSkippedNames{"package-lock.json", "npm-shrinkwrap.json"};

std::string ascii_lowercase(std::string_view text) {
  std::string lower(text);
  std::ranges::transform(lower, lower.begin(),
                         [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return lower;
}

}  // namespace

std::optional<Language> detect_language(std::string_view file_name, bool in_clasp_project) {
  const std::size_t slash = file_name.rfind('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  const std::string name = ascii_lowercase(file_name);

  if (std::ranges::find(kSkippedNames, name) != kSkippedNames.end()) return std::nullopt;
  // dotenv files: ".env", ".env.production", ".env.local"...
  if (name == ".env" || name.starts_with(".env.")) return Language::Env;

  const std::size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return std::nullopt;  // "Makefile", ".bashrc"
  const std::string_view extension = std::string_view(name).substr(dot + 1);
  for (const auto& [known, language] : kExtensions) {
    if (known != extension) continue;
    // clasp pushes plain .js files of an Apps Script project, so they run on Google's servers.
    if (language == Language::JavaScript && in_clasp_project) return Language::AppsScript;
    return language;
  }
  return std::nullopt;
}

bool is_test_path(std::string_view relative_path) {
  const std::string path = ascii_lowercase(relative_path);
  static constexpr std::array<std::string_view, 9> kTestFolders{
      "test", "tests", "__tests__", "spec", "specs", "testing", "testdata", "fixtures", "__fixtures__"};
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::string_view part = std::string_view(path).substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (slash == std::string::npos) {  // the file name
      const std::size_t dot = part.rfind('.');
      const std::string_view stem = part.substr(0, dot);
      return stem.starts_with("test_") || stem.ends_with("_test") || stem.ends_with(".test") ||
             stem.ends_with(".spec") || stem == "conftest";
    }
    if (std::ranges::find(kTestFolders, part) != kTestFolders.end()) return true;
    start = slash + 1;
  }
}

}  // namespace citizenscan
