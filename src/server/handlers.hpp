#pragma once
// The API's behaviour without HTTP: a request target in, a response out
// (status, content type, headers, body). One Service answers any number of
// threads at once: the pack is immutable (loaded once, every output rendered
// through the core's request layer), the sprite PNGs are encoded once at start-up.
// A reload builds a new Service from options() (HttpServer::reload).
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pixabots/core/pack.hpp"
#include "pixabots/core/request.hpp"
#include "server/pages.hpp"
#include "server/query.hpp"

namespace pixabots::server {

// What the service sends for deterministic renders (a day fresh, a week stale).
inline constexpr std::string_view kCacheControl = "public, max-age=86400, stale-while-revalidate=604800";

// PNGs wider than this take a render slot like animated and OG renders do:
// their encode grows with the square of the size (1920 px is ~225x a 128 px).
inline constexpr int kLargeRenderSize = 480;

struct Response {
  int status = 200;
  std::string contentType;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // beyond Content-Type and CORS
  std::string_view route;  // the route's name for metrics and logs ("pixabot", "og", ...)

  std::optional<std::string_view> header(std::string_view name) const;
};

// A JSON error body {"error": message}.
Response errorResponse(int status, std::string_view message);

struct ServiceOptions {
  std::optional<std::filesystem::path> pack;  // a sprite pack directory; the built-in art otherwise
  // Prefix of the URLs inside JSON bodies and redirects when the caller names none.
  std::string origin = "http://127.0.0.1:8080";
};

class Service {
 public:
  // Throws core::Error when the pack cannot be loaded.
  explicit Service(ServiceOptions options);

  // A parsed target (see parseRequest) and what it costs, for the HTTP layer
  // to rate-limit before rendering. `reducedMotion`: the client's
  // Sec-CH-Prefers-Reduced-Motion says reduce (prefersReducedMotion).
  ParseResult parse(std::string_view target, bool reducedMotion = false) const {
    return parseRequest(pack().catalog(), target, reducedMotion);
  }
  static RequestCost cost(const ApiRequest& request);
  // Renders costly enough to need a slot of the HTTP layer's RenderGate:
  // animated, OG, and PNGs over kLargeRenderSize.
  static bool heavy(const ApiRequest& request);
  // The route's name respond() puts in Response::route, for answers made without it (cache hits).
  static std::string_view route(const ApiRequest& request);
  // Deterministic requests get Cache-Control and an ETag; their responses can be cached by key.
  static bool deterministic(const ApiRequest& request);
  // A canonical key for the response cache: equal for requests with equal
  // responses (parameter order, `v` and ignored parameters do not matter).
  static std::string cacheKey(const ApiRequest& request);

  // The response to a parsed request, its absolute URLs at `origin`. 200s of
  // deterministic requests carry kCacheControl and a strong ETag; errors are
  // JSON; animated requests carry the hint headers (addHintHeaders). Its
  // headers are the same for every request with the same cacheKey and
  // origin. Never throws.
  Response respond(const ApiRequest& request, std::string_view origin) const;
  Response respond(const ApiRequest& request) const { return respond(request, options_.origin); }
  // parse + respond, then If-None-Match (the header's value, "" when absent): 304 when it names the ETag.
  Response get(std::string_view target, std::string_view ifNoneMatch = {}, bool reducedMotion = false) const;

  // For a request whose answer follows Sec-CH-Prefers-Reduced-Motion (an
  // animated render): Accept-CH, so browsers send the hint, and Vary (merged
  // with any Vary already there), so caches keep the two answers apart.
  static void addHintHeaders(Response& response, const ApiRequest& request);

  const core::Pack& pack() const { return loadedPack_ ? *loadedPack_ : core::Pack::embedded(); }
  const std::string& origin() const { return options_.origin; }
  const ServiceOptions& options() const { return options_; }

 private:
  Response pixabot(const PixabotRequest& r, std::string_view origin) const;
  Response frames(const FramesRequest& r, std::string_view origin) const;
  Response batch(const BatchRequest& r, std::string_view origin) const;
  Response random(const RandomRequest& r, std::string_view origin) const;
  Response og(const OgRequest& r) const;
  Response sprite(const SpriteRequest& r) const;
  Response embed(const EmbedRequest& r, std::string_view origin) const;
  Response index(std::string_view origin) const;
  Portrait portrait(std::string_view id) const;
  // The request for `id` in `format`, the URLs in its JSON at `origin`; the
  // rest of the options at the core's defaults.
  core::Request request(std::string_view id, core::Format format, std::string_view origin) const;
  std::string output(const core::Request& request) const;
  std::string randomId() const;

  ServiceOptions options_;
  std::optional<core::Pack> loadedPack_;
  std::map<std::string, std::string, std::less<>> sprites_;  // "eyes/glasses" -> PNG sheet
  std::vector<Route> routes_;                                // the index page's list, from the OpenAPI document
};

// 304 for a matching If-None-Match: the response's headers (ETag,
// Cache-Control, Vary, X-RateLimit-*...), no body.
Response notModified(const Response& response);
// `response`, or its 304 when `ifNoneMatch` (the header's value, "" when absent) names its ETag.
Response conditional(Response response, std::string_view ifNoneMatch);

}  // namespace pixabots::server
