#pragma once
// Request counters and latency histograms for /metrics, in the Prometheus
// text exposition format 0.0.4.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "server/response_cache.hpp"

namespace pixabots::server {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implicit).
  static constexpr std::array<double, 11> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};
  // Routes are a small set chosen by the server; should a caller pass raw
  // paths, routes past this many are counted under "other" so the series
  // (and the memory) stay bounded.
  static constexpr std::size_t kMaxRoutes = 64;

  // One answered request; negative or NaN durations count as 0.
  void count(std::string_view route, int status, double seconds);
  // Every series, sorted by route then status, so the text is deterministic.
  std::string prometheus(const ResponseCache::Stats& cache) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram, std::less<>> latency_;
};

}  // namespace pixabots::server
