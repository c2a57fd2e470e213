// ApiClient against a loopback provider: headers, the error envelopes, the
// retry rules and their waits (on a FakeClock), downloads, redaction.
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <functional>
#include <memory>
#include <thread>

#include "remote/client.hpp"
#include "remote/config.hpp"
#include "remote/fake_clock.hpp"
#include "remote/loopback_server.hpp"
#include "remote/thrown_by.hpp"

using namespace pixabots::remote;
using pixabots::remote::test::FakeClock;
using pixabots::remote::test::LoopbackServer;
using pixabots::remote::test::thrownBy;
using std::chrono::milliseconds;

namespace {

constexpr const char* kKey = "pd_test_key_5f3a9c";
constexpr std::uint64_t kSeed = 42;

RemoteConfig loopbackConfig(const LoopbackServer& server) {
  RemoteConfig config;
  config.provider = ProviderKind::jobs;
  config.baseUrl = server.url("/api/v1");
  config.apiKey = kKey;
  return config;
}

// A loopback provider and a client of it on a fake clock: a test registers
// its routes on `server`, then calls start().
class LoopbackRig {
 protected:
  LoopbackServer server;
  FakeClock clock;
  std::unique_ptr<Transport> transport = makeCurlTransport();

  // Serves the routes registered so far; the client's config is the
  // loopback one with `adjust` applied.
  ApiClient start(const std::function<void(RemoteConfig&)>& adjust = {}) {
    server.start();
    RemoteConfig config = loopbackConfig(server);
    if (adjust) adjust(config);
    return ApiClient(config, *transport, clock, kSeed);
  }
};

// Answers `path` with the statuses in `script`, in order, then the last one
// for every further request; a 2xx answers `okBody`.
void script(LoopbackServer& server, const std::string& path, std::vector<int> statuses,
            std::string okBody = R"({"ok":true})",
            std::string errorBody = R"({"error":{"code":"internal_error","message":"boom"}})") {
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

std::vector<milliseconds> expectedBackoff(const RetryPolicy& policy, int count) {
  std::mt19937_64 rng(kSeed);
  std::vector<milliseconds> waits;
  for (int i = 0; i < count; ++i) waits.push_back(backoffDelay(policy, i, rng));
  return waits;
}

}  // namespace

TEST_CASE_METHOD(LoopbackRig, "GET sends the bearer key, Accept and User-Agent and encodes the query",
                 "[remote][client]") {
  server.http.Get("/api/v1/models", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"models":[{"apiId":"flux"}]})", "application/json");
  });
  ApiClient client = start();

  Reply reply = client.get("/models", {{"q", "red fox & hen"}, {"limit", "10"}});

  CHECK(reply.body["models"][0]["apiId"] == "flux");
  CHECK(reply.response.status == 200);
  auto seen = server.awaitRequests(1);
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

TEST_CASE_METHOD(LoopbackRig, "no Authorization header when there is no key", "[remote][client]") {
  script(server, "/api/v1/me", {200});
  ApiClient client = start([](RemoteConfig& config) { config.apiKey.clear(); });

  client.get("/me");

  auto seen = server.awaitRequests(1);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].headers.count("Authorization") == 0);
}

TEST_CASE_METHOD(LoopbackRig, "POST sends the JSON body with its content type", "[remote][client]") {
  server.http.Post("/api/v1/models/flux-1.1-pro/run", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"jobId":"job_1","status":"pending"})", "application/json");
  });
  ApiClient client = start();

  Reply reply = client.post("/models/flux-1.1-pro/run", Json{{"prompt", "a castle"}, {"seed", 7}});

  CHECK(reply.body["jobId"] == "job_1");
  auto seen = server.awaitRequests(1);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].method == "POST");
  CHECK(Json::parse(seen[0].body) == Json{{"prompt", "a castle"}, {"seed", 7}});
  CHECK(seen[0].headers.find("Content-Type")->second == "application/json");
  CHECK(seen[0].headers.find("Authorization")->second == std::string("Bearer ") + kKey);
}

TEST_CASE_METHOD(LoopbackRig, "a GET is retried on 500 with the policy's backoff", "[remote][client]") {
  script(server, "/api/v1/jobs/job_1", {500, 500, 200}, R"({"jobId":"job_1","status":"completed"})");
  ApiClient client = start();

  Reply reply = client.get("/jobs/job_1");

  CHECK(reply.body["status"] == "completed");
  CHECK(server.awaitRequests(3).size() == 3);
  CHECK(client.stats().requests == 3);
  CHECK(client.stats().retries == 2);
  auto expected = expectedBackoff(RetryPolicy{}, 2);
  CHECK(clock.sleeps() == expected);
  // mt19937_64 is specified by the standard, so the seed pins these exactly.
  CHECK(clock.sleeps() == std::vector<milliseconds>{milliseconds{551}, milliseconds{1056}});
  CHECK(client.stats().waited == expected[0] + expected[1]);
}

TEST_CASE_METHOD(LoopbackRig, "a GET that keeps failing gives up after the retry budget", "[remote][client]") {
  script(server, "/api/v1/models", {500});
  ApiClient client = start();

  Error e = thrownBy([&] { client.get("/models"); });

  CHECK(e.code() == Errc::server);
  CHECK(e.httpStatus() == 500);
  CHECK(std::string(e.what()) == "jobs API: GET /models failed: 500 internal_error: boom; gave up after 4 attempts");
  CHECK(server.awaitRequests(4).size() == 4);
  CHECK(client.stats().requests == 4);
  CHECK(client.stats().retries == 3);
  CHECK(clock.sleeps() == expectedBackoff(RetryPolicy{}, 3));
}

TEST_CASE_METHOD(LoopbackRig, "a 429 with Retry-After waits exactly what the server asks", "[remote][client]") {
  auto calls = std::make_shared<std::atomic<int>>(0);
  server.http.Get("/api/v1/jobs", [calls](const httplib::Request&, httplib::Response& res) {
    if ((*calls)++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "7");
      res.set_content(R"({"error":{"code":"rate_limit_exceeded","message":"slow down","status":429}})",
                      "application/json");
      return;
    }
    res.set_content(R"({"jobs":[]})", "application/json");
  });
  ApiClient client = start();

  Reply reply = client.get("/jobs");

  CHECK(reply.body["jobs"].empty());
  CHECK(clock.sleeps() == std::vector<milliseconds>{milliseconds{7000}});
  CHECK(client.stats().requests == 2);
  CHECK(client.stats().waited == milliseconds{7000});
}

TEST_CASE_METHOD(LoopbackRig, "a POST is not retried on 500: it may have been charged", "[remote][client]") {
  script(server, "/api/v1/models/flux/run", {500, 200});
  ApiClient client = start();

  Error e = thrownBy([&] { client.post("/models/flux/run", Json{{"prompt", "x"}}); });

  CHECK(e.code() == Errc::server);
  CHECK(std::string(e.what()) ==
        "jobs API: POST /models/flux/run failed: 500 internal_error: boom; "
        "not retried: the request may have been processed and charged");
  CHECK(server.awaitRequests(1).size() == 1);
  CHECK(client.stats().retries == 0);
  CHECK(clock.sleeps().empty());
}

TEST_CASE("backoff doubles from the initial wait up to the cap, jittered within bounds", "[remote][client]") {
  RetryPolicy policy;
  policy.jitter = 0;
  std::mt19937_64 rng(kSeed);
  std::vector<milliseconds> waits;
  for (int attempt = 0; attempt < 8; ++attempt) waits.push_back(backoffDelay(policy, attempt, rng));
  CHECK(waits == std::vector<milliseconds>{milliseconds{500}, milliseconds{1000}, milliseconds{2000},
                                           milliseconds{4000}, milliseconds{8000}, milliseconds{16000},
                                           milliseconds{30000}, milliseconds{30000}});
  CHECK(backoffDelay(policy, -3, rng) == milliseconds{500});
  CHECK(backoffDelay(policy, 5000, rng) == milliseconds{30000});

  policy.jitter = 0.2;
  for (int attempt = 0; attempt < 6; ++attempt) {
    double base = std::min(500.0 * std::pow(2.0, attempt), 30000.0);
    for (int draw = 0; draw < 50; ++draw) {
      auto wait = static_cast<double>(backoffDelay(policy, attempt, rng).count());
      CHECK(wait >= std::floor(base * 0.8));
      CHECK(wait <= std::ceil(base * 1.2));
    }
  }
}

TEST_CASE("serverWait reads Retry-After (seconds or HTTP date), else X-RateLimit-Reset", "[remote][client]") {
  FakeClock clock;
  clock.unixStart = 784'111'777;  // Sun, 06 Nov 1994 08:49:37 GMT
  auto wait = [&](Headers headers) {
    HttpResponse reply;
    reply.status = 429;
    reply.headers = std::move(headers);
    return serverWait(reply, clock);
  };
  CHECK(wait({{"Retry-After", "7"}}) == milliseconds{7000});
  CHECK(wait({{"retry-after", "0"}}) == milliseconds{0});
  CHECK(wait({{"Retry-After", "Sun, 06 Nov 1994 08:50:07 GMT"}}) == milliseconds{30'000});
  CHECK(wait({{"Retry-After", "Sat, 05 Nov 1994 08:49:37 GMT"}}) == milliseconds{0});  // in the past
  CHECK(wait({{"X-RateLimit-Reset", "784111822"}}) == milliseconds{45'000});
  CHECK(wait({{"X-RateLimit-Reset", "784111000"}}) == milliseconds{0});
  CHECK(wait({{"Retry-After", "12"}, {"X-RateLimit-Reset", "784111822"}}) == milliseconds{12'000});
  CHECK(wait({{"Retry-After", "soon"}, {"X-RateLimit-Reset", "784111787"}}) == milliseconds{10'000});
  CHECK_FALSE(wait({{"Retry-After", "soon"}}).has_value());
  CHECK_FALSE(wait({{"Retry-After", "Sun, 31 Feb 1994 08:49:37 GMT"}}).has_value());
  CHECK_FALSE(wait({{"Retry-After", "-5"}}) != milliseconds{0});
  CHECK_FALSE(wait({}).has_value());
}

TEST_CASE("errorFromReply types every documented envelope and status", "[remote][client]") {
  FakeClock clock;
  struct Case {
    int status;
    std::string body;
    Errc code;
    std::string what;
  };
  const std::vector<Case> cases{
      {401, R"({"error":{"code":"unauthorized","message":"Missing or invalid API key","status":401}})",
       Errc::unauthorized, "op failed: 401 unauthorized: Missing or invalid API key"},
      {402, R"({"error":{"code":"insufficient_credits","message":"Your account has insufficient credits"}})",
       Errc::insufficient_credits, "op failed: 402 insufficient_credits: Your account has insufficient credits"},
      {403, R"({"error":{"code":"insufficient_credits","message":"no credits","status":403}})",
       Errc::insufficient_credits, "op failed: 403 insufficient_credits: no credits"},
      {403, R"({"error":{"code":"forbidden","message":"Pro plan required"}})", Errc::forbidden,
       "op failed: 403 forbidden: Pro plan required"},
      {400, R"({"error":{"code":"invalid_json","message":"bad body"}})", Errc::validation,
       "op failed: 400 invalid_json: bad body"},
      {400, R"({"error":{"code":"validation_error","message":"prompt is required"}})", Errc::validation,
       "op failed: 400 validation_error: prompt is required"},
      {422, R"({"error":{"code":"invalid_request","message":"width too large"}})", Errc::validation,
       "op failed: 422 invalid_request: width too large"},
      {404, R"({"error":{"code":"not_found","message":"no such job"}})", Errc::not_found,
       "op failed: 404 not_found: no such job"},
      {410, R"({"error":{"code":"expired","message":"Job has expired"}})", Errc::expired,
       "op failed: 410 expired: Job has expired"},
      {429, R"({"error":{"code":"rate_limited","message":"slow"}})", Errc::rate_limited,
       "op failed: 429 rate_limited: slow"},
      {500, R"({"error":{"code":"credit_error","message":"Failed to deduct credits"}})", Errc::server,
       "op failed: 500 credit_error: Failed to deduct credits"},
      {500, R"({"error":{"code":"submission_failed","message":"x"}})", Errc::server,
       "op failed: 500 submission_failed: x"},
      {400, R"({"code":1001,"message":"scene is not supported"})", Errc::validation,
       "op failed: 400 validation (code 1001): scene is not supported"},
      {401, R"({"code":401,"message":"invalid key"})", Errc::unauthorized,
       "op failed: 401 unauthorized (code 401): invalid key"},
      {400, R"({"error":"Invalid size"})", Errc::validation, "op failed: 400 validation: Invalid size"},
      {502, "<html><body>Bad gateway</body></html>", Errc::server, "op failed: 502 server"},
      {503, "", Errc::server, "op failed: 503 server"},
      {418, R"({"error":{"code":"teapot","message":"short and stout"}})", Errc::validation,
       "op failed: 418 teapot: short and stout"},
      {200, R"({"code":500,"message":"upstream failed"})", Errc::rejected,
       "op failed: 200 rejected (code 500): upstream failed"},
  };
  for (const auto& c : cases) {
    INFO(c.status << " " << c.body);
    HttpResponse reply;
    reply.status = c.status;
    reply.body = c.body;
    Error e = errorFromReply(reply, "op", clock);
    CHECK(e.code() == c.code);
    CHECK(e.httpStatus() == c.status);
    CHECK(std::string(e.what()) == c.what);
    CHECK_FALSE(e.retryAfter().has_value());
  }
}

TEST_CASE("errorFromReply keeps a long message to one short line", "[remote][client]") {
  FakeClock clock;
  HttpResponse reply;
  reply.status = 400;
  reply.body =
      Json{{"error", {{"code", "validation_error"}, {"message", "line one\nline two " + std::string(400, 'x')}}}}
          .dump();
  std::string what = errorFromReply(reply, "op", clock).what();
  CHECK(what.starts_with("op failed: 400 validation_error: line one line two xxx"));
  CHECK(what.ends_with("x..."));
  CHECK(what.size() == std::string("op failed: 400 validation_error: ").size() + 300 + 3);
}

TEST_CASE("errorFromReply carries the server's wait on a 429", "[remote][client]") {
  FakeClock clock;
  HttpResponse reply;
  reply.status = 429;
  reply.headers = {{"X-RateLimit-Reset", std::to_string(clock.unixStart + 20)}};
  CHECK(errorFromReply(reply, "op", clock).retryAfter() == milliseconds{20'000});
  reply.status = 503;  // a 503 has only Retry-After to go by
  CHECK_FALSE(errorFromReply(reply, "op", clock).retryAfter().has_value());
  reply.headers = {{"Retry-After", "3"}};
  CHECK(errorFromReply(reply, "op", clock).retryAfter() == milliseconds{3000});
}

TEST_CASE_METHOD(LoopbackRig, "4xx replies are typed and never retried", "[remote][client]") {
  auto [status, code] = GENERATE(table<int, Errc>({{401, Errc::unauthorized},
                                                   {402, Errc::insufficient_credits},
                                                   {403, Errc::forbidden},
                                                   {404, Errc::not_found},
                                                   {410, Errc::expired},
                                                   {422, Errc::validation}}));
  const bool post = GENERATE(false, true);
  INFO(status << (post ? " POST" : " GET"));
  script(server, "/api/v1/jobs/job_1", {status, 200}, R"({})", R"({"error":{"message":"no"}})");
  ApiClient client = start();

  Error e = thrownBy([&] {
    if (post)
      client.post("/jobs/job_1", Json::object());
    else
      client.get("/jobs/job_1");
  });

  CHECK(e.code() == code);
  CHECK(e.httpStatus() == status);
  CHECK(std::string(e.what()) == std::string("jobs API: ") + (post ? "POST" : "GET") + " /jobs/job_1 failed: " +
                                     std::to_string(status) + " " + std::string(errcName(code)) + ": no");
  CHECK(server.awaitRequests(1).size() == 1);
  CHECK(client.stats().requests == 1);
  CHECK(clock.sleeps().empty());
}

TEST_CASE_METHOD(LoopbackRig, "a 429 with an HTTP-date Retry-After or an X-RateLimit-Reset waits until then",
                 "[remote][client]") {
  const bool date = GENERATE(true, false);
  clock.unixStart = 784'111'777;  // Sun, 06 Nov 1994 08:49:37 GMT
  auto calls = std::make_shared<std::atomic<int>>(0);
  server.http.Get("/api/v1/models", [calls, date](const httplib::Request&, httplib::Response& res) {
    if ((*calls)++ > 0) return res.set_content("[]", "application/json");
    res.status = 429;
    if (date)
      res.set_header("Retry-After", "Sun, 06 Nov 1994 08:49:49 GMT");
    else
      res.set_header("X-RateLimit-Reset", "784111792");
  });
  ApiClient client = start();

  CHECK(client.get("/models").body == Json::array());
  CHECK(clock.sleeps() == std::vector<milliseconds>{milliseconds{date ? 12'000 : 15'000}});
}

TEST_CASE_METHOD(LoopbackRig, "a 503 retry waits for its Retry-After, not for the rate-limit reset",
                 "[remote][client]") {
  const bool retryAfter = GENERATE(true, false);
  auto calls = std::make_shared<std::atomic<int>>(0);
  server.http.Get("/api/v1/models", [&, calls, retryAfter](const httplib::Request&, httplib::Response& res) {
    // Every reply of the jobs API carries its rate-limit window.
    res.set_header("X-RateLimit-Reset", std::to_string(clock.unixStart + 60));
    if ((*calls)++ > 0) return res.set_content("[]", "application/json");
    res.status = 503;
    if (retryAfter) res.set_header("Retry-After", "4");
  });
  ApiClient client = start();

  CHECK(client.get("/models").body == Json::array());
  CHECK(clock.sleeps() ==
        (retryAfter ? std::vector<milliseconds>{milliseconds{4000}} : expectedBackoff(RetryPolicy{}, 1)));
}

TEST_CASE_METHOD(LoopbackRig, "a 429 asking for more than maxServerWait fails at once", "[remote][client]") {
  server.http.Get("/api/v1/models", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "600");
    res.set_content(R"({"error":{"code":"rate_limit_exceeded","message":"Rate limit exceeded"}})", "application/json");
  });
  ApiClient client = start();

  Error e = thrownBy([&] { client.get("/models"); });

  CHECK(e.code() == Errc::rate_limited);
  CHECK(e.retryAfter() == milliseconds{600'000});
  CHECK(std::string(e.what()) ==
        "jobs API: GET /models failed: 429 rate_limit_exceeded: Rate limit exceeded; "
        "the server asks to wait 600000 ms, more than the 120000 ms allowed");
  CHECK(server.awaitRequests(1).size() == 1);
  CHECK(clock.sleeps().empty());
}

TEST_CASE_METHOD(LoopbackRig, "a 429 that persists ends as rate_limited after the budget", "[remote][client]") {
  server.http.Get("/api/v1/models", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "2");
  });
  ApiClient client = start([](RemoteConfig& config) { config.retry.maxRetries = 2; });

  Error e = thrownBy([&] { client.get("/models"); });

  CHECK(e.code() == Errc::rate_limited);
  CHECK(e.retryAfter() == milliseconds{2000});
  CHECK(std::string(e.what()) == "jobs API: GET /models failed: 429 rate_limited; gave up after 3 attempts");
  CHECK(server.awaitRequests(3).size() == 3);
  CHECK(clock.sleeps() == std::vector<milliseconds>{milliseconds{2000}, milliseconds{2000}});
}

TEST_CASE_METHOD(LoopbackRig, "a POST answered 429 is retried after the server's wait, or the backoff",
                 "[remote][client]") {
  const bool hinted = GENERATE(true, false);
  auto calls = std::make_shared<std::atomic<int>>(0);
  server.http.Post("/api/v1/models/flux/run", [calls, hinted](const httplib::Request&, httplib::Response& res) {
    if ((*calls)++ > 0) return res.set_content(R"({"jobId":"job_9"})", "application/json");
    res.status = 429;
    if (hinted) res.set_header("Retry-After", "3");
  });
  ApiClient client = start();

  CHECK(client.post("/models/flux/run", Json{{"prompt", "x"}}).body["jobId"] == "job_9");
  CHECK(server.awaitRequests(2).size() == 2);
  CHECK(clock.sleeps() == (hinted ? std::vector<milliseconds>{milliseconds{3000}} : expectedBackoff(RetryPolicy{}, 1)));
}

TEST_CASE("an unreachable provider is retried, GET or POST: nothing was sent", "[remote][client]") {
  const bool post = GENERATE(false, true);
  RemoteConfig config;
  {
    LoopbackServer gone;  // a port that was served, then closed
    gone.start();
    config = loopbackConfig(gone);
  }
  FakeClock clock;
  auto transport = makeCurlTransport();
  ApiClient client(config, *transport, clock, kSeed);

  Error e = thrownBy([&] {
    if (post)
      client.post("/models/flux/run", Json{{"prompt", "x"}});
    else
      client.get("/models");
  });

  CHECK(e.code() == Errc::unreachable);
  CHECK(std::string(e.what()).starts_with(std::string("jobs API: ") + (post ? "POST " : "GET ") + config.baseUrl));
  CHECK_THAT(e.what(), Catch::EndsWith("; gave up after 4 attempts"));
  CHECK(client.stats().requests == 4);
  CHECK(clock.sleeps() == expectedBackoff(RetryPolicy{}, 3));
}

TEST_CASE_METHOD(LoopbackRig, "a broken connection is retried for a GET, never for a POST", "[remote][client]") {
  auto truncated = [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(64, "application/json", [](std::size_t, std::size_t, httplib::DataSink& sink) {
      sink.write("{", 1);
      return false;
    });
  };
  server.http.Get("/api/v1/jobs/j", truncated);
  server.http.Post("/api/v1/models/m/run", truncated);
  ApiClient client = start([](RemoteConfig& config) { config.retry.maxRetries = 1; });

  Error get = thrownBy([&] { client.get("/jobs/j"); });
  CHECK(get.code() == Errc::network);
  CHECK_THAT(get.what(), Catch::Contains("the reply was truncated"));
  CHECK_THAT(get.what(), Catch::EndsWith("; gave up after 2 attempts"));
  CHECK(server.awaitRequests(2).size() == 2);

  Error post = thrownBy([&] { client.post("/models/m/run", Json::object()); });
  CHECK(post.code() == Errc::network);
  CHECK_THAT(post.what(), Catch::StartsWith("jobs API: POST " + server.url("/api/v1/models/m/run") +
                                            " failed: the reply was truncated"));
  CHECK_THAT(post.what(), Catch::EndsWith("; not retried: the request may have been processed and charged"));
  CHECK(server.awaitRequests(3).size() == 3);
  CHECK(clock.sleeps().size() == 1);
}

TEST_CASE_METHOD(LoopbackRig, "a reply slower than the timeout: a GET retries, a POST does not", "[remote][client]") {
  CancelToken release;
  auto stall = [&release](const httplib::Request&, httplib::Response& res) {
    release.sleepFor(milliseconds{3000});
    res.set_content("{}", "application/json");
  };
  server.http.Get("/api/v1/jobs/j", stall);
  server.http.Post("/api/v1/models/m/run", stall);
  ApiClient client = start([](RemoteConfig& config) {
    config.requestLimits.totalTimeout = milliseconds{150};
    config.retry.maxRetries = 1;
  });

  Error get = thrownBy([&] { client.get("/jobs/j"); });
  Error post = thrownBy([&] { client.post("/models/m/run", Json::object()); });
  release.cancel();

  CHECK(get.code() == Errc::timeout);
  CHECK_THAT(get.what(), Catch::Contains("no complete reply within 150 ms; gave up after 2 attempts"));
  CHECK(post.code() == Errc::timeout);
  CHECK_THAT(post.what(), Catch::EndsWith("no complete reply within 150 ms; not retried: the request may have been "
                                          "processed and charged"));
  CHECK(client.stats().requests == 3);
  CHECK(clock.sleeps().size() == 1);
}

TEST_CASE_METHOD(LoopbackRig, "a 2xx reply that is not JSON is malformed, and not retried", "[remote][client]") {
  server.http.Get("/api/v1/models", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html>maintenance\n" + std::string(200, '.') + "</html>", "text/html");
  });
  server.http.Post("/api/v1/jobs/j/webhook", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  server.http.Get("/api/v1/jobs/huge", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"creditCost": 1E99999})", "application/json");
  });
  server.http.Get("/api/v1/jobs/deep", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(100'000, '[') + std::string(100'000, ']'), "application/json");
  });
  ApiClient client = start();

  Error e = thrownBy([&] { client.get("/models"); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK(e.httpStatus() == 200);
  CHECK(std::string(e.what()) ==
        "jobs API: GET /models: the reply was not JSON (syntax error at byte 1 of 225): \"<html>maintenance " +
            std::string(62, '.') + "...\"");
  CHECK(server.awaitRequests(1).size() == 1);

  Error huge = thrownBy([&] { client.get("/jobs/huge"); });
  CHECK(huge.code() == Errc::malformed_reply);
  CHECK(std::string(huge.what()) == "jobs API: GET /jobs/huge: the reply holds a number too large to read");

  // Refused while parsing: copying or printing it later would recurse 100,000 deep.
  Error deep = thrownBy([&] { client.get("/jobs/deep"); });
  CHECK(deep.code() == Errc::malformed_reply);
  CHECK(std::string(deep.what()) ==
        "jobs API: GET /jobs/deep: the reply is malformed: the JSON nests deeper than 64 levels");

  // No content is an empty answer, not a malformed one.
  CHECK(client.post("/jobs/j/webhook", Json::object()).body.is_null());
}

TEST_CASE_METHOD(LoopbackRig, "a reply over the size cap is too_large and not retried", "[remote][client]") {
  script(server, "/api/v1/jobs", {200}, "[" + std::string(5000, ' ') + "]");
  ApiClient client = start([](RemoteConfig& config) { config.requestLimits.maxBodyBytes = 4096; });

  Error e = thrownBy([&] { client.get("/jobs"); });
  CHECK(e.code() == Errc::too_large);
  CHECK_THAT(e.what(), Catch::Contains("over the 4096-byte cap"));
  CHECK(server.awaitRequests(1).size() == 1);
}

TEST_CASE_METHOD(LoopbackRig, "the API key never appears in an error, even when the provider echoes it",
                 "[remote][client]") {
  auto echo = [](const httplib::Request& req, httplib::Response& res) {
    res.status = 401;
    res.set_content(
        Json{{"error",
              {{"code", "unauthorized"}, {"message", "key " + req.get_header_value("Authorization") + " revoked"}}}}
            .dump(),
        "application/json");
  };
  server.http.Get("/api/v1/me", echo);
  server.http.Post("/api/v1/images/generate", echo);
  server.http.Get("/api/v1/echo-body", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content("not json: " + req.get_header_value("Authorization"), "text/plain");
  });
  server.http.Get("/api/v1/flaky", [](const httplib::Request& req, httplib::Response& res) {
    res.status = 503;
    res.set_content(
        Json{{"error", {{"code", "server_error"}, {"message", req.get_header_value("Authorization")}}}}.dump(),
        "application/json");
  });
  ApiClient client = start();

  std::vector<Error> errors{thrownBy([&] { client.get("/me"); }), thrownBy([&] {
                              client.post("/images/generate", Json{{"prompt", "x"}});
                            }),
                            thrownBy([&] { client.get("/echo-body"); }), thrownBy([&] { client.get("/flaky"); })};
  for (const auto& e : errors) {
    INFO(e.what());
    CHECK(std::string(e.what()).find(kKey) == std::string::npos);
    CHECK(std::string(e.what()).find("[redacted]") != std::string::npos);
  }
  CHECK(std::string(errors[0].what()) == "jobs API: GET /me failed: 401 unauthorized: key Bearer [redacted] revoked");
  for (const auto& request : server.awaitRequests(7)) {
    CHECK(request.query.find(kKey) == std::string::npos);
    CHECK(request.path.find(kKey) == std::string::npos);
  }
}

TEST_CASE_METHOD(LoopbackRig, "path characters that would change the URL are encoded", "[remote][client]") {
  server.http.Get(R"(/api/v1/jobs/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(Json{{"id", req.matches[1].str()}}.dump(), "application/json");
  });
  ApiClient client = start();

  CHECK(client.get("/jobs/a b?c#d").body["id"] == "a b?c#d");
  auto seen = server.awaitRequests(1);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].query.empty());
}

TEST_CASE_METHOD(LoopbackRig, "cancelling stops a backoff and a call not yet made", "[remote][client]") {
  CancelToken cancel;
  server.http.Get("/api/v1/jobs/j", [&cancel](const httplib::Request&, httplib::Response& res) {
    cancel.cancel();  // the user gives up while the first attempt is out
    res.status = 500;
  });
  ApiClient client = start();

  CHECK(thrownBy([&] { client.get("/jobs/j", {}, &cancel); }).code() == Errc::cancelled);
  CHECK(server.awaitRequests(1).size() == 1);

  Error before = thrownBy([&] { client.get("/jobs/j", {}, &cancel); });
  CHECK(before.code() == Errc::cancelled);
  CHECK(std::string(before.what()) == "jobs API: GET /jobs/j: cancelled");
  CHECK(server.awaitRequests(1).size() == 1);
}

TEST_CASE("the system clock's sleep wakes at once when cancelled", "[remote][clock]") {
  CancelToken token;
  CHECK(token.sleepFor(milliseconds{5}));
  CHECK_FALSE(token.cancelled());
  std::thread canceller([&] {
    std::this_thread::sleep_for(milliseconds{50});
    token.cancel();
  });
  auto start = std::chrono::steady_clock::now();
  Error e = thrownBy([&] { systemClock().sleepFor(milliseconds{10'000}, &token); });
  auto took = std::chrono::steady_clock::now() - start;
  canceller.join();
  CHECK(e.code() == Errc::cancelled);
  CHECK(took < milliseconds{5000});
  CHECK(token.cancelled());
  CHECK_FALSE(token.sleepFor(milliseconds{10'000}));

  auto now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  CHECK(std::abs(systemClock().unixSeconds() - now) <= 1);
  auto before = systemClock().now();
  systemClock().sleepFor(milliseconds{2}, nullptr);
  CHECK(systemClock().now() - before >= milliseconds{2});
}

TEST_CASE_METHOD(LoopbackRig, "download streams the asset, restarting the sink before a retry", "[remote][client]") {
  const std::string png = "\x89PNG" + std::string(100'000, 'z');
  auto calls = std::make_shared<std::atomic<int>>(0);
  server.http.Get("/files/out-0.png", [&png, calls](const httplib::Request&, httplib::Response& res) {
    if ((*calls)++ == 0) {
      res.status = 502;
      res.set_content("bad gateway", "text/plain");
      return;
    }
    res.set_content(png, "image/png");
  });
  ApiClient client = start();

  std::string received;
  int restarts = 0;
  HttpResponse reply = client.download(
      server.url("/files/out-0.png"), [&](std::string_view chunk) { received += chunk; },
      [&] {
        ++restarts;
        received.clear();
      });

  CHECK(reply.status == 200);
  CHECK(reply.body.empty());
  CHECK(reply.header("Content-Type") == "image/png");
  CHECK(received == png);
  CHECK(restarts == 1);
  CHECK(clock.sleeps() == expectedBackoff(RetryPolicy{}, 1));
  auto seen = server.awaitRequests(2);
  REQUIRE(seen.size() == 2);
  CHECK(seen[1].headers.find("Authorization")->second == std::string("Bearer ") + kKey);
}

TEST_CASE_METHOD(LoopbackRig, "download sends the key to the provider's origin only", "[remote][client]") {
  LoopbackServer cdn;
  for (auto* host : {&server, &cdn})
    host->http.Get("/a.png",
                   [](const httplib::Request&, httplib::Response& res) { res.set_content("png", "image/png"); });
  cdn.start();
  ApiClient client = start();
  auto ignore = [](std::string_view) {};

  client.download(server.url("/a.png"), ignore, {});
  client.download(cdn.url("/a.png"), ignore, {});
  // Same host and port by another name is another origin too.
  client.download("http://localhost:" + std::to_string(server.port()) + "/a.png", ignore, {});

  auto atProvider = server.awaitRequests(2);
  REQUIRE(atProvider.size() == 2);
  CHECK(atProvider[0].headers.count("Authorization") == 1);
  CHECK(atProvider[1].headers.count("Authorization") == 0);
  auto atCdn = cdn.awaitRequests(1);
  REQUIRE(atCdn.size() == 1);
  CHECK(atCdn[0].headers.count("Authorization") == 0);
}

TEST_CASE_METHOD(LoopbackRig, "download failures are typed, an error body never reaches the sink", "[remote][client]") {
  server.http.Get("/expired.png", [](const httplib::Request&, httplib::Response& res) {
    res.status = 410;
    res.set_content(R"({"error":{"code":"expired","message":"Job has expired"}})", "application/json");
  });
  server.http.Get("/huge.png", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(10'000, 'h'), "image/png");
  });
  ApiClient client = start([](RemoteConfig& config) { config.assetLimits.maxBodyBytes = 4096; });
  std::string received;
  auto sink = [&](std::string_view chunk) { received += chunk; };

  Error expired = thrownBy([&] { client.download(server.url("/expired.png"), sink, {}); });
  CHECK(expired.code() == Errc::expired);
  CHECK(std::string(expired.what()) ==
        "jobs API: GET " + server.url("/expired.png") + " failed: 410 expired: Job has expired");

  Error huge = thrownBy([&] { client.download(server.url("/huge.png"), sink, {}); });
  CHECK(huge.code() == Errc::too_large);
  CHECK_THAT(huge.what(), Catch::Contains("over the 4096-byte cap"));

  CHECK(received.empty());
  CHECK(server.awaitRequests(2).size() == 2);
  CHECK(clock.sleeps().empty());
}

TEST_CASE_METHOD(LoopbackRig, "one client serves several threads, counting every request", "[remote][client]") {
  script(server, "/api/v1/models", {200}, "[]");
  ApiClient client = start();

  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i)
        if (client.get("/models").body == Json::array()) ++ok;
    });
  for (auto& thread : threads) thread.join();
  CHECK(ok == 20);
  CHECK(client.stats().requests == 20);
}
