#pragma once
#include <signal.h>

#include <atomic>
#include <thread>

#include "remote/clock.hpp"

namespace pixabots::cli {

// While alive, Ctrl-C (SIGINT) cancels `token` instead of ending the process,
// so a wait or a download stops through its normal error path (no partial
// file) and the command can exit 130. SIGINT is blocked in this thread, and
// so in every thread started from it, and taken by a watcher thread with
// sigwait: cancelling (a mutex and a condition variable) is not
// async-signal-safe, so it must not happen in a signal handler.
// Construct it before any other thread is started.
class InterruptCancels {
 public:
  explicit InterruptCancels(remote::CancelToken& token);
  ~InterruptCancels();
  InterruptCancels(const InterruptCancels&) = delete;
  InterruptCancels& operator=(const InterruptCancels&) = delete;

 private:
  sigset_t previousMask_;
  std::atomic<bool> done_{false};
  std::thread watcher_;
};

}  // namespace pixabots::cli
