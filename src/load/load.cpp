#include "citizenscan/load.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <tuple>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace citizenscan {
namespace {

constexpr std::size_t kBinaryProbe = 8192;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string errno_text(int err) { return std::strerror(err); }

}  // namespace

LoadResult FileLoader::load(const std::string& path, std::uint64_t max_bytes) {
  LoadResult result;
  // O_NONBLOCK: if the path was swapped for a FIFO after the walk, open must not hang.
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    result.skip = LoadSkip::Unreadable;
    result.problem = "cannot open: " + errno_text(errno);
    result.problem_level = DiagnosticLevel::Warning;
    return result;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    result.skip = LoadSkip::Unreadable;
    result.problem = "cannot stat: " + errno_text(errno);
    result.problem_level = DiagnosticLevel::Warning;
    return result;
  }
  if (!S_ISREG(st.st_mode)) {
    result.skip = LoadSkip::NotRegular;
    result.problem = "not a regular file any more; skipped";
    return result;
  }
  buffer_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(
      static_cast<std::uint64_t>(st.st_size), max_bytes + 1)));
  std::size_t filled = 0;
  while (filled < buffer_.size()) {
    ssize_t n = ::read(fd.get(), buffer_.data() + filled, buffer_.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.skip = LoadSkip::Unreadable;
      result.problem = "read failed: " + errno_text(errno);
      result.problem_level = DiagnosticLevel::Warning;
      return result;
    }
    if (n == 0) break;  // the file shrank since stat: scan what is there
    filled += static_cast<std::size_t>(n);
  }
  buffer_.resize(filled);
  if (filled > max_bytes) {
    result.skip = LoadSkip::TooLarge;
    result.problem = "grew over the --max-file-size limit while being read; skipped";
    return result;
  }
  std::string_view text(buffer_);
  auto starts_with = [&](std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; };
  using namespace std::string_view_literals;
  if (starts_with("\xFF\xFE\x00\x00"sv) || starts_with("\x00\x00\xFE\xFF"sv)) {
    result.skip = LoadSkip::Encoding;
    result.problem = "UTF-32 encoded (BOM); skipped, convert it to UTF-8 to scan it";
    return result;
  }
  if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
    result.skip = LoadSkip::Encoding;
    result.problem = "UTF-16 encoded (BOM); skipped, convert it to UTF-8 to scan it";
    return result;
  }
  if (starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t nul = text.substr(0, kBinaryProbe).find('\0');
  if (nul != std::string_view::npos) {
    result.skip = LoadSkip::Binary;
    result.problem = "binary content (NUL byte at offset " + std::to_string(nul) + "); skipped";
    return result;
  }
  if (text.size() > UINT32_MAX) {
    result.skip = LoadSkip::TooLarge;
    result.problem = "over 4 GiB; skipped";
    return result;
  }
  result.text = text;
  return result;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  // memchr-speed search for the next terminator; '\r' alone is rare, so look for it only when seen.
  const bool has_cr = text.find('\r') != std::string_view::npos;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t next = has_cr ? text.find_first_of("\r\n", i) : text.find('\n', i);
    if (next == std::string_view::npos) break;
    i = next + 1;
    if (text[next] == '\r' && i < text.size() && text[i] == '\n') ++i;
    longest_ = std::max(longest_, static_cast<std::uint32_t>(i - starts_.back()));
    starts_.push_back(static_cast<std::uint32_t>(i));
  }
  longest_ = std::max(longest_, static_cast<std::uint32_t>(text.size() - starts_.back()));
}

std::pair<std::uint32_t, std::uint32_t> LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin());  // 1-based
  const std::uint32_t start = starts_[line - 1];
  std::uint32_t column = 1;
  for (std::uint32_t i = start; i < offset; ++i) {
    // Count code points: every byte that is not a UTF-8 continuation byte starts one.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  const std::uint32_t start = starts_[line - 1];
  std::uint32_t end = line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

Region make_region(const LineIndex& lines, std::uint32_t start_byte, std::uint32_t end_byte) {
  Region region;
  region.start_byte = start_byte;
  region.end_byte = std::max(start_byte, end_byte);
  std::tie(region.start_line, region.start_column) = lines.position(region.start_byte);
  std::tie(region.end_line, region.end_column) = lines.position(region.end_byte);
  if (region.end_line == region.start_line && region.end_column <= region.start_column) {
    region.end_column = region.start_column + 1;  // SARIF: a non-empty, exclusive end
  }
  return region;
}

}  // namespace citizenscan
