#include "cli/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

namespace citizenscan::cli {
namespace {

// Lock-free, so touching it from a signal handler is defined.
static_assert(std::atomic<bool>::is_always_lock_free);
std::atomic<bool> g_stop{false};
volatile std::sig_atomic_t g_signal = 0;

constexpr int kStopSignals[] = {SIGINT, SIGTERM};
struct sigaction g_previous[std::size(kStopSignals)];

extern "C" void on_stop_signal(int number) {
  if (g_signal != 0) {  // the second one: the user does not want to wait
    ::signal(number, SIG_DFL);
    ::raise(number);
    return;
  }
  g_signal = number;
  g_stop.store(true, std::memory_order_relaxed);
}

}  // namespace

StopOnSignal::StopOnSignal() {
  g_stop.store(false);
  g_signal = 0;
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // blocking reads and writes go on; the flag is checked between files
  for (std::size_t i = 0; i < std::size(kStopSignals); ++i) {
    ::sigaction(kStopSignals[i], nullptr, &g_previous[i]);
    // A signal ignored when we started (a background job of a script) stays ignored.
    if (g_previous[i].sa_handler != SIG_IGN) ::sigaction(kStopSignals[i], &action, nullptr);
  }
}

StopOnSignal::~StopOnSignal() {
  for (std::size_t i = 0; i < std::size(kStopSignals); ++i) ::sigaction(kStopSignals[i], &g_previous[i], nullptr);
}

const std::atomic<bool>* StopOnSignal::flag() const { return &g_stop; }

int StopOnSignal::received() const { return g_signal; }

const char* StopOnSignal::received_name() const {
  switch (g_signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return "a signal";
  }
}

void StopOnSignal::end_by_signal() const {
  const int number = g_signal;
  ::signal(number, SIG_DFL);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, number);
  ::sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
  ::raise(number);
  std::_Exit(128 + number);  // not reached unless the signal is ignored by inheritance
}

}  // namespace citizenscan::cli
