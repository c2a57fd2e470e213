#include "remote/clock.hpp"

#include <thread>

#include "remote/error.hpp"

namespace pixabots::remote {

void CancelToken::cancel() {
  {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
  }
  wake_.notify_all();
}

bool CancelToken::cancelled() const {
  std::lock_guard lock(mutex_);
  return cancelled_;
}

bool CancelToken::sleepFor(std::chrono::milliseconds duration) const {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, duration, [this] { return cancelled_; });
}

namespace {

class SystemClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point now() override { return std::chrono::steady_clock::now(); }

  std::int64_t unixSeconds() override {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  void sleepFor(std::chrono::milliseconds duration, const CancelToken* cancel) override {
    if (!cancel) {
      std::this_thread::sleep_for(duration);
      return;
    }
    if (!cancel->sleepFor(duration)) throw Error(Errc::cancelled, "cancelled while waiting");
  }
};

}  // namespace

Clock& systemClock() {
  static SystemClock clock;
  return clock;
}

}  // namespace pixabots::remote
