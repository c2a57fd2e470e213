#pragma once
// Request target (path + query string) -> a typed API request or a 400/404
// error. Pure functions over strings and the pack's catalog, no HTTP library
// types, so unit tests and the fuzz target call them directly. The rules are
// the public service's (OpenAPI document + SPEC.md); docs/server.md lists them.
// query.cpp routes; each route's parser has its file (query_parsers.hpp).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::server {

// Sizes and speeds are the core's (core::kMinSize.., pixabots/core/render.hpp).
inline constexpr std::size_t kMaxBatchIds = 100;
inline constexpr std::size_t kMaxOgSeed = 80;

// The service's error messages, word for word (clients match on them).
inline constexpr std::string_view kInvalidSizeMessage = "Invalid size. Must be an integer between 32 and 1920.";
inline constexpr std::string_view kInvalidIdMessage = "Invalid pixabot ID";

// Decoded query parameters in their order; get() is URLSearchParams.get: the first value.
class QueryParams {
 public:
  // "a=1&b=x%20y+z" (no leading '?'): '+' is a space, %XX decoded, a key without '=' has value "".
  static QueryParams parse(std::string_view query);
  std::optional<std::string_view> get(std::string_view key) const;
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

// %XX decoding (invalid escapes are kept as written, as browsers do); '+' -> ' ' when asked.
std::string percentDecode(std::string_view text, bool plusIsSpace);
// application/x-www-form-urlencoded, as URLSearchParams serialises a value.
std::string formEncode(std::string_view text);
// JavaScript's Number(text): surrounding whitespace ignored, "" is 0, 0x/0o/0b
// prefixes, Infinity; nullopt for NaN. The service validates with it.
std::optional<double> jsNumber(std::string_view text);

// Which per-client limit a request counts against (the rate limiter's classes).
enum class RequestCost { cheap, animated, og };

// GET /api/pixabot/{id}
enum class Output { png, gif, webp, svg, json };
inline bool isAnimated(Output output) { return output == Output::gif || output == Output::webp; }
struct PixabotRequest {
  std::string id;
  Output output = Output::png;  // what is served: png for paused=true or a reduced-motion client
  int size = core::kDefaultSize;
  double speed = 1;                // clamped to 0.25..4
  std::optional<int> hue;          // rounded, wrapped into 0..359
  std::optional<double> saturate;  // 0..4
  std::optional<std::string> bg;   // "#rrggbb", lower case
  // animated=true without paused=true: the answer follows the client's
  // Sec-CH-Prefers-Reduced-Motion (reduce: the still PNG), so it varies on it.
  bool motion = false;
};
// GET /embed/{id}: an HTML page showing the image route's picture.
struct EmbedRequest {
  std::string id;
  int size = core::kDefaultSize;
  bool animated = false;
  std::optional<std::string> bg;  // "#rrggbb", lower case
};
// GET /api/pixabot/{id}/frames
struct FramesRequest {
  std::string id;
};
// GET /api/pixabot/batch: `ids` or, when empty, `randomCount` random ones.
struct BatchRequest {
  std::vector<std::string> ids;
  int randomCount = 0;
  int size = core::kDefaultSize;
  std::string paletteSuffix;  // "&hue=H&saturate=S" appended to every URL, as the service does
};
// GET /api/pixabot/random: a 302 to a random ID with `forwardQuery`, or its metadata.
struct RandomRequest {
  bool json = false;
  std::string forwardQuery;  // "size=64&animated=true" (no '?'), empty when nothing is forwarded
};
// GET /api/og
struct OgRequest {
  core::OgLayout layout = core::OgLayout::grid;
  std::vector<std::string> ids;  // single: 1; compare: 1..6; grid: none
  std::string title{core::kOgDefaultTitle};
  std::string subtitle;
  std::string seed;               // grid: defaults to the title, as on the service
  std::optional<std::string> bg;  // canvas colour "#rrggbb"
};
// GET /parts/{category}/{name}.png and /sprites/{category}/{name}.png (the
// service's and the library's frames documents use one each).
struct SpriteRequest {
  std::string path;  // "eyes/glasses"
};
struct IndexRequest {};  // GET /: what this server is
struct OpenApiRequest {};
struct HealthRequest {};
struct MetricsRequest {};

using ApiRequest = std::variant<PixabotRequest, FramesRequest, BatchRequest, RandomRequest, OgRequest, SpriteRequest,
                                EmbedRequest, IndexRequest, OpenApiRequest, HealthRequest, MetricsRequest>;

struct RequestError {
  int status = 400;
  std::string message;
  // The limit the request would have counted against: its error still tells the client its window.
  RequestCost cost = RequestCost::cheap;
};

using ParseResult = std::variant<ApiRequest, RequestError>;

// `target` is the raw request target ("/api/pixabot/2156?size=64"); IDs are
// checked against `catalog`. `reducedMotion`: the client sent
// Sec-CH-Prefers-Reduced-Motion: reduce, so animated renders are served
// still. Never throws for any input.
ParseResult parseRequest(const core::Catalog& catalog, std::string_view target, bool reducedMotion = false);

}  // namespace pixabots::server
