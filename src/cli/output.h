// Where a report goes: standard output, or a file that readers only ever see whole. A file is
// written to a temporary file beside it and renamed over it on commit(), so a reader never sees a
// half-written report and a failed write leaves the previous report intact; devices and FIFOs
// (-o /dev/stdout, a pipe) are written in place. The report may be written in pieces (--format
// jsonl streams findings as the scan finds them).
#pragma once

#include <string>
#include <string_view>

namespace citizenscan::cli {

class ReportOutput {
 public:
  ReportOutput() = default;
  ReportOutput(const ReportOutput&) = delete;
  ReportOutput& operator=(const ReportOutput&) = delete;
  ~ReportOutput();  // without commit(): the temporary file is removed, the old report stays

  // path "" means standard output. False, with `error` set, when the file cannot be created.
  bool open(const std::string& path, std::string& error);
  bool write(std::string_view content, std::string& error);
  bool commit(std::string& error);

 private:
  std::string path_;
  std::string temporary_;  // empty: writing in place (stdout, a device, a FIFO)
  int fd_ = -1;
  bool stdout_ = false;
  bool reader_gone_ = false;  // stdout closed under us (| head): not our failure
};

}  // namespace citizenscan::cli
