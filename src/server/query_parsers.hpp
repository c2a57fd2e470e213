#pragma once
// What the request parsers of query.cpp share: the per-route parsers
// parseRequest dispatches to (pixabot_query.cpp: the image and random routes,
// batch_query.cpp, og_query.cpp) and the value rules they apply
// (query_values.cpp), the public service's.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/core/catalog.hpp"
#include "server/query.hpp"

namespace pixabots::server::detail {

// GET /api/pixabot/{id}: `id` percent-decoded, not yet checked.
ParseResult parsePixabot(const core::Catalog& catalog, std::string id, const QueryParams& q, bool reducedMotion);
// GET /embed/{id}: the image route's checks of id, size and bg.
ParseResult parseEmbed(const core::Catalog& catalog, std::string id, const QueryParams& q);
ParseResult parseRandom(const QueryParams& q);
ParseResult parseBatch(const core::Catalog& catalog, const QueryParams& q);
ParseResult parseOg(const core::Catalog& catalog, const QueryParams& q);

RequestError badRequest(std::string message);
std::string lower(std::string_view s);
// Number.isInteger(n) && 32 <= n <= 1920
bool isValidSize(std::optional<double> n);
// JavaScript's String(number) for the values the batch URLs carry.
std::string jsNumberString(double v);
bool isHexColor(std::string_view s);
// The first `max` code points of UTF-8 text (the service cuts its text parameters).
std::string cutCodePoints(std::string_view text, std::size_t max);
// "a, B ,,c" -> {"a","b","c"}: split, trimmed, lower-cased, empties dropped (the service's batch rule).
std::vector<std::string> splitIds(std::string_view list);

}  // namespace pixabots::server::detail
