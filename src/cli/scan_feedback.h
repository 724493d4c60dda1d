// What a scan tells the user on stderr besides the report: the progress line while it runs and the
// --stats block at the end.
#pragma once

#include <cstdio>

#include "citizenscan/rules.h"
#include "citizenscan/scan.h"

namespace citizenscan::cli {

// --stats: files seen and skipped by reason, bytes, the share that reached the parser, time per
// stage, the ten slowest rules (when the scan timed rules) and the peak resident memory.
void print_stats(std::FILE* out, const ScanResult& result, const RuleSet& rules);

// One line, rewritten in place (\r): files done of those discovered so far, MB/s, findings so far,
// and an ETA once the walk has finished. Only for a terminal; cleared when the scan ends.
class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* out) : out_(out) {}
  void update(const ScanProgress& progress);
  void finish();

 private:
  std::FILE* out_;
  bool shown_ = false;
};

// --progress=auto|always|never and --quiet: whether the progress line is shown.
bool progress_wanted(const std::string& mode, bool quiet, int fd);

// Peak resident set size of this process so far, in bytes (getrusage).
std::uint64_t peak_rss_bytes();

}  // namespace citizenscan::cli
