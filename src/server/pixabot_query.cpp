// The image route (GET /api/pixabot/{id}), the embed page that shows it, and
// the random route, which forwards the image route's parameters.
#include <algorithm>
#include <cmath>

#include "pixabots/core/id.hpp"
#include "pixabots/core/render.hpp"
#include "server/query_parsers.hpp"

namespace pixabots::server::detail {
namespace {

// size as the image route reads it: absent or empty is the default.
std::optional<RequestError> parseSize(const QueryParams& q, int& size) {
  const auto param = q.get("size");
  if (param && !param->empty()) {
    const auto value = jsNumber(*param);
    if (!isValidSize(value)) return badRequest(std::string(kInvalidSizeMessage));
    size = static_cast<int>(*value);
  }
  return std::nullopt;
}

std::optional<RequestError> parseBg(const QueryParams& q, std::optional<std::string>& bg) {
  if (auto param = q.get("bg")) {
    if (!isHexColor(*param)) return badRequest("Invalid bg. Must be a hex color like #rrggbb.");
    bg = lower(*param);
  }
  return std::nullopt;
}

// hue / saturate / speed / bg of the image route, in the service's order of checks.
std::optional<RequestError> parseImageParameters(const QueryParams& q, PixabotRequest& r) {
  if (auto hue = q.get("hue")) {
    const auto h = jsNumber(*hue);
    if (!h || !std::isfinite(*h)) return badRequest("Invalid hue. Must be a number in degrees (0\u2013359).");
    r.hue = core::normalizedHue(*h);
  }
  if (auto saturate = q.get("saturate")) {
    const auto s = jsNumber(*saturate);
    if (!s || !std::isfinite(*s) || *s < 0 || *s > 4) {
      return badRequest("Invalid saturate. Must be a number between 0 and 4.");
    }
    r.saturate = *s;
  }
  if (auto speed = q.get("speed")) {
    const auto s = jsNumber(*speed);
    if (!s || !std::isfinite(*s)) return badRequest("Invalid speed. Must be a number between 0.25 and 4.");
    r.speed = std::clamp(*s, core::kMinSpeed, core::kMaxSpeed);
  }
  return parseBg(q, r.bg);
}

// The output the query asks for; booleans are on only when exactly "true", as on the service.
void parseOutput(const QueryParams& q, bool reducedMotion, PixabotRequest& r) {
  const auto format = q.get("format");
  if (format == "json") {
    r.output = Output::json;
  } else if (format == "svg") {
    r.output = Output::svg;
  } else if (q.get("animated") == "true") {
    // paused=true is the still first frame, which is the still PNG.
    r.motion = q.get("paused") != "true";
    if (r.motion && !reducedMotion) r.output = q.get("webp") == "true" ? Output::webp : Output::gif;
  }
}

}  // namespace

ParseResult parsePixabot(const core::Catalog& catalog, std::string id, const QueryParams& q, bool reducedMotion) {
  PixabotRequest r;
  parseOutput(q, reducedMotion, r);
  // A refused animated render still tells the client its rate-limit window.
  const auto fail = [&](RequestError error) {
    if (isAnimated(r.output)) error.cost = RequestCost::animated;
    return error;
  };
  if (!core::isValidId(catalog, id)) return fail(badRequest(std::string(kInvalidIdMessage)));
  r.id = std::move(id);
  if (auto error = parseSize(q, r.size)) return fail(*error);
  if (auto error = parseImageParameters(q, r)) return fail(*error);
  return ApiRequest{std::move(r)};
}

ParseResult parseEmbed(const core::Catalog& catalog, std::string id, const QueryParams& q) {
  if (!core::isValidId(catalog, id)) return badRequest(std::string(kInvalidIdMessage));
  EmbedRequest r;
  r.id = std::move(id);
  if (auto error = parseSize(q, r.size)) return *error;
  if (auto error = parseBg(q, r.bg)) return *error;
  r.animated = q.get("animated") == "true";
  return ApiRequest{std::move(r)};
}

ParseResult parseRandom(const QueryParams& q) {
  RandomRequest r;
  if (q.get("format") == "json") {
    r.json = true;
    return ApiRequest{std::move(r)};
  }
  if (auto size = q.get("size"); size && !isValidSize(jsNumber(*size))) {
    return badRequest(std::string(kInvalidSizeMessage));
  }
  if (auto speed = q.get("speed")) {
    const auto s = jsNumber(*speed);
    if (!s || !std::isfinite(*s)) return badRequest("Invalid speed. Must be a number between 0.25 and 4.");
  }
  for (std::string_view key : {"size", "animated", "speed", "webp", "hue", "saturate", "bg", "paused"}) {
    const auto value = q.get(key);
    if (!value) continue;
    if (!r.forwardQuery.empty()) r.forwardQuery += '&';
    r.forwardQuery += std::string(key) + "=" + formEncode(*value);
  }
  return ApiRequest{std::move(r)};
}

}  // namespace pixabots::server::detail
