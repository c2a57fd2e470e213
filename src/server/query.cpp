// The request router: path -> route, the route's parser (query_parsers.hpp)
// -> a typed request or a 400/404.
#include <algorithm>

#include "pixabots/core/id.hpp"
#include "server/query_parsers.hpp"

namespace pixabots::server {
namespace {

RequestError notFound() { return {404, "Not found"}; }

}  // namespace

ParseResult parseRequest(const core::Catalog& catalog, std::string_view target, bool reducedMotion) {
  const std::size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  const QueryParams query =
      QueryParams::parse(question == std::string_view::npos ? std::string_view() : target.substr(question + 1));

  constexpr std::string_view kPixabot = "/api/pixabot/";
  if (path.starts_with(kPixabot)) {
    const std::string_view rest = path.substr(kPixabot.size());
    if (rest == "batch") return detail::parseBatch(catalog, query);
    if (rest == "random") return detail::parseRandom(query);
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) {
      return detail::parsePixabot(catalog, percentDecode(rest, false), query, reducedMotion);
    }
    if (rest.substr(slash) == "/frames") {
      std::string id = percentDecode(rest.substr(0, slash), false);
      if (!core::isValidId(catalog, id)) return detail::badRequest(std::string(kInvalidIdMessage));
      return ApiRequest{FramesRequest{std::move(id)}};
    }
    return notFound();
  }
  if (path == "/api/og") {
    ParseResult og = detail::parseOg(catalog, query);
    if (auto* error = std::get_if<RequestError>(&og)) error->cost = RequestCost::og;
    return og;
  }
  constexpr std::string_view kEmbed = "/embed/";
  if (path.starts_with(kEmbed)) {
    const std::string_view id = path.substr(kEmbed.size());
    if (id.find('/') != std::string_view::npos) return notFound();
    return detail::parseEmbed(catalog, percentDecode(id, false), query);
  }
  for (std::string_view prefix : {"/parts/", "/sprites/"}) {
    if (!path.starts_with(prefix) || !path.ends_with(".png")) continue;
    std::string sprite = percentDecode(path.substr(prefix.size(), path.size() - prefix.size() - 4), false);
    // Exactly category/name: the handler looks it up in the pack, never on disk.
    if (std::count(sprite.begin(), sprite.end(), '/') != 1) return notFound();
    return ApiRequest{SpriteRequest{std::move(sprite)}};
  }
  if (path == "/") return ApiRequest{IndexRequest{}};
  if (path == "/openapi.json") return ApiRequest{OpenApiRequest{}};
  if (path == "/healthz") return ApiRequest{HealthRequest{}};
  if (path == "/metrics") return ApiRequest{MetricsRequest{}};
  return notFound();
}

}  // namespace pixabots::server
