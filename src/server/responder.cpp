#include "server/responder.hpp"

#include <algorithm>

namespace pixabots::server {
namespace {

Cost limiterCost(RequestCost cost) {
  switch (cost) {
    case RequestCost::animated: return Cost::animated;
    case RequestCost::og: return Cost::og;
    case RequestCost::cheap: return Cost::cheap;
  }
  return Cost::cheap;
}

// On every answer to a limited request (limit 0: an unlimited one gets none).
void addRateHeaders(Response& response, const RateDecision& decision) {
  if (decision.limit <= 0) return;
  response.headers.emplace_back("X-RateLimit-Limit", std::to_string(decision.limit));
  response.headers.emplace_back("X-RateLimit-Remaining", std::to_string(decision.remaining));
  response.headers.emplace_back("X-RateLimit-Reset", std::to_string(decision.resetSeconds));
}

}  // namespace

Reply replyOf(Response response) {
  Reply reply;
  if (!response.body.empty() || !response.contentType.empty()) {
    reply.body = std::make_shared<const std::string>(std::move(response.body));
  }
  reply.response = std::move(response);
  return reply;
}

Responder::Responder(const Config& config, std::shared_ptr<const Service> service, RenderGate& gate)
    : config_(config),
      service_(std::move(service)),
      cache_(config.cacheMegabytes << 20),
      limiter_({config.animatedPerMinute, config.ogPerMinute}),
      gate_(gate) {}

std::shared_ptr<const Service> Responder::service() const {
  const std::lock_guard lock(serviceMutex_);
  return service_;
}

void Responder::replaceService(std::shared_ptr<const Service> next) {
  {
    const std::lock_guard lock(serviceMutex_);
    service_.swap(next);
    ++generation_;
  }
  cache_.clear();
  // `next` now holds the old service: released here unless a render in flight still uses it.
}

RateDecision Responder::peek(std::string_view client, RequestCost cost) const {
  return limiter_.peek(client, limiterCost(cost), std::chrono::steady_clock::now());
}

std::variant<Reply, PendingRender> Responder::begin(std::string_view target, std::string_view client,
                                                    std::string origin, std::string_view ifNoneMatch,
                                                    bool reducedMotion) {
  std::shared_ptr<const Service> service;
  std::uint64_t generation = 0;
  {
    const std::lock_guard lock(serviceMutex_);
    service = service_;
    generation = generation_;
  }
  ParseResult parsed = service->parse(target, reducedMotion);
  if (const auto* error = std::get_if<RequestError>(&parsed)) {
    Response refused = errorResponse(error->status, error->message);
    addRateHeaders(refused, peek(client, error->cost));
    return replyOf(std::move(refused));
  }
  ApiRequest& request = std::get<ApiRequest>(parsed);
  if (std::holds_alternative<MetricsRequest>(request)) {
    Response r;
    r.contentType = "text/plain; version=0.0.4";
    r.body = metrics_.prometheus(cache_.stats());
    r.headers.emplace_back("Cache-Control", "no-store");
    r.route = "metrics";
    return replyOf(std::move(r));
  }
  PendingRender pending;
  pending.arrived = std::chrono::steady_clock::now();
  const RequestCost cost = Service::cost(request);
  // A cache hit costs a lookup, whatever it once took to render: it neither
  // counts against the client's rate limit nor takes a render slot (behind
  // the CDN, repeated identical requests would not reach us at all). Bodies
  // carry absolute URLs, so the origin is part of the key.
  if (Service::deterministic(request)) {
    pending.cacheKey = std::to_string(generation) + " " + origin + " " + Service::cacheKey(request);
    if (const auto cached = cache_.find(pending.cacheKey)) {
      Reply hit;
      hit.response.status = cached->status;
      hit.response.contentType = cached->contentType;
      hit.response.headers = cached->headers;
      hit.response.route = Service::route(request);
      addRateHeaders(hit.response, peek(client, cost));
      hit.response = conditional(std::move(hit.response), ifNoneMatch);
      if (hit.response.status != 304) hit.body = std::shared_ptr<const std::string>(cached, &cached->body);
      return hit;
    }
  }
  if (cost != RequestCost::cheap) {
    pending.rate = limiter_.check(client, limiterCost(cost), pending.arrived);
    if (!pending.rate.allowed) {
      Response refused = errorResponse(
          429, "Rate limit exceeded. Try again in " + std::to_string(pending.rate.retryAfterSeconds) + "s.");
      refused.headers.emplace_back("Retry-After", std::to_string(pending.rate.retryAfterSeconds));
      addRateHeaders(refused, pending.rate);
      Service::addHintHeaders(refused, request);
      return replyOf(std::move(refused));
    }
  }
  pending.heavy = Service::heavy(request);
  // Filled only now: cache hits and refusals, the common answers, copy nothing.
  pending.service = std::move(service);
  pending.request = std::move(request);
  pending.origin = std::move(origin);
  pending.ifNoneMatch = ifNoneMatch;
  return pending;
}

Reply Responder::finish(PendingRender pending) {
  Response response;
  // Held until the render is done; empty for cheap renders. A heavy render
  // waits for a slot only what is left of render-wait-ms since it arrived:
  // time queued for the render pool counts.
  std::optional<RenderGate::Ticket> ticket;
  const auto waited =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - pending.arrived);
  const std::chrono::milliseconds left = std::chrono::milliseconds(config_.renderWaitMs) - waited;
  if (pending.heavy && (left.count() >= 0 || gate_.capacity() <= 0)) {
    ticket = gate_.tryEnter(std::max(left, std::chrono::milliseconds(0)));
  }
  if (pending.heavy && !ticket) {
    response = errorResponse(503, "Server busy rendering. Try again in 1s.");
    response.headers.emplace_back("Retry-After", "1");
    Service::addHintHeaders(response, pending.request);
  } else {
    response = pending.service->respond(pending.request, pending.origin);
    ticket.reset();
  }
  std::shared_ptr<const std::string> cachedBody;
  if (!pending.cacheKey.empty() && response.status == 200) {
    // Stored before the rate headers: those are this client's, the rest is the key's.
    auto cached = std::make_shared<CachedResponse>(
        CachedResponse{response.status, response.contentType, std::move(response.body), response.headers});
    cachedBody = std::shared_ptr<const std::string>(cached, &cached->body);
    cache_.insert(std::move(pending.cacheKey), std::move(cached));
  }
  addRateHeaders(response, pending.rate);
  if (!cachedBody) return replyOf(conditional(std::move(response), pending.ifNoneMatch));
  Reply reply{conditional(std::move(response), pending.ifNoneMatch), nullptr};
  if (reply.response.status != 304) reply.body = std::move(cachedBody);
  return reply;
}

}  // namespace pixabots::server
