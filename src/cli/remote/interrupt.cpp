#include "cli/remote/interrupt.hpp"

#include <pthread.h>

namespace pixabots::cli {
namespace {

sigset_t interruptSet() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

InterruptCancels::InterruptCancels(remote::CancelToken& token) {
  const sigset_t set = interruptSet();
  pthread_sigmask(SIG_BLOCK, &set, &previousMask_);
  watcher_ = std::thread([this, &token, set] {
    for (;;) {
      int signal = 0;
      sigwait(&set, &signal);
      if (done_.load()) return;
      token.cancel();
    }
  });
}

InterruptCancels::~InterruptCancels() {
  done_.store(true);
  // Wakes the watcher's sigwait; it is the only thread that takes SIGINT.
  pthread_kill(watcher_.native_handle(), SIGINT);
  watcher_.join();
  pthread_sigmask(SIG_SETMASK, &previousMask_, nullptr);
}

}  // namespace pixabots::cli
