#include "server/http_server.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "server/metrics.hpp"
#include "server/rate_limiter.hpp"
#include "server/render_gate.hpp"
#include "server/response_cache.hpp"

namespace pixabots::server {
namespace {

// Moves the body: a cached GIF is tens of KiB, and set_content would copy it once more.
void send(Response&& r, httplib::Response& res) {
  res.status = r.status;
  for (const auto& [name, value] : r.headers) res.set_header(name.c_str(), value);
  if (!r.contentType.empty()) {
    res.body = std::move(r.body);
    res.set_header("Content-Type", r.contentType);
  }
}

// httplib's own refusals, worded as the API's errors.
const char* reason(int status) {
  switch (status) {
    case 400: return "Bad request";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 413: return "Payload too large";
    case 414: return "URI too long";
    case 416: return "Range not satisfiable";
    case 431: return "Request header fields too large";
    default: return status >= 500 ? "Internal server error" : "Bad request";
  }
}

std::size_t headerBytes(const httplib::Request& req) {
  std::size_t total = 0;
  for (const auto& [name, value] : req.headers) total += name.size() + value.size() + 4;  // ": " and CRLF
  return total;
}

}  // namespace

struct HttpServer::Impl {
  explicit Impl(const Config& c)
      : config(c),
        cache(c.cacheMegabytes << 20),
        limiter({c.animatedPerMinute, c.ogPerMinute}),
        gate(c.maxRenders) {}

  Response answer(const Service& service, const httplib::Request& req);

  Config config;
  httplib::Server http;
  ResponseCache cache;
  RateLimiter limiter;
  RenderGate gate;
  Metrics metrics;
};

// Parse; answer cache hits; rate-limit, then gate, the expensive renders; render; then If-None-Match.
Response HttpServer::Impl::answer(const Service& service, const httplib::Request& req) {
  const std::string ifNoneMatch = req.get_header_value("If-None-Match");
  const ParseResult parsed = service.parse(req.target);
  if (const auto* error = std::get_if<RequestError>(&parsed)) return errorResponse(error->status, error->message);
  const ApiRequest& request = std::get<ApiRequest>(parsed);
  if (std::holds_alternative<MetricsRequest>(request)) {
    Response r;
    r.contentType = "text/plain; version=0.0.4";
    r.body = metrics.prometheus(cache.stats());
    r.headers.emplace_back("Cache-Control", "no-store");
    r.route = "metrics";
    return r;
  }
  // A cache hit costs a lookup and a copy, whatever it once took to render: it
  // neither counts against the client's rate limit nor takes a render slot
  // (behind the CDN, repeated identical requests would not reach us at all).
  const bool cacheable = Service::deterministic(request);
  const std::string key = cacheable ? Service::cacheKey(request) : std::string();
  if (cacheable) {
    if (const auto cached = cache.find(key)) {
      Response hit;
      hit.status = cached->status;
      hit.contentType = cached->contentType;
      hit.body = cached->body;
      hit.headers = {{"Cache-Control", std::string(kCacheControl)}, {"ETag", cached->etag}};
      hit.route = Service::route(request);
      return conditional(std::move(hit), ifNoneMatch);
    }
  }
  const RequestCost cost = Service::cost(request);
  RateDecision decision{true, 0, 0, 0, 0};
  if (cost != RequestCost::cheap) {
    decision = limiter.check(req.remote_addr, cost == RequestCost::og ? Cost::og : Cost::animated,
                             std::chrono::steady_clock::now());
  }
  Response response;
  // Held until the render is done; empty for cheap renders.
  std::optional<RenderGate::Ticket> ticket;
  if (!decision.allowed) {
    response = errorResponse(429, "Rate limit exceeded. Try again in " + std::to_string(decision.retryAfterSeconds) + "s.");
    response.headers.emplace_back("Retry-After", std::to_string(decision.retryAfterSeconds));
  } else if (Service::heavy(request) &&
             !(ticket = gate.tryEnter(std::chrono::milliseconds(config.renderWaitMs)))) {
    response = errorResponse(503, "Server busy rendering. Try again in 1s.");
    response.headers.emplace_back("Retry-After", "1");
  } else {
    response = service.respond(request);
    ticket.reset();
    if (cacheable && response.status == 200) {
      cache.insert(key, std::make_shared<const CachedResponse>(CachedResponse{
                            response.status, response.contentType, response.body,
                            std::string(response.header("ETag").value_or(""))}));
    }
  }
  if (decision.limit > 0) {
    response.headers.emplace_back("X-RateLimit-Limit", std::to_string(decision.limit));
    response.headers.emplace_back("X-RateLimit-Remaining", std::to_string(decision.remaining));
    response.headers.emplace_back("X-RateLimit-Reset", std::to_string(decision.resetSeconds));
  }
  return conditional(std::move(response), ifNoneMatch);
}

HttpServer::HttpServer(const Config& config) : impl_(std::make_unique<Impl>(config)) {
  httplib::Server& http = impl_->http;
  // Without TCP_NODELAY a keep-alive response waits for the client's delayed ACK: ~1,000 req/s instead of ~50,000.
  http.set_tcp_nodelay(true);
  const auto threads = static_cast<std::size_t>(config.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_keep_alive_max_count(static_cast<std::size_t>(config.keepAliveMaxCount));
  http.set_keep_alive_timeout(config.keepAliveTimeoutSeconds);
  http.set_read_timeout(config.readTimeoutSeconds);
  http.set_write_timeout(config.writeTimeoutSeconds);
  // Only GETs are served; a body is never read for anything.
  http.set_payload_max_length(8192);
  http.set_default_headers({
      {"Access-Control-Allow-Origin", "*"},
      {"Access-Control-Allow-Methods", "GET, HEAD, OPTIONS"},
      {"Access-Control-Allow-Headers", "Content-Type, If-None-Match"},
      {"Access-Control-Expose-Headers", "ETag, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"},
  });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
  const Config& c = impl_->config;
  if (c.port == 0) {
    const int port = impl_->http.bind_to_any_port(c.host);
    if (port < 0) throw std::runtime_error("cannot listen on " + c.host + " (any port)");
    return port;
  }
  if (!impl_->http.bind_to_port(c.host, c.port)) {
    throw std::runtime_error("cannot listen on " + c.host + ":" + std::to_string(c.port) + " (in use or not an address here)");
  }
  return c.port;
}

void HttpServer::run(const Service& service) {
  httplib::Server& http = impl_->http;
  const Config& config = impl_->config;

  // httplib's line limits (8 KiB per line, URI included) are compiled in; this bounds the lines together.
  http.set_pre_routing_handler([&config](const httplib::Request& req, httplib::Response& res) {
    if (headerBytes(req) <= config.maxHeaderBytes) return httplib::Server::HandlerResponse::Unhandled;
    send(errorResponse(431, reason(431)), res);
    return httplib::Server::HandlerResponse::Handled;
  });

  Impl& impl = *impl_;
  http.Get(".*", [&service, &config, &impl](const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    Response response = impl.answer(service, req);
    const std::string_view route = response.route;
    const int status = response.status;
    send(std::move(response), res);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    impl.metrics.count(route, status, took.count() / 1000);
    if (config.accessLog) {
      // One call per line: stdio locks the stream, so lines from threads do not interleave.
      std::fprintf(stderr, "%s \"%s %s\" %d %zu %.2fms\n", req.remote_addr.c_str(), req.method.c_str(),
                   req.target.c_str(), status, res.body.size(), took.count());
    }
  });
  // CORS preflight for every path.
  http.Options(".*", [](const httplib::Request&, httplib::Response& res) {
    res.status = 204;
    res.set_header("Access-Control-Max-Age", "86400");
  });
  const auto notAllowed = [](const httplib::Request&, httplib::Response& res) {
    send(errorResponse(405, "Method not allowed"), res);
    res.set_header("Allow", "GET, HEAD, OPTIONS");
  };
  http.Post(".*", notAllowed);
  http.Put(".*", notAllowed);
  http.Patch(".*", notAllowed);
  http.Delete(".*", notAllowed);

  // httplib's own errors (malformed request, URI too long, ...) get the API's JSON body too.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const int status = res.status;
    send(errorResponse(status, reason(status)), res);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send(errorResponse(500, "Internal server error"), res);
  });

  http.listen_after_bind();
}

void HttpServer::stop() { impl_->http.stop(); }

RenderGate& HttpServer::renderGate() { return impl_->gate; }

}  // namespace pixabots::server
