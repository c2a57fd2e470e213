// The server over real HTTP on loopback: one server on an ephemeral port for
// the whole run, cpp-httplib's client, bodies compared with the library's own
// renders (decoded pixels for PNG, parsed JSON, exact bytes for SVG/GIF/WebP).
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/pixabots.hpp"
#include "server/config.hpp"
#include "server/handlers.hpp"
#include "server/http_server.hpp"
#include "server/openapi.hpp"
#include "server/pages.hpp"

using namespace pixabots;
using nlohmann::json;

namespace {

constexpr std::string_view kCacheControl = "public, max-age=86400, stale-while-revalidate=604800";

server::Config testConfig() {
  server::Config c;
  c.port = 0;
  c.threads = 8;
  c.accessLog = false;
  return c;
}

// A server on its own thread, stopped (graceful stop + join) when destroyed.
struct TestServer {
  explicit TestServer(server::Config c = testConfig()) : config(std::move(c)) {}
  server::Config config;
  server::HttpServer http{config};
  int port = http.bind();
  server::Service service{{std::nullopt, server::originFor(config, port)}};
  std::thread thread{[this] { http.run(service); }};
  ~TestServer() {
    http.stop();
    thread.join();
  }
};

// The shared one: started on first use, stopped at exit.
TestServer& testServer() {
  static TestServer s;
  return s;
}

const std::string& origin() { return testServer().service.origin(); }

httplib::Result get(const std::string& target, const httplib::Headers& headers = {}) {
  httplib::Client client("127.0.0.1", testServer().port);
  auto result = client.Get(target.c_str(), headers);
  REQUIRE(result);
  return result;
}

const Context& library() {
  static const Context ctx;
  return ctx;
}

std::span<const std::uint8_t> bytes(const std::string& body) {
  return {reinterpret_cast<const std::uint8_t*>(body.data()), body.size()};
}

std::string text(const std::vector<std::uint8_t>& v) { return {v.begin(), v.end()}; }

void checkError(const std::string& target, int status, const std::string& message) {
  INFO(target);
  const auto r = get(target);
  CHECK(r->status == status);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  CHECK(json::parse(r->body) == json{{"error", message}});
  CHECK(r->get_header_value("Access-Control-Allow-Origin") == "*");
  CHECK_FALSE(r->has_header("ETag"));
}

}  // namespace

TEST_CASE("http: PNG by default, the library's pixels, with size / hue / saturate / bg and v ignored") {
  auto r = get("/api/pixabot/2156");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "image/png");
  CHECK(r->get_header_value("Cache-Control") == kCacheControl);
  CHECK(r->get_header_value("Access-Control-Allow-Origin") == "*");
  CHECK(decodePng(bytes(r->body)).pixels == decodePng(library().render("2156")).pixels);

  r = get("/api/pixabot/2156?size=100&hue=200&saturate=1.5&bg=%23FDE68A&v=7");
  REQUIRE(r->status == 200);
  const Rgba served = decodePng(bytes(r->body));
  CHECK(served.width == 100);
  Options o{.size = 100, .hue = 200, .saturate = 1.5, .bg = "#fde68a"};
  CHECK(served.pixels == decodePng(library().render("2156", o)).pixels);
}

TEST_CASE("http: metadata JSON equals the library's, URLs at the server's origin") {
  const auto r = get("/api/pixabot/f76a?format=json&size=64");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  Options o{.size = 64, .format = Format::metadataJson, .origin = origin()};
  const json expected = json::parse(library().renderText("f76a", o));
  const json served = json::parse(r->body);
  for (const char* field : {"id", "combo", "parts", "png", "gif"}) CHECK(served.at(field) == expected.at(field));
  CHECK(served.at("png") == origin() + "/api/pixabot/f76a?size=64");
}

TEST_CASE("http: SVG is the library's bytes and ignores the palette") {
  const auto r = get("/api/pixabot/2156?format=svg&size=32&hue=90");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "image/svg+xml; charset=utf-8");
  CHECK(r->body == text(library().render("2156", {.size = 32, .format = Format::svg})));
  // What the service's CLI parses: one 1x1 rect per pixel.
  CHECK(r->body.find("<rect x=\"") != std::string::npos);
}

TEST_CASE("http: animated GIF and WebP, speed clamped to 0.25..4") {
  auto r = get("/api/pixabot/2156?animated=true&size=64&speed=10");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "image/gif");
  Options o{.size = 64, .speed = 4, .format = Format::gif, .mergeRepeats = true};
  CHECK(r->body == text(library().render("2156", o)));

  r = get("/api/pixabot/2156?animated=true&webp=true&speed=0.1&hue=30");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "image/webp");
  o = {.hue = 30, .speed = 0.25, .format = Format::webp, .mergeRepeats = true};
  CHECK(r->body == text(library().render("2156", o)));

  r = get("/api/pixabot/2156?animated=yes");
  CHECK(r->get_header_value("Content-Type") == "image/png");
}

TEST_CASE("http: frames document and the sprite sheets its URLs name") {
  const auto r = get("/api/pixabot/2156/frames");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Cache-Control") == kCacheControl);
  std::string expected = library().renderText("2156", {.format = Format::framesJson, .origin = origin()});
  const json served = json::parse(r->body);
  json wanted = json::parse(expected);
  for (auto& [category, sprite] : wanted.at("sprites").items()) {
    std::string url = sprite.at("url");
    url.replace(url.find("/sprites/"), 9, "/parts/");  // the service's path for sheets
    sprite["url"] = url;
  }
  CHECK(served == wanted);
  for (const auto& [category, sprite] : served.at("sprites").items()) {
    const std::string url = sprite.at("url");
    REQUIRE(url.starts_with(origin()));
    const auto sheet = get(url.substr(origin().size()));
    REQUIRE(sheet->status == 200);
    CHECK(sheet->get_header_value("Content-Type") == "image/png");
    const Rgba image = decodePng(bytes(sheet->body));
    CHECK(image.width == 32 * sprite.at("frames").get<int>());
    CHECK(image.height == 32);
  }
  // The library's own /sprites/ path is served too.
  CHECK(get("/sprites/eyes/glasses.png")->body == get("/parts/eyes/glasses.png")->body);
  checkError("/parts/eyes/nothing.png", 404, "Not found");
}

TEST_CASE("http: every documented error, exact status and body") {
  const std::string size = "Invalid size. Must be an integer between 32 and 1920.";
  checkError("/api/pixabot/zzzz", 400, "Invalid pixabot ID");
  checkError("/api/pixabot/F76A", 400, "Invalid pixabot ID");
  checkError("/api/pixabot/zzzz/frames", 400, "Invalid pixabot ID");
  checkError("/api/pixabot/2156?size=31", 400, size);
  checkError("/api/pixabot/2156?size=1921", 400, size);
  checkError("/api/pixabot/2156?size=64.5", 400, size);
  checkError("/api/pixabot/2156?size=big", 400, size);
  checkError("/api/pixabot/2156?hue=red", 400, "Invalid hue. Must be a number in degrees (0\u2013359).");
  checkError("/api/pixabot/2156?saturate=5", 400, "Invalid saturate. Must be a number between 0 and 4.");
  checkError("/api/pixabot/2156?animated=true&speed=x", 400, "Invalid speed. Must be a number between 0.25 and 4.");
  checkError("/api/pixabot/batch?size=20&ids=2156", 400, size);
  checkError("/api/pixabot/random?size=2000", 400, size);
  checkError("/api/pixabot/random?speed=x", 400, "Invalid speed. Must be a number between 0.25 and 4.");
  checkError("/api/og?type=single&id=zzzz", 400, "Missing or invalid id");
  checkError("/api/og?type=compare", 400,
             "Missing or invalid ids (expected comma-separated list of up to 6 valid pixabot IDs)");
  checkError("/api/og?type=wide", 400, "type must be 'grid', 'single', or 'compare'");
  checkError("/nothing", 404, "Not found");
}

TEST_CASE("http: batch by IDs (lower-cased, palette forwarded) and by count, with its limits") {
  auto r = get("/api/pixabot/batch?ids=2156,F76A&size=64&hue=30");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Cache-Control") == kCacheControl);
  const json served = json::parse(r->body);
  CHECK(served.at("count") == 2);
  REQUIRE(served.at("pixabots").size() == 2);
  const json first =
      json::parse(library().renderText("2156", {.size = 64, .format = Format::metadataJson, .origin = origin()}));
  CHECK(served["pixabots"][0]["parts"] == first["parts"]);
  CHECK(served["pixabots"][0]["png"] == first["png"].get<std::string>() + "&hue=30");
  CHECK(served["pixabots"][1]["id"] == "f76a");

  std::string ids = "2156";
  for (int i = 1; i < 101; ++i) ids += ",2156";
  checkError("/api/pixabot/batch?ids=" + ids, 400, "Too many IDs. Max is 100.");
  checkError("/api/pixabot/batch?ids=2156,zzzz", 400, "Invalid IDs: zzzz");
  checkError("/api/pixabot/batch?count=0", 400,
             "Provide either `ids=a,b,c,...` (up to 100) or `count=N` for N random pixabots.");
  checkError("/api/pixabot/batch", 400,
             "Provide either `ids=a,b,c,...` (up to 100) or `count=N` for N random pixabots.");

  r = get("/api/pixabot/batch?count=3");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Cache-Control") == "no-store");
  CHECK(json::parse(r->body).at("pixabots").size() == 3);
  // The service serves count > 100 as 100.
  CHECK(json::parse(get("/api/pixabot/batch?count=101")->body).at("count") == 100);
}

TEST_CASE("http: random redirects with no-store, forwarding the listed parameters, format=json") {
  auto r = get("/api/pixabot/random?size=64&animated=true&speed=2&webp=true&hue=90&saturate=2&bg=%23ff0000&other=1");
  REQUIRE(r->status == 302);
  CHECK(r->get_header_value("Cache-Control") == "no-store");
  CHECK(r->get_header_value("Access-Control-Allow-Origin") == "*");
  const std::string location = r->get_header_value("Location");
  const std::string prefix = origin() + "/api/pixabot/";
  REQUIRE(location.starts_with(prefix));
  const std::string id = location.substr(prefix.size(), 4);
  CHECK(library().isValid(id));
  // httplib's client hands Location over percent-decoded; the bytes sent are checked through the Service below.
  CHECK(location.substr(prefix.size() + 4) == "?size=64&animated=true&speed=2&webp=true&hue=90&saturate=2&bg=#ff0000");
  const server::Response direct = testServer().service.get("/api/pixabot/random?bg=%23ff0000&webp=true&animated=true");
  const std::string sent = std::string(direct.header("Location").value_or(""));
  REQUIRE(sent.starts_with(prefix));
  CHECK(sent.substr(prefix.size() + 4) == "?animated=true&webp=true&bg=%23ff0000");
  CHECK(get(sent.substr(origin().size()))->get_header_value("Content-Type") == "image/webp");

  r = get("/api/pixabot/random?format=json");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Cache-Control") == "no-store");
  const json bot = json::parse(r->body);
  const std::string botId = bot.at("id");
  CHECK(bot.at("png") == origin() + "/api/pixabot/" + botId);
  CHECK(bot.at("gif") == origin() + "/api/pixabot/" + botId + "?animated=true");
  CHECK(bot.at("parts") == json::parse(library().renderText(botId, {.format = Format::metadataJson})).at("parts"));
}

TEST_CASE("http: Open Graph cards are the core's renders") {
  const auto& pack = core::Pack::embedded();
  const auto card = [&](const std::string& target, const core::OgOptions& options) {
    INFO(target);
    const auto r = get(target);
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "image/png");
    const Rgba served = decodePng(bytes(r->body));
    CHECK(served.width == 1200);
    CHECK(served.height == 630);
    const core::Image expected = core::renderOg(pack, options);
    CHECK(std::equal(served.pixels.begin(), served.pixels.end(), expected.pixels().begin(), expected.pixels().end()));
  };
  core::OgOptions grid;
  grid.title = "Team";
  grid.seed = "Team";  // the seed defaults to the title
  card("/api/og?title=Team", grid);
  core::OgOptions single{.layout = core::OgLayout::single, .bots = {core::decodeId(pack.catalog(), "2156")}};
  single.subtitle = "hello";
  card("/api/og?type=single&id=2156&subtitle=hello", single);
  core::OgOptions compare{.layout = core::OgLayout::compare,
                          .bots = {core::decodeId(pack.catalog(), "2156"), core::decodeId(pack.catalog(), "0000")}};
  compare.bg = core::Rgb{0x1e, 0x29, 0x3b};
  card("/api/og?type=compare&ids=2156,zzzz,0000&bg=%231e293b", compare);
}

TEST_CASE("http: strong ETag and If-None-Match -> 304 without a body") {
  const auto first = get("/api/pixabot/2156?size=64");
  const std::string etag = first->get_header_value("ETag");
  REQUIRE(etag.size() == 18);
  CHECK(etag.front() == '"');
  CHECK(get("/api/pixabot/2156?size=64&v=2")->get_header_value("ETag") == etag);  // v is ignored
  CHECK(get("/api/pixabot/2156?size=65")->get_header_value("ETag") != etag);

  for (const std::string& header : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
    INFO(header);
    const auto r = get("/api/pixabot/2156?size=64", {{"If-None-Match", header}});
    CHECK(r->status == 304);
    CHECK(r->body.empty());
    CHECK(r->get_header_value("ETag") == etag);
    CHECK(r->get_header_value("Cache-Control") == kCacheControl);
  }
  CHECK(get("/api/pixabot/2156?size=64", {{"If-None-Match", "\"other\""}})->status == 200);
  // Errors and random answers are never 304.
  CHECK(get("/api/pixabot/zzzz", {{"If-None-Match", "*"}})->status == 400);
}

TEST_CASE("http: CORS on GET and OPTIONS preflight, HEAD, other methods") {
  httplib::Client client("127.0.0.1", testServer().port);
  auto r = client.Options("/api/pixabot/2156");
  REQUIRE(r);
  CHECK(r->status == 204);
  CHECK(r->get_header_value("Access-Control-Allow-Origin") == "*");
  CHECK(r->get_header_value("Access-Control-Allow-Methods").find("GET") != std::string::npos);
  CHECK(r->body.empty());

  r = client.Head("/api/pixabot/2156");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "image/png");
  CHECK(r->body.empty());

  r = client.Post("/api/pixabot/2156", "", "text/plain");
  REQUIRE(r);
  CHECK(r->status == 405);
  CHECK(json::parse(r->body) == json{{"error", "Method not allowed"}});
}

TEST_CASE("http: /openapi.json, /healthz and the request limits") {
  auto r = get("/openapi.json");
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  CHECK(r->body == server::openApiDocument());
  CHECK(json::parse(r->body).contains("paths"));

  get("/api/pixabot/2156");  // each test case may run alone (ctest): count one render first
  r = get("/metrics");
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Cache-Control") == "no-store");
  CHECK(r->body.find("route=\"pixabot\"") != std::string::npos);

  r = get("/healthz");
  CHECK(r->status == 200);
  CHECK(json::parse(r->body) == json{{"status", "ok"}});

  // Header lines beyond the limit together: 431, still JSON.
  httplib::Headers big;
  for (int i = 0; i < 4; ++i) big.emplace("X-Filler-" + std::to_string(i), std::string(5000, 'a'));
  r = get("/healthz", big);
  CHECK(r->status == 431);
  CHECK(json::parse(r->body).contains("error"));
}

TEST_CASE("http: expensive renders beyond --max-renders get 503 + Retry-After, cheap renders and cache hits pass") {
  server::Config config = testConfig();
  config.maxRenders = 1;
  config.renderWaitMs = 20;  // the wait expires: nothing frees the slot below
  TestServer live(config);
  httplib::Client client("127.0.0.1", live.port);
  const std::string cachedGif = "/api/pixabot/2156?animated=true&size=64";
  REQUIRE(client.Get(cachedGif.c_str())->status == 200);  // rendered while the gate is free, now cached
  {
    // The one slot, held by the test: every uncached expensive render finds the gate full.
    const auto held = live.http.renderGate().tryEnter(std::chrono::milliseconds(0));
    REQUIRE(held);
    for (const std::string target :
         {"/api/pixabot/2156?animated=true&size=65", "/api/pixabot/2156?animated=true&webp=true", "/api/og?title=busy",
          "/api/pixabot/2156?size=481"}) {
      INFO(target);
      const auto r = client.Get(target.c_str());
      REQUIRE(r);
      CHECK(r->status == 503);
      CHECK(r->get_header_value("Retry-After") == "1");
      CHECK(json::parse(r->body) == json{{"error", "Server busy rendering. Try again in 1s."}});
      CHECK_FALSE(r->has_header("ETag"));
    }
    CHECK(client.Get("/api/pixabot/2156?size=480")->status == 200);  // not "large"
    CHECK(client.Get("/api/pixabot/2156/frames")->status == 200);
    const auto hit = client.Get(cachedGif.c_str());
    REQUIRE(hit);
    CHECK(hit->status == 200);
    CHECK(hit->get_header_value("Content-Type") == "image/gif");
    CHECK(live.http.renderGate().inFlight() == 1);  // only the test's ticket: nothing leaked
  }
  // Slot free again: the refused render now succeeds, and 503s were not cached.
  CHECK(client.Get("/api/pixabot/2156?animated=true&size=65")->status == 200);
  CHECK(live.http.renderGate().inFlight() == 0);
}

TEST_CASE("http: cache hits do not count against the rate limit") {
  server::Config config = testConfig();
  config.animatedPerMinute = 1;
  TestServer live(config);
  httplib::Client client("127.0.0.1", live.port);
  auto r = client.Get("/api/pixabot/2156?animated=true&size=64");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("X-RateLimit-Remaining") == "0");
  for (int i = 0; i < 3; ++i) {
    r = client.Get("/api/pixabot/2156?animated=true&size=64&v=" + std::to_string(i));  // same key: v is ignored
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("X-RateLimit-Remaining") == "0");  // answered from the cache, not counted
  }
  r = client.Get("/api/pixabot/2156?animated=true&size=65");  // a new render: over the limit
  REQUIRE(r);
  CHECK(r->status == 429);
}

namespace {

const httplib::Headers kReduce = {{"Sec-CH-Prefers-Reduced-Motion", "reduce"}};

// The src="..." / srcset="..." URLs of a page, in order, entities decoded (only &amp; occurs).
std::vector<std::string> pageUrls(const std::string& html) {
  std::vector<std::string> urls;
  const std::regex attribute(R"re((?:src|srcset|href)="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), attribute); it != std::sregex_iterator(); ++it) {
    std::string url = (*it)[1];
    for (std::size_t at = url.find("&amp;"); at != std::string::npos; at = url.find("&amp;", at + 1)) {
      url.replace(at, 5, "&");
    }
    urls.push_back(url);
  }
  return urls;
}

void checkPageHeaders(const httplib::Result& r, const std::string& frameAncestors) {
  CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(r->get_header_value("Content-Security-Policy") == server::contentSecurityPolicy(origin(), frameAncestors));
  CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(r->get_header_value("Cache-Control") == kCacheControl);
  CHECK(r->get_header_value("ETag").size() == 18);
  CHECK_FALSE(r->has_header("X-RateLimit-Limit"));  // pages are not limited
  CHECK_FALSE(r->has_header("Vary"));
}

}  // namespace

TEST_CASE("http: /embed/{id} is a small self-contained page showing the image route's picture") {
  auto r = get("/embed/2156?size=64&bg=%23FDE68A");
  REQUIRE(r->status == 200);
  checkPageHeaders(r, "*");
  const std::string& html = r->body;
  CHECK(html.starts_with("<!doctype html>\n"));
  CHECK(html.find("<title>Pixabot 2156</title>") != std::string::npos);
  CHECK(html.find("alt=\"Pixabot 2156 (eyes: glasses, heads: blob, body: wings, top: mohawk)\"") != std::string::npos);
  CHECK(html.find("width=\"64\" height=\"64\"") != std::string::npos);
  CHECK(html.find("<style>" + std::string(server::kPageStyle) + "</style>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<picture>") == std::string::npos);  // still: no reduced-motion variant needed
  // Absolute, at the request's origin, the image route's own query: its bytes are the route's.
  const std::string still = origin() + "/api/pixabot/2156?size=64&bg=%23fde68a";
  CHECK(pageUrls(html) == std::vector<std::string>{still});
  const auto image = get(still.substr(origin().size()));
  REQUIRE(image->status == 200);
  CHECK(decodePng(bytes(image->body)).pixels ==
        decodePng(library().render("2156", {.size = 64, .bg = "#fde68a"})).pixels);

  r = get("/embed/2156?animated=true");
  REQUIRE(r->status == 200);
  const std::string base = origin() + "/api/pixabot/2156?size=128";
  CHECK(r->body.find("<picture><source media=\"(prefers-reduced-motion: reduce)\"") != std::string::npos);
  CHECK(pageUrls(r->body) == std::vector<std::string>{base, base + "&animated=true"});  // still first, then the GIF
  CHECK(get("/api/pixabot/2156?size=128&animated=true")->get_header_value("Content-Type") == "image/gif");

  // Deterministic: ETag, 304, HEAD.
  const std::string etag = r->get_header_value("ETag");
  CHECK(get("/embed/2156?animated=true&v=3")->get_header_value("ETag") == etag);
  const auto again = get("/embed/2156?animated=true", {{"If-None-Match", etag}});
  CHECK(again->status == 304);
  CHECK(again->body.empty());
  CHECK(again->get_header_value("Content-Security-Policy") == server::contentSecurityPolicy(origin(), "*"));
  httplib::Client client("127.0.0.1", testServer().port);
  const auto head = client.Head("/embed/2156?animated=true");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  CHECK(head->get_header_value("Content-Length") == std::to_string(r->body.size()));
}

TEST_CASE("http: /embed/{id} refuses what the image route refuses, in its words") {
  const std::string size = "Invalid size. Must be an integer between 32 and 1920.";
  const std::string bg = "Invalid bg. Must be a hex color like #rrggbb.";
  for (const auto& [query, message] : std::vector<std::pair<std::string, std::string>>{{"zzzz", "Invalid pixabot ID"},
                                                                                       {"F76A", "Invalid pixabot ID"},
                                                                                       {"2156?size=31", size},
                                                                                       {"2156?size=1921", size},
                                                                                       {"2156?size=64.5", size},
                                                                                       {"2156?bg=red", bg},
                                                                                       {"2156?bg=%23ff00", bg}}) {
    INFO(query);
    const auto embed = get("/embed/" + query);
    const auto image = get("/api/pixabot/" + query);
    CHECK(embed->status == 400);
    CHECK(embed->body == image->body);
    checkError("/embed/" + query, 400, message);
  }
  checkError("/embed/2156/x", 404, "Not found");
}

TEST_CASE("http: / says what this server is, from the OpenAPI document") {
  const auto r = get("/");
  REQUIRE(r->status == 200);
  checkPageHeaders(r, "'none'");
  const std::string& html = r->body;
  CHECK(html.find("<title>pixabots serve " + std::string(version()) + "</title>") != std::string::npos);
  const json document = json::parse(server::openApiDocument());
  for (const auto& [path, item] : document["paths"].items()) {
    INFO(path);
    const std::string summary = item["get"]["summary"];
    std::string escaped = server::escapeHtml(summary);
    CHECK(html.find("<code>" + server::escapeHtml(path) + "</code></td><td>" + escaped + "</td>") != std::string::npos);
  }
  const std::vector<std::string> urls = pageUrls(html);
  CHECK(std::find(urls.begin(), urls.end(), origin() + "/openapi.json") != urls.end());
  for (const std::string& url : urls) {
    INFO(url);
    REQUIRE(url.starts_with(origin() + "/"));
    CHECK(get(url.substr(origin().size()))->status == 200);  // every link and image answers
  }
  CHECK(urls.front() == origin() + "/api/pixabot/2156?size=128");  // the example avatar
}

TEST_CASE("http: paused=true is the still PNG, byte for byte, unlimited and unvaried") {
  for (const std::string query : {"size=64", "size=97&hue=200&saturate=1.5&bg=%23fde68a", ""}) {
    INFO(query);
    const auto still = get("/api/pixabot/2156?" + query);
    for (const std::string animated : {"&animated=true&paused=true", "&animated=true&webp=true&paused=true&speed=3"}) {
      const auto paused = get("/api/pixabot/2156?" + query + animated);
      REQUIRE(paused->status == 200);
      CHECK(paused->get_header_value("Content-Type") == "image/png");
      CHECK((paused->body == still->body));
      CHECK(paused->get_header_value("ETag") == still->get_header_value("ETag"));
      CHECK_FALSE(paused->has_header("X-RateLimit-Limit"));
      CHECK_FALSE(paused->has_header("Vary"));
    }
  }
  // Only the exact value `true`, as for animated: anything else animates.
  CHECK(get("/api/pixabot/2156?animated=true&paused=1")->get_header_value("Content-Type") == "image/gif");
}

TEST_CASE("http: Sec-CH-Prefers-Reduced-Motion: reduce gets the still PNG, animated answers vary on it") {
  const std::string query = "size=64&hue=200&saturate=1.5&bg=%23fde68a";
  const auto still = get("/api/pixabot/2156?" + query);
  REQUIRE(still->status == 200);
  CHECK_FALSE(still->has_header("Vary"));  // the still route does not depend on the hint
  CHECK_FALSE(get("/api/pixabot/2156?" + query, kReduce)->has_header("Vary"));
  // Both orders: the cache must never hand one client's variant to the other.
  for (const bool reduceFirst : {true, false}) {
    INFO("reduce first: " << reduceFirst);
    const std::string target = "/api/pixabot/2156?" + query + "&animated=true&speed=" + (reduceFirst ? "2" : "3");
    for (int round = 0; round < 2; ++round) {  // a render, then cache hits
      for (const bool reduce : {reduceFirst, !reduceFirst}) {
        INFO("reduce: " << reduce << ", round " << round);
        const auto r = reduce ? get(target, kReduce) : get(target);
        REQUIRE(r->status == 200);
        CHECK(r->get_header_value("Vary") == "Sec-CH-Prefers-Reduced-Motion");
        CHECK(r->get_header_value("Accept-CH") == "Sec-CH-Prefers-Reduced-Motion");
        CHECK(r->get_header_value("Content-Type") == (reduce ? "image/png" : "image/gif"));
        if (reduce) {
          CHECK((r->body == still->body));
          CHECK_FALSE(r->has_header("X-RateLimit-Limit"));  // a still costs no animated render
        } else {
          CHECK(r->body.starts_with("GIF89a"));
          CHECK(r->has_header("X-RateLimit-Limit"));
        }
      }
    }
    // A cached GIF's validator does not match the still: the reduce client gets the PNG.
    const auto gif = get(target);
    const auto revalidated =
        get(target, {{"Sec-CH-Prefers-Reduced-Motion", "reduce"}, {"If-None-Match", gif->get_header_value("ETag")}});
    CHECK(revalidated->status == 200);
    CHECK((revalidated->body == still->body));
    const auto notModified = get(target, {{"If-None-Match", gif->get_header_value("ETag")}});
    CHECK(notModified->status == 304);
    CHECK(notModified->get_header_value("Vary") == "Sec-CH-Prefers-Reduced-Motion");
  }
  // WebP too; other values, and the hint repeated, are ignored.
  CHECK((get("/api/pixabot/2156?animated=true&webp=true", kReduce)->body == get("/api/pixabot/2156")->body));
  CHECK(get("/api/pixabot/2156?animated=true", {{"Sec-CH-Prefers-Reduced-Motion", "no-preference"}})
            ->get_header_value("Content-Type") == "image/gif");
  // What the service asked for directly: the same answers through Service::get.
  const server::Response direct = testServer().service.get("/api/pixabot/2156?animated=true&" + query, "", true);
  CHECK(direct.body == still->body);
  CHECK(direct.header("Vary") == "Sec-CH-Prefers-Reduced-Motion");
}

TEST_CASE("http: the hint headers merge into a Vary already there, once") {
  const server::ApiRequest animated =
      std::get<server::ApiRequest>(testServer().service.parse("/api/pixabot/2156?animated=true"));
  server::Response r;
  r.headers = {{"Vary", "Accept-Encoding"}};
  server::Service::addHintHeaders(r, animated);
  CHECK(r.header("Vary") == "Accept-Encoding, Sec-CH-Prefers-Reduced-Motion");
  CHECK(r.header("Accept-CH") == "Sec-CH-Prefers-Reduced-Motion");
  r.headers = {{"Vary", "Sec-CH-Prefers-Reduced-Motion"}};
  server::Service::addHintHeaders(r, animated);
  CHECK(r.header("Vary") == "Sec-CH-Prefers-Reduced-Motion");
  CHECK(r.headers.size() == 2);  // Vary once, Accept-CH
  // Requests whose answer does not depend on the hint get neither.
  for (const char* target :
       {"/api/pixabot/2156", "/api/pixabot/2156?animated=true&paused=true", "/embed/2156?animated=true"}) {
    INFO(target);
    server::Response plain;
    server::Service::addHintHeaders(plain, std::get<server::ApiRequest>(testServer().service.parse(target)));
    CHECK(plain.headers.empty());
  }
}

TEST_CASE("http: X-RateLimit-* on every answer to a limited request, Remaining counts renders only") {
  server::Config config = testConfig();
  config.animatedPerMinute = 4;
  config.ogPerMinute = 2;
  TestServer live(config);
  httplib::Client client("127.0.0.1", live.port);
  int lastReset = 60;
  // The response's window: Limit, Remaining, and a Reset that only ever counts down.
  const auto window = [&](const httplib::Result& r, int limit, int remaining) {
    REQUIRE(r);
    CHECK(r->get_header_value("X-RateLimit-Limit") == std::to_string(limit));
    CHECK(r->get_header_value("X-RateLimit-Remaining") == std::to_string(remaining));
    const int reset = std::stoi("0" + r->get_header_value("X-RateLimit-Reset"));
    CHECK(reset >= 1);
    CHECK(reset <= lastReset);
    lastReset = reset;
  };
  const auto gif = [&](int size, const httplib::Headers& headers = {}) {
    return client.Get(("/api/pixabot/2156?animated=true&size=" + std::to_string(size)).c_str(), headers);
  };
  // No window yet: an invalid request shows the whole allowance.
  window(client.Get("/api/pixabot/zzzz?animated=true"), 4, 4);
  const auto first = gif(64);
  CHECK(first->status == 200);
  window(first, 4, 3);
  window(gif(64), 4, 3);                                                        // cache hit: not counted
  window(gif(64, {{"If-None-Match", first->get_header_value("ETag")}}), 4, 3);  // 304
  window(client.Get("/api/pixabot/2156?animated=true&size=5"), 4, 3);           // 400
  window(gif(65), 4, 2);
  window(gif(66), 4, 1);
  window(gif(67), 4, 0);
  const auto refused = gif(68);
  CHECK(refused->status == 429);
  window(refused, 4, 0);
  CHECK(refused->get_header_value("Retry-After") == refused->get_header_value("X-RateLimit-Reset"));
  window(gif(64), 4, 0);  // hits are still served, and still say where the client stands

  lastReset = 60;  // the OG class has a window of its own
  window(client.Get("/api/og?title=a"), 2, 1);
  window(client.Get("/api/og?title=a"), 2, 1);
  window(client.Get("/api/og?type=bogus"), 2, 1);

  // Not limited: no headers at all.
  for (const std::string target :
       {"/api/pixabot/2156?size=64", "/api/pixabot/2156?animated=true&paused=true",
        "/api/pixabot/2156?animated=true&format=json", "/api/pixabot/2156?format=svg", "/api/pixabot/2156/frames",
        "/api/pixabot/batch?ids=2156", "/api/pixabot/random?animated=true", "/embed/2156?animated=true", "/",
        "/parts/eyes/glasses.png", "/openapi.json", "/healthz", "/metrics", "/api/pixabot/zzzz", "/nothing"}) {
    INFO(target);
    const auto r = client.Get(target.c_str());
    REQUIRE(r);
    CHECK(r->status < 500);
    CHECK_FALSE(r->has_header("X-RateLimit-Limit"));
  }
  const auto reduced = gif(69, kReduce);  // a still, so not refused either
  REQUIRE(reduced);
  CHECK(reduced->status == 200);
  CHECK_FALSE(reduced->has_header("X-RateLimit-Limit"));

  // A class run unlimited (--rate-animated 0) sends none.
  config.animatedPerMinute = 0;
  TestServer unlimited(config);
  httplib::Client other("127.0.0.1", unlimited.port);
  const auto free = other.Get("/api/pixabot/2156?animated=true&size=64");
  REQUIRE(free);
  CHECK(free->status == 200);
  CHECK_FALSE(free->has_header("X-RateLimit-Limit"));
}
