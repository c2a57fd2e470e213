// GET /api/pixabot/batch: listed or random IDs, the palette forwarded into
// every bot's URL.
#include <algorithm>
#include <cmath>

#include "pixabots/core/id.hpp"
#include "pixabots/core/render.hpp"
#include "server/query_parsers.hpp"

namespace pixabots::server::detail {

ParseResult parseBatch(const core::Catalog& catalog, const QueryParams& q) {
  BatchRequest r;
  const auto sizeParam = q.get("size");
  if (sizeParam && !sizeParam->empty()) {
    const auto size = jsNumber(*sizeParam);
    if (!isValidSize(size)) return badRequest(std::string(kInvalidSizeMessage));
    r.size = static_cast<int>(*size);
  }
  const auto idsParam = q.get("ids");
  const auto countParam = q.get("count");
  const double count = countParam && !countParam->empty() ? jsNumber(*countParam).value_or(-1) : 0;
  if (idsParam && !idsParam->empty()) {
    r.ids = splitIds(*idsParam);
  } else if (std::isfinite(count) && std::floor(count) == count && count > 0) {
    // The service serves count > 100 as 100 rather than refusing it.
    r.randomCount = static_cast<int>(std::min<double>(count, kMaxBatchIds));
  } else {
    return badRequest("Provide either `ids=a,b,c,...` (up to 100) or `count=N` for N random pixabots.");
  }
  if (r.randomCount == 0) {
    if (r.ids.empty()) return badRequest("No IDs provided.");
    if (r.ids.size() > kMaxBatchIds) return badRequest("Too many IDs. Max is 100.");
    std::string invalid;
    for (const std::string& id : r.ids) {
      if (core::isValidId(catalog, id)) continue;
      if (!invalid.empty()) invalid += ", ";
      invalid += id;
    }
    if (!invalid.empty()) return badRequest("Invalid IDs: " + invalid);
  }
  // Palette forwarded into the per-bot URLs; unusable values are dropped, not refused.
  if (auto hue = q.get("hue")) {
    if (const auto h = jsNumber(*hue); h && std::isfinite(*h))
      r.paletteSuffix += "&hue=" + std::to_string(core::normalizedHue(*h));
  }
  if (auto saturate = q.get("saturate")) {
    if (const auto s = jsNumber(*saturate); s && std::isfinite(*s)) {
      r.paletteSuffix += "&saturate=" + jsNumberString(std::clamp(*s, 0.0, 4.0));
    }
  }
  return ApiRequest{std::move(r)};
}

}  // namespace pixabots::server::detail
