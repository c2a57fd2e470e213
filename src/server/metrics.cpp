#include "server/metrics.hpp"

#include <charconv>
#include <cmath>

namespace pixabots::server {
namespace {

// The bucket bounds as exposed: fixed text, not a float printout, so the
// `le` labels never change with the formatter.
constexpr std::array<std::string_view, Metrics::kBuckets.size()> kBucketLabels{
    "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5"};

// Label values escape backslash, double quote and line feed (format 0.0.4).
void appendLabel(std::string& out, std::string_view value) {
  for (const char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
}

// Shortest text that reads back as the same double.
void appendNumber(std::string& out, double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void appendNumber(std::string& out, std::uint64_t value) { out += std::to_string(value); }

void appendHeader(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

template <class Number>
void appendScalar(std::string& out, std::string_view name, std::string_view type, std::string_view help, Number value) {
  appendHeader(out, name, type, help);
  out.append(name).append(" ");
  appendNumber(out, static_cast<std::uint64_t>(value));
  out += '\n';
}

}  // namespace

void Metrics::count(std::string_view route, int status, double seconds) {
  if (!(seconds > 0)) seconds = 0;  // also catches NaN
  const std::lock_guard lock(mutex_);
  if (latency_.find(route) == latency_.end() && latency_.size() >= kMaxRoutes) route = "other";
  auto histogram = latency_.find(route);
  if (histogram == latency_.end()) histogram = latency_.emplace(std::string(route), Histogram{}).first;
  const std::string& name = histogram->first;
  ++requests_[{name, status}];
  Histogram& h = histogram->second;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::prometheus(const ResponseCache::Stats& cache) const {
  std::string out;
  {
    const std::lock_guard lock(mutex_);
    appendHeader(out, "pixabots_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (const auto& [key, n] : requests_) {
      out += "pixabots_http_requests_total{route=\"";
      appendLabel(out, key.first);
      out.append("\",status=\"").append(std::to_string(key.second)).append("\"} ");
      appendNumber(out, n);
      out += '\n';
    }
    appendHeader(out, "pixabots_http_request_duration_seconds", "histogram",
                 "Time to answer an HTTP request, by route.");
    for (const auto& [route, h] : latency_) {
      std::string label;
      appendLabel(label, route);
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i <= kBuckets.size(); ++i) {
        cumulative += i < kBuckets.size() ? h.buckets[i] : 0;
        const std::uint64_t value = i < kBuckets.size() ? cumulative : h.count;
        out.append("pixabots_http_request_duration_seconds_bucket{route=\"").append(label).append("\",le=\"");
        out.append(i < kBuckets.size() ? kBucketLabels[i] : std::string_view("+Inf")).append("\"} ");
        appendNumber(out, value);
        out += '\n';
      }
      out.append("pixabots_http_request_duration_seconds_sum{route=\"").append(label).append("\"} ");
      appendNumber(out, h.sum);
      out += '\n';
      out.append("pixabots_http_request_duration_seconds_count{route=\"").append(label).append("\"} ");
      appendNumber(out, h.count);
      out += '\n';
    }
  }
  appendScalar(out, "pixabots_cache_hits_total", "counter", "Response cache lookups that found an entry.", cache.hits);
  appendScalar(out, "pixabots_cache_misses_total", "counter", "Response cache lookups that found nothing.",
               cache.misses);
  appendScalar(out, "pixabots_cache_evictions_total", "counter", "Entries evicted to fit the byte budget.",
               cache.evictions);
  appendScalar(out, "pixabots_cache_bytes", "gauge", "Bytes charged to the response cache.", cache.bytes);
  appendScalar(out, "pixabots_cache_entries", "gauge", "Entries in the response cache.", cache.entries);
  return out;
}

}  // namespace pixabots::server
