#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "citizenscan/changes.h"

namespace citizenscan {
namespace {
namespace fs = std::filesystem;

TEST(Changes, GitUnquoteDecodesCStyleQuotes) {
  EXPECT_EQ(git_unquote("plain/path.py"), "plain/path.py");
  EXPECT_EQ(git_unquote("\"b/with \\\"quote\\\".py\""), "b/with \"quote\".py");
  EXPECT_EQ(git_unquote("\"b/caf\\303\\251.py\""), "b/caf\xc3\xa9.py");
  EXPECT_EQ(git_unquote("\"b/tab\\there\\\\back\""), "b/tab\there\\back");
}

TEST(Changes, AddedLinesFromAZeroContextDiff) {
  // Two files; the second's body has lines that look like headers ("+++ ", "@@ ", "diff --git").
  const std::string diff =
      "diff --git a/app.py b/app.py\n"
      "index 1111111..2222222 100644\n"
      "--- a/app.py\n"
      "+++ b/app.py\n"
      "@@ -2,0 +3,2 @@ import os\n"
      "+KEY = 1\n"
      "++++ b/not-a-file\n"
      "@@ -10 +11 @@ def f():\n"
      "-    old()\n"
      "+    new()\n"
      "@@ -20,3 +20,0 @@\n"
      "-a\n"
      "-b\n"
      "-c\n"
      "diff --git a/logo.png b/logo.png\n"
      "Binary files a/logo.png and b/logo.png differ\n"
      "diff --git \"a/my \\\"file\\\".py\" \"b/my \\\"file\\\".py\"\n"
      "--- \"a/my \\\"file\\\".py\"\n"
      "+++ \"b/my \\\"file\\\".py\"\n"
      "@@ -1 +1 @@\n"
      "-diff --git a/x b/x\n"
      "+@@ -1 +1 @@\n"
      "\\ No newline at end of file\n"
      "diff --git a/spaced name.py b/spaced name.py\n"
      "--- a/spaced name.py\t\n"
      "+++ b/spaced name.py\t\n"
      "@@ -0,0 +1 @@\n"
      "+x\n";
  const auto files = parse_added_lines(diff);
  ASSERT_EQ(files.size(), 3U);
  EXPECT_EQ(files[0].first, "app.py");
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> app{{3, 4}, {11, 11}};
  EXPECT_EQ(files[0].second, app);
  EXPECT_EQ(files[1].first, "my \"file\".py");
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> one{{1, 1}};
  EXPECT_EQ(files[1].second, one);
  EXPECT_EQ(files[2].first, "spaced name.py");
  EXPECT_EQ(files[2].second, one);
}

// A signal that ends the process while a change is materialised removes the temporary folder.
TEST(Changes, TemporaryFolderIsRemovedWhenASignalEndsTheProcess) {
  if (std::system("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "git is not installed";
  const fs::path repo = fs::temp_directory_path() / ("citizenscan-unit-signal-" + std::to_string(::getpid()));
  fs::remove_all(repo);
  fs::create_directories(repo);
  std::ofstream(repo / "app.py") << "x = 1\n";
  const std::string setup = "cd '" + repo.string() +
                            "' && git -c init.defaultBranch=main init -q && git add app.py >/dev/null 2>&1";
  ASSERT_EQ(std::system(setup.c_str()), 0);

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    ChangeRequest request;
    request.start = repo.string();
    ChangeSet changes = collect_changes(request);
    const std::string root = fs::path(changes.new_root).parent_path().string();
    if (::write(fds[1], root.data(), root.size()) < 0) ::_exit(3);
    ::close(fds[1]);
    ::raise(SIGTERM);
    ::_exit(4);  // not reached: SIGTERM's default action ends the process
  }
  ::close(fds[1]);
  std::string root;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) root.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << "status " << status;
  ASSERT_FALSE(root.empty());
  EXPECT_NE(root.find("citizenscan-changes-"), std::string::npos) << root;
  EXPECT_FALSE(fs::exists(root)) << root << " was left behind";
  fs::remove_all(repo);
}

}  // namespace
}  // namespace citizenscan
