// The pre-commit hook this repository publishes (.pre-commit-hooks.yaml) and the entry `citizenscan
// init` writes for it.
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "citizenscan/config.h"
#include "citizenscan/walk.h"

namespace citizenscan {
namespace {

std::string hooks_file() {
  std::ifstream in(CITIZENSCAN_SOURCE_DIR "/.pre-commit-hooks.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The value of `  key: value` in the hook (single quotes removed).
std::string hook_value(const std::string& hooks, const std::string& key) {
  const std::string marker = "\n  " + key + ": ";
  const std::size_t at = hooks.find(marker);
  if (at == std::string::npos) return "";
  const std::size_t start = at + marker.size();
  std::string value = hooks.substr(start, hooks.find('\n', start) - start);
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') value = value.substr(1, value.size() - 2);
  return value;
}

TEST(Precommit, HookScansTheStagedChangeSerially) {
  const std::string hooks = hooks_file();
  ASSERT_NE(hooks.find("- id: citizenscan\n"), std::string::npos) << hooks;
  EXPECT_EQ(hook_value(hooks, "entry"), "citizenscan scan --staged");
  EXPECT_EQ(hook_value(hooks, "language"), "system");
  EXPECT_EQ(hook_value(hooks, "pass_filenames"), "false");
  EXPECT_EQ(hook_value(hooks, "require_serial"), "true");
}

// pre-commit runs the hook only when a staged file matches `files`: every name the scanner gives a
// language must match (Apps Script .gs above all: pre-commit has no type for it), others must not.
TEST(Precommit, FilesPatternMatchesExactlyTheNamesTheScannerReads) {
  const std::string pattern = hook_value(hooks_file(), "files");
  ASSERT_FALSE(pattern.empty());
  const RE2 files(pattern);
  ASSERT_TRUE(files.ok()) << files.error();
  for (const char* name : {"Code.gs", "tools/report/Main.GS", "app.py", "gui.pyw", "web/index.js", "lib/a.mjs",
                           "b.cjs", "App.jsx", "db/schema.sql", "appsscript.json", ".clasp.json", "conf.yaml",
                           "ci.yml", "setup.cfg", "app.ini", "nginx.conf", "app.properties", "pyproject.toml",
                           "analysis.ipynb", ".env", "deploy/.env.production", "prod.env", "SETTINGS.PY"}) {
    EXPECT_TRUE(detect_language(name, false).has_value()) << name;
    EXPECT_TRUE(RE2::PartialMatch(name, files)) << name;
  }
  for (const char* name : {"README.md", "logo.png", "Makefile", "src/main.c", "notes.txt", ".envrc", "x.json5",
                           "env/readme.md"}) {
    EXPECT_FALSE(detect_language(name, false).has_value()) << name;
    EXPECT_FALSE(RE2::PartialMatch(name, files)) << name;
  }
}

// `citizenscan init` writes the published hook as a local one: same entry, language, file names.
TEST(Precommit, InitSnippetIsThisRepositorysHookAsALocalHook) {
  const std::string snippet = precommit_config_snippet();
  const std::string hooks = hooks_file();
  EXPECT_NE(snippet.find("  - repo: local\n"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("      - id: citizenscan\n"), std::string::npos) << snippet;
  for (const char* key : {"name", "entry", "language", "pass_filenames", "require_serial", "files"}) {
    const std::string line = std::string("\n        ") + key + ": ";
    const std::size_t at = snippet.find(line);
    ASSERT_NE(at, std::string::npos) << key << " missing in\n" << snippet;
    std::string value = snippet.substr(at + line.size(), snippet.find('\n', at + line.size()) - at - line.size());
    if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') value = value.substr(1, value.size() - 2);
    EXPECT_EQ(value, hook_value(hooks, key)) << key;
  }
  EXPECT_EQ(hook_value(hooks, "files"), kPrecommitFiles);
}

}  // namespace
}  // namespace citizenscan
