#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace pixabots::remote {

// Set from any thread to stop a wait or a backoff sleep early; the waiting
// call then throws Error(cancelled).
class CancelToken {
 public:
  void cancel();
  bool cancelled() const;
  // Sleeps up to `duration`; returns false at once when cancelled.
  bool sleepFor(std::chrono::milliseconds duration) const;

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable wake_;
  bool cancelled_ = false;
};

// Time as the retry and polling logic sees it, so tests can run hours of
// backoff in microseconds and assert every wait that was asked for.
class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic time for deadlines.
  virtual std::chrono::steady_clock::time_point now() = 0;
  // Seconds since the Unix epoch, for X-RateLimit-Reset and HTTP dates.
  virtual std::int64_t unixSeconds() = 0;
  // Waits `duration` (or less when `cancel` fires); throws Error(cancelled)
  // when `cancel` is set before or during the wait.
  virtual void sleepFor(std::chrono::milliseconds duration, const CancelToken* cancel) = 0;
};

// The real clocks; one instance for the process.
Clock& systemClock();

}  // namespace pixabots::remote
