#include "server/rate_limiter.hpp"

#include <algorithm>
#include <vector>

namespace pixabots::server {
namespace {

// Below this many clients pruning is not worth its sweep.
constexpr std::size_t kPruneFloor = 1024;

int secondsUntil(std::chrono::steady_clock::time_point end, std::chrono::steady_clock::time_point now) {
  // Rounded up, so a client that waits this long finds the window over.
  const auto left = std::chrono::ceil<std::chrono::seconds>(end - now).count();
  return static_cast<int>(std::clamp<decltype(left)>(left, 1, RateLimiter::kWindow.count()));
}

}  // namespace

RateLimiter::RateLimiter(Limits limits) : limits_(limits), pruneAt_(kPruneFloor) {}

int RateLimiter::limitOf(Cost cost) const {
  return cost == Cost::animated ? limits_.animatedPerMinute : cost == Cost::og ? limits_.ogPerMinute : 0;
}

RateDecision RateLimiter::check(std::string_view client, Cost cost, TimePoint now) {
  const int limit = limitOf(cost);
  // Unlimited classes touch no state, so cheap routes cost no lock and no memory.
  if (limit <= 0) return RateDecision{true, 0, 0, 0, 0};

  const std::lock_guard lock(mutex_);
  auto found = clients_.find(client);
  if (found == clients_.end()) {
    if (clients_.size() >= pruneAt_) pruneLocked(now);
    found = clients_.emplace(std::string(client), Client{}).first;
  }
  Window& window = cost == Cost::animated ? found->second.animated : found->second.og;
  if (!open(window, now)) window = Window{now, 0};
  const int reset = secondsUntil(window.start + kWindow, now);
  if (window.count >= limit) return RateDecision{false, limit, 0, reset, reset};
  ++window.count;
  return RateDecision{true, limit, limit - window.count, reset, 0};
}

RateDecision RateLimiter::peek(std::string_view client, Cost cost, TimePoint now) const {
  const int limit = limitOf(cost);
  if (limit <= 0) return RateDecision{true, 0, 0, 0, 0};
  const std::lock_guard lock(mutex_);
  const auto found = clients_.find(client);
  const Window* window = found == clients_.end()  ? nullptr
                         : cost == Cost::animated ? &found->second.animated
                                                  : &found->second.og;
  if (!window || !open(*window, now)) return RateDecision{true, limit, limit, static_cast<int>(kWindow.count()), 0};
  const int reset = secondsUntil(window->start + kWindow, now);
  const int remaining = std::max(0, limit - window->count);
  return RateDecision{remaining > 0, limit, remaining, reset, remaining > 0 ? 0 : reset};
}

void RateLimiter::pruneLocked(TimePoint now) {
  std::erase_if(clients_,
                [&](const auto& entry) { return !open(entry.second.animated, now) && !open(entry.second.og, now); });
  if (clients_.size() > kMaxClients / 4 * 3) {
    // Still crowded with live windows: drop the ones that would expire first.
    // Windows all last kWindow, so the latest start orders by expiry.
    const auto expiry = [](const Client& c) {
      return std::max(c.animated.count > 0 ? c.animated.start : TimePoint::min(),
                      c.og.count > 0 ? c.og.start : TimePoint::min());
    };
    std::vector<std::pair<TimePoint, decltype(clients_)::iterator>> byExpiry;
    byExpiry.reserve(clients_.size());
    for (auto it = clients_.begin(); it != clients_.end(); ++it) byExpiry.emplace_back(expiry(it->second), it);
    const std::size_t drop = clients_.size() - kMaxClients / 2;
    std::nth_element(byExpiry.begin(), byExpiry.begin() + static_cast<std::ptrdiff_t>(drop), byExpiry.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < drop; ++i) clients_.erase(byExpiry[i].second);
  }
  // The next sweep waits until the map has doubled (capped), so sweeping
  // stays amortised O(1) per new client however the flood arrives.
  pruneAt_ = std::clamp(clients_.size() * 2, kPruneFloor, kMaxClients);
}

std::size_t RateLimiter::clientCount() const {
  const std::lock_guard lock(mutex_);
  return clients_.size();
}

}  // namespace pixabots::server
