#include "server/handlers.hpp"

#include <charconv>
#include <cstring>
#include <nlohmann/json.hpp>

#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/request.hpp"
#include "pixabots/core/seeded.hpp"
#include "server/etag.hpp"
#include "server/openapi.hpp"

namespace pixabots::server {
namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr std::string_view kJson = "application/json";
constexpr std::string_view kNoStore = "no-store";
constexpr std::string_view kReducedMotionHint = "Sec-CH-Prefers-Reduced-Motion";
// What the index page shows when the pack has it (the docs' example); a seeded pick otherwise.
constexpr std::string_view kExampleId = "2156";

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string asString(const std::vector<std::uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

std::string number(double v) {
  char buffer[32];
  return {buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr};
}

Response ok(std::string_view route, std::string_view contentType, std::string body) {
  Response r;
  r.contentType = contentType;
  r.body = std::move(body);
  r.route = route;
  return r;
}

std::string_view contentTypeOf(Output output) {
  switch (output) {
    case Output::png: return "image/png";
    case Output::gif: return "image/gif";
    case Output::webp: return "image/webp";
    case Output::svg: return "image/svg+xml; charset=utf-8";
    case Output::json: return kJson;
  }
  return kJson;
}

core::Format formatOf(Output output) {
  switch (output) {
    case Output::png: return core::Format::png;
    case Output::gif: return core::Format::gif;
    case Output::webp: return core::Format::webp;
    case Output::svg: return core::Format::svg;
    case Output::json: return core::Format::metadataJson;
  }
  return core::Format::png;
}

// The sheet of one part as the pack's PNG layout: frames side by side, 32 px high.
std::string sheetPng(const core::SpriteSheet& sheet) {
  constexpr std::size_t kRowBytes = core::kNativeSize * 4;
  core::Image image(sheet.frames() * core::kNativeSize, core::kNativeSize);
  for (int f = 0; f < sheet.frames(); ++f) {
    for (int y = 0; y < core::kNativeSize; ++y) {
      std::memcpy(image.row(y) + static_cast<std::size_t>(f) * kRowBytes,
                  sheet.frame(f) + static_cast<std::size_t>(y) * kRowBytes, kRowBytes);
    }
  }
  return asString(core::encodePng(image.view()));
}

}  // namespace

std::optional<std::string_view> Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

Response errorResponse(int status, std::string_view message) {
  // Messages can echo request bytes that are not UTF-8 (batch's "Invalid IDs: ..."): replace them.
  const nlohmann::json body = {{"error", message}};
  Response r = ok("error", kJson, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  r.status = status;
  return r;
}

Response notModified(const Response& response) {
  Response r;
  r.status = 304;
  r.route = response.route;
  // A 200's headers describe the representation (RFC 9110 15.4.5); none is about its body's bytes.
  r.headers = response.headers;
  return r;
}

void Service::addHintHeaders(Response& response, const ApiRequest& request) {
  const auto* r = std::get_if<PixabotRequest>(&request);
  if (!r || !r->motion) return;
  response.headers.emplace_back("Accept-CH", kReducedMotionHint);
  for (auto& [name, value] : response.headers) {
    if (name != "Vary") continue;
    if (value.find(kReducedMotionHint) == std::string::npos) value += ", " + std::string(kReducedMotionHint);
    return;
  }
  response.headers.emplace_back("Vary", kReducedMotionHint);
}

Service::Service(ServiceOptions options) : options_(std::move(options)) {
  if (options_.pack) loadedPack_ = core::Pack::fromDirectory(*options_.pack);
  const core::Catalog& catalog = pack().catalog();
  for (const core::Category c : core::kEncodingOrder) {
    for (int i = 0; i < catalog.count(c); ++i) {
      sprites_.emplace(std::string(core::categoryName(c)) + "/" + catalog.part(c, i).name,
                       sheetPng(pack().sheet(c, i)));
    }
  }
  routes_ = documentedRoutes(openApiDocument());
}

RequestCost Service::cost(const ApiRequest& request) {
  if (const auto* r = std::get_if<PixabotRequest>(&request)) {
    return isAnimated(r->output) ? RequestCost::animated : RequestCost::cheap;
  }
  return std::holds_alternative<OgRequest>(request) ? RequestCost::og : RequestCost::cheap;
}

std::string_view Service::route(const ApiRequest& request) {
  return std::visit(Overloaded{
                        [](const PixabotRequest&) { return std::string_view("pixabot"); },
                        [](const FramesRequest&) { return std::string_view("frames"); },
                        [](const BatchRequest&) { return std::string_view("batch"); },
                        [](const RandomRequest&) { return std::string_view("random"); },
                        [](const OgRequest&) { return std::string_view("og"); },
                        [](const SpriteRequest&) { return std::string_view("parts"); },
                        [](const EmbedRequest&) { return std::string_view("embed"); },
                        [](const IndexRequest&) { return std::string_view("index"); },
                        [](const OpenApiRequest&) { return std::string_view("openapi"); },
                        [](const HealthRequest&) { return std::string_view("healthz"); },
                        [](const MetricsRequest&) { return std::string_view("metrics"); },
                    },
                    request);
}

bool Service::heavy(const ApiRequest& request) {
  if (cost(request) != RequestCost::cheap) return true;
  const auto* r = std::get_if<PixabotRequest>(&request);
  return r && r->output == Output::png && r->size > kLargeRenderSize;
}

bool Service::deterministic(const ApiRequest& request) {
  return std::visit(Overloaded{
                        [](const BatchRequest& r) { return r.randomCount == 0; },
                        [](const RandomRequest&) { return false; },
                        [](const HealthRequest&) { return false; },
                        [](const MetricsRequest&) { return false; },
                        [](const auto&) { return true; },
                    },
                    request);
}

std::string Service::cacheKey(const ApiRequest& request) {
  return std::visit(
      Overloaded{
          [](const PixabotRequest& r) {
            return "pixabot " + r.id + " " + std::string(contentTypeOf(r.output)) + " " + std::to_string(r.size) +
                   " s" + number(r.speed) + " h" + (r.hue ? std::to_string(*r.hue) : "-") + " sat" +
                   (r.saturate ? number(*r.saturate) : "-") + " " + r.bg.value_or("-") +
                   // A reduced-motion still differs from the still route's by its Vary headers.
                   (r.motion ? " motion" : "");
          },
          [](const FramesRequest& r) { return "frames " + r.id; },
          [](const BatchRequest& r) {
            std::string key = "batch " + std::to_string(r.size) + " " + r.paletteSuffix;
            for (const std::string& id : r.ids) key += " " + id;
            return key;
          },
          [](const OgRequest& r) {
            // Lengths first: title and subtitle are free text and may contain the separators.
            std::string key = "og " + std::string(core::ogLayoutName(r.layout)) + " " + r.bg.value_or("-");
            for (const std::string& id : r.ids) key += " " + id;
            for (const std::string* text : {&r.title, &r.subtitle, &r.seed}) {
              key += " " + std::to_string(text->size()) + ":" + *text;
            }
            return key;
          },
          [](const SpriteRequest& r) { return "parts " + r.path; },
          [](const EmbedRequest& r) {
            return "embed " + r.id + " " + std::to_string(r.size) + (r.animated ? " animated " : " still ") +
                   r.bg.value_or("-");
          },
          [](const IndexRequest&) { return std::string("index"); },
          [](const OpenApiRequest&) { return std::string("openapi"); },
          [](const auto&) { return std::string(); },
      },
      request);
}

Response Service::respond(const ApiRequest& request, std::string_view origin) const {
  Response response;
  try {
    response =
        std::visit(Overloaded{
                       [&](const PixabotRequest& r) { return pixabot(r, origin); },
                       [&](const FramesRequest& r) { return frames(r, origin); },
                       [&](const BatchRequest& r) { return batch(r, origin); },
                       [&](const RandomRequest& r) { return random(r, origin); },
                       [&](const OgRequest& r) { return og(r); },
                       [&](const SpriteRequest& r) { return sprite(r); },
                       [&](const EmbedRequest& r) { return embed(r, origin); },
                       [&](const IndexRequest&) { return index(origin); },
                       [](const OpenApiRequest&) { return ok("openapi", kJson, std::string(openApiDocument())); },
                       [](const HealthRequest&) {
                         Response r = ok("healthz", kJson, R"({"status":"ok"})");
                         r.headers.emplace_back("Cache-Control", kNoStore);
                         return r;
                       },
                       // /metrics needs the HTTP layer's counters; it answers it itself.
                       [](const MetricsRequest&) { return errorResponse(404, "Not found"); },
                   },
                   request);
  } catch (const core::Error& e) {
    response = core::isBadInput(e) ? errorResponse(400, e.what()) : errorResponse(500, "Render failed");
  } catch (const std::exception&) {
    response = errorResponse(500, "Render failed");
  }
  if (response.status == 200 && deterministic(request)) {
    response.headers.emplace_back("Cache-Control", kCacheControl);
    response.headers.emplace_back("ETag", strongEtag(response.body, response.contentType));
  }
  addHintHeaders(response, request);
  return response;
}

Response Service::get(std::string_view target, std::string_view ifNoneMatch, bool reducedMotion) const {
  const ParseResult parsed = parse(target, reducedMotion);
  if (const auto* error = std::get_if<RequestError>(&parsed)) return errorResponse(error->status, error->message);
  return conditional(respond(std::get<ApiRequest>(parsed)), ifNoneMatch);
}

Response conditional(Response response, std::string_view ifNoneMatch) {
  if (!ifNoneMatch.empty()) {
    if (const auto etag = response.header("ETag"); etag && ifNoneMatchHits(ifNoneMatch, *etag)) {
      return notModified(response);
    }
  }
  return response;
}

core::Request Service::request(std::string_view id, core::Format format, std::string_view origin) const {
  core::Request r;
  r.combo = core::decodeId(pack().catalog(), id);
  r.format = format;
  r.origin = origin;
  return r;
}

std::string Service::output(const core::Request& request) const {
  return asString(core::renderOutput(pack(), request));
}

std::string Service::randomId() const { return core::encodeId(pack().catalog(), core::randomCombo(pack().catalog())); }

Response Service::pixabot(const PixabotRequest& r, std::string_view origin) const {
  core::Request request = this->request(r.id, formatOf(r.output), origin);
  request.render.size = r.size;
  if (r.output != Output::json) {
    request.render.hue = r.hue.value_or(0);
    request.render.saturate = r.saturate.value_or(1);
    if (r.bg) request.render.bg = core::parseColor(*r.bg);
    request.render.speed = r.speed;
    // The service's encoders merge identical consecutive frames into one longer frame.
    request.mergeRepeats = true;
  }
  return ok("pixabot", contentTypeOf(r.output), output(request));
}

Response Service::frames(const FramesRequest& r, std::string_view origin) const {
  std::string body = output(request(r.id, core::Format::framesJson, origin));
  // The service serves sprite sheets under /parts/ (the library names them /sprites/; both resolve here).
  const std::string from = std::string(origin) + "/sprites/";
  const std::string to = std::string(origin) + "/parts/";
  for (std::size_t at = body.find(from); at != std::string::npos; at = body.find(from, at + to.size())) {
    body.replace(at, from.size(), to);
  }
  return ok("frames", kJson, std::move(body));
}

Response Service::batch(const BatchRequest& r, std::string_view origin) const {
  OrderedJson list = OrderedJson::array();
  const auto add = [&](const std::string& id) {
    core::Request metadata = request(id, core::Format::metadataJson, origin);
    metadata.render.size = r.size;
    OrderedJson bot = OrderedJson::parse(output(metadata));
    if (!r.paletteSuffix.empty()) {
      bot["png"] = bot["png"].get<std::string>() + r.paletteSuffix;
      bot["gif"] = bot["gif"].get<std::string>() + r.paletteSuffix;
    }
    list.push_back(std::move(bot));
  };
  for (const std::string& id : r.ids) add(id);
  for (int i = 0; i < r.randomCount; ++i) add(randomId());
  OrderedJson body;
  body["count"] = list.size();
  body["pixabots"] = std::move(list);
  Response response = ok("batch", kJson, body.dump());
  if (r.randomCount > 0) response.headers.emplace_back("Cache-Control", kNoStore);
  return response;
}

Response Service::random(const RandomRequest& r, std::string_view origin) const {
  const std::string id = randomId();
  const std::string url = std::string(origin) + "/api/pixabot/" + id;
  Response response;
  if (r.json) {
    // The service's random metadata links the default size, without a size parameter.
    OrderedJson bot = OrderedJson::parse(output(request(id, core::Format::metadataJson, origin)));
    bot["png"] = url;
    bot["gif"] = url + "?animated=true";
    response = ok("random", kJson, bot.dump());
  } else {
    response = ok("random", "", "");
    response.status = 302;
    response.headers.emplace_back("Location", r.forwardQuery.empty() ? url : url + "?" + r.forwardQuery);
  }
  response.headers.emplace_back("Cache-Control", kNoStore);
  return response;
}

Response Service::og(const OgRequest& r) const {
  core::OgOptions options;
  options.layout = r.layout;
  for (const std::string& id : r.ids) options.bots.push_back(core::decodeId(pack().catalog(), id));
  options.seed = r.seed;
  options.title = r.title;
  options.subtitle = r.subtitle;
  if (r.bg) options.bg = core::parseColor(*r.bg);
  return ok("og", "image/png", asString(core::encodePng(core::renderOg(pack(), options).view())));
}

Response Service::sprite(const SpriteRequest& r) const {
  const auto found = sprites_.find(r.path);
  if (found == sprites_.end()) return errorResponse(404, "Not found");
  return ok("parts", "image/png", found->second);
}

Portrait Service::portrait(std::string_view id) const {
  const core::Catalog& catalog = pack().catalog();
  const core::Combo combo = core::decodeId(catalog, id);
  Portrait bot{std::string(id), ""};
  for (const core::Category c : core::kEncodingOrder) {
    if (!bot.parts.empty()) bot.parts += ", ";
    bot.parts += std::string(core::categoryName(c)) + ": " + catalog.part(c, combo[c]).name;
  }
  return bot;
}

Response Service::embed(const EmbedRequest& r, std::string_view origin) const {
  Response page = ok("embed", kHtml, embedPage(r, portrait(r.id), origin));
  // Framed anywhere: that is what the page is for.
  page.headers.emplace_back("Content-Security-Policy", contentSecurityPolicy(origin, "*"));
  page.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return page;
}

Response Service::index(std::string_view origin) const {
  const core::Catalog& catalog = pack().catalog();
  const std::string example = core::isValidId(catalog, kExampleId)
                                  ? std::string(kExampleId)
                                  : core::encodeId(catalog, core::seededCombo(catalog, kExampleId));
  Response page = ok("index", kHtml, indexPage(portrait(example), routes_, origin));
  page.headers.emplace_back("Content-Security-Policy", contentSecurityPolicy(origin, "'none'"));
  page.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return page;
}

}  // namespace pixabots::server
