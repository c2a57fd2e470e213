// GET /api/og: the Open Graph card's layout, IDs, texts and colour.
#include "pixabots/core/id.hpp"
#include "pixabots/core/og.hpp"
#include "server/query_parsers.hpp"

namespace pixabots::server::detail {

ParseResult parseOg(const core::Catalog& catalog, const QueryParams& q) {
  OgRequest r;
  const std::string_view type = q.get("type").value_or("grid");
  if (auto title = q.get("title")) r.title = cutCodePoints(*title, core::kOgMaxTitle);
  if (auto subtitle = q.get("subtitle")) r.subtitle = cutCodePoints(*subtitle, core::kOgMaxSubtitle);
  if (auto bg = q.get("bg")) {
    if (!isHexColor(*bg)) return badRequest("Invalid bg. Must be a hex color like #rrggbb.");
    r.bg = lower(*bg);
  }
  if (type == "single") {
    const auto id = q.get("id");
    if (!id || !core::isValidId(catalog, *id)) return badRequest("Missing or invalid id");
    r.layout = core::OgLayout::single;
    r.ids.emplace_back(*id);
  } else if (type == "compare") {
    // Invalid IDs are dropped, then the first six kept (the service's rule).
    for (std::string& id : splitIds(q.get("ids").value_or(""))) {
      if (core::isValidId(catalog, id) && r.ids.size() < static_cast<std::size_t>(core::kOgMaxCompare)) {
        r.ids.push_back(std::move(id));
      }
    }
    if (r.ids.empty()) {
      return badRequest("Missing or invalid ids (expected comma-separated list of up to 6 valid pixabot IDs)");
    }
    r.layout = core::OgLayout::compare;
  } else if (type == "grid") {
    const auto seed = q.get("seed");
    r.seed = seed ? cutCodePoints(*seed, kMaxOgSeed) : r.title;
  } else {
    return badRequest("type must be 'grid', 'single', or 'compare'");
  }
  return ApiRequest{std::move(r)};
}

}  // namespace pixabots::server::detail
