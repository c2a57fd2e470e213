// The server's support modules on their own: response cache, rate limiter,
// render gate, metrics text, ETags. No HTTP and no wall-clock timing: the
// rate limiter takes `now` as an argument, and the gate's concurrency checks
// hold tickets until the test releases them.
#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "server/etag.hpp"
#include "server/metrics.hpp"
#include "server/rate_limiter.hpp"
#include "server/render_gate.hpp"
#include "server/response_cache.hpp"

using namespace pixabots::server;
using namespace std::chrono_literals;

namespace {

// A response whose one header is "E: <etag>" when `etag` is given.
std::shared_ptr<const CachedResponse> response(std::size_t bodyBytes, std::string etag = "") {
  CachedResponse r{200, "t", std::string(bodyBytes, 'x'), {}};
  if (!etag.empty()) r.headers.emplace_back("E", std::move(etag));
  return std::make_shared<const CachedResponse>(std::move(r));
}

// key + body + content type ("t") + the header "E: <etag>" + overhead
constexpr std::size_t costOf(std::size_t key, std::size_t body, std::size_t etag = 0) {
  return key + body + 1 + (etag > 0 ? 1 + etag : 0) + ResponseCache::kEntryOverhead;
}

}  // namespace

TEST_CASE("cache: evicts least recently used first, bytes exact") {
  const std::size_t each = costOf(1, 100);
  ResponseCache cache(3 * each);
  cache.insert("a", response(100));
  cache.insert("b", response(100));
  cache.insert("c", response(100));
  CHECK(cache.stats().bytes == 3 * each);
  CHECK(cache.stats().entries == 3);

  REQUIRE(cache.find("a") != nullptr);  // a is now the most recent: b goes next
  cache.insert("d", response(100));
  CHECK(cache.find("b") == nullptr);
  CHECK(cache.find("a") != nullptr);
  CHECK(cache.find("c") != nullptr);
  CHECK(cache.find("d") != nullptr);

  // A larger entry evicts as many as it needs, oldest first (a, then c).
  cache.insert("e", response(100 + each));
  CHECK(cache.find("a") == nullptr);
  CHECK(cache.find("c") == nullptr);
  CHECK(cache.find("d") != nullptr);
  CHECK(cache.find("e") != nullptr);

  const auto stats = cache.stats();
  CHECK(stats.entries == 2);
  CHECK(stats.bytes == each + costOf(1, 100 + each));
  CHECK(stats.evictions == 3);
  CHECK(stats.hits == 6);
  CHECK(stats.misses == 3);
}

TEST_CASE("cache: every string is charged, and replacing a key re-charges it") {
  ResponseCache cache(10000);
  auto value = std::make_shared<const CachedResponse>(
      CachedResponse{200, "image/png", "body", {{"ETag", "\"etag\""}, {"Vary", "Sec-CH-Prefers-Reduced-Motion"}}});
  cache.insert("key", value);
  CHECK(cache.stats().bytes == 3 + 9 + 4 + (4 + 6) + (4 + 29) + ResponseCache::kEntryOverhead);
  CHECK(ResponseCache::cost("key", *value) == cache.stats().bytes);

  cache.insert("key", response(50));
  CHECK(cache.stats().entries == 1);
  CHECK(cache.stats().bytes == costOf(3, 50));
  CHECK(cache.stats().evictions == 0);  // a replacement is not an eviction
  CHECK(cache.find("key")->body.size() == 50);
}

TEST_CASE("cache: an entry larger than the budget is not stored") {
  ResponseCache cache(costOf(1, 100));
  cache.insert("a", response(100));  // exactly the budget: fits
  CHECK(cache.stats().entries == 1);
  cache.insert("b", response(101));
  CHECK(cache.find("b") == nullptr);
  CHECK(cache.find("a") != nullptr);  // and nothing was evicted for it
  CHECK(cache.stats().evictions == 0);

  cache.insert("a", response(101));  // too big: the stale old value goes too
  CHECK(cache.find("a") == nullptr);
  CHECK(cache.stats().bytes == 0);
  CHECK(cache.stats().entries == 0);

  cache.insert("n", nullptr);
  CHECK(cache.stats().entries == 0);
}

TEST_CASE("cache: a budget of 0 disables it") {
  ResponseCache cache(0);
  cache.insert("a", response(0));
  CHECK(cache.find("a") == nullptr);
  const auto stats = cache.stats();
  CHECK(stats.entries == 0);
  CHECK(stats.bytes == 0);
  CHECK(stats.misses == 1);
  CHECK(stats.hits == 0);
}

TEST_CASE("cache: a found response outlives its eviction") {
  ResponseCache cache(costOf(1, 10));
  cache.insert("a", response(10));
  const auto held = cache.find("a");
  cache.insert("b", response(10));
  CHECK(cache.find("a") == nullptr);
  CHECK(held->body == std::string(10, 'x'));
}

TEST_CASE("cache: concurrent find and insert from 8 threads stay consistent") {
  constexpr int kThreads = 8, kOps = 20000, kKeys = 64;
  const std::size_t each = costOf(3, 32, 3);  // keys "k00".."k63", etag = key
  ResponseCache cache(16 * each);
  std::vector<int> finds(kThreads), wrong(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kOps; ++i) {
        const int k = (i * 7 + t * 13) % kKeys;
        const std::string key = "k" + std::to_string(k / 10) + std::to_string(k % 10);
        if ((i + t) % 3 == 0) {
          cache.insert(key, response(32, key));
        } else {
          ++finds[static_cast<std::size_t>(t)];
          const auto found = cache.find(key);
          if (found && found->headers != decltype(found->headers){{"E", key}}) ++wrong[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  const auto stats = cache.stats();
  std::uint64_t totalFinds = 0;
  for (const int f : finds) totalFinds += static_cast<std::uint64_t>(f);
  CHECK(stats.hits + stats.misses == totalFinds);
  CHECK(stats.hits > 0);
  CHECK(stats.bytes == stats.entries * each);
  CHECK(stats.entries <= 16);
  CHECK(stats.evictions > 0);
  CHECK(wrong == std::vector<int>(kThreads, 0));
}

namespace {
const auto kNow = std::chrono::steady_clock::time_point{} + 1h;
}

TEST_CASE("rate limiter: exact counts and headers in one window") {
  RateLimiter limiter({.animatedPerMinute = 3, .ogPerMinute = 2});
  for (int i = 0; i < 3; ++i) {
    const auto d = limiter.check("1.2.3.4", Cost::animated, kNow);
    CHECK(d.allowed);
    CHECK(d.limit == 3);
    CHECK(d.remaining == 2 - i);
    CHECK(d.resetSeconds == 60);
    CHECK(d.retryAfterSeconds == 0);
  }
  const auto refused = limiter.check("1.2.3.4", Cost::animated, kNow + 10s);
  CHECK_FALSE(refused.allowed);
  CHECK(refused.limit == 3);
  CHECK(refused.remaining == 0);
  CHECK(refused.resetSeconds == 50);
  CHECK(refused.retryAfterSeconds == 50);
  // Rounded up: waiting the advertised time always suffices.
  CHECK(limiter.check("1.2.3.4", Cost::animated, kNow + 59500ms).retryAfterSeconds == 1);
}

TEST_CASE("rate limiter: the window resets after 60 s, refusals do not count") {
  RateLimiter limiter({.animatedPerMinute = 2, .ogPerMinute = 2});
  CHECK(limiter.check("c", Cost::animated, kNow).allowed);
  CHECK(limiter.check("c", Cost::animated, kNow + 1s).allowed);
  for (int i = 0; i < 10; ++i) CHECK_FALSE(limiter.check("c", Cost::animated, kNow + 2s).allowed);
  CHECK_FALSE(limiter.check("c", Cost::animated, kNow + 60s - 1ns).allowed);
  const auto fresh = limiter.check("c", Cost::animated, kNow + 60s);
  CHECK(fresh.allowed);
  CHECK(fresh.remaining == 1);
  CHECK(fresh.resetSeconds == 60);  // the new window opened at this request
  CHECK(limiter.check("c", Cost::animated, kNow + 61s).allowed);
  CHECK_FALSE(limiter.check("c", Cost::animated, kNow + 62s).allowed);
}

TEST_CASE("rate limiter: peek reports the window without counting or tracking") {
  RateLimiter limiter({.animatedPerMinute = 3, .ogPerMinute = 0});
  // No window open: the whole allowance, and the 60 s the next render's window will last.
  auto seen = limiter.peek("a", Cost::animated, kNow);
  CHECK((seen.allowed && seen.limit == 3 && seen.remaining == 3 && seen.resetSeconds == 60));
  CHECK(limiter.clientCount() == 0);
  for (int i = 0; i < 5; ++i) CHECK(limiter.peek("a", Cost::animated, kNow).remaining == 3);  // peeks never count
  CHECK(limiter.check("a", Cost::animated, kNow).remaining == 2);
  seen = limiter.peek("a", Cost::animated, kNow + 20500ms);
  CHECK(seen.remaining == 2);
  CHECK(seen.resetSeconds == 40);  // the same rounding as check()
  CHECK(limiter.check("a", Cost::animated, kNow + 21s).remaining == 1);
  CHECK(limiter.check("a", Cost::animated, kNow + 21s).remaining == 0);
  seen = limiter.peek("a", Cost::animated, kNow + 30s);
  CHECK((!seen.allowed && seen.remaining == 0 && seen.resetSeconds == 30 && seen.retryAfterSeconds == 30));
  CHECK(limiter.peek("a", Cost::animated, kNow + 60s).remaining == 3);  // the window is over
  // Unlimited classes report no limit at all (no headers).
  CHECK(limiter.peek("a", Cost::og, kNow).limit == 0);
  CHECK(limiter.peek("a", Cost::cheap, kNow).limit == 0);
  CHECK(limiter.clientCount() == 1);
}

TEST_CASE("rate limiter: clients and cost classes are independent") {
  RateLimiter limiter({.animatedPerMinute = 1, .ogPerMinute = 1});
  CHECK(limiter.check("a", Cost::animated, kNow).allowed);
  CHECK_FALSE(limiter.check("a", Cost::animated, kNow).allowed);
  CHECK(limiter.check("a", Cost::og, kNow).allowed);
  CHECK_FALSE(limiter.check("a", Cost::og, kNow).allowed);
  CHECK(limiter.check("b", Cost::animated, kNow).allowed);
  CHECK(limiter.check("b", Cost::og, kNow).allowed);
  CHECK(limiter.clientCount() == 2);
}

TEST_CASE("rate limiter: cheap and disabled classes are unlimited and untracked") {
  RateLimiter limiter({.animatedPerMinute = 0, .ogPerMinute = 1});
  for (int i = 0; i < 1000; ++i) {
    const auto cheap = limiter.check("a", Cost::cheap, kNow);
    const auto animated = limiter.check("a", Cost::animated, kNow);
    CHECK((cheap.allowed && cheap.limit == 0 && cheap.remaining == 0 && cheap.resetSeconds == 0 &&
           cheap.retryAfterSeconds == 0));
    CHECK((animated.allowed && animated.limit == 0));
  }
  CHECK(limiter.clientCount() == 0);
  CHECK(limiter.check("a", Cost::og, kNow).allowed);
  CHECK_FALSE(limiter.check("a", Cost::og, kNow).allowed);
}

TEST_CASE("rate limiter: a flood of distinct clients cannot grow it without bound") {
  SECTION("all inside one window: capped") {
    RateLimiter limiter({});
    for (int i = 0; i < 100000; ++i) {
      CHECK(limiter.check("10." + std::to_string(i), Cost::og, kNow).allowed);
      REQUIRE(limiter.clientCount() <= RateLimiter::kMaxClients);
    }
    CHECK(limiter.clientCount() > RateLimiter::kMaxClients / 2);
    // The survivors are still limited.
    const std::string last = "10.99999";
    for (int i = 1; i < 30; ++i) CHECK(limiter.check(last, Cost::og, kNow).allowed);
    CHECK_FALSE(limiter.check(last, Cost::og, kNow).allowed);
  }
  SECTION("spread over time: ended windows are pruned") {
    RateLimiter limiter({});
    std::size_t most = 0;
    for (int i = 0; i < 100000; ++i) {
      // 100 new clients a second: at most 6000 have a live window.
      limiter.check("10." + std::to_string(i), Cost::animated, kNow + i * 10ms);
      most = std::max(most, limiter.clientCount());
    }
    CHECK(most <= 12000);  // live clients, plus the slack before the next sweep
  }
}

TEST_CASE("render gate: caps concurrent tickets") {
  constexpr int kCap = 3, kThreads = 8;
  RenderGate gate(kCap);
  std::atomic<int> current{0}, most{0}, entered{0};
  std::atomic<bool> release{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto ticket = gate.tryEnter(60s);
      if (!ticket) return;
      const int now = ++current;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      ++entered;
      while (!release.load()) std::this_thread::yield();  // hold the slot until the test lets go
      --current;
    });
  }
  while (gate.inFlight() < kCap) std::this_thread::yield();
  // Full: nobody else gets in, with or without waiting.
  CHECK_FALSE(gate.tryEnter(0ms).has_value());
  CHECK_FALSE(gate.tryEnter(5ms).has_value());
  CHECK(entered.load() == kCap);
  release = true;
  for (auto& th : threads) th.join();
  CHECK(most.load() == kCap);
  CHECK(entered.load() == kThreads);
  CHECK(gate.inFlight() == 0);
}

TEST_CASE("render gate: times out, and a released slot admits a waiter") {
  RenderGate gate(1);
  auto held = gate.tryEnter(0ms);
  REQUIRE(held.has_value());
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(gate.tryEnter(20ms).has_value());
  CHECK(std::chrono::steady_clock::now() - start >= 20ms);

  std::atomic<bool> got{false};
  std::thread waiter([&] { got = gate.tryEnter(60s).has_value(); });
  held.reset();  // frees the slot the waiter blocks on
  waiter.join();
  CHECK(got.load());
  CHECK(gate.inFlight() == 0);
}

TEST_CASE("render gate: tickets move, and a cap of 0 means no cap") {
  RenderGate gate(2);
  auto a = gate.tryEnter(0ms);
  auto b = gate.tryEnter(0ms);
  REQUIRE((a && b));
  RenderGate::Ticket moved = std::move(*a);
  a.reset();  // the moved-from ticket releases nothing
  CHECK(gate.inFlight() == 2);
  moved = std::move(*b);  // the overwritten ticket releases its slot
  CHECK(gate.inFlight() == 1);
  b.reset();
  CHECK(gate.inFlight() == 1);

  RenderGate open(0);
  std::vector<RenderGate::Ticket> many;
  for (int i = 0; i < 100; ++i) many.push_back(*open.tryEnter(0ms));
  CHECK(open.inFlight() == 100);
}

TEST_CASE("metrics: Prometheus text for a known sequence") {
  Metrics metrics;
  // Binary fractions, so the sum prints exactly.
  metrics.count("/avatar", 200, 0.0009765625);
  metrics.count("/avatar", 200, 0.5);
  metrics.count("/avatar", 304, 0.00390625);
  metrics.count("/og\"x\\\n", 429, 20);
  metrics.count("/avatar", 200, -1);  // clamped to 0
  ResponseCache::Stats cache;
  cache.hits = 5;
  cache.misses = 2;
  cache.evictions = 1;
  cache.bytes = 300;
  cache.entries = 1;
  CHECK(metrics.prometheus(cache) ==
        "# HELP pixabots_http_requests_total HTTP requests answered, by route and status.\n"
        "# TYPE pixabots_http_requests_total counter\n"
        "pixabots_http_requests_total{route=\"/avatar\",status=\"200\"} 3\n"
        "pixabots_http_requests_total{route=\"/avatar\",status=\"304\"} 1\n"
        "pixabots_http_requests_total{route=\"/og\\\"x\\\\\\n\",status=\"429\"} 1\n"
        "# HELP pixabots_http_request_duration_seconds Time to answer an HTTP request, by route.\n"
        "# TYPE pixabots_http_request_duration_seconds histogram\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"0.001\"} 2\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"0.0025\"} 2\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"0.005\"} 3\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"0.01\"} 3\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"0.025\"} 3\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"0.05\"} 3\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"0.1\"} 3\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"0.25\"} 3\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"0.5\"} 4\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"1\"} 4\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"2.5\"} 4\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/avatar\",le=\"+Inf\"} 4\n"
        "pixabots_http_request_duration_seconds_sum{route=\"/avatar\"} 0.5048828125\n"
        "pixabots_http_request_duration_seconds_count{route=\"/avatar\"} 4\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"0.001\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"0.0025\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"0.005\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"0.01\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"0.025\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"0.05\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"0.1\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"0.25\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"0.5\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"1\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"2.5\"} 0\n"
        "pixabots_http_request_duration_seconds_bucket{route=\"/og\\\"x\\\\\\n\",le=\"+Inf\"} 1\n"
        "pixabots_http_request_duration_seconds_sum{route=\"/og\\\"x\\\\\\n\"} 20\n"
        "pixabots_http_request_duration_seconds_count{route=\"/og\\\"x\\\\\\n\"} 1\n"
        "# HELP pixabots_cache_hits_total Response cache lookups that found an entry.\n"
        "# TYPE pixabots_cache_hits_total counter\n"
        "pixabots_cache_hits_total 5\n"
        "# HELP pixabots_cache_misses_total Response cache lookups that found nothing.\n"
        "# TYPE pixabots_cache_misses_total counter\n"
        "pixabots_cache_misses_total 2\n"
        "# HELP pixabots_cache_evictions_total Entries evicted to fit the byte budget.\n"
        "# TYPE pixabots_cache_evictions_total counter\n"
        "pixabots_cache_evictions_total 1\n"
        "# HELP pixabots_cache_bytes Bytes charged to the response cache.\n"
        "# TYPE pixabots_cache_bytes gauge\n"
        "pixabots_cache_bytes 300\n"
        "# HELP pixabots_cache_entries Entries in the response cache.\n"
        "# TYPE pixabots_cache_entries gauge\n"
        "pixabots_cache_entries 1\n");
}

TEST_CASE("metrics: headers only with no requests, and routes past the cap fold into other") {
  Metrics metrics;
  const std::string empty = metrics.prometheus({});
  CHECK(empty.find("pixabots_http_requests_total{") == std::string::npos);
  CHECK(empty.find("# TYPE pixabots_http_request_duration_seconds histogram\n") != std::string::npos);
  CHECK(empty.find("pixabots_cache_entries 0\n") != std::string::npos);

  for (std::size_t i = 0; i < Metrics::kMaxRoutes + 10; ++i) metrics.count("/r" + std::to_string(i), 200, 0);
  const std::string text = metrics.prometheus({});
  CHECK(text.find("route=\"/r63\",status") != std::string::npos);
  CHECK(text.find("route=\"/r64\"") == std::string::npos);
  CHECK(text.find("pixabots_http_requests_total{route=\"other\",status=\"200\"} 10\n") != std::string::npos);
}

TEST_CASE("metrics: concurrent counts all land") {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5000; ++i) metrics.count(i % 2 ? "/a" : "/b", 200, 0.01);
    });
  }
  for (auto& th : threads) th.join();
  const std::string text = metrics.prometheus({});
  CHECK(text.find("pixabots_http_requests_total{route=\"/a\",status=\"200\"} 20000\n") != std::string::npos);
  CHECK(text.find("pixabots_http_request_duration_seconds_count{route=\"/b\"} 20000\n") != std::string::npos);
}

TEST_CASE("etag: quoted FNV-1a 64 of the content type, a NUL, and the body") {
  CHECK(strongEtag("", "") == "\"af63bd4c8601b7df\"");  // FNV-1a 64 of the single byte 0
  CHECK(strongEtag("hello", "image/png") == "\"38855478ebad910e\"");
  CHECK(strongEtag("hello", "image/png") == strongEtag(std::string("hello"), std::string("image/png")));
  CHECK(strongEtag("hello", "image/gif") != strongEtag("hello", "image/png"));
  CHECK(strongEtag("ab", "c") != strongEtag("b", "ca"));
}

TEST_CASE("etag: If-None-Match lists, wildcard and weak comparison") {
  const std::string tag = "\"abc\"";
  CHECK(ifNoneMatchHits("\"abc\"", tag));
  CHECK(ifNoneMatchHits("W/\"abc\"", tag));
  CHECK(ifNoneMatchHits("\"abc\"", "W/\"abc\""));
  CHECK(ifNoneMatchHits("\"x\", \"abc\"", tag));
  CHECK(ifNoneMatchHits("\"x\",\"abc\"", tag));
  CHECK(ifNoneMatchHits(" , ,\t\"abc\" ,", tag));
  CHECK(ifNoneMatchHits("*", tag));
  CHECK(ifNoneMatchHits(" * ", tag));
  CHECK(ifNoneMatchHits("\"a,b\"", "\"a,b\""));      // a comma inside a tag is not a separator
  CHECK(ifNoneMatchHits("\"abc\"x, \"abc\"", tag));  // a malformed member is skipped

  CHECK_FALSE(ifNoneMatchHits("", tag));
  CHECK_FALSE(ifNoneMatchHits("\"x\", \"y\"", tag));
  CHECK_FALSE(ifNoneMatchHits("abc", tag));
  CHECK_FALSE(ifNoneMatchHits("\"ABC\"", tag));
  CHECK_FALSE(ifNoneMatchHits("w/\"abc\"", tag));  // the weak prefix is case-sensitive
  CHECK_FALSE(ifNoneMatchHits("\"abc", tag));
  CHECK_FALSE(ifNoneMatchHits("\"abc\"x", tag));
  CHECK_FALSE(ifNoneMatchHits("\"a\", *", tag));  // `*` only as the whole field
  CHECK_FALSE(ifNoneMatchHits("*", ""));
  CHECK_FALSE(ifNoneMatchHits("\"\"", ""));
  CHECK_FALSE(ifNoneMatchHits(std::string(100000, ','), tag));
  CHECK_FALSE(ifNoneMatchHits(std::string(100000, '"'), tag));
}
