// Unit tests of the walk stage: each test builds its own tree under the temp folder, named after
// the test, and removes it afterwards.
#include "citizenscan/walk.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
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
    root_ = fs::temp_directory_path() / ("citizenscan-" + std::string(info->test_suite_name()) + "-" +
                                         info->name() + "-" + std::to_string(::getpid()));
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
  explicit WorkingDirectory(const fs::path& folder) : saved_(fs::current_path()) { fs::current_path(folder); }
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
  ASSERT_EQ(relative_paths(targeted), (std::vector<std::string>{"gas/src/Code.js", "web/app.js"}))
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

  for (const char* file : {"main.py",         "keep_pb2.py",        "a_pb2.py",
                           "out.py",          "x/out.py/inner.py",  "top.py",
                           "sub/top.py",      "docs/a.py",          "docs/deeper/b.py",
                           "#hash.py",        "trailing.py",        "deep/x.py",
                           "a/b/deep/x.py",   "cache/c.py",         "both.py",
                           "rescued.py",      "from_dot_ignore.py", "excluded_by_info.py",
                           "local.py",        "sub/local.py",       "sub/keep_pb2.py",
                           "sub/b_pb2.py",    "sub/gen/g.py",       "sub/x/gen/g.py",
                           "sub/nested/b.py", "nested/b.py"}) {
    tree.write(file);
  }
}

TEST(WalkIgnore, GitignoreNegationDirectoryOnlyAnchoredAndNested) {
  TempTree tree;
  make_ignore_tree(tree);
  const WalkResult result = walk_tree(tree);
  const std::vector<std::string> expected = {
      "both.py",           // .gitignore ignores it, the .ignore beside it re-includes it
      "docs/deeper/b.py",  // "docs/*.py": '*' stops at '/'
      "keep_pb2.py",       // "!keep_pb2.py" after "*_pb2.py"
      "local.py",          // sub/.gitignore's "local.py" only applies below sub/
      "main.py",
      "nested/b.py",   // "nested/b.py" in sub/.gitignore is anchored to sub/
      "out.py",        // "out.py/" matches folders only
      "rescued.py",    // .gitignore's "!rescued.py" outranks .git/info/exclude
      "sub/b_pb2.py",  // the deeper "!*_pb2.py" wins
      "sub/keep_pb2.py",
      "sub/top.py",      // "/top.py" is anchored to the root
      "sub/x/gen/g.py",  // "/gen/" is anchored to sub/
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
    EXPECT_FALSE(path.starts_with(".git/") || path.starts_with(".hg/") || path.starts_with(".svn/")) << path;
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
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"app.py"})) << describe(result.diagnostics);
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
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"outer.py", "vendored/inner.gen.py"}));
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
  EXPECT_EQ(walk_with({"src", "*.sql"}, {}), (Paths{"db/schema.sql", "src/app.py", "src/app.test.js"}));
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
      {"a*a*a*a*a*a*a*a*a*b", std::string_view("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), false, false},
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
  tree.write("huge.json", "");
  fs::resize_file(tree.root() / "huge.json", 12'897'485);  // 12.3 MiB, sparse

  WalkOptions options;
  options.max_file_size = 1024;
  const WalkResult small_limit = walk_tree(tree, options);
  EXPECT_EQ(relative_paths(small_limit), (std::vector<std::string>{"empty.py", "small.py"}));
  EXPECT_EQ(small_limit.files[0].size, 0U);
  EXPECT_EQ(small_limit.stats.skipped_size, 2U);
  EXPECT_TRUE(has_diagnostic(small_limit, DiagnosticLevel::Note, tree.path("big.py"),
                             "skipped: 2.9 KB is over the --max-file-size limit of 1.0 KB"))
      << describe(small_limit.diagnostics);

  const WalkResult default_limit = walk_tree(tree);
  EXPECT_EQ(relative_paths(default_limit), (std::vector<std::string>{"big.py", "empty.py", "small.py"}));
  EXPECT_EQ(default_limit.stats.skipped_size, 1U);
  ASSERT_EQ(default_limit.diagnostics.size(), 1U) << describe(default_limit.diagnostics);
  EXPECT_EQ(default_limit.diagnostics[0].path, tree.path("huge.json"));
  EXPECT_EQ(default_limit.diagnostics[0].message,
            "skipped: 12.3 MB is over the --max-file-size limit of 8.0 MB");
}

// ---------------------------------------------------------------------------------------------
// Symlinks and special files

TEST(WalkSymlinks, LinksOutOfTheRootAreNotFollowedAndTwinsAreListedOnce) {
  TempTree tree;
  tree.write("outside/secret.py");
  tree.write("inside/real.py");
  tree.write("inside/sub/a.py");
  tree.link("inside/escape_dir", "../outside");
  tree.link("inside/escape_file.py", "../outside/secret.py");
  tree.link("inside/alias.py", "real.py");  // the same file as real.py
  tree.link("inside/a_sub_link", "sub");    // sorts before sub/, still not preferred
  tree.link("inside/dangling.py", "nowhere.py");

  WalkOptions options;
  options.targets = {tree.path("inside")};
  const WalkResult result = walk(options);
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"real.py", "sub/a.py"}))
      << describe(result.diagnostics);
  const std::string message = "symlink points outside the scan root; not followed";
  EXPECT_TRUE(has_diagnostic(result, DiagnosticLevel::Note, tree.path("inside/escape_dir"), message))
      << describe(result.diagnostics);
  EXPECT_TRUE(has_diagnostic(result, DiagnosticLevel::Note, tree.path("inside/escape_file.py"), message))
      << describe(result.diagnostics);
  EXPECT_EQ(result.diagnostics.size(), 2U) << describe(result.diagnostics);
}

TEST(WalkSymlinks, LinksInsideTheRootAreFollowed) {
  TempTree tree;
  tree.write("src/main.py");
  tree.write("lib/util.py");
  tree.link("src/shared", "../lib");
  tree.link("src/config.py", "../lib/util.py");

  WalkOptions options;
  options.root = tree.root().string();
  options.targets = {tree.path("src")};
  const WalkResult result = walk(options);
  // lib/ is outside the target but inside the root, so the links are followed. util.py is reached
  // through two links; it is listed once, under the folder link (linked folders are walked
  // before linked files are looked at).
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"src/main.py", "src/shared/util.py"}))
      << describe(result.diagnostics);
  EXPECT_TRUE(result.diagnostics.empty()) << describe(result.diagnostics);
}

TEST(WalkSymlinks, LoopsTerminateWithADiagnostic) {
  TempTree tree;
  tree.write("top.py");
  tree.write("a/b/x.py");
  tree.link("a/b/up", "../..");
  tree.link("a/self", ".");
  tree.link("a/b/again.py", "x.py");

  const WalkResult result = walk_tree(tree);
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"a/b/x.py", "top.py"}));
  const std::string message = "directory loop";
  EXPECT_TRUE(has_diagnostic(result, DiagnosticLevel::Note, tree.path("a/b/up"), message))
      << describe(result.diagnostics);
  EXPECT_TRUE(has_diagnostic(result, DiagnosticLevel::Note, tree.path("a/self"), message))
      << describe(result.diagnostics);
}

TEST(WalkSpecialFiles, FifosAreNeverOpened) {
  TempTree tree;
  tree.write("normal.py");
  ASSERT_EQ(::mkfifo(tree.path("pipe.py").c_str(), 0600), 0);
  // An ignore file that is a FIFO would block the walk if it were opened.
  ASSERT_EQ(::mkfifo(tree.path(".gitignore").c_str(), 0600), 0);
  tree.link("pipe_link.py", "pipe.py");

  const WalkResult result = walk_tree(tree);
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"normal.py"}));
  EXPECT_EQ(result.stats.files_seen, 1U);
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST(WalkErrors, UnreadableFoldersAndFilesAreWarningsAndTheWalkGoesOn) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not deny anything";
  TempTree tree;
  tree.write("ok.py");
  tree.write("locked/hidden.py");
  tree.write("secret.py");
  fs::permissions(tree.root() / "locked", fs::perms::none);
  fs::permissions(tree.root() / "secret.py", fs::perms::none);
  struct Restore {
    const TempTree& tree;
    ~Restore() {
      std::error_code error;
      fs::permissions(tree.root() / "locked", fs::perms::owner_all, error);
    }
  } restore{tree};

  const WalkResult result = walk_tree(tree);
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"ok.py"}));
  EXPECT_TRUE(has_diagnostic(result, DiagnosticLevel::Warning, tree.path("locked"), "Permission denied"))
      << describe(result.diagnostics);
  EXPECT_TRUE(has_diagnostic(result, DiagnosticLevel::Warning, tree.path("secret.py"), "Permission denied"))
      << describe(result.diagnostics);
}

TEST(WalkErrors, AMissingTargetIsAnErrorAndTheOthersAreWalked) {
  TempTree tree;
  tree.write("present.py");
  WalkOptions options;
  options.root = tree.root().string();
  options.targets = {tree.path("missing"), tree.path("present.py")};
  const WalkResult result = walk(options);
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"present.py"}));
  ASSERT_EQ(result.diagnostics.size(), 1U) << describe(result.diagnostics);
  EXPECT_EQ(result.diagnostics[0].level, DiagnosticLevel::Error);
  EXPECT_EQ(result.diagnostics[0].path, tree.path("missing"));
  EXPECT_EQ(result.diagnostics[0].message, "no such file or directory");
}

// ---------------------------------------------------------------------------------------------
// Sharding, order, paths

TEST(WalkSharding, ShardsPartitionTheFilesExactly) {
  TempTree tree;
  for (int i = 0; i < 60; ++i) {
    tree.write("pkg" + std::to_string(i % 7) + "/module_" + std::to_string(i) + ".py");
  }
  const std::vector<std::string> all = relative_paths(walk_tree(tree));
  ASSERT_EQ(all.size(), 60U);

  constexpr std::uint32_t kShards = 4;
  std::multiset<std::string> union_of_shards;
  for (std::uint32_t index = 0; index < kShards; ++index) {
    WalkOptions options;
    options.shard_index = index;
    options.shard_count = kShards;
    const WalkResult shard = walk_tree(tree, options);
    EXPECT_FALSE(shard.files.empty()) << "shard " << index;
    EXPECT_EQ(shard.stats.skipped_shard, all.size() - shard.files.size());
    for (const std::string& path : relative_paths(shard)) union_of_shards.insert(path);
  }
  // Same files, each exactly once.
  EXPECT_EQ(std::vector<std::string>(union_of_shards.begin(), union_of_shards.end()), all);

  WalkOptions invalid;
  invalid.shard_index = 4;
  invalid.shard_count = 4;
  const WalkResult rejected = walk_tree(tree, invalid);
  EXPECT_TRUE(rejected.files.empty());
  ASSERT_EQ(rejected.diagnostics.size(), 1U);
  EXPECT_EQ(rejected.diagnostics[0].level, DiagnosticLevel::Error);
}

TEST(WalkOrder, ResultsAreSortedAndDeterministic) {
  TempTree tree;
  for (const char* file :
       {"z.py", "b/c.sql", "a.py", "B.py", "b.js", "b/a/z.py", "a-b.py", "a/b.py", "_x.py"}) {
    tree.write(file);
  }
  const WalkResult first = walk_tree(tree);
  const WalkResult second = walk_tree(tree);
  const std::vector<std::string> paths = relative_paths(first);
  EXPECT_EQ(paths, relative_paths(second));
  EXPECT_EQ(user_paths(first), user_paths(second));
  EXPECT_TRUE(std::ranges::is_sorted(paths));
  EXPECT_EQ(paths.size(), 9U);
}

TEST(WalkPaths, PathsKeepTheTargetAsWritten) {
  TempTree tree;
  tree.write("x.py");
  tree.write("sub/y.py");
  const WorkingDirectory in_tree(tree.root());

  WalkOptions options;  // no target: "."
  WalkResult result = walk(options);
  EXPECT_EQ(result.root, tree.root().string());
  EXPECT_EQ(user_paths(result), (std::vector<std::string>{"sub/y.py", "x.py"}));
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"sub/y.py", "x.py"}));

  options.targets = {"sub/"};  // one folder: it becomes the root
  result = walk(options);
  EXPECT_EQ(result.root, tree.path("sub"));
  EXPECT_EQ(user_paths(result), (std::vector<std::string>{"sub/y.py"}));
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"y.py"}));

  options.targets = {"./sub", "x.py"};  // several targets: the current folder is the root
  result = walk(options);
  EXPECT_EQ(result.root, tree.root().string());
  EXPECT_EQ(user_paths(result), (std::vector<std::string>{"./sub/y.py", "x.py"}));
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"sub/y.py", "x.py"}));

  // Overlapping targets list each file once.
  options.targets = {".", "sub", "x.py"};
  result = walk(options);
  EXPECT_EQ(relative_paths(result), (std::vector<std::string>{"sub/y.py", "x.py"}));
}

TEST(WalkStreaming, TheSinkGetsTheSameFilesAsTheListAndOverlapsOnce) {
  TempTree tree;
  for (const char* file : {"a.py", "b/c.sql", "b/d/e.js", "x.py", "notes.txt"}) tree.write(file);
  tree.link("b/again.py", tree.root() / "a.py");  // a twin of a.py: listed once
  const WorkingDirectory in_tree(tree.root());
  WalkOptions options;
  options.targets = {".", "x.py", "b", "x.py"};
  const WalkResult listed = walk(options);
  std::vector<std::string> streamed;
  const WalkResult result = walk(options, [&](WalkEntry&& entry) { streamed.push_back(entry.relative_path); });
  EXPECT_TRUE(result.files.empty());
  std::ranges::sort(streamed);
  EXPECT_EQ(streamed, relative_paths(listed));
  EXPECT_EQ(streamed, (std::vector<std::string>{"a.py", "b/c.sql", "b/d/e.js", "x.py"}));
  EXPECT_EQ(result.stats.files_seen, listed.stats.files_seen);
}

TEST(WalkDepth, DeepTreesAreWalkedWithoutRecursion) {
  TempTree tree;
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "d/";
  tree.write(deep + "deep.py");
  const WalkResult result = walk_tree(tree);
  ASSERT_EQ(result.files.size(), 1U) << describe(result.diagnostics);
  EXPECT_EQ(result.files[0].relative_path, deep + "deep.py");
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

TEST(WalkTestPaths, TestAndFixtureFilesByFolderOrName) {
  EXPECT_TRUE(is_test_path("tests/test_onboarding.py"));
  EXPECT_TRUE(is_test_path("app/__tests__/export.js"));
  EXPECT_TRUE(is_test_path("src/export.test.js"));
  EXPECT_TRUE(is_test_path("src/export.spec.js"));
  EXPECT_TRUE(is_test_path("pkg/validate_test.py"));
  EXPECT_TRUE(is_test_path("conftest.py"));
  EXPECT_TRUE(is_test_path("Fixtures/seed.sql"));
  EXPECT_FALSE(is_test_path("python/integrations/fixtures_data.py"));
  EXPECT_FALSE(is_test_path("contest/entries.py"));
  EXPECT_FALSE(is_test_path("latest/testimonials.js"));
  EXPECT_FALSE(is_test_path("attest.py"));
}

}  // namespace
}  // namespace citizenscan
