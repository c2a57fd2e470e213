// ApiClient against a loopback provider: headers, the error envelopes, the
// retry rules and their waits (on a FakeClock), downloads, redaction.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "remote/client.hpp"
#include "remote/config.hpp"
#include "remote/fake_clock.hpp"
#include "remote/loopback_server.hpp"

using namespace pixabots::remote;
using pixabots::remote::test::FakeClock;
using pixabots::remote::test::LoopbackServer;
using std::chrono::milliseconds;

namespace {

constexpr const char* kKey = "pd_test_key_5f3a9c";
constexpr std::uint64_t kSeed = 42;

RemoteConfig loopbackConfig(const LoopbackServer& server, std::string key = kKey) {
  RemoteConfig config;
  config.provider = ProviderKind::jobs;
  config.baseUrl = server.url("/api/v1");
  config.apiKey = std::move(key);
  return config;
}

// Answers `path` with the statuses in `script`, in order, then the last one
// for every further request; a 2xx answers `okBody`.
void script(LoopbackServer& server, const std::string& path, std::vector<int> statuses,
            std::string okBody = R"({"ok":true})", std::string errorBody = R"({"error":{"code":"internal_error","message":"boom"}})") {
  auto calls = std::make_shared<std::atomic<std::size_t>>(0);
  auto handler = [=](const httplib::Request&, httplib::Response& res) {
    std::size_t n = (*calls)++;
    int status = statuses[std::min(n, statuses.size() - 1)];
    res.status = status;
    res.set_content(status < 300 ? okBody : errorBody, "application/json");
  };
  server.http.Get(path, handler);
  server.http.Post(path, handler);
}

// What a failing call threw.
template <typename F>
Error thrownBy(F&& call) {
  try {
    call();
  } catch (const Error& e) {
    return e;
  }
  FAIL("no Error thrown");
  throw std::logic_error("unreachable");
}

std::vector<milliseconds> expectedBackoff(const RetryPolicy& policy, int count) {
  std::mt19937_64 rng(kSeed);
  std::vector<milliseconds> waits;
  for (int i = 0; i < count; ++i) waits.push_back(backoffDelay(policy, i, rng));
  return waits;
}

}  // namespace

TEST_CASE("GET sends the bearer key, Accept and User-Agent and encodes the query", "[remote][client]") {
  LoopbackServer server;
  server.http.Get("/api/v1/models", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"models":[{"apiId":"flux"}]})", "application/json");
  });
  server.start();
  FakeClock clock;
  auto transport = makeCurlTransport();
  ApiClient client(loopbackConfig(server), *transport, clock, kSeed);

  Reply reply = client.get("/models", {{"q", "red fox & hen"}, {"limit", "10"}});

  CHECK(reply.body["models"][0]["apiId"] == "flux");
  CHECK(reply.response.status == 200);
  auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "GET");
  CHECK(seen[0].path == "/api/v1/models");
  CHECK(seen[0].query == "limit=10&q=red fox & hen");
  CHECK(seen[0].headers.find("Authorization")->second == std::string("Bearer ") + kKey);
  CHECK(seen[0].headers.find("Accept")->second == "application/json");
  CHECK(seen[0].headers.find("User-Agent")->second.starts_with("pixabots/"));
  // The key travels in the header only.
  CHECK(seen[0].query.find(kKey) == std::string::npos);
  CHECK(client.stats().requests == 1);
  CHECK(client.stats().retries == 0);
  CHECK(clock.sleeps().empty());
}

TEST_CASE("no Authorization header when there is no key", "[remote][client]") {
  LoopbackServer server;
  script(server, "/api/v1/me", {200});
  server.start();
  FakeClock clock;
  auto transport = makeCurlTransport();
  ApiClient client(loopbackConfig(server, ""), *transport, clock, kSeed);

  client.get("/me");

  auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].headers.count("Authorization") == 0);
}

TEST_CASE("POST sends the JSON body with its content type", "[remote][client]") {
  LoopbackServer server;
  server.http.Post("/api/v1/models/flux-1.1-pro/run", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"jobId":"job_1","status":"pending"})", "application/json");
  });
  server.start();
  FakeClock clock;
  auto transport = makeCurlTransport();
  ApiClient client(loopbackConfig(server), *transport, clock, kSeed);

  Reply reply = client.post("/models/flux-1.1-pro/run", Json{{"prompt", "a castle"}, {"seed", 7}});

  CHECK(reply.body["jobId"] == "job_1");
  auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "POST");
  CHECK(Json::parse(seen[0].body) == Json{{"prompt", "a castle"}, {"seed", 7}});
  CHECK(seen[0].headers.find("Content-Type")->second == "application/json");
  CHECK(seen[0].headers.find("Authorization")->second == std::string("Bearer ") + kKey);
}

TEST_CASE("a GET is retried on 500 with the policy's backoff", "[remote][client]") {
  LoopbackServer server;
  script(server, "/api/v1/jobs/job_1", {500, 500, 200}, R"({"jobId":"job_1","status":"completed"})");
  server.start();
  FakeClock clock;
  auto transport = makeCurlTransport();
  ApiClient client(loopbackConfig(server), *transport, clock, kSeed);

  Reply reply = client.get("/jobs/job_1");

  CHECK(reply.body["status"] == "completed");
  CHECK(server.requests().size() == 3);
  CHECK(client.stats().requests == 3);
  CHECK(client.stats().retries == 2);
  auto expected = expectedBackoff(RetryPolicy{}, 2);
  CHECK(clock.sleeps() == expected);
  // mt19937_64 is specified by the standard, so the seed pins these exactly.
  CHECK(clock.sleeps() == std::vector<milliseconds>{milliseconds{551}, milliseconds{1056}});
  CHECK(client.stats().waited == expected[0] + expected[1]);
}

TEST_CASE("a GET that keeps failing gives up after the retry budget", "[remote][client]") {
  LoopbackServer server;
  script(server, "/api/v1/models", {500});
  server.start();
  FakeClock clock;
  auto transport = makeCurlTransport();
  ApiClient client(loopbackConfig(server), *transport, clock, kSeed);

  Error e = thrownBy([&] { client.get("/models"); });

  CHECK(e.code() == Errc::server);
  CHECK(e.httpStatus() == 500);
  CHECK(std::string(e.what()) == "jobs API: GET /models failed: 500 internal_error: boom; gave up after 4 attempts");
  CHECK(server.requests().size() == 4);
  CHECK(client.stats().requests == 4);
  CHECK(client.stats().retries == 3);
  CHECK(clock.sleeps() == expectedBackoff(RetryPolicy{}, 3));
}

TEST_CASE("a 429 with Retry-After waits exactly what the server asks", "[remote][client]") {
  LoopbackServer server;
  auto calls = std::make_shared<std::atomic<int>>(0);
  server.http.Get("/api/v1/jobs", [calls](const httplib::Request&, httplib::Response& res) {
    if ((*calls)++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "7");
      res.set_content(R"({"error":{"code":"rate_limit_exceeded","message":"slow down","status":429}})", "application/json");
      return;
    }
    res.set_content(R"({"jobs":[]})", "application/json");
  });
  server.start();
  FakeClock clock;
  auto transport = makeCurlTransport();
  ApiClient client(loopbackConfig(server), *transport, clock, kSeed);

  Reply reply = client.get("/jobs");

  CHECK(reply.body["jobs"].empty());
  CHECK(clock.sleeps() == std::vector<milliseconds>{milliseconds{7000}});
  CHECK(client.stats().requests == 2);
  CHECK(client.stats().waited == milliseconds{7000});
}

TEST_CASE("a POST is not retried on 500: it may have been charged", "[remote][client]") {
  LoopbackServer server;
  script(server, "/api/v1/models/flux/run", {500, 200});
  server.start();
  FakeClock clock;
  auto transport = makeCurlTransport();
  ApiClient client(loopbackConfig(server), *transport, clock, kSeed);

  Error e = thrownBy([&] { client.post("/models/flux/run", Json{{"prompt", "x"}}); });

  CHECK(e.code() == Errc::server);
  CHECK(std::string(e.what()) ==
        "jobs API: POST /models/flux/run failed: 500 internal_error: boom; "
        "not retried: the request may have been processed and charged");
  CHECK(server.requests().size() == 1);
  CHECK(client.stats().retries == 0);
  CHECK(clock.sleeps().empty());
}
