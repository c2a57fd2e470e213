// The request parser and the configuration, without HTTP.
#include <catch2/catch.hpp>
#include <cmath>

#include "pixabots/core/error.hpp"
#include "server/config.hpp"
#include "server/query.hpp"

using namespace pixabots;
using namespace pixabots::server;

namespace {

ParseResult parse(std::string_view target) { return parseRequest(core::Catalog::service(), target); }

std::string errorOf(std::string_view target) {
  const ParseResult r = parse(target);
  REQUIRE(std::holds_alternative<RequestError>(r));
  return std::get<RequestError>(r).message;
}

template <class T>
T requestOf(std::string_view target) {
  const ParseResult r = parse(target);
  REQUIRE(std::holds_alternative<ApiRequest>(r));
  REQUIRE(std::holds_alternative<T>(std::get<ApiRequest>(r)));
  return std::get<T>(std::get<ApiRequest>(r));
}

}  // namespace

TEST_CASE("query: JavaScript Number() rules for numeric parameters") {
  CHECK(jsNumber("64") == 64.0);
  CHECK(jsNumber(" 64 ") == 64.0);
  CHECK(jsNumber("+64") == 64.0);
  CHECK(jsNumber("64.0") == 64.0);
  CHECK(jsNumber("6.4e1") == 64.0);
  CHECK(jsNumber("0x40") == 64.0);
  CHECK(jsNumber("") == 0.0);
  CHECK(jsNumber(".5") == 0.5);
  CHECK(std::isinf(*jsNumber("-Infinity")));
  CHECK(std::isinf(*jsNumber("1e999")));
  CHECK_FALSE(jsNumber("64px"));
  CHECK_FALSE(jsNumber("inf"));
  CHECK_FALSE(jsNumber("nan"));
  CHECK_FALSE(jsNumber("-0x40"));
  CHECK_FALSE(jsNumber("1e"));
  CHECK_FALSE(jsNumber("."));
}

TEST_CASE("query: decoding and encoding like URLSearchParams") {
  const QueryParams q = QueryParams::parse("a=1&b=x%20y+z&a=2&flag&c=%zz&=v");
  CHECK(q.get("a") == "1");  // the first value wins
  CHECK(q.get("b") == "x y z");
  CHECK(q.get("flag") == "");
  CHECK(q.get("c") == "%zz");
  CHECK_FALSE(q.get("d"));
  CHECK(formEncode("#ff0000 a/b~") == "%23ff0000+a%2Fb%7E");
  CHECK(percentDecode("a+b%2F", false) == "a+b/");
}

TEST_CASE("query: the image route's parameters") {
  const auto r = requestOf<PixabotRequest>("/api/pixabot/2156?size=64&hue=-30.5&saturate=1.5&bg=%23FDE68A&v=2");
  CHECK(r.id == "2156");
  CHECK(r.size == 64);
  CHECK(r.hue == 330);  // Math.round(-30.5) = -30, wrapped
  CHECK(r.saturate == 1.5);
  CHECK(r.bg == "#fde68a");
  CHECK(r.output == Output::png);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?size=").size == 128);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?animated=true").output == Output::gif);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?animated=TRUE").output == Output::png);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?animated=true&webp=true").output == Output::webp);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?webp=true").output == Output::png);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?format=svg&animated=true").output == Output::svg);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?format=json").output == Output::json);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?format=gif").output == Output::png);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?speed=10").speed == 4);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?speed=0").speed == 0.25);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?hue=720").hue == 0);

  CHECK(errorOf("/api/pixabot/F76A") == "Invalid pixabot ID");        // upper case is not an ID here
  CHECK(errorOf("/api/pixabot/g000") == "Invalid pixabot ID");        // 16 eyes: index 16 does not exist
  CHECK(errorOf("/api/pixabot/215?size=1") == "Invalid pixabot ID");  // the ID is checked first
  for (const char* size : {"31", "1921", "64.5", "abc", "-64", "Infinity"}) {
    CHECK(errorOf(std::string("/api/pixabot/2156?size=") + size) ==
          "Invalid size. Must be an integer between 32 and 1920.");
  }
  CHECK(errorOf("/api/pixabot/2156?hue=x") == "Invalid hue. Must be a number in degrees (0\u2013359).");
  CHECK(errorOf("/api/pixabot/2156?saturate=4.5") == "Invalid saturate. Must be a number between 0 and 4.");
  CHECK(errorOf("/api/pixabot/2156?speed=fast") == "Invalid speed. Must be a number between 0.25 and 4.");
  CHECK(errorOf("/api/pixabot/2156?bg=red") == "Invalid bg. Must be a hex color like #rrggbb.");
}

TEST_CASE("query: routes") {
  CHECK(requestOf<FramesRequest>("/api/pixabot/2156/frames").id == "2156");
  CHECK(errorOf("/api/pixabot/zzzz/frames") == "Invalid pixabot ID");
  CHECK(requestOf<SpriteRequest>("/parts/eyes/glasses.png").path == "eyes/glasses");
  CHECK(requestOf<SpriteRequest>("/sprites/top/mohawk.png").path == "top/mohawk");
  requestOf<OpenApiRequest>("/openapi.json");
  requestOf<HealthRequest>("/healthz");
  requestOf<MetricsRequest>("/metrics");
  requestOf<IndexRequest>("/");
  requestOf<IndexRequest>("/?anything=1");
  CHECK(errorOf("/embed/") == "Invalid pixabot ID");  // as /api/pixabot/ is
  for (const char* target : {"/api/pixabot/2156/x", "/parts/../etc/passwd.png", "/parts/eyes.png", "/api/pixabot",
                             "/embed/2156/x", "/embed", "/index.html"}) {
    const ParseResult r = parse(target);
    REQUIRE(std::holds_alternative<RequestError>(r));
    CHECK(std::get<RequestError>(r).status == 404);
  }
}

TEST_CASE("query: paused and reduced motion serve animated requests still") {
  const auto cost = [](std::string_view target, bool reduce) {
    const ParseResult r = parseRequest(core::Catalog::service(), target, reduce);
    return std::holds_alternative<RequestError>(r)
               ? std::get<RequestError>(r).cost
               : (isAnimated(std::get<PixabotRequest>(std::get<ApiRequest>(r)).output) ? RequestCost::animated
                                                                                       : RequestCost::cheap);
  };
  const auto still = requestOf<PixabotRequest>("/api/pixabot/2156?size=64");
  const auto paused = requestOf<PixabotRequest>("/api/pixabot/2156?size=64&animated=true&webp=true&paused=true");
  CHECK(paused.output == Output::png);
  CHECK_FALSE(paused.motion);  // always still: nothing varies
  CHECK_FALSE(still.motion);
  // Booleans are on only when exactly "true", as animated and webp are.
  for (const char* off : {"false", "TRUE", "1", "yes", ""}) {
    INFO(off);
    const auto r = requestOf<PixabotRequest>(std::string("/api/pixabot/2156?animated=true&paused=") + off);
    CHECK(r.output == Output::gif);
    CHECK(r.motion);
  }
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?paused=true").output == Output::png);
  CHECK(requestOf<PixabotRequest>("/api/pixabot/2156?paused=true&format=json").output == Output::json);

  const ParseResult reduced = parseRequest(core::Catalog::service(), "/api/pixabot/2156?animated=true&webp=true", true);
  const auto& r = std::get<PixabotRequest>(std::get<ApiRequest>(reduced));
  CHECK(r.output == Output::png);
  CHECK(r.motion);  // the answer depended on the hint
  CHECK(cost("/api/pixabot/2156?animated=true", false) == RequestCost::animated);
  CHECK(cost("/api/pixabot/2156?animated=true", true) == RequestCost::cheap);
  CHECK(cost("/api/pixabot/2156?animated=true&paused=true", false) == RequestCost::cheap);
  // Invalid requests keep the class they asked for, so they can report its window.
  CHECK(cost("/api/pixabot/zzzz?animated=true", false) == RequestCost::animated);
  CHECK(cost("/api/pixabot/2156?animated=true&size=5", false) == RequestCost::animated);
  CHECK(cost("/api/pixabot/2156?animated=true&size=5", true) == RequestCost::cheap);
  CHECK(cost("/api/pixabot/zzzz", false) == RequestCost::cheap);
  CHECK(cost("/api/pixabot/zzzz?animated=true&format=svg", false) == RequestCost::cheap);
  CHECK(cost("/api/og?type=bogus", false) == RequestCost::og);
  CHECK(std::get<RequestError>(parse("/embed/zzzz?animated=true")).cost == RequestCost::cheap);
  // random forwards paused with the rest.
  CHECK(requestOf<RandomRequest>("/api/pixabot/random?paused=true&animated=true").forwardQuery ==
        "animated=true&paused=true");
}

TEST_CASE("query: the embed page takes the image route's id, size and bg, with its messages") {
  const auto r = requestOf<EmbedRequest>("/embed/2156?size=64.0&bg=%23FDE68A&animated=true&hue=red");
  CHECK(r.id == "2156");
  CHECK(r.size == 64);
  CHECK(r.bg == "#fde68a");
  CHECK(r.animated);
  CHECK_FALSE(requestOf<EmbedRequest>("/embed/2156?animated=TRUE").animated);
  CHECK(requestOf<EmbedRequest>("/embed/2156?size=").size == 128);
  CHECK(requestOf<EmbedRequest>("/embed/%32156").id == "2156");  // percent-decoded as the image route is
  CHECK(errorOf("/embed/zzzz") == "Invalid pixabot ID");
  CHECK(errorOf("/embed/F76A") == "Invalid pixabot ID");
  CHECK(errorOf("/embed/215?size=1") == "Invalid pixabot ID");  // the ID is checked first
  for (const char* size : {"31", "1921", "64.5", "abc", "-64", "Infinity"}) {
    INFO(size);
    CHECK(errorOf(std::string("/embed/2156?size=") + size) == "Invalid size. Must be an integer between 32 and 1920.");
  }
  CHECK(errorOf("/embed/2156?bg=red") == "Invalid bg. Must be a hex color like #rrggbb.");
  CHECK(errorOf("/embed/2156?bg=%22%3E%3Cscript%3E") == "Invalid bg. Must be a hex color like #rrggbb.");
  CHECK(errorOf("/embed/2156?size=5&bg=red") == "Invalid size. Must be an integer between 32 and 1920.");
}

TEST_CASE("query: batch, random and og") {
  const auto batch = requestOf<BatchRequest>("/api/pixabot/batch?ids=2156,%20F76A%20,,0000&size=64&hue=400&saturate=9");
  CHECK(batch.ids == std::vector<std::string>{"2156", "f76a", "0000"});
  CHECK(batch.paletteSuffix == "&hue=40&saturate=4");
  CHECK(requestOf<BatchRequest>("/api/pixabot/batch?count=101").randomCount == 100);  // the service clamps
  CHECK(errorOf("/api/pixabot/batch?count=0") ==
        "Provide either `ids=a,b,c,...` (up to 100) or `count=N` for N random pixabots.");
  CHECK(errorOf("/api/pixabot/batch?ids=,") == "No IDs provided.");
  CHECK(errorOf("/api/pixabot/batch?ids=2156,zzzz,g000") == "Invalid IDs: zzzz, g000");

  CHECK(requestOf<RandomRequest>("/api/pixabot/random?format=json&size=1").json);
  CHECK(requestOf<RandomRequest>("/api/pixabot/random?bg=%23ff0000&size=64&x=1&animated=true").forwardQuery ==
        "size=64&animated=true&bg=%23ff0000");
  CHECK(errorOf("/api/pixabot/random?size=") == "Invalid size. Must be an integer between 32 and 1920.");

  const auto grid = requestOf<OgRequest>("/api/og?title=Hello");
  CHECK(grid.layout == core::OgLayout::grid);
  CHECK(grid.seed == "Hello");  // the seed defaults to the title
  const auto compare = requestOf<OgRequest>("/api/og?type=compare&ids=2156,zzzz,0000,1,2,3,4,5,6,7");
  CHECK(compare.ids == std::vector<std::string>{"2156", "0000"});
  CHECK(errorOf("/api/og?type=single") == "Missing or invalid id");
  CHECK(errorOf("/api/og?type=compare&ids=zzzz") ==
        "Missing or invalid ids (expected comma-separated list of up to 6 valid pixabot IDs)");
  CHECK(errorOf("/api/og?type=mosaic") == "type must be 'grid', 'single', or 'compare'");
}

TEST_CASE("config: defaults, environment, flags and their errors") {
  const Config defaults = configFromEnvironment([](const char*) -> const char* { return nullptr; });
  CHECK(defaults.host == "127.0.0.1");
  CHECK(defaults.threads == defaultThreads());
  CHECK(defaults.maxConnectionsPerAddress == 1000);
  CHECK(defaults.shutdownTimeoutSeconds == 10);
  CHECK_FALSE(defaults.trustProxy);
  CHECK(defaults.logFormat == LogFormat::text);
  const Config env = configFromEnvironment([](const char* name) -> const char* {
    const std::string n = name;
    if (n == "PIXABOTS_PORT") return "9000";
    if (n == "PIXABOTS_CACHE_MB") return "0";
    if (n == "PIXABOTS_ORIGIN") return "https://bots.example.com/";
    return nullptr;
  });
  CHECK(env.port == 9000);
  CHECK(env.cacheMegabytes == 0);
  CHECK(originFor(env, 9000) == "https://bots.example.com");
  Config c;
  c.host = "0.0.0.0";
  CHECK(originFor(c, 81) == "http://127.0.0.1:81");
  CHECK_THROWS_WITH(applySetting(c, "port", "70000"),
                    "port \"70000\" is not valid: must be an integer between 0 and 65535");
  CHECK_THROWS_AS(applySetting(c, "threads", "0"), core::Error);
  CHECK_THROWS_WITH(applySetting(c, "origin", "javascript:alert(1)"),
                    "origin \"javascript:alert(1)\" is not valid: must start with http:// or https://");
  CHECK_THROWS_AS(applySetting(c, "colour", "1"), core::Error);
  CHECK_THROWS_WITH(applySetting(c, "log-format", "xml"), "log-format \"xml\" is not valid: must be text or json");
  applySetting(c, "log-format", "json");
  applySetting(c, "trust-proxy", "yes");
  applySetting(c, "max-connections-per-address", "5");
  CHECK((c.logFormat == LogFormat::json && c.trustProxy && c.maxConnectionsPerAddress == 5));
  CHECK_THROWS_WITH(applySetting(c, "max-headers", "0"),
                    "max-headers \"0\" is not valid: must be an integer between 1 and 10000");
}
