// load: reading, encodings, binary detection, line index.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sys/stat.h>

#include "citizenscan/load.h"
#include "citizenscan/walk.h"

namespace citizenscan {
namespace {
namespace fs = std::filesystem;

class LoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("citizenscan-load-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }
  fs::path dir_;
};

TEST_F(LoadTest, ReadsTextAndStripsUtf8Bom) {
  FileLoader loader;
  auto result = loader.load(write("a.py", "\xEF\xBB\xBFx = 1\n"), 1 << 20);
  ASSERT_TRUE(result.ok()) << result.problem;
  EXPECT_EQ(result.text, "x = 1\n");
}

TEST_F(LoadTest, EmptyFileIsFine) {
  FileLoader loader;
  auto result = loader.load(write("empty.py", ""), 1 << 20);
  EXPECT_TRUE(result.ok());
  EXPECT_TRUE(result.text.empty());
}

TEST_F(LoadTest, BinaryAndUtf16AreSkippedWithAReason) {
  FileLoader loader;
  auto binary = loader.load(write("b.py", std::string("x = 1\0\x01", 7)), 1 << 20);
  EXPECT_FALSE(binary.ok());
  EXPECT_NE(binary.problem.find("NUL byte at offset 5"), std::string::npos) << binary.problem;
  auto utf16 = loader.load(write("c.py", std::string("\xFF\xFEx\0", 4)), 1 << 20);
  EXPECT_FALSE(utf16.ok());
  EXPECT_NE(utf16.problem.find("UTF-16"), std::string::npos) << utf16.problem;
}

TEST_F(LoadTest, MissingFileIsAWarning) {
  FileLoader loader;
  auto result = loader.load((dir_ / "gone.py").string(), 1 << 20);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.problem_level, DiagnosticLevel::Warning);
}

TEST_F(LoadTest, FifoIsNeverReadFrom) {
  const fs::path fifo = dir_ / "pipe.py";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  FileLoader loader;
  auto result = loader.load(fifo.string(), 1 << 20);  // must not block
  EXPECT_FALSE(result.ok());
}

// The walk lists files; by the time a worker loads one it may have shrunk, vanished or been
// replaced. Each case is that file's diagnostic (or its new content), never a crash or a hang.
TEST_F(LoadTest, FilesThatChangeBetweenWalkAndLoad) {
  write("shrinks.py", std::string(100000, '#') + "\n");
  write("vanishes.py", "x = 1\n");
  write("becomes_fifo.py", "x = 1\n");
  write("grows.py", "x = 1\n");
  WalkOptions options;
  options.targets = {dir_.string()};
  const WalkResult walked = walk(options);
  ASSERT_EQ(walked.files.size(), 4u);
  write("shrinks.py", "y = 2\n");
  fs::remove(dir_ / "vanishes.py");
  fs::remove(dir_ / "becomes_fifo.py");
  ASSERT_EQ(::mkfifo((dir_ / "becomes_fifo.py").c_str(), 0600), 0);
  write("grows.py", std::string(2048, '#'));
  FileLoader loader;
  std::map<std::string, LoadResult> loaded;
  for (const WalkEntry& entry : walked.files) {
    LoadResult result = loader.load(entry.path, 1024);
    if (result.ok()) result.problem = "text: " + std::string(result.text);  // text is only valid until the next load
    loaded[entry.relative_path] = std::move(result);
  }
  EXPECT_EQ(loaded["shrinks.py"].problem, "text: y = 2\n");
  EXPECT_EQ(loaded["vanishes.py"].problem, "cannot open: No such file or directory");
  EXPECT_EQ(loaded["vanishes.py"].problem_level, DiagnosticLevel::Warning);
  EXPECT_EQ(loaded["becomes_fifo.py"].problem, "not a regular file any more; skipped");
  EXPECT_EQ(loaded["grows.py"].problem, "grew over the --max-file-size limit while being read; skipped");
}

TEST(LineIndex, LfCrLfAndLoneCr) {
  const std::string text = "a\nbb\r\nccc\rdddd";
  LineIndex lines(text);
  EXPECT_EQ(lines.line_count(), 4u);
  EXPECT_EQ(lines.position(0), (std::pair<std::uint32_t, std::uint32_t>{1, 1}));
  EXPECT_EQ(lines.position(3), (std::pair<std::uint32_t, std::uint32_t>{2, 2}));
  EXPECT_EQ(lines.position(6), (std::pair<std::uint32_t, std::uint32_t>{3, 1}));
  EXPECT_EQ(lines.position(10), (std::pair<std::uint32_t, std::uint32_t>{4, 1}));
  EXPECT_EQ(lines.line_text(2), "bb");
  EXPECT_EQ(lines.line_text(3), "ccc");
  EXPECT_EQ(lines.line_text(4), "dddd");
}

TEST(LineIndex, AnswersDoNotDependOnTheOrderOfQuestions) {
  // position() counts on from its last answer on the same line; asking backwards must not matter.
  const std::string text = "ab\xC3\xA9" "cd\nxy\xC3\xA9" "z\n";
  const LineIndex forward(text);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> in_order;
  for (std::uint32_t i = 0; i <= text.size(); ++i) in_order.push_back(forward.position(i));
  const LineIndex backward(text);
  for (std::uint32_t i = static_cast<std::uint32_t>(text.size()) + 1; i-- > 0;) {
    EXPECT_EQ(backward.position(i), in_order[i]) << "offset " << i;
  }
  EXPECT_EQ(in_order[5], (std::pair<std::uint32_t, std::uint32_t>{1, 5}));  // 'd' after the two-byte é
  EXPECT_EQ(in_order[11], (std::pair<std::uint32_t, std::uint32_t>{2, 4}));  // 'z'
}

TEST(LineIndex, ColumnsCountCodePoints) {
  const std::string text = "é = 'ü'";  // é and ü are two bytes each
  LineIndex lines(text);
  EXPECT_EQ(lines.position(static_cast<std::uint32_t>(text.find('='))).second, 3u);
  Region region = make_region(lines, 5, 5);
  EXPECT_EQ(region.end_column, region.start_column + 1) << "empty spans still get endColumn > startColumn";
}

}  // namespace
}  // namespace citizenscan
