// SIGINT and SIGTERM during a scan: stop soon and leave no half-written report. While a
// StopOnSignal lives, the first signal only sets a flag that the walker, the workers (between
// files) and running parses check; the command then unwinds as usual, so a temporary report file
// is removed by its ReportOutput and a previous report stays as it was, and finally the process
// ends by the same signal (a shell shows 130 for SIGINT, 143 for SIGTERM). A second signal ends
// the process at once.
//
//   StopOnSignal stop;
//   options.stop = stop.flag();
//   ... scan, write nothing if stop.received() ...
//   if (stop.received()) stop.end_by_signal();
#pragma once

#include <atomic>

namespace citizenscan::cli {

class StopOnSignal {
 public:
  StopOnSignal();   // installs the handlers (one StopOnSignal at a time)
  ~StopOnSignal();  // restores the handlers that were there before
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  const std::atomic<bool>* flag() const;
  int received() const;  // the signal number, 0 while none arrived
  const char* received_name() const;  // "SIGINT", "SIGTERM"
  // Restores the default action and raises the received signal again.
  [[noreturn]] void end_by_signal() const;
};

}  // namespace citizenscan::cli
