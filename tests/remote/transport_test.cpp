// The libcurl transport against loopback servers: what it returns, what it
// refuses, and how each failure is typed.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "remote/clock.hpp"
#include "remote/error.hpp"
#include "remote/http.hpp"
#include "remote/loopback_server.hpp"
#include "remote/thrown_by.hpp"

using namespace pixabots::remote;
using pixabots::remote::test::LoopbackServer;
using pixabots::remote::test::thrownBy;
using std::chrono::milliseconds;

namespace {

HttpRequest get(const std::string& url) {
  HttpRequest request;
  request.url = url;
  return request;
}

// A port nothing listens on: bound to an ephemeral port, then released.
int closedPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

TEST_CASE("header names compare without case", "[remote][transport]") {
  HeaderNameLess less;
  CHECK_FALSE(less("Content-Type", "content-type"));
  CHECK_FALSE(less("content-type", "Content-Type"));
  CHECK(less("Accept", "content-type"));
  CHECK(less("accept", "Content-Type"));
  Headers headers{{"X-RateLimit-Reset", "5"}};
  CHECK(headers.count("x-ratelimit-reset") == 1);
  HttpResponse response;
  response.headers = headers;
  CHECK(response.header("X-RATELIMIT-RESET") == "5");
  CHECK_FALSE(response.header("Retry-After").has_value());
}

TEST_CASE("a GET returns status, headers and body, and a 404 is a normal reply", "[remote][transport]") {
  LoopbackServer server;
  server.http.Get("/hello", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Custom-Thing", "yes");
    res.headers.emplace("X-Dup", "first");
    res.headers.emplace("X-Dup", "second");
    res.set_content("hi " + req.get_header_value("X-Who"), "text/plain");
  });
  server.http.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(R"({"error":"nope"})", "application/json");
  });
  server.start();
  auto transport = makeCurlTransport();

  HttpRequest request = get(server.url("/hello"));
  request.headers["X-Who"] = "bot";
  HttpResponse ok = transport->send(request, {});
  CHECK(ok.status == 200);
  CHECK(ok.body == "hi bot");
  CHECK(ok.header("x-custom-thing") == "yes");
  CHECK(ok.header("CONTENT-TYPE") == "text/plain");
  CHECK(ok.header("X-Dup") == "second");

  HttpResponse missing = transport->send(get(server.url("/missing")), {});
  CHECK(missing.status == 404);
  CHECK(missing.body == R"({"error":"nope"})");
}

TEST_CASE("a POST delivers its body without asking for 100 Continue", "[remote][transport]") {
  LoopbackServer server;
  server.http.Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(std::to_string(req.body.size()), "text/plain");
  });
  server.start();
  auto transport = makeCurlTransport();

  HttpRequest request;
  request.method = "POST";
  request.url = server.url("/echo");
  request.headers["Content-Type"] = "application/json";
  request.body = std::string(200'000, 'x');
  HttpResponse reply = transport->send(request, {});

  CHECK(reply.status == 200);
  CHECK(reply.body == "200000");
  auto seen = server.awaitRequests(1);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].headers.count("Expect") == 0);
  CHECK(seen[0].body.size() == 200'000);
}

TEST_CASE("a GET follows redirects and keeps only the final headers, a POST does not follow", "[remote][transport]") {
  LoopbackServer server;
  auto redirect = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Hop", "1");
    res.set_redirect("/to");
  };
  server.http.Get("/from", redirect);
  server.http.Post("/from", redirect);
  server.http.Get("/to",
                  [](const httplib::Request&, httplib::Response& res) { res.set_content("arrived", "text/plain"); });
  server.http.Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
  server.http.Get("/ftp",
                  [](const httplib::Request&, httplib::Response& res) { res.set_redirect("ftp://127.0.0.1/secret"); });
  server.start();
  auto transport = makeCurlTransport();

  HttpResponse followed = transport->send(get(server.url("/from")), {});
  CHECK(followed.status == 200);
  CHECK(followed.body == "arrived");
  CHECK_FALSE(followed.header("X-Hop").has_value());

  HttpRequest post;
  post.method = "POST";
  post.url = server.url("/from");
  post.body = "{}";
  CHECK(transport->send(post, {}).status == 302);

  Error loop = thrownBy([&] { transport->send(get(server.url("/loop")), {}); });
  CHECK(loop.code() == Errc::network);
  CHECK(std::string(loop.what()) == "GET " + server.url("/loop") + " failed: more than 5 redirects");

  Error ftp = thrownBy([&] { transport->send(get(server.url("/ftp")), {}); });
  CHECK(ftp.code() == Errc::config);
}

TEST_CASE("only http and https URLs are fetched", "[remote][transport]") {
  auto transport = makeCurlTransport();
  for (std::string url : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"}) {
    Error e = thrownBy([&] { transport->send(get(url), {}); });
    CHECK(e.code() == Errc::config);
    CHECK(std::string(e.what()).starts_with("GET " + url + " failed: not an http(s) URL"));
  }
  HttpRequest put = get("http://127.0.0.1:1/");
  put.method = "PUT";
  CHECK(thrownBy([&] { transport->send(put, {}); }).code() == Errc::unsupported);
}

TEST_CASE("a closed port is unreachable, naming method and URL", "[remote][transport]") {
  auto transport = makeCurlTransport();
  const std::string url = "http://127.0.0.1:" + std::to_string(closedPort()) + "/api/v1/models";
  Error e = thrownBy([&] { transport->send(get(url), {}); });
  CHECK(e.code() == Errc::unreachable);
  CHECK(e.httpStatus() == 0);
  CHECK(std::string(e.what()).starts_with("GET " + url + " failed: "));
}

TEST_CASE("a body shorter than its Content-Length is a truncated reply", "[remote][transport]") {
  LoopbackServer server;
  server.http.Get("/short", [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(100, "application/json", [](std::size_t, std::size_t, httplib::DataSink& sink) {
      sink.write(R"({"jobId":)", 9);
      return false;  // hang up 91 bytes early
    });
  });
  server.start();
  auto transport = makeCurlTransport();

  Error e = thrownBy([&] { transport->send(get(server.url("/short")), {}); });
  CHECK(e.code() == Errc::network);
  CHECK_THAT(e.what(), Catch::Contains("GET " + server.url("/short") + " failed: the reply was truncated"));
}

TEST_CASE("a reply slower than the timeout times out", "[remote][transport]") {
  LoopbackServer server;
  CancelToken release;  // lets the stalled handler go once the test is done
  server.http.Get("/slow", [&release](const httplib::Request&, httplib::Response& res) {
    release.sleepFor(milliseconds{3000});
    res.set_content("late", "text/plain");
  });
  server.start();
  auto transport = makeCurlTransport();
  TransferLimits limits;
  limits.totalTimeout = milliseconds{200};

  auto start = std::chrono::steady_clock::now();
  Error e = thrownBy([&] { transport->send(get(server.url("/slow")), limits); });
  auto took = std::chrono::steady_clock::now() - start;
  release.cancel();

  CHECK(e.code() == Errc::timeout);
  CHECK(std::string(e.what()) == "GET " + server.url("/slow") + " failed: no complete reply within 200 ms");
  CHECK(took < milliseconds{2000});
}

TEST_CASE("a body over the cap is refused", "[remote][transport]") {
  LoopbackServer server;
  server.http.Get("/declared", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(2000, 'a'), "application/octet-stream");
  });
  server.http.Get("/chunked", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/octet-stream", [](std::size_t offset, httplib::DataSink& sink) {
      if (offset >= 5000) {
        sink.done();
        return true;
      }
      std::string chunk(500, 'b');
      return sink.write(chunk.data(), chunk.size());
    });
  });
  server.start();
  auto transport = makeCurlTransport();
  TransferLimits limits;
  limits.maxBodyBytes = 1000;

  Error declared = thrownBy([&] { transport->send(get(server.url("/declared")), limits); });
  CHECK(declared.code() == Errc::too_large);
  CHECK(declared.httpStatus() == 200);
  CHECK(std::string(declared.what()) ==
        "GET " + server.url("/declared") + " failed: the reply is over the 1000-byte cap (2000 bytes or more)");

  std::size_t streamed = 0;
  Error chunked = thrownBy([&] {
    transport->send(get(server.url("/chunked")), limits, [&](std::string_view chunk) { streamed += chunk.size(); });
  });
  CHECK(chunked.code() == Errc::too_large);
  CHECK_THAT(chunked.what(), Catch::Contains("over the 1000-byte cap"));
  CHECK(streamed <= 1000);

  limits.maxBodyBytes = 2000;  // exactly the size: fine
  CHECK(transport->send(get(server.url("/declared")), limits).body.size() == 2000);
}

TEST_CASE("a sink receives a 2xx body, an error body stays in the reply", "[remote][transport]") {
  LoopbackServer server;
  const std::string asset(300'000, 'p');
  server.http.Get("/asset.png",
                  [&](const httplib::Request&, httplib::Response& res) { res.set_content(asset, "image/png"); });
  server.http.Get("/gone.png", [](const httplib::Request&, httplib::Response& res) {
    res.status = 410;
    res.set_content(R"({"error":{"code":"expired","message":"gone"}})", "application/json");
  });
  server.start();
  auto transport = makeCurlTransport();

  std::string received;
  int chunks = 0;
  HttpResponse ok = transport->send(get(server.url("/asset.png")), {}, [&](std::string_view chunk) {
    received += chunk;
    ++chunks;
  });
  CHECK(ok.status == 200);
  CHECK(ok.body.empty());
  CHECK(received == asset);
  CHECK(chunks >= 1);
  CHECK(ok.header("Content-Type") == "image/png");

  received.clear();
  HttpResponse gone =
      transport->send(get(server.url("/gone.png")), {}, [&](std::string_view chunk) { received += chunk; });
  CHECK(gone.status == 410);
  CHECK(received.empty());
  CHECK(gone.body == R"({"error":{"code":"expired","message":"gone"}})");
}

TEST_CASE("a sink's own exception passes through unchanged", "[remote][transport]") {
  struct DiskFull : std::runtime_error {
    DiskFull() : std::runtime_error("disk full") {}
  };
  LoopbackServer server;
  server.http.Get("/asset",
                  [](const httplib::Request&, httplib::Response& res) { res.set_content("data", "image/png"); });
  server.start();
  auto transport = makeCurlTransport();
  CHECK_THROWS_AS(transport->send(get(server.url("/asset")), {}, [](std::string_view) { throw DiskFull(); }), DiskFull);
}

TEST_CASE("one transport serves several threads at once", "[remote][transport]") {
  LoopbackServer server;
  server.http.Get(R"(/n/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.matches[1].str(), "text/plain");
  });
  server.start();
  auto transport = makeCurlTransport();
  std::atomic<int> correct{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        std::string n = std::to_string(t * 10 + i);
        if (transport->send(get(server.url("/n/" + n)), {}).body == n) ++correct;
      }
    });
  for (auto& thread : threads) thread.join();
  CHECK(correct == 20);
}
