// The contract checker on small schemas and documents (it must reject what
// is wrong, or a green contract test proves nothing), then every endpoint of
// a live server checked against the server's own OpenAPI document.
#include <catch2/catch.hpp>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "server/config.hpp"
#include "server/contract.hpp"
#include "server/handlers.hpp"
#include "server/http_server.hpp"
#include "server/openapi.hpp"

using pixabots::contract::Json;
namespace contract = pixabots::contract;

namespace {

// Problems of `instance` against `schema`, with `defs` reachable as #/defs/...
std::vector<std::string> validate(const Json& schema, const Json& instance, const Json& defs = Json::object()) {
  const Json root = {{"defs", defs}};
  return contract::SchemaValidator(root).validate(schema, instance);
}

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const std::string& p : problems)
    if (p.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("contract validator: type", "[contract][validator]") {
  CHECK(validate({{"type", "integer"}}, 3).empty());
  CHECK(validate({{"type", "integer"}}, 3.0).empty());  // JSON Schema: 3.0 is an integer
  CHECK(mentions(validate({{"type", "integer"}}, 2.5), "$: expected integer, got number"));
  CHECK(validate({{"type", "number"}}, 2.5).empty());
  CHECK(mentions(validate({{"type", "string"}}, 1), "expected string, got integer"));
  CHECK(validate({{"type", Json::array({"string", "null"})}}, nullptr).empty());
  CHECK(mentions(validate({{"type", Json::array({"string", "null"})}}, true), "expected string or null"));
  CHECK(mentions(validate({{"type", "object"}}, Json::array()), "expected object, got array"));
}

TEST_CASE("contract validator: properties, required, additionalProperties name the JSON path",
          "[contract][validator]") {
  const Json schema = Json::parse(R"({
    "type": "object",
    "properties": {
      "id": {"type": "string", "pattern": "^[0-9a-z]{4}$"},
      "combo": {"type": "object", "properties": {"eyes": {"type": "integer", "minimum": 0, "maximum": 15}},
                "required": ["eyes"], "additionalProperties": false}
    },
    "required": ["id", "combo"]
  })");
  CHECK(validate(schema, Json::parse(R"({"id": "2156", "combo": {"eyes": 2}, "extra": 1})")).empty());
  CHECK(mentions(validate(schema, Json::parse(R"({"combo": {"eyes": 2}})")), "$: missing required property \"id\""));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "21567", "combo": {"eyes": 2}})")),
                 "$.id: \"21567\" does not match ^[0-9a-z]{4}$"));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "2156", "combo": {"eyes": 16}})")),
                 "$.combo.eyes: 16 is above the maximum 15"));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "2156", "combo": {"eyes": -1}})")),
                 "$.combo.eyes: -1 is below the minimum 0"));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "2156", "combo": {"eyes": 1, "ears": 2}})")),
                 "$.combo.ears: property is not allowed"));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "2156", "combo": {}})")),
                 "$.combo: missing required property \"eyes\""));
  // additionalProperties as a schema applies to the properties not listed.
  const Json map = {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}};
  CHECK(validate(map, {{"a", 1}, {"b", 2}}).empty());
  CHECK(mentions(validate(map, {{"a", 1}, {"b", "x"}}), "$.b: expected integer"));
}

TEST_CASE("contract validator: items, enum, const, lengths", "[contract][validator]") {
  const Json list = {{"type", "array"}, {"items", {{"type", "string"}, {"enum", {"top", "body"}}}}, {"maxItems", 3}};
  CHECK(validate(list, {"top", "body"}).empty());
  CHECK(mentions(validate(list, {"top", "ears"}), "$[1]: \"ears\" is not one of \"top\", \"body\""));
  CHECK(mentions(validate(list, {"top", "top", "top", "top"}), "$: 4 items, more than 3"));
  CHECK(mentions(validate({{"const", "3.1.0"}}, "3.0.0"), "is not \"3.1.0\""));
  CHECK(validate({{"type", "string"}, {"maxLength", 2}}, "\xc3\xa9\xc3\xa9").empty());  // two characters, four bytes
  CHECK(mentions(validate({{"type", "string"}, {"maxLength", 2}}, "abc"), "longer than 2"));
  CHECK(mentions(validate({{"type", "string"}, {"minLength", 1}}, ""), "shorter than 1"));
  CHECK(mentions(validate({{"exclusiveMinimum", 0}}, 0), "is not above 0"));
}

TEST_CASE("contract validator: pattern is an unanchored ECMAScript search", "[contract][validator]") {
  CHECK(validate({{"pattern", "b+"}}, "abbc").empty());
  CHECK(mentions(validate({{"pattern", "^b+$"}}, "abbc"), "does not match"));
  CHECK(validate({{"pattern", "^#[0-9a-fA-F]{6}$"}}, "#FDE68a").empty());
}

TEST_CASE("contract validator: $ref, with sibling keywords, and broken refs", "[contract][validator]") {
  const Json defs = {{"Id", {{"type", "string"}, {"pattern", "^[0-9a-z]{4}$"}}},
                     {"Wrapped", {{"$ref", "#/defs/Id"}}},
                     {"Loop", {{"$ref", "#/defs/Loop"}}}};
  CHECK(validate({{"$ref", "#/defs/Wrapped"}}, "2156", defs).empty());
  CHECK(mentions(validate({{"$ref", "#/defs/Wrapped"}}, "ABCD", defs), "$: \"ABCD\" does not match"));
  CHECK(mentions(validate({{"$ref", "#/defs/Id"}, {"maxLength", 3}}, "2156", defs), "longer than 3"));
  CHECK(mentions(validate({{"$ref", "#/defs/Nope"}}, "2156", defs), "unresolved $ref #/defs/Nope"));
  CHECK(mentions(validate({{"$ref", "#/defs/Loop"}}, 1, defs), "a $ref cycle"));
}

TEST_CASE("contract validator: oneOf, anyOf, allOf", "[contract][validator]") {
  const Json oneOf = {{"oneOf", {{{"type", "integer"}}, {{"type", "number"}, {"minimum", 10}}}}};
  CHECK(validate(oneOf, 2).empty());
  CHECK(validate(oneOf, 10.5).empty());
  CHECK(mentions(validate(oneOf, 12), "oneOf matched 2 of 2"));  // both branches: not exactly one
  CHECK(mentions(validate(oneOf, "x"), "oneOf matched 0 of 2"));
  const Json anyOf = {{"anyOf", {{{"type", "string"}}, {{"type", "null"}}}}};
  CHECK(validate(anyOf, nullptr).empty());
  CHECK(mentions(validate(anyOf, 1), "anyOf matched 0 of 2 schemas ([0] $: expected string"));
  const Json allOf = {{"allOf", {{{"minimum", 1}}, {{"maximum", 3}}}}};
  CHECK(validate(allOf, 2).empty());
  CHECK(mentions(validate(allOf, 4), "allOf matched 1 of 2"));
}

TEST_CASE("contract: concrete paths match templated paths, literal ones first", "[contract]") {
  const Json doc = Json::parse(R"({"paths": {
    "/api/pixabot/{id}": {}, "/api/pixabot/{id}/frames": {}, "/api/pixabot/batch": {},
    "/parts/{category}/{name}.png": {}, "/healthz": {}}})");
  const auto id = contract::matchPath(doc, "/api/pixabot/2156?size=64");
  REQUIRE(id);
  CHECK(id->templatePath == "/api/pixabot/{id}");
  CHECK(id->params.at("id") == "2156");
  CHECK(contract::matchPath(doc, "/api/pixabot/batch?ids=2156")->templatePath == "/api/pixabot/batch");
  CHECK(contract::matchPath(doc, "/api/pixabot/2156/frames")->templatePath == "/api/pixabot/{id}/frames");
  const auto part = contract::matchPath(doc, "/parts/eyes/human-2.png");
  REQUIRE(part);
  CHECK(part->params.at("category") == "eyes");
  CHECK(part->params.at("name") == "human-2");
  CHECK_FALSE(contract::matchPath(doc, "/parts/eyes/glasses.gif"));
  CHECK_FALSE(contract::matchPath(doc, "/api/pixabot/a/b/c"));
  CHECK_FALSE(contract::matchPath(doc, "/nope"));
}

TEST_CASE("contract: responses must be documented", "[contract]") {
  const Json doc = Json::parse(R"({"paths": {"/api/pixabot/{id}": {"get": {"responses": {
      "200": {"description": "ok", "headers": {"ETag": {"required": true, "schema": {"type": "string"}},
                                               "X-Count": {"schema": {"type": "integer", "minimum": 0}}},
              "content": {"image/png": {}, "application/json": {"schema": {"$ref": "#/components/schemas/M"}}}},
      "304": {"description": "not modified"}}}}},
    "components": {"schemas": {"M": {"type": "object", "required": ["id"],
                                     "properties": {"id": {"type": "string"}}}}}})");
  contract::Response ok{200, "application/json; charset=utf-8", R"({"id": "2156"})", {{"etag", "\"x\""}}};
  CHECK(contract::checkResponse(doc, "GET", "/api/pixabot/2156", ok).empty());

  auto problems = [&](std::string_view method, const contract::Response& r) {
    return contract::join(contract::checkResponse(doc, method, "/api/pixabot/2156?size=64", r));
  };
  contract::Response r = ok;
  r.status = 404;
  CHECK_THAT(problems("GET", r), Catch::Contains("status is not documented") && Catch::Contains("200, 304"));
  CHECK_THAT(problems("POST", ok), Catch::Contains("method is not documented"));
  r = ok;
  r.contentType = "text/html";
  CHECK_THAT(problems("GET", r), Catch::Contains("content type \"text/html\" is not documented"));
  r = ok;
  r.body = R"({"name": 1})";
  CHECK_THAT(problems("GET", r), Catch::Contains("$: missing required property \"id\""));
  r.body = "{not json";
  CHECK_THAT(problems("GET", r), Catch::Contains("body is not valid JSON"));
  r = ok;
  r.headers.clear();
  CHECK_THAT(problems("GET", r), Catch::Contains("required header ETag is missing"));
  r = ok;
  r.headers["X-Count"] = "-1";
  CHECK_THAT(problems("GET", r), Catch::Contains("header X-Count: $: -1 is below the minimum 0"));
  r = ok;
  r.contentType = "image/png";
  r.body = "GIF89a...";
  CHECK_THAT(problems("GET", r), Catch::Contains("body is not a PNG"));
  r.body = "\x89PNG\r\n\x1a\n....";
  CHECK(problems("GET", r).empty());
  const contract::Response notModified{304, "", "", {{"ETag", "\"x\""}}};
  CHECK(problems("GET", notModified).empty());
  CHECK_THAT(problems("GET", contract::Response{304, "text/plain", "body", {}}),
             Catch::Contains("a body of 4 bytes where none is documented"));
  // HEAD is GET without the body.
  CHECK(problems("HEAD", contract::Response{200, "image/png", "", {{"ETag", "\"x\""}}}).empty());
  // A header the caller names must be documented for the status it comes with.
  r = ok;
  r.headers["Vary"] = "X";
  CHECK(problems("GET", r).empty());
  CHECK_THAT(contract::join(contract::checkResponse(doc, "GET", "/api/pixabot/2156", r, {"vary", "X-Count"})),
             Catch::Contains("header vary is sent but not documented for this status"));
  r.headers.erase("Vary");
  r.headers["x-count"] = "2";
  CHECK(contract::checkResponse(doc, "GET", "/api/pixabot/2156", r, {"vary", "X-Count"}).empty());
  r = ok;
  r.contentType = "text/html";
  r.body = "<html>";
  const Json page = Json::parse(R"({"paths": {"/": {"get": {"responses": {"200": {"description": "page",
      "content": {"text/html": {"schema": {"type": "string"}}}}}}}}})");
  CHECK_THAT(contract::join(contract::checkResponse(page, "GET", "/", r)),
             Catch::Contains("body is not an HTML document"));
  r.body = "<!doctype html>\n<html>";
  CHECK(contract::checkResponse(page, "GET", "/", r).empty());
}

TEST_CASE("contract: request parameters and headers must be documented", "[contract]") {
  const Json doc = Json::parse(R"({"paths": {"/api/pixabot/{id}": {"get": {
      "parameters": [{"$ref": "#/components/parameters/Size"},
                     {"name": "If-None-Match", "in": "header", "schema": {"type": "string"}}],
      "responses": {"200": {"description": "ok"}}}}},
    "components": {"parameters": {"Size": {"name": "size", "in": "query", "schema": {"type": "integer"}}}}})");
  CHECK(contract::checkRequest(doc, "GET", "/api/pixabot/2156?size=64", {"if-none-match"}).empty());
  CHECK(contract::checkRequest(doc, "HEAD", "/api/pixabot/2156?size=&size=2", {}).empty());
  CHECK_THAT(contract::join(contract::checkRequest(doc, "GET", "/api/pixabot/2156?size=64&paused=true", {})),
             Catch::Contains("query parameter paused is not documented"));
  CHECK_THAT(contract::join(contract::checkRequest(doc, "GET", "/api/pixabot/2156?If-None-Match=1", {})),
             Catch::Contains("query parameter If-None-Match is not documented"));  // a header, not a query parameter
  CHECK_THAT(contract::join(contract::checkRequest(doc, "GET", "/api/pixabot/2156", {"Sec-CH-Prefers-Reduced-Motion"})),
             Catch::Contains("header parameter Sec-CH-Prefers-Reduced-Motion is not documented"));
  CHECK_THAT(contract::join(contract::checkRequest(doc, "POST", "/api/pixabot/2156", {})),
             Catch::Contains("no such operation"));
}

// ---------------------------------------------------------------------------
// A live server, in process, on a free port, and every endpoint against the
// document it serves.

namespace {

namespace server = pixabots::server;

class LiveServer {
 public:
  explicit LiveServer(server::Config config)
      : config_(withTestDefaults(std::move(config))),
        http_(config_),
        port_(http_.bind()),
        service_({std::nullopt, server::originFor(config_, port_)}),
        thread_([this] { http_.run(service_); }) {}
  ~LiveServer() {
    http_.stop();
    thread_.join();
  }
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;

  int port() const { return port_; }
  const std::string& origin() const { return service_.origin(); }
  server::HttpServer& http() { return http_; }

 private:
  static server::Config withTestDefaults(server::Config c) {
    c.port = 0;
    c.accessLog = false;
    c.threads = 4;
    return c;
  }

  server::Config config_;
  server::HttpServer http_;
  int port_;
  server::Service service_;
  std::thread thread_;
};

std::string lowerCase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A minimal HTTP/1.1 client: one request per connection (Connection: close),
// read to EOF. Plain sockets keep the test independent of the HTTP library
// the server uses, so the bytes checked are the bytes on the wire.
contract::Response fetch(int port, const std::string& method, const std::string& target,
                         const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  // The port in Host matters: absolute URLs in bodies are built from it.
  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  request += "\r\n";
  REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
  std::string raw;
  char buffer[16384];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) raw.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);

  contract::Response response;
  const auto headEnd = raw.find("\r\n\r\n");
  REQUIRE(headEnd != std::string::npos);
  const std::string head = raw.substr(0, headEnd);
  std::string body = raw.substr(headEnd + 4);
  REQUIRE(head.starts_with("HTTP/1.1 "));
  response.status = std::stoi(head.substr(9, 3));
  for (std::size_t at = head.find("\r\n"); at != std::string::npos;) {
    const auto next = head.find("\r\n", at + 2);
    const std::string line = head.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      response.headers[lowerCase(line.substr(0, colon))] = value;
    }
    at = next;
  }
  if (response.headers.count("transfer-encoding") && lowerCase(response.headers["transfer-encoding"]) == "chunked") {
    std::string decoded;
    for (std::size_t at = 0;;) {
      const auto eol = body.find("\r\n", at);
      const std::size_t size = std::stoul(body.substr(at, eol - at), nullptr, 16);
      if (size == 0) break;
      decoded += body.substr(eol + 2, size);
      at = eol + 2 + size + 2;
    }
    body = decoded;
  }
  response.body = std::move(body);
  if (response.headers.count("content-type")) response.contentType = response.headers["content-type"];
  return response;
}

const Json& servedDocument(int port) {
  static const Json doc = Json::parse(fetch(port, "GET", "/openapi.json").body);
  return doc;
}

// The body for a failure message, when it is text.
std::string shown(const contract::Response& r) {
  const bool text = r.contentType.find("json") != std::string::npos || r.contentType.starts_with("text/");
  return text ? r.body.substr(0, 300) : std::to_string(r.body.size()) + " bytes";
}

struct Case {
  std::string method;
  std::string target;
  int status;  // what the service's rules say this request gets
};

// Headers this server added for issue 17: sent only where the document lists them for the status.
const std::vector<std::string> kListedHeaders = {
    "X-RateLimit-Limit", "X-RateLimit-Remaining",   "X-RateLimit-Reset",     "Vary",
    "Accept-CH",         "Content-Security-Policy", "X-Content-Type-Options"};

}  // namespace

TEST_CASE("contract: every endpoint and documented error of a live server", "[contract][live]") {
  const LiveServer live(server::Config{});
  const Json& doc = servedDocument(live.port());
  REQUIRE(doc == Json::parse(pixabots::server::openApiDocument()));

  const std::vector<Case> cases = {
      {"GET", "/api/pixabot/2156", 200},
      {"GET", "/api/pixabot/2156?size=64&hue=200&saturate=1.5&bg=%23fde68a", 200},
      {"GET", "/api/pixabot/2156?size=97&v=2", 200},
      {"GET", "/api/pixabot/2156?format=json", 200},
      {"GET", "/api/pixabot/2156?format=json&size=256", 200},
      {"GET", "/api/pixabot/2156?format=svg&bg=%23000000", 200},
      {"GET", "/api/pixabot/2156?animated=true", 200},
      {"GET", "/api/pixabot/2156?animated=true&speed=2&size=64", 200},
      {"GET", "/api/pixabot/2156?animated=true&webp=true", 200},
      {"GET", "/api/pixabot/zzzz", 400},
      {"GET", "/api/pixabot/2156?size=20", 400},
      {"GET", "/api/pixabot/2156?size=1921", 400},
      {"GET", "/api/pixabot/2156?size=abc", 400},
      {"GET", "/api/pixabot/2156?animated=true&speed=9", 200},  // clamped, as on the service
      {"GET", "/api/pixabot/2156?animated=true&speed=fast", 400},
      {"GET", "/api/pixabot/2156/frames", 200},
      {"GET", "/api/pixabot/zzzz/frames", 400},
      {"GET", "/api/pixabot/batch?ids=2156,f76a,0000", 200},
      {"GET", "/api/pixabot/batch?ids=2156,F76A&size=64", 200},
      {"GET", "/api/pixabot/batch?count=5", 200},
      {"GET", "/api/pixabot/batch", 400},
      {"GET", "/api/pixabot/batch?ids=2156,zzzz", 400},
      {"GET", "/api/pixabot/batch?count=101", 200},  // served as 100, as on the service
      {"GET", "/api/pixabot/batch?count=0", 400},
      {"GET", "/api/pixabot/batch?ids=2156&size=10", 400},
      {"GET", "/api/pixabot/random", 302},
      {"GET", "/api/pixabot/random?size=64&animated=true", 302},
      {"GET", "/api/pixabot/random?format=json", 200},
      {"GET", "/api/pixabot/random?size=5", 400},
      {"GET", "/api/og", 200},
      {"GET", "/api/og?type=grid&title=Team&subtitle=Hello&seed=x", 200},
      {"GET", "/api/og?type=single&id=2156", 200},
      {"GET", "/api/og?type=compare&ids=2156,f76a,0001", 200},
      {"GET", "/api/og?type=single", 400},
      {"GET", "/api/og?type=single&id=zzzz", 400},
      {"GET", "/api/og?type=compare", 400},
      {"GET", "/api/og?type=bogus", 400},
      {"GET", "/parts/eyes/glasses.png", 200},
      {"GET", "/parts/heads/blob.png", 200},
      {"GET", "/parts/eyes/nope.png", 404},
      {"GET", "/parts/ears/glasses.png", 404},
      {"GET", "/sprites/top/mohawk.png", 200},
      {"GET", "/openapi.json", 200},
      {"GET", "/healthz", 200},
      {"GET", "/metrics", 200},
      {"GET", "/api/pixabot/2156?animated=true&paused=true", 200},
      {"GET", "/api/pixabot/2156?animated=true&webp=true&paused=true&size=64", 200},
      {"GET", "/api/pixabot/2156?animated=true&paused=false", 200},
      {"GET", "/api/pixabot/zzzz?animated=true&paused=true", 400},
      {"GET", "/api/pixabot/random?animated=true&paused=true", 302},
      {"GET", "/", 200},
      {"GET", "/embed/2156", 200},
      {"GET", "/embed/2156?size=64&animated=true&bg=%23fde68a", 200},
      {"GET", "/embed/2156?animated=false&size=1920", 200},
      {"GET", "/embed/zzzz", 400},
      {"GET", "/embed/2156?size=5", 400},
      {"GET", "/embed/2156?bg=%3Cscript%3E", 400},
      {"HEAD", "/api/pixabot/2156", 200},
      {"HEAD", "/api/pixabot/2156/frames", 200},
      {"HEAD", "/", 200},
      {"HEAD", "/embed/2156?animated=true", 200},
      {"OPTIONS", "/", 204},
      {"OPTIONS", "/embed/2156", 204},
      {"OPTIONS", "/api/pixabot/2156", 204},
      {"OPTIONS", "/api/pixabot/2156/frames", 204},
      {"OPTIONS", "/api/pixabot/batch", 204},
      {"OPTIONS", "/api/pixabot/random", 204},
      {"OPTIONS", "/api/og", 204},
      {"OPTIONS", "/parts/eyes/glasses.png", 204},
      {"OPTIONS", "/openapi.json", 204},
  };
  for (const Case& c : cases) {
    const contract::Response response = fetch(live.port(), c.method, c.target);
    INFO(c.method << " " << c.target << " -> " << response.status << " " << response.contentType << " "
                  << shown(response));
    CHECK(response.status == c.status);
    const auto problems = contract::checkResponse(doc, c.method, c.target, response, kListedHeaders);
    INFO(contract::join(problems));
    CHECK(problems.empty());
    // What was sent is in the contract too (404s are for paths it does not have).
    if (c.status != 404) {
      const auto asked = contract::checkRequest(doc, c.method, c.target, {});
      INFO(contract::join(asked));
      CHECK(asked.empty());
    }
    // CORS on every answer, errors included.
    CHECK(response.headers.count("access-control-allow-origin") == 1);
  }
}

TEST_CASE("contract: ETag revalidation answers 304 as documented", "[contract][live]") {
  const LiveServer live(server::Config{});
  const Json& doc = servedDocument(live.port());
  for (const std::string target :
       {"/api/pixabot/2156?size=64", "/api/pixabot/2156?format=svg", "/api/pixabot/2156/frames",
        "/api/og?type=single&id=2156", "/parts/eyes/glasses.png"}) {
    INFO(target);
    const contract::Response first = fetch(live.port(), "GET", target);
    REQUIRE(first.status == 200);
    REQUIRE(first.headers.count("etag") == 1);
    const contract::Response again = fetch(live.port(), "GET", target, {{"If-None-Match", first.headers.at("etag")}});
    CHECK(again.status == 304);
    const auto problems = contract::checkResponse(doc, "GET", target, again);
    INFO(contract::join(problems));
    CHECK(problems.empty());
  }
}

TEST_CASE("contract: rate-limited renders answer 429 as documented", "[contract][live]") {
  server::Config config;
  config.animatedPerMinute = 2;
  config.ogPerMinute = 1;
  const LiveServer live(config);
  const Json& doc = servedDocument(live.port());
  // Cache hits are not counted: each request asks for a different render.
  for (const auto& [prefix, allowed] : std::vector<std::pair<std::string, int>>{
           {"/api/pixabot/2156?animated=true&size=3", 2}, {"/api/og?type=single&id=2156&title=", 1}}) {
    for (int i = 0; i <= allowed; ++i) {
      const std::string target = prefix + std::to_string(i + 2);
      const contract::Response response = fetch(live.port(), "GET", target);
      INFO(target << " #" << i << " -> " << response.status << " " << shown(response));
      CHECK(response.status == (i < allowed ? 200 : 429));
      const auto problems = contract::checkResponse(doc, "GET", target, response);
      INFO(contract::join(problems));
      CHECK(problems.empty());
      CHECK(response.headers.count("x-ratelimit-limit") == 1);
    }
  }
}

TEST_CASE("contract: renders refused by a full render gate answer 503 as documented", "[contract][live]") {
  server::Config config;
  config.maxRenders = 1;
  config.renderWaitMs = 0;
  LiveServer live(config);
  const Json& doc = servedDocument(live.port());
  const auto held = live.http().renderGate().tryEnter(std::chrono::milliseconds(0));
  REQUIRE(held);
  for (const std::string target :
       {"/api/pixabot/2156?animated=true", "/api/pixabot/2156?size=1024", "/api/og?title=x"}) {
    const contract::Response response = fetch(live.port(), "GET", target);
    INFO(target << " -> " << response.status << " " << shown(response));
    CHECK(response.status == 503);
    const auto problems = contract::checkResponse(doc, "GET", target, response);
    INFO(contract::join(problems));
    CHECK(problems.empty());
  }
}

TEST_CASE("contract: URLs inside JSON bodies lead to documented responses", "[contract][live]") {
  const LiveServer live(server::Config{});
  const Json& doc = servedDocument(live.port());
  std::vector<std::string> links;
  const Json metadata = Json::parse(fetch(live.port(), "GET", "/api/pixabot/2156?format=json&size=64").body);
  links.push_back(metadata["png"]);
  links.push_back(metadata["gif"]);
  const Json frames = Json::parse(fetch(live.port(), "GET", "/api/pixabot/2156/frames").body);
  for (const auto& [category, sprite] : frames["sprites"].items()) links.push_back(sprite["url"]);
  const contract::Response redirect = fetch(live.port(), "GET", "/api/pixabot/random?size=64");
  REQUIRE(redirect.headers.count("location") == 1);
  links.push_back(redirect.headers.at("location"));
  for (const std::string& link : links) {
    INFO(link);
    // Links are absolute on this server's origin (or relative to it).
    const std::string target = link.starts_with(live.origin()) ? link.substr(live.origin().size()) : link;
    REQUIRE(target.starts_with("/"));
    const contract::Response response = fetch(live.port(), "GET", target);
    CHECK(response.status == 200);
    const auto problems = contract::checkResponse(doc, "GET", target, response);
    INFO(contract::join(problems));
    CHECK(problems.empty());
  }
}

namespace {

// A request with headers, what it gets, and which headers it must and must not carry.
struct HeaderCase {
  std::string target;
  std::vector<std::pair<std::string, std::string>> send;
  int status;
  std::string contentType;
  std::vector<std::string> present;  // lower case
  std::vector<std::string> absent;
};

const std::pair<std::string, std::string> kReduce = {"Sec-CH-Prefers-Reduced-Motion", "reduce"};
const std::vector<std::string> kRate = {"x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"};
const std::vector<std::string> kHint = {"vary", "accept-ch"};
const std::vector<std::string> kPageOnly = {"content-security-policy", "x-content-type-options"};
const std::vector<std::string> kPage = {"content-security-policy", "x-content-type-options", "etag", "cache-control"};

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

void checkHeaders(const contract::Response& r, const HeaderCase& c) {
  for (const std::string& name : c.present) {
    INFO("must carry " << name);
    CHECK(r.headers.count(name) == 1);
  }
  for (const std::string& name : c.absent) {
    INFO("must not carry " << name);
    CHECK(r.headers.count(name) == 0);
  }
}

}  // namespace

TEST_CASE("contract: pages, paused, reduced motion and rate-limit headers, live", "[contract][live]") {
  server::Config config;
  config.animatedPerMinute = 50;
  config.ogPerMinute = 20;
  const LiveServer live(config);
  const Json& doc = servedDocument(live.port());
  const std::string gif = "/api/pixabot/2156?animated=true&size=64";
  const std::vector<HeaderCase> cases = {
      {gif, {}, 200, "image/gif", kRate + kHint, {}},
      {gif, {}, 200, "image/gif", kRate + kHint, {}},  // a cache hit: the same headers
      {gif, {kReduce}, 200, "image/png", kHint, kRate},
      {gif + "&webp=true", {kReduce}, 200, "image/png", kHint, kRate},
      {gif + "&paused=true", {}, 200, "image/png", {"etag"}, kRate + kHint},
      {gif + "&paused=true", {kReduce}, 200, "image/png", {"etag"}, kRate + kHint},
      {"/api/pixabot/2156?size=64", {kReduce}, 200, "image/png", {"etag"}, kRate + kHint},
      {"/api/pixabot/zzzz?animated=true", {}, 400, "application/json", kRate, kHint},
      {"/api/pixabot/2156?animated=true&size=5", {kReduce}, 400, "application/json", {}, kRate + kHint},
      {"/api/og?title=contract", {}, 200, "image/png", kRate, kHint},
      {"/api/og?type=bogus", {}, 400, "application/json", kRate, kHint},
      {"/embed/2156?animated=true", {}, 200, "text/html; charset=utf-8", kPage, kRate + kHint},
      {"/", {}, 200, "text/html; charset=utf-8", kPage, kRate + kHint},
      {"/api/pixabot/2156?format=json", {}, 200, "application/json", {"etag"}, kRate + kHint + kPageOnly},
  };
  for (const HeaderCase& c : cases) {
    const contract::Response response = fetch(live.port(), "GET", c.target, c.send);
    INFO(c.target << (c.send.empty() ? "" : " (reduce)") << " -> " << response.status << " " << shown(response));
    CHECK(response.status == c.status);
    CHECK(response.contentType == c.contentType);
    checkHeaders(response, c);
    const auto problems = contract::checkResponse(doc, "GET", c.target, response, kListedHeaders);
    INFO(contract::join(problems));
    CHECK(problems.empty());
    std::vector<std::string> sent;
    for (const auto& [name, value] : c.send) sent.push_back(name);
    const auto asked = contract::checkRequest(doc, "GET", c.target, sent);
    INFO(contract::join(asked));
    CHECK(asked.empty());
  }

  // 304s repeat the 200's headers: validators, hints, the client's window.
  for (const std::string& target :
       {gif, std::string("/embed/2156?animated=true"), std::string("/api/og?title=contract")}) {
    INFO(target);
    const contract::Response first = fetch(live.port(), "GET", target);
    REQUIRE(first.headers.count("etag") == 1);
    const contract::Response again = fetch(live.port(), "GET", target, {{"If-None-Match", first.headers.at("etag")}});
    CHECK(again.status == 304);
    for (const auto& [name, value] : first.headers) {
      if (name == "content-length" || name == "content-type" || name == "connection") continue;
      INFO(name);
      CHECK(again.headers.count(name) == 1);
    }
    const auto problems = contract::checkResponse(doc, "GET", target, again, kListedHeaders);
    INFO(contract::join(problems));
    CHECK(problems.empty());
    CHECK(contract::checkRequest(doc, "GET", target, {"If-None-Match"}).empty());
  }

  // Exact: the paused and the reduced-motion PNG are the still route's bytes.
  for (const std::string query : {"size=64", "size=200&hue=90&saturate=2&bg=%231e293b"}) {
    INFO(query);
    const std::string still = fetch(live.port(), "GET", "/api/pixabot/2156?" + query).body;
    REQUIRE(still.starts_with("\x89PNG"));
    CHECK((fetch(live.port(), "GET", "/api/pixabot/2156?" + query + "&animated=true&paused=true").body == still));
    CHECK((fetch(live.port(), "GET", "/api/pixabot/2156?" + query + "&animated=true", {kReduce}).body == still));
  }
}
