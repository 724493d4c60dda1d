// Unit tests of the walk stage: each test builds its own tree under the temp folder, named after
// the test, and removes it afterwards.
#include "citizenscan/walk.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace citizenscan {
namespace {

namespace fs = std::filesystem;

class TempTree {
 public:
  TempTree() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("citizenscan-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
             std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    root_ = fs::canonical(root_);
  }
  ~TempTree() {
    std::error_code error;
    fs::remove_all(root_, error);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const fs::path& root() const { return root_; }
  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

  void write(const std::string& relative, std::string_view content = "x = 1\n") const {
    const fs::path file = root_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
  void folder(const std::string& relative) const { fs::create_directories(root_ / relative); }
  void link(const std::string& relative, const fs::path& points_to) const {
    fs::create_directories((root_ / relative).parent_path());
    fs::create_symlink(points_to, root_ / relative);
  }

 private:
  fs::path root_;
};

// Restores the working directory when a test that changes it ends, even on failure.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& folder) : saved_(fs::current_path()) {
    fs::current_path(folder);
  }
  ~WorkingDirectory() {
    std::error_code error;
    fs::current_path(saved_, error);
  }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

 private:
  fs::path saved_;
};

std::vector<std::string> relative_paths(const WalkResult& result) {
  std::vector<std::string> paths;
  for (const WalkEntry& entry : result.files) paths.push_back(entry.relative_path);
  return paths;
}

std::vector<std::string> user_paths(const WalkResult& result) {
  std::vector<std::string> paths;
  for (const WalkEntry& entry : result.files) paths.push_back(entry.path);
  return paths;
}

WalkResult walk_tree(const TempTree& tree, WalkOptions options = {}) {
  options.targets = {tree.root().string()};
  return walk(options);
}

// Diagnostics rendered one per line, so a failure shows all of them.
std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics) {
    text += std::string(diagnostic.level == DiagnosticLevel::Note      ? "note"
                        : diagnostic.level == DiagnosticLevel::Warning ? "warning"
                                                                       : "error") +
            " " + diagnostic.path + ": " + diagnostic.message + "\n";
  }
  return text;
}

bool has_diagnostic(const WalkResult& result, DiagnosticLevel level, const std::string& path,
                    const std::string& message_part) {
  return std::ranges::any_of(result.diagnostics, [&](const Diagnostic& diagnostic) {
    return diagnostic.level == level && diagnostic.path == path &&
           diagnostic.message.find(message_part) != std::string::npos;
  });
}

// ---------------------------------------------------------------------------------------------
// Language detection

TEST(DetectLanguage, NamesAndExtensions) {
  struct Case {
    std::string_view name;
    bool clasp;
    std::optional<Language> expected;
  };
  const std::vector<Case> cases = {
      {"report.py", false, Language::Python},
      {"tool.PYW", false, Language::Python},
      {"scripts/deep/report.py", false, Language::Python},
      {"app.js", false, Language::JavaScript},
      {"app.js", true, Language::AppsScript},
      {"module.mjs", false, Language::JavaScript},
      {"module.mjs", true, Language::AppsScript},
      {"lib.cjs", false, Language::JavaScript},
      {"View.JSX", false, Language::JavaScript},
      {"bundle.min.js", false, Language::JavaScript},
      {"Code.gs", false, Language::AppsScript},
      {"schema.SQL", false, Language::Sql},
      {".env", false, Language::Env},
      {".ENV", false, Language::Env},
      {".env.production", false, Language::Env},
      {".env.local", false, Language::Env},
      {"config/prod.env", false, Language::Env},
      {"config.json", false, Language::Json},
      {"appsscript.json", true, Language::Json},
      {"package-lock.json", false, std::nullopt},
      {"web/npm-shrinkwrap.json", false, std::nullopt},
      {"ci.yaml", false, Language::Yaml},
      {"ci.YML", false, Language::Yaml},
      {"php.ini", false, Language::Ini},
      {"setup.cfg", false, Language::Ini},
      {"nginx.conf", false, Language::Ini},
      {"app.properties", false, Language::Properties},
      {"pyproject.toml", false, Language::Toml},
      {"analysis.ipynb", false, Language::Notebook},
      {"README.md", false, std::nullopt},
      {"Makefile", false, std::nullopt},
      {"index.ts", true, std::nullopt},
      {"yarn.lock", false, std::nullopt},
      {".envrc", false, std::nullopt},
      {"environment", false, std::nullopt},
      {".py", false, std::nullopt},
      {"", false, std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(detect_language(c.name, c.clasp), c.expected)
        << "file name: \"" << c.name << "\" clasp: " << c.clasp;
  }
}

TEST(WalkClasp, JavaScriptInsideAClaspProjectIsAppsScript) {
  TempTree tree;
  tree.write("web/app.js");
  tree.write("gas/appsscript.json", "{}");
  tree.write("gas/Main.gs");
  tree.write("gas/src/Code.js");
  tree.write("clasp2/.clasp.json", "{\"scriptId\": \"x\"}");
  tree.write("clasp2/lib/util.mjs");

  const WalkResult result = walk_tree(tree);
  std::map<std::string, Language> languages;
  for (const WalkEntry& entry : result.files) languages[entry.relative_path] = entry.language;
  EXPECT_EQ(languages["web/app.js"], Language::JavaScript);
  EXPECT_EQ(languages["gas/Main.gs"], Language::AppsScript);
  EXPECT_EQ(languages["gas/src/Code.js"], Language::AppsScript);
  EXPECT_EQ(languages["gas/appsscript.json"], Language::Json);
  EXPECT_EQ(languages["clasp2/lib/util.mjs"], Language::AppsScript);

  // Targets below the project folder still see its marker (ancestors up to the root).
  WalkOptions options;
  options.root = tree.root().string();
  options.targets = {tree.path("gas/src/Code.js"), tree.path("gas/src"), tree.path("web/app.js")};
  const WalkResult targeted = walk(options);
  ASSERT_EQ(relative_paths(targeted),
            (std::vector<std::string>{"gas/src/Code.js", "web/app.js"}))
      << describe(targeted.diagnostics);
  EXPECT_EQ(targeted.files[0].language, Language::AppsScript);
  EXPECT_EQ(targeted.files[1].language, Language::JavaScript);

  options.targets = {tree.path("gas/src")};
  const WalkResult folder_target = walk(options);
  ASSERT_EQ(folder_target.files.size(), 1U);
  EXPECT_EQ(folder_target.files[0].language, Language::AppsScript);
}

// ---------------------------------------------------------------------------------------------
// Ignore files

void make_ignore_tree(const TempTree& tree) {
  tree.write(".gitignore",
             "# generated protobuf code\n"
             "*_pb2.py\n"
             "!keep_pb2.py\n"
             "\n"
             "out.py/\n"
             "/top.py\n"
             "docs/*.py\n"
             "\\#hash.py\n"
             "trailing.py   \n"
             "**/deep/x.py\n"
             "cache/**\n"
             "both.py\n"
             "!rescued.py\r\n");
  tree.write(".ignore", "from_dot_ignore.py\n!both.py\n");
  tree.write(".git/info/exclude", "excluded_by_info.py\nrescued.py\n");
  tree.write(".git/config.py");
  tree.write(".hg/store.py");
  tree.write(".svn/entries.py");
  tree.write("sub/.gitignore", "!*_pb2.py\nlocal.py\n/gen/\nnested/b.py\n");

  for (const char* file : {
           "main.py", "keep_pb2.py", "a_pb2.py", "out.py", "x/out.py/inner.py", "top.py",
           "sub/top.py", "docs/a.py", "docs/deeper/b.py", "#hash.py", "trailing.py", "deep/x.py",
           "a/b/deep/x.py", "cache/c.py", "both.py", "rescued.py", "from_dot_ignore.py",
           "excluded_by_info.py", "local.py", "sub/local.py", "sub/keep_pb2.py", "sub/b_pb2.py",
           "sub/gen/g.py", "sub/x/gen/g.py", "sub/nested/b.py", "nested/b.py"}) {
    tree.write(file);
  }
}

TEST(WalkIgnore, GitignoreNegationDirectoryOnlyAnchoredAndNested) {
  TempTree tree;
  make_ignore_tree(tree);
  const WalkResult result = walk_tree(tree);
  const std::vector<std::string> expected = {
      "both.py",          // .gitignore ignores it, the .ignore beside it re-includes it
      "docs/deeper/b.py", // "docs/*.py": '*' stops at '/'
      "keep_pb2.py",      // "!keep_pb2.py" after "*_pb2.py"
      "local.py",         // sub/.gitignore's "local.py" only applies below sub/
      "main.py",
      "nested/b.py",      // "nested/b.py" in sub/.gitignore is anchored to sub/
      "out.py",           // "out.py/" matches folders only
      "rescued.py",       // .gitignore's "!rescued.py" outranks .git/info/exclude
      "sub/b_pb2.py",     // the deeper "!*_pb2.py" wins
      "sub/keep_pb2.py",
      "sub/top.py",       // "/top.py" is anchored to the root
      "sub/x/gen/g.py",   // "/gen/" is anchored to sub/
  };
  EXPECT_EQ(relative_paths(result), expected) << describe(result.diagnostics);
  EXPECT_TRUE(result.diagnostics.empty()) << describe(result.diagnostics);
  // Ignored one by one (folders pruned whole are not counted): a_pb2, top, docs/a, #hash,
  // trailing, deep/x, a/b/deep/x, cache/c, from_dot_ignore, excluded_by_info, sub/local,
  // sub/nested/b.
  EXPECT_EQ(result.stats.skipped_ignored, 12U);
}

TEST(WalkIgnore, NoIgnoreFilesWalksEverythingButVcsFolders) {
  TempTree tree;
  make_ignore_tree(tree);
  WalkOptions options;
  options.respect_ignore_files = false;
  const WalkResult result = walk_tree(tree, options);
  const std::vector<std::string> paths = relative_paths(result);
  EXPECT_EQ(paths.size(), 26U);
  for (const char* ignored : {"a_pb2.py", "x/out.py/inner.py", "cache/c.py", "sub/gen/g.py",
                              "from_dot_ignore.py", "excluded_by_info.py"}) {
    EXPECT_NE(std::ranges::find(paths, ignored), paths.end()) << ignored;
  }
  for (const std::string& path : paths) {
    EXPECT_FALSE(path.starts_with(".git/") || path.starts_with(".hg/") ||
                 path.starts_with(".svn/"))
        << path;
  }
  EXPECT_EQ(result.stats.skipped_ignored, 0U);
}

TEST(WalkIgnore, RulesAboveAFolderTargetApplyUpToTheRepositoryRoot) {
  TempTree tree;
  tree.folder("repo/.git");
  tree.write("repo/.gitignore", "src/generated/\n*.local.py\n");
  tree.write("repo/src/app.py");
  tree.write("repo/src/settings.local.py");
  tree.write("repo/src/generated/api.py");
  // Rules above the repository root do not apply inside it.
  tree.write(".gitignore", "app.py\n");

  WalkOptions options;
  options.targets = {tree.path("repo/src")};
  const WalkResult result = walk(options);
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"app.py"}))
      << describe(result.diagnostics);
  EXPECT_EQ(result.root, tree.path("repo/src"));
}

TEST(WalkIgnore, OuterGitignoreStopsAtANestedRepository) {
  TempTree tree;
  tree.write(".gitignore", "*.gen.py\n");
  tree.write(".ignore", "*.tmp.py\n");
  tree.write("outer.gen.py");
  tree.write("outer.py");
  tree.folder("vendored/.git");
  tree.write("vendored/inner.gen.py");
  tree.write("vendored/inner.tmp.py");

  const WalkResult result = walk_tree(tree);
  EXPECT_EQ(relative_paths(result),
            (std::vector<std::string>{"outer.py", "vendored/inner.gen.py"}));
}

// ---------------------------------------------------------------------------------------------
// --include / --exclude and glob_match

TEST(WalkGlobs, IncludeAndExclude) {
  TempTree tree;
  for (const char* file : {"src/app.py", "src/app.test.js", "vendor/lib.js", "vendor/sub/x.py",
                           "db/schema.sql", "tools/run.py", "tools/build.py"}) {
    tree.write(file);
  }
  auto walk_with = [&tree](std::vector<std::string> include, std::vector<std::string> exclude) {
    WalkOptions options;
    options.include_globs = std::move(include);
    options.exclude_globs = std::move(exclude);
    return relative_paths(walk_tree(tree, options));
  };
  using Paths = std::vector<std::string>;
  EXPECT_EQ(walk_with({}, {"vendor/", "*.test.js"}),
            (Paths{"db/schema.sql", "src/app.py", "tools/build.py", "tools/run.py"}));
  EXPECT_EQ(walk_with({"src", "*.sql"}, {}),
            (Paths{"db/schema.sql", "src/app.py", "src/app.test.js"}));
  EXPECT_EQ(walk_with({"src/**"}, {"*.test.js"}), (Paths{"src/app.py"}));
  EXPECT_EQ(walk_with({"**/*.py"}, {"tools/*", "!tools/run.py"}),
            (Paths{"src/app.py", "tools/run.py", "vendor/sub/x.py"}));

  WalkOptions options;
  options.exclude_globs = {"vendor"};
  const WalkResult result = walk_tree(tree, options);
  EXPECT_EQ(result.stats.skipped_ignored, 0U);  // the folder was pruned, its files never seen
  EXPECT_EQ(result.stats.files_seen, 5U);
}

TEST(GlobMatch, GitignoreSyntax) {
  struct Case {
    std::string_view pattern;
    std::string_view path;
    bool is_directory;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"*.py", "a.py", false, true},
      {"*.py", "src/deep/a.py", false, true},
      {"*.py", "a.pyc", false, false},
      {"/a.py", "a.py", false, true},
      {"/a.py", "src/a.py", false, false},
      {"src/*.py", "src/a.py", false, true},
      {"src/*.py", "src/x/a.py", false, false},
      {"src/**/*.py", "src/a.py", false, true},
      {"src/**/*.py", "src/x/y/a.py", false, true},
      {"**/test", "test", true, true},
      {"**/test", "a/b/test", true, true},
      {"a/**/b", "a/b", false, true},
      {"a/**/b", "a/x/y/b", false, true},
      {"a/**/b", "ab", false, false},
      {"vendor/", "vendor", true, true},
      {"vendor/", "vendor", false, false},
      {"vendor/", "vendor/lib/a.js", false, true},  // inside a matching folder
      {"vendor/**", "vendor", true, false},
      {"vendor/**", "vendor/a.js", false, true},
      {"**", "any/thing.py", false, true},
      {"*", "a/b", false, true},
      {"a?c.py", "abc.py", false, true},
      {"a?c.py", "a/c.py", false, false},
      {"caf?.py", "caf\xC3\xA9.py", false, true},  // '?' is one character, not one byte
      {"[a-c]x.py", "bx.py", false, true},
      {"[!a-c]x.py", "bx.py", false, false},
      {"[^a-c]x.py", "dx.py", false, true},
      {"[[:digit:]]*.py", "1a.py", false, true},
      {"[[:digit:]]*.py", "a1.py", false, false},
      {"[]]x", "]x", false, true},
      {"[abc", "[abc", false, true},  // no closing bracket: an ordinary '['
      {"\\*.py", "*.py", false, true},
      {"\\*.py", "a.py", false, false},
      {"!x.py", "!x.py", false, true},  // a plain glob: '!' has no special meaning
      {"foo", "xfoo", false, false},
      {"foo", "foo/bar.py", false, true},
      {"", "a.py", false, false},
      {"a*a*a*a*a*a*a*a*a*b", std::string_view("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), false,
       false},
      {"**/**/**/**/**/**/**/z", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q", false, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(glob_match(c.pattern, c.path, c.is_directory), c.expected)
        << "pattern \"" << c.pattern << "\" path \"" << c.path << "\" dir " << c.is_directory;
  }
}

// ---------------------------------------------------------------------------------------------
// Size limit

TEST(WalkLimits, LargeFilesAreSkippedWithANoteAndEmptyFilesKept) {
  TempTree tree;
  tree.write("big.py", std::string(3000, '#'));
  tree.write("small.py", "x = 1\n");
  tree.write("empty.py", "");
  fs::resize_file(tree.root() / "huge.json", 0);  // created below; resize needs the file
}

}  // namespace
}  // namespace citizenscan
