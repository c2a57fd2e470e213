// The HTTP layer's parts without sockets: the request parser's limits, the
// origin and client rules, the access log's lines, the connection caps, the
// HTML pages' escaping and policy.
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "server/access_log.hpp"
#include "server/connection_limits.hpp"
#include "server/openapi.hpp"
#include "server/pages.hpp"
#include "server/request_origin.hpp"
#include "server/request_parser.hpp"
#include "support/sha256.hpp"

using namespace pixabots::server;

namespace {

struct Parsed {
  bool done = false;
  int status = 0;  // the refusal, 0 when none
  std::string message;
  RequestHead head;
  std::size_t used = 0;
};

// Feeds `bytes` to a parser, as a connection with them all buffered would.
Parsed parse(const std::string& bytes, RequestLimits limits = {}) {
  RequestParser parser(limits);
  boost::beast::error_code ec;
  Parsed result;
  // put() stops after the header; the body takes further calls.
  while (!ec && !parser.is_done() && result.used < bytes.size()) {
    const std::size_t n = parser.put(boost::asio::buffer(bytes.data() + result.used, bytes.size() - result.used), ec);
    result.used += n;
    if (n == 0) break;
  }
  if (ec && ec != boost::beast::http::error::need_more) {
    result.status = parser.refusalStatus(ec);
    result.message = parser.refusalMessage(ec);
  }
  result.done = parser.is_done();
  result.head = parser.head();
  return result;
}

}  // namespace

TEST_CASE("request parser: keeps method, target and the headers the API reads") {
  const Parsed p = parse(
      "GET /api/pixabot/2156?size=64 HTTP/1.1\r\nHost: bots.example.com:8443\r\nIf-None-Match: \"a\"\r\n"
      "X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-For: 5.6.7.8\r\nx-forwarded-proto: https\r\n\r\nGET /next");
  REQUIRE(p.done);
  CHECK(p.status == 0);
  CHECK(p.head.method == "GET");
  CHECK(p.head.target == "/api/pixabot/2156?size=64");
  CHECK(p.head.version == 11);
  CHECK(p.head.host == "bots.example.com:8443");
  CHECK(p.head.ifNoneMatch == "\"a\"");
  CHECK(p.head.forwardedFor == "1.2.3.4,5.6.7.8");
  CHECK(p.head.forwardedProto == "https");
  // A pipelined request's bytes are left for the next parse.
  CHECK(p.used == std::string("GET /api/pixabot/2156?size=64 HTTP/1.1\r\nHost: bots.example.com:8443\r\n"
                              "If-None-Match: \"a\"\r\nX-Forwarded-For: 1.2.3.4\r\nX-Forwarded-For: 5.6.7.8\r\n"
                              "x-forwarded-proto: https\r\n\r\n")
                      .size());
}

TEST_CASE("request parser: every limit is a status and the API's words") {
  std::string many = "GET / HTTP/1.1\r\nHost: a\r\n";
  for (int i = 0; i < 100; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  Parsed p = parse(many + "\r\n");
  CHECK(p.status == 431);
  CHECK(p.message == "Request header fields too large");
  CHECK(parse(many + "\r\n", {16 * 1024, 101}).status == 0);

  // Header bytes: refused as soon as they pass the limit, complete or not.
  p = parse("GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + std::string(20000, 'a'));
  CHECK(p.status == 431);

  p = parse("GET /" + std::string(8 * 1024, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n");
  CHECK(p.status == 414);
  CHECK(p.message == "URI too long");

  p = parse("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 9000\r\n\r\n");
  CHECK(p.status == 413);
  CHECK(p.message == "Payload too large");

  p = parse("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
  CHECK(p.status == 400);
  CHECK(p.message == "Bad request");

  p = parse("GET / HTTP/1.1\r\nHost: a\r\nIf-None-Match: \"a\"\r\nIf-None-Match: \"b\"\r\n\r\n");
  CHECK(p.status == 0);
  CHECK(p.head.ifNoneMatch == "\"a\",\"b\"");

  CHECK(parse("GET / HTTP/1.1\r\nHo st: a\r\n\r\n").status == 400);
  CHECK(parse("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03").status == 400);  // TLS on the plain port
}

TEST_CASE("request parser: Sec-CH-Prefers-Reduced-Motion says reduce only as one token") {
  const auto reduce = [](const std::string& fields) {
    const Parsed p = parse("GET / HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n");
    REQUIRE(p.status == 0);
    return prefersReducedMotion(p.head);
  };
  CHECK(reduce("Sec-CH-Prefers-Reduced-Motion: reduce\r\n"));
  CHECK(reduce("sec-ch-prefers-reduced-motion:   reduce  \r\n"));
  CHECK_FALSE(reduce(""));
  CHECK_FALSE(reduce("Sec-CH-Prefers-Reduced-Motion: no-preference\r\n"));
  CHECK_FALSE(reduce("Sec-CH-Prefers-Reduced-Motion: Reduce\r\n"));      // tokens are case-sensitive
  CHECK_FALSE(reduce("Sec-CH-Prefers-Reduced-Motion: \"reduce\"\r\n"));  // a string, not the token
  CHECK_FALSE(reduce("Sec-CH-Prefers-Reduced-Motion: reduce, reduce\r\n"));
  // Repeated lines are one list, which no single token parses from: ignored, not a 400.
  CHECK_FALSE(reduce("Sec-CH-Prefers-Reduced-Motion: reduce\r\nSec-CH-Prefers-Reduced-Motion: reduce\r\n"));
  CHECK_FALSE(reduce("Sec-CH-Prefers-Reduced-Motion: reduce\r\nSec-CH-Prefers-Reduced-Motion: no-preference\r\n"));
}

TEST_CASE("request parser: a body on a GET is read and dropped, chunked too") {
  Parsed p = parse("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");
  CHECK(p.done);
  CHECK(p.used == std::string("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello").size());
  p = parse("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
  CHECK(p.done);
}

TEST_CASE("origin: the request's Host unless --origin, X-Forwarded-* only when trusted") {
  Config config;
  RequestHead head;
  head.hasHost = true;
  head.host = "bots.example.com:8443";
  head.forwardedProto = "https";
  head.forwardedHost = "a.example, b.example";
  CHECK(requestOrigin(config, head, "127.0.0.1:80") == "http://bots.example.com:8443");
  config.trustProxy = true;
  CHECK(requestOrigin(config, head, "127.0.0.1:80") == "https://a.example");
  head.forwardedProto = "javascript";
  CHECK(requestOrigin(config, head, "127.0.0.1:80") == "http://a.example");
  config.origin = "https://pinned.example";
  CHECK(requestOrigin(config, head, "127.0.0.1:80") == "https://pinned.example");

  Config plain;
  RequestHead bare;
  CHECK_FALSE(requestOrigin(plain, bare, "127.0.0.1:80"));  // HTTP/1.1 without Host
  bare.version = 10;
  CHECK(requestOrigin(plain, bare, "10.0.0.7:8080") == "http://10.0.0.7:8080");

  for (const char* bad : {"", "a b", "x\"y", "a/b", "a:", "a:123456", "[::1", "[zz]", "a:1:2", "é.example", "a\r\n"}) {
    INFO(bad);
    CHECK_FALSE(validHost(bad));
  }
  for (const char* good : {"a", "localhost:8080", "127.0.0.1", "[::1]:80", "[::1]", "xn--bcher-kva.example"}) {
    INFO(good);
    CHECK(validHost(good));
  }
}

TEST_CASE("client address: the peer, or with --trust-proxy the address the proxy appended") {
  Config config;
  RequestHead head;
  head.forwardedFor = "6.6.6.6, 1.2.3.4";
  CHECK(clientAddress(config, head, "10.0.0.1") == "10.0.0.1");
  config.trustProxy = true;
  CHECK(clientAddress(config, head, "10.0.0.1") == "1.2.3.4");
  head.forwardedFor = std::string(100, 'a');
  CHECK(clientAddress(config, head, "10.0.0.1") == "10.0.0.1");
}

TEST_CASE("access log: RFC 3339 time, escaped bytes, text and JSON lines") {
  using namespace std::chrono;
  const system_clock::time_point t{milliseconds(1796578245123)};  // 2026-12-06T17:30:45.123Z
  CHECK(rfc3339(t) == "2026-12-06T17:30:45.123Z");
  CHECK(escapeForLog("GET /\x1b[31m\r\n\"\\ \xff") == "GET /\\x1b[31m\\x0d\\x0a\\x22\\x5c \\xff");

  const LogEntry request{"request", "127.0.0.1", "GET /\x1b HTTP/1.1", 200, 733, 0.5, {}};
  CHECK(formatLogLine(LogFormat::text, request, t) ==
        "2026-12-06T17:30:45.123Z 127.0.0.1 \"GET /\\x1b HTTP/1.1\" 200 733 0.50ms");
  const LogEntry refused{"refused", "127.0.0.2", "", 503, 52, 0.25, "5 connections open from this address"};
  CHECK(formatLogLine(LogFormat::text, refused, t) ==
        "2026-12-06T17:30:45.123Z 127.0.0.2 \"-\" 503 52 0.25ms refused: 5 connections open from this address");
  const LogEntry dropped{"dropped", "::1", "GET /slow", 0, 0, 2000, "request not received within read-timeout"};
  CHECK(formatLogLine(LogFormat::text, dropped, t) ==
        "2026-12-06T17:30:45.123Z ::1 \"GET /slow\" - 0 2000.00ms dropped: request not received within read-timeout");

  const auto json = nlohmann::json::parse(formatLogLine(LogFormat::json, dropped, t));
  CHECK(json == nlohmann::json{{"time", "2026-12-06T17:30:45.123Z"},
                               {"event", "dropped"},
                               {"client", "::1"},
                               {"request", "GET /slow"},
                               {"status", 0},
                               {"bytes", 0},
                               {"ms", 2000.0},
                               {"reason", "request not received within read-timeout"}});
  CHECK(nlohmann::json::parse(formatLogLine(LogFormat::json, request, t)).at("request") == "GET /\\x1b HTTP/1.1");
}

TEST_CASE("connection limits: per address and in total, released on close") {
  ConnectionLimits limits(3, 2);
  using A = ConnectionLimits::Admission;
  CHECK(limits.admit("10.0.0.1") == A::admitted);
  CHECK(limits.admit("10.0.0.1") == A::admitted);
  CHECK(limits.admit("10.0.0.1") == A::overAddress);
  CHECK(limits.admit("10.0.0.2") == A::admitted);
  CHECK(limits.admit("10.0.0.3") == A::overTotal);
  CHECK(limits.open() == 3);
  limits.release("10.0.0.1");
  CHECK(limits.admit("10.0.0.3") == A::admitted);
  CHECK(limits.refusal(A::overAddress) == "2 connections open from this address (--max-connections-per-address)");
  CHECK(limits.refusal(A::overTotal) == "3 connections open (--max-connections)");
}

namespace {

// Standard base64 (RFC 4648) as lower-case hex, to compare with sha256Hex.
std::string base64ToHex(std::string_view text) {
  constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  unsigned bits = 0;
  int pending = 0;
  for (const char c : text.substr(0, text.find('='))) {
    bits = (bits << 6) | static_cast<unsigned>(kAlphabet.find(c));
    pending += 6;
    if (pending >= 8) {
      pending -= 8;
      const unsigned byte = (bits >> pending) & 0xff;
      hex += kHex[byte >> 4];
      hex += kHex[byte & 15];
    }
  }
  return hex;
}

}  // namespace

TEST_CASE("pages: the stylesheet's CSP source is the SHA-256 of the stylesheet") {
  // A browser applies an inline <style> only when its hash is in style-src: edit kPageStyle and its source together.
  REQUIRE(kPageStyleSource.starts_with("'sha256-"));
  REQUIRE(kPageStyleSource.ends_with("'"));
  const std::string_view encoded = kPageStyleSource.substr(8, kPageStyleSource.size() - 9);
  CHECK(encoded.size() == 44);
  CHECK(base64ToHex(encoded) == testing::sha256Hex(kPageStyle));
  CHECK(kPageStyle.find("image-rendering:pixelated") != std::string_view::npos);
}

TEST_CASE("pages: escaping and the Content-Security-Policy") {
  CHECK(escapeHtml(R"(<script>alert('x')</script> & "q")") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(escapeHtml("plain 2156 \xc3\xa9") == "plain 2156 \xc3\xa9");

  const std::string tail = "; style-src " + std::string(kPageStyleSource) + "; base-uri 'none'; form-action 'none'; ";
  CHECK(contentSecurityPolicy("http://127.0.0.1:8080", "*") ==
        "default-src 'none'; img-src http://127.0.0.1:8080" + tail + "frame-ancestors *");
  // A path would narrow the source to one URL: only scheme, host and port are kept.
  CHECK(contentSecurityPolicy("https://bots.example.com/prefix", "'none'") ==
        "default-src 'none'; img-src https://bots.example.com" + tail + "frame-ancestors 'none'");
  CHECK(
      contentSecurityPolicy("https://[::1]:8443", "*").starts_with("default-src 'none'; img-src https://[::1]:8443;"));
  // An --origin that is no plain host cannot add directives: the page's own origin stands in.
  for (const char* odd : {"https://a.example; script-src *", "http://a b", "https://", "http://x\"y"}) {
    INFO(odd);
    CHECK(contentSecurityPolicy(odd, "*") == "default-src 'none'; img-src 'self'" + tail + "frame-ancestors *");
  }
}

TEST_CASE("pages: the index lists the OpenAPI document's operations, preflights left out") {
  const auto routes = documentedRoutes(openApiDocument());
  const auto document = nlohmann::json::parse(openApiDocument());
  std::size_t gets = 0;
  for (const auto& [path, item] : document["paths"].items()) gets += item.contains("get") ? 1 : 0;
  CHECK(routes.size() == gets);
  for (const Route& route : routes) {
    INFO(route.path);
    CHECK(route.method == "GET");
    CHECK(route.summary == document["paths"][route.path]["get"]["summary"]);
  }
  REQUIRE(routes.size() > 3);
  CHECK(routes[0].path == "/");  // in the document's order
  CHECK(routes[1].path == "/api/pixabot/{id}");
}
