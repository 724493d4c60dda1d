// load: the bytes of one file, read once into a buffer the worker reuses, plus a line index that
// turns byte offsets into 1-based line/column positions.
//
//   citizenscan::FileLoader loader;                    // one per worker thread
//   citizenscan::LoadResult file = loader.load("app/report.py", 8u << 20);
//   if (!file.ok()) report(file.problem);              // "binary file (NUL byte at offset 12)"
//   citizenscan::LineIndex lines(file.text);
//   auto [line, column] = lines.position(offset);      // both 1-based, column in code points
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citizenscan/core.h"

namespace citizenscan {

// Why a file was not loaded, for counts (--stats); `problem` says it in words.
enum class LoadSkip : std::uint8_t { None, Unreadable, NotRegular, TooLarge, Encoding, Binary };
inline constexpr int kLoadSkipCount = 6;

struct LoadResult {
  std::string_view text;  // the file's bytes after a UTF-8 BOM, valid until the next load()
  std::string problem;    // non-empty: the file is skipped and this says why
  DiagnosticLevel problem_level = DiagnosticLevel::Note;
  LoadSkip skip = LoadSkip::None;
  bool ok() const { return problem.empty(); }
};

class FileLoader {
 public:
  // Reads at most max_bytes (+1 to detect growth; 0 = no limit below 4 GiB), the first 8 KiB
  // first. Skips, with a reason: unreadable files, files that are no longer regular files, binary
  // content (NUL byte in the first 8 KiB), UTF-16/32.
  LoadResult load(const std::string& path, std::uint64_t max_bytes);

 private:
  std::string buffer_;
};

// Not for concurrent use: position() remembers its last answer (each worker owns its index).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // 1-based line and column (code points) of a byte offset; offset may equal text.size().
  std::pair<std::uint32_t, std::uint32_t> position(std::uint32_t offset) const;
  // The line holding `offset`, without its line terminator.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }
  std::uint32_t line_start(std::uint32_t line) const { return starts_[line - 1]; }
  // Bytes in the longest line, terminator included (minified-code detection).
  std::uint32_t longest_line() const { return longest_; }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;  // byte offset of each line's first byte; "\n", "\r\n", "\r"
  std::uint32_t longest_ = 0;
  mutable std::uint32_t last_line_ = 0;  // the last position() answer, to count on from there
  mutable std::uint32_t last_offset_ = 0;
  mutable std::uint32_t last_column_ = 1;
};

// Fills region line/column fields from its byte offsets.
Region make_region(const LineIndex& lines, std::uint32_t start_byte, std::uint32_t end_byte);

}  // namespace citizenscan
