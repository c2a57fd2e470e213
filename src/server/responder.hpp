#pragma once
// From a parsed request to a response, with everything the HTTP layer adds to
// the Service: the response cache, /metrics, rate limits and the render gate.
// In two steps, so the event loop never runs an expensive render: begin() is
// cheap (parse, cache hits, refusals) and hands back either the reply or a
// pending render that finish() completes, on the render pool when heavy.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "server/config.hpp"
#include "server/handlers.hpp"
#include "server/metrics.hpp"
#include "server/rate_limiter.hpp"
#include "server/render_gate.hpp"
#include "server/response_cache.hpp"

namespace pixabots::server {

// A response ready to send; the body is shared with the cache on a hit.
struct Reply {
  Response response;                        // status, content type, headers, route; its body is moved out into `body`
  std::shared_ptr<const std::string> body;  // null for 204, 302, 304
};

// A request that needs rendering, and what finish() needs to answer it.
struct PendingRender {
  std::shared_ptr<const Service> service;  // the one begin() parsed with: a reload meanwhile does not mix packs
  ApiRequest request;
  std::string origin;
  std::string cacheKey;  // empty: not cacheable; begins with the service's generation
  RateDecision rate{true, 0, 0, 0, 0};
  std::string ifNoneMatch;
  bool heavy = false;  // takes a render slot, runs on the render pool
  std::chrono::steady_clock::time_point arrived;
};

class Responder {
 public:
  // The gate caps expensive renders; the caller owns it so it can be held from outside (tests).
  Responder(const Config& config, std::shared_ptr<const Service> service, RenderGate& gate);

  // Everything short of rendering. `reducedMotion`: the client's
  // Sec-CH-Prefers-Reduced-Motion says reduce (animated renders are served still).
  std::variant<Reply, PendingRender> begin(std::string_view target, std::string_view client, std::string origin,
                                           std::string_view ifNoneMatch, bool reducedMotion = false);
  // Renders (heavy ones within a render slot, waiting for one at most until
  // arrived + render-wait-ms), caches, adds the rate headers, applies
  // If-None-Match. Never throws.
  Reply finish(PendingRender pending);

  Metrics& metrics() { return metrics_; }

  // The service answering new requests.
  std::shared_ptr<const Service> service() const;
  // Answers new requests with `next` and drops every cached response. Renders
  // in flight finish with the service they began with; what they cache is
  // keyed to the old generation, never found again, and evicted in time.
  void replaceService(std::shared_ptr<const Service> next);

 private:
  // The client's window for a request of `cost` answered without counting (a cache hit, an error).
  RateDecision peek(std::string_view client, RequestCost cost) const;

  const Config& config_;
  mutable std::mutex serviceMutex_;  // guards service_ and generation_, swapped by a reload
  std::shared_ptr<const Service> service_;
  std::uint64_t generation_ = 0;  // reloads so far; the first word of every cache key
  ResponseCache cache_;
  RateLimiter limiter_;
  RenderGate& gate_;
  Metrics metrics_;
};

// A reply for a response made here (errors, 405, 431...): its body moved into shared storage.
Reply replyOf(Response response);

}  // namespace pixabots::server
