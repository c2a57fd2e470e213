// The remote tools against the fake providers on loopback (a fake clock for
// waits): results, the remote module's errors as isError results, and the
// API key in no reply at all.
#include <catch2/catch.hpp>

#include <memory>

#include "mcp/remote_tools.hpp"
#include "mcp_harness.hpp"
#include "remote/fake_clock.hpp"
#include "remote/fake_providers.hpp"

#ifdef PIXABOTS_CLI
#include "mcp_process.hpp"
#endif

using namespace pixabots;
using namespace pixabots::mcp;
using namespace pixabots::mcp::test;
using remote::test::FakeClock;
using remote::test::FakeImagesApi;
using remote::test::FakeJobsApi;

namespace {

// A harness with the remote tools of `config`, recording every reply line.
class RemoteHarness : public Harness {
 public:
  explicit RemoteHarness(const remote::RemoteConfig& config) : config_(config) {
    client_ = std::make_unique<remote::ApiClient>(config_, *transport_, clock, 7);
    provider_ = remote::makeProvider(*client_);
    addRemoteTools(tools, {*provider_, *client_, config_.apiKey});
  }
  Json callRemote(const std::string& name, const Json& arguments) {
    const Json result = call(name, arguments);
    replies += result.dump() + "\n";
    return result;
  }

  FakeClock clock;
  std::string replies;  // every result so far

 private:
  remote::RemoteConfig config_;
  std::unique_ptr<remote::Transport> transport_ = remote::makeCurlTransport();
  std::unique_ptr<remote::ApiClient> client_;
  std::unique_ptr<remote::Provider> provider_;
};

}  // namespace

TEST_CASE("remote tools are listed after the local ones", "[mcp][remote]") {
  FakeJobsApi fake;
  RemoteHarness h(fake.config());
  h.initialize();
  const Json tools = h.request("tools/list", nullptr).at("result").at("tools");
  std::vector<std::string> names;
  for (const Json& tool : tools) names.push_back(tool.at("name"));
  CHECK(names == std::vector<std::string>{"render_pixabot", "og_card", "describe_pixabot", "list_parts", "seeded_id",
                                          "random_ids", "frames", "remote_models", "remote_schema", "remote_run",
                                          "remote_job", "remote_replay_webhook"});
}

TEST_CASE("remote_models and remote_schema", "[mcp][remote]") {
  FakeJobsApi fake;
  RemoteHarness h(fake.config());
  const Json models = h.callRemote("remote_models", Json::object()).at("structuredContent").at("models");
  REQUIRE(models.size() == 2);
  CHECK(models[0].at("id") == "fake-flux");
  CHECK(models[1].at("id") == "fake-video");
  const Json schema = h.callRemote("remote_schema", {{"model", "fake-flux"}}).at("structuredContent");
  CHECK(schema == Json{{"model", "fake-flux"}, {"schema", FakeJobsApi::schemaOf("fake-flux")}});
  CHECK(fake.last("GET", "/api/v1/models").authorization == "Bearer " + fake.key());
  CHECK(h.replies.find(fake.key()) == std::string::npos);
}

TEST_CASE("remote_run checks the input against the model's schema before spending credits", "[mcp][remote]") {
  FakeJobsApi fake;
  RemoteHarness h(fake.config());
  const std::string text =
      errorText(h.callRemote("remote_run", {{"model", "fake-flux"}, {"input", {{"num_outputs", 9}, {"mood", "x"}}}}));
  CHECK_THAT(text, Catch::StartsWith("remote_run failed (validation): input for model fake-flux breaks its schema: 3 "
                                     "problems\n"));
  CHECK_THAT(text, Catch::Contains("$: missing required property \"prompt\""));
  CHECK_THAT(text, Catch::Contains("$.num_outputs: 9 is above the maximum 4"));
  CHECK_THAT(text, Catch::Contains("$.mood: property is not allowed"));
  CHECK(fake.count("POST", "/api/v1/models/fake-flux/run") == 0);

  // validate: false sends it anyway; the provider's own 4xx comes back the same way.
  fake.fail("POST", "/api/v1/models/", remote::test::Fault::http(422, "validation_error", "prompt is required"));
  CHECK_THAT(errorText(h.callRemote("remote_run", {{"model", "fake-flux"}, {"validate", false}})),
             Catch::StartsWith("remote_run failed (validation): "));
  CHECK(fake.count("POST", "/api/v1/models/fake-flux/run") == 1);
}

TEST_CASE("remote_run submits or waits for the job, remote_job and remote_replay_webhook follow it", "[mcp][remote]") {
  FakeJobsApi fake;
  RemoteHarness h(fake.config());
  const Json submitted =
      h.callRemote("remote_run", {{"model", "fake-flux"}, {"input", {{"prompt", "a robot"}}}}).at("structuredContent");
  CHECK(submitted.at("id") == "job_1");
  CHECK(submitted.at("status") == "pending");
  CHECK(fake.lastJson("POST", "/api/v1/models/fake-flux/run").dump().find("a robot") != std::string::npos);

  CHECK(h.callRemote("remote_job", {{"job_id", "job_1"}}).at("structuredContent").at("status") == "processing");
  const Json done = h.callRemote("remote_job", {{"job_id", "job_1"}}).at("structuredContent");
  CHECK(done.at("status") == "completed");
  CHECK(done.at("outputs") == Json{fake.url("/assets/job_1-0.png")});

  const Json waited = h.callRemote("remote_run", {{"model", "fake-flux"},
                                                  {"input", {{"prompt", "two"}, {"num_outputs", 2}}},
                                                  {"wait", true},
                                                  {"deadline_seconds", 60}})
                          .at("structuredContent");
  CHECK(waited.at("id") == "job_2");
  CHECK(waited.at("status") == "completed");
  CHECK(waited.at("outputs").size() == 2);
  CHECK(fake.polls("job_2") == 2);
  CHECK(h.clock.sleeps().size() == 1);  // between the polls, on the fake clock: no real waiting

  const Json replay = h.callRemote("remote_replay_webhook", {{"job_id", "job_1"}});
  CHECK_FALSE(isError(replay));
  CHECK(fake.count("POST", "/api/v1/jobs/job_1/webhook") == 1);

  CHECK_THAT(errorText(h.callRemote("remote_job", {{"job_id", "job_404"}})),
             Catch::StartsWith("remote_job failed (not_found): "));
  CHECK(errorText(h.callRemote("remote_job", Json::object())) ==
        "invalid arguments for remote_job:\n$: missing required property \"job_id\"");
  CHECK_THAT(errorText(h.callRemote("remote_run", {{"model", "fake-flux"}, {"wait", true}, {"deadline_seconds", 601}})),
             Catch::Contains("$.deadline_seconds: 601 is above the maximum 600 (deadline_seconds: with wait: give up "
                             "after this many seconds, 1..600 (default 600))"));
  CHECK(h.replies.find(fake.key()) == std::string::npos);
}

TEST_CASE("a failed job, a wrong key and an operation the shape lacks are isError results", "[mcp][remote]") {
  FakeJobsApi fake;
  fake.setLifecycle({{"pending", "failed"}, "out of robots"});
  RemoteHarness h(fake.config());
  CHECK_THAT(
      errorText(h.callRemote("remote_run", {{"model", "fake-flux"}, {"input", {{"prompt", "x"}}}, {"wait", true}})),
      Catch::StartsWith("remote_run failed (job_failed): ") && Catch::Contains("out of robots"));

  remote::RemoteConfig wrongKey = fake.config();
  wrongKey.apiKey = "pxb_wrong_7c1d";
  RemoteHarness unauthorized(wrongKey);
  const std::string text = errorText(unauthorized.callRemote("remote_models", Json::object()));
  CHECK_THAT(text, Catch::StartsWith("remote_models failed (unauthorized): "));
  CHECK(text.find("pxb_wrong_7c1d") == std::string::npos);

  FakeImagesApi images;
  RemoteHarness imagesHarness(images.config());
  CHECK_THAT(errorText(imagesHarness.callRemote("remote_replay_webhook", {{"job_id", "img_1"}})),
             Catch::StartsWith("remote_replay_webhook failed (unsupported): "));
  CHECK(imagesHarness.replies.find(images.key()) == std::string::npos);
}

TEST_CASE("a provider echoing the key gets it redacted", "[mcp][remote]") {
  FakeJobsApi fake;
  RemoteHarness h(fake.config());
  fake.fail("GET", "/api/v1/models",
            remote::test::Fault::reply(200, R"({"models":[{"id":"m","name":")" + fake.key() + R"("}]})"));
  const Json models = h.callRemote("remote_models", Json::object()).at("structuredContent").at("models");
  CHECK(models[0].at("name") == "[redacted]");
  fake.fail("GET", "/api/v1/jobs/", remote::test::Fault::http(400, "bad", "your key " + fake.key() + " is odd"));
  CHECK_THAT(errorText(h.callRemote("remote_job", {{"job_id", "job_9"}})),
             Catch::Contains("your key [redacted] is odd"));
  CHECK(h.replies.find(fake.key()) == std::string::npos);
}

#ifdef PIXABOTS_CLI
TEST_CASE("pixabots mcp offers the remote tools of the configured provider, never showing the key",
          "[mcp][remote][stdio]") {
  FakeJobsApi fake;
  McpProcess server(
      {}, {"PIXABOTS_PROVIDER=jobs", "PIXABOTS_BASE_URL=" + fake.baseUrl(), "PIXABOTS_API_KEY=" + fake.key()});
  server.writeLine(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26"}})");
  CHECK(Json::parse(server.readLine()).at("result").at("protocolVersion") == "2025-03-26");
  server.writeLine(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})");
  CHECK(Json::parse(server.readLine()).at("result").at("tools").size() == 12);
  server.writeLine(R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"remote_models"}})");
  const Json models = Json::parse(server.readLine()).at("result");
  CHECK(models.at("structuredContent").at("models").size() == 2);
  server.writeLine(
      R"({"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"remote_job","arguments":{"job_id":"nope"}}})");
  CHECK(Json::parse(server.readLine()).at("result").at("isError") == true);
  CHECK(server.finish() == 0);
  CHECK(fake.last("GET", "/api/v1/models").authorization == "Bearer " + fake.key());
  CHECK(server.stdoutText().find(fake.key()) == std::string::npos);
  const std::string log = server.stderrText();
  CHECK_THAT(log, Catch::Contains("remote tools on, provider jobs at " + fake.baseUrl()));
  CHECK(log.find(fake.key()) == std::string::npos);
}
#endif
