// The image route (GET /api/pixabot/{id}) and the random route, which
// forwards the image route's parameters.
#include <algorithm>
#include <cmath>

#include "pixabots/core/id.hpp"
#include "pixabots/core/render.hpp"
#include "server/query_parsers.hpp"

namespace pixabots::server::detail {
namespace {

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
  if (auto bg = q.get("bg")) {
    if (!isHexColor(*bg)) return badRequest("Invalid bg. Must be a hex color like #rrggbb.");
    r.bg = lower(*bg);
  }
  return std::nullopt;
}

}  // namespace

ParseResult parsePixabot(const core::Catalog& catalog, std::string id, const QueryParams& q) {
  if (!core::isValidId(catalog, id)) return badRequest(std::string(kInvalidIdMessage));
  PixabotRequest r;
  r.id = std::move(id);
  const auto sizeParam = q.get("size");
  if (sizeParam && !sizeParam->empty()) {
    const auto size = jsNumber(*sizeParam);
    if (!isValidSize(size)) return badRequest(std::string(kInvalidSizeMessage));
    r.size = static_cast<int>(*size);
  }
  if (auto error = parseImageParameters(q, r)) return *error;
  const auto format = q.get("format");
  if (format == "json") {
    r.output = Output::json;
  } else if (format == "svg") {
    r.output = Output::svg;
  } else if (q.get("animated") == "true") {
    r.output = q.get("webp") == "true" ? Output::webp : Output::gif;
  }
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
  for (std::string_view key : {"size", "animated", "speed", "webp", "hue", "saturate", "bg"}) {
    const auto value = q.get(key);
    if (!value) continue;
    if (!r.forwardQuery.empty()) r.forwardQuery += '&';
    r.forwardQuery += std::string(key) + "=" + formEncode(*value);
  }
  return ApiRequest{std::move(r)};
}

}  // namespace pixabots::server::detail
