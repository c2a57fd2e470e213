#pragma once
// Per-client limits on the expensive routes (animated and OG renders).
//
// A fixed window per client and cost class: the first counted request opens a
// 60 s window, at most `limit` requests pass inside it, and the window after
// it starts fresh. Chosen over a token bucket because its numbers are exactly
// what the X-RateLimit-Limit / -Remaining / -Reset headers say (a bucket's
// "remaining" and "reset" are approximations), and it is trivially testable
// at a fixed `now`. Its burst of up to 2 x limit across a window boundary is
// acceptable for rendering load.
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pixabots::server {

enum class Cost { cheap, animated, og };

struct RateDecision {
  bool allowed;
  int limit;              // 0: unlimited (cheap, or the class is disabled): send no X-RateLimit-*
  int remaining;          // requests left in the window after this one
  int resetSeconds;       // until the window ends, 1..60 (0 when unlimited; 60 when none is open)
  int retryAfterSeconds;  // the Retry-After value when !allowed, else 0
};

class RateLimiter {
 public:
  struct Limits {
    int animatedPerMinute = 60;  // 0 (or less) disables the limit
    int ogPerMinute = 30;
  };

  static constexpr std::chrono::seconds kWindow{60};
  // Client entries are pruned when the map reaches this size: first those
  // whose windows have ended; if a flood of distinct addresses inside one
  // window still leaves it over three quarters full, the entries closest to
  // expiry go too (forgetting a client only ever errs towards allowing it).
  static constexpr std::size_t kMaxClients = 65536;

  explicit RateLimiter(Limits limits);

  // Counts the request against `client` (its address) if it is allowed;
  // refused requests do not consume the allowance.
  RateDecision check(std::string_view client, Cost cost, std::chrono::steady_clock::time_point now);
  // The client's window as check() would report it, without counting a
  // request: for answers that cost no render (cache hits, invalid requests).
  // With no window open: the whole allowance, and the 60 s a window would
  // last. Adds no client, so uncounted requests cost no memory.
  RateDecision peek(std::string_view client, Cost cost, std::chrono::steady_clock::time_point now) const;

  // Clients currently tracked (for tests and /metrics).
  std::size_t clientCount() const;

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  struct Window {
    TimePoint start{};
    int count = 0;  // 0: no open window
  };
  struct Client {
    Window animated, og;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };

  static bool open(const Window& w, TimePoint now) { return w.count > 0 && now < w.start + kWindow; }
  int limitOf(Cost cost) const;
  void pruneLocked(TimePoint now);

  const Limits limits_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Client, Hash, std::equal_to<>> clients_;
  std::size_t pruneAt_;
};

}  // namespace pixabots::server
