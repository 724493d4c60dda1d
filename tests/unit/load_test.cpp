// load: reading, encodings, binary detection, line index.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "citizenscan/load.h"

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

TEST(LineIndex, ColumnsCountCodePoints) {
  const std::string text = "é = 'ü'";  // é and ü are two bytes each
  LineIndex lines(text);
  EXPECT_EQ(lines.position(static_cast<std::uint32_t>(text.find('='))).second, 3u);
  Region region = make_region(lines, 5, 5);
  EXPECT_EQ(region.end_column, region.start_column + 1) << "empty spans still get endColumn > startColumn";
}

}  // namespace
}  // namespace citizenscan
