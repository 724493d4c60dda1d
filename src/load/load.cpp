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

// Why a file cannot be scanned as text, judged from its first kBinaryProbe bytes (after a UTF-8
// BOM); LoadSkip::None when it can.
std::pair<LoadSkip, std::string> encoding_problem(std::string_view head) {
  using namespace std::string_view_literals;
  if (head.starts_with("\xFF\xFE\x00\x00"sv) || head.starts_with("\x00\x00\xFE\xFF"sv)) {
    return {LoadSkip::Encoding, "UTF-32 encoded (BOM); skipped, convert it to UTF-8 to scan it"};
  }
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    return {LoadSkip::Encoding, "UTF-16 encoded (BOM); skipped, convert it to UTF-8 to scan it"};
  }
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::size_t nul = head.substr(0, kBinaryProbe).find('\0');
  if (nul != std::string_view::npos) {
    return {LoadSkip::Binary, "binary content (NUL byte at offset " + std::to_string(nul) + "); skipped"};
  }
  return {LoadSkip::None, {}};
}

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
  // 0 means no limit: then only what the line index and the parser can address (4 GiB).
  const std::uint64_t limit = max_bytes == 0 ? std::uint64_t{UINT32_MAX} : max_bytes;
  const auto wanted =
      static_cast<std::size_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(st.st_size), limit + 1));
  std::size_t filled = 0;
  bool at_end = false;
  auto read_up_to = [&](std::size_t size) {
    buffer_.resize(size);
    while (filled < buffer_.size()) {
      const ssize_t n = ::read(fd.get(), buffer_.data() + filled, buffer_.size() - filled);
      if (n < 0) {
        if (errno == EINTR) continue;
        result.skip = LoadSkip::Unreadable;
        result.problem = "read failed: " + errno_text(errno);
        result.problem_level = DiagnosticLevel::Warning;
        return false;
      }
      if (n == 0) {  // the file shrank since stat: scan what is there
        at_end = true;
        break;
      }
      filled += static_cast<std::size_t>(n);
    }
    buffer_.resize(filled);
    return true;
  };
  // The head first: a binary or UTF-16 file (or a 1 GB sparse one) is recognised from its first
  // kilobytes without reading, or allocating room for, the rest.
  if (!read_up_to(std::min(wanted, kBinaryProbe + 3))) return result;
  std::tie(result.skip, result.problem) = encoding_problem(buffer_);
  if (result.skip != LoadSkip::None) return result;
  if (!at_end && filled < wanted && !read_up_to(wanted)) return result;
  if (filled > limit) {
    result.skip = LoadSkip::TooLarge;
    result.problem =
        max_bytes == 0 ? "over 4 GiB; skipped" : "grew over the --max-file-size limit while being read; skipped";
    return result;
  }
  std::string_view text(buffer_);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
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
  // Columns are counted from the line start, or from the last answer when it is further along the
  // same line: findings come in offset order, and on a 50 MB minified line counting from the start
  // for every finding would be quadratic.
  std::uint32_t from = starts_[line - 1];
  std::uint32_t column = 1;
  if (last_line_ == line && last_offset_ <= offset) {
    from = last_offset_;
    column = last_column_;
  }
  for (std::uint32_t i = from; i < offset; ++i) {
    // Count code points: every byte that is not a UTF-8 continuation byte starts one.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  last_line_ = line;
  last_offset_ = offset;
  last_column_ = column;
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
