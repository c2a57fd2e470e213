#pragma once
// A Clock for tests: time moves only when the code under test sleeps, and
// every sleep is recorded, so backoff and deadlines are asserted exactly and
// run in microseconds.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <vector>

#include "remote/clock.hpp"
#include "remote/error.hpp"

namespace pixabots::remote::test {

class FakeClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point now() override {
    std::lock_guard lock(mutex_);
    return std::chrono::steady_clock::time_point{} + elapsed_;
  }
  std::int64_t unixSeconds() override {
    std::lock_guard lock(mutex_);
    return unixStart + std::chrono::duration_cast<std::chrono::seconds>(elapsed_).count();
  }
  void sleepFor(std::chrono::milliseconds duration, const CancelToken* cancel) override {
    if (cancel && cancel->cancelled()) throw Error(Errc::cancelled, "cancelled");
    std::lock_guard lock(mutex_);
    sleeps_.push_back(duration);
    elapsed_ += duration;
  }
  // Moves time without a recorded sleep (e.g. a slow reply).
  void advance(std::chrono::milliseconds d) {
    std::lock_guard lock(mutex_);
    elapsed_ += d;
  }
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard lock(mutex_);
    return sleeps_;
  }

  std::int64_t unixStart = 1'760'000'000;

 private:
  mutable std::mutex mutex_;
  std::chrono::milliseconds elapsed_{0};
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace pixabots::remote::test
