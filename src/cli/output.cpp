#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace citizenscan::cli {
namespace {

bool write_all(int fd, std::string_view content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

ReportOutput::~ReportOutput() {
  if (fd_ >= 0 && !stdout_) ::close(fd_);
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

bool ReportOutput::open(const std::string& path, std::string& error) {
  namespace fs = std::filesystem;
  path_ = path;
  if (path.empty()) {
    stdout_ = true;
    fd_ = STDOUT_FILENO;
    return true;
  }
  // -o /dev/null, -o /dev/stdout, a FIFO: write in place. Renaming a temp file over a device
  // node would replace the device with a regular file.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    if (S_ISDIR(existing.st_mode)) {
      error = "cannot write " + path + ": it is a directory";
      return false;
    }
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) {
      error = "cannot write " + path + ": " + std::strerror(errno);
      return false;
    }
    return true;
  }
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = "cannot write " + path + ": directory " + dir.string() + " does not exist";
    return false;
  }
  std::string tmp = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  fd_ = ::mkstemp(tmp.data());
  if (fd_ < 0) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  temporary_ = std::move(tmp);
  return true;
}

bool ReportOutput::write(std::string_view content, std::string& error) {
  if (reader_gone_) return true;
  if (write_all(fd_, content)) return true;
  if (stdout_ && errno == EPIPE) {
    reader_gone_ = true;
    return true;
  }
  error = stdout_ ? std::string("writing to standard output failed: ") + std::strerror(errno)
                  : "cannot write " + path_ + ": " + std::strerror(errno);
  return false;
}

bool ReportOutput::commit(std::string& error) {
  if (stdout_) return true;
  const int fd = fd_;
  fd_ = -1;
  if (temporary_.empty()) {
    if (::close(fd) != 0) {
      error = "cannot write " + path_ + ": " + std::strerror(errno);
      return false;
    }
    return true;
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    error = "cannot write " + path_ + ": " + std::strerror(errno);
    return false;  // the destructor removes the temporary file
  }
  ::chmod(temporary_.c_str(), 0644);
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    error = "cannot write " + path_ + ": " + std::strerror(errno);
    return false;
  }
  temporary_.clear();
  return true;
}

}  // namespace citizenscan::cli
