// The three providers against their loopback fakes: every operation, the
// reply shapes the seeds leave open, unsupported operations, the typed
// errors and what is (not) retried, on a FakeClock.
#include <catch2/catch.hpp>
#include <functional>

#include "remote/fake_clock.hpp"
#include "remote/fake_providers.hpp"
#include "remote/provider.hpp"
#include "remote/thrown_by.hpp"

using namespace pixabots::remote;
using namespace std::chrono_literals;
using test::FakeClock;
using test::FakeImagesApi;
using test::FakeJobsApi;
using test::FakeTasksApi;
using test::Fault;
using test::Lifecycle;
using test::thrownBy;

namespace {

// A fake, and a provider connected to it through the real client and curl.
template <class Fake>
struct Connected {
  explicit Connected(const std::function<void(RemoteConfig&)>& adjust = {}) : config(fake.config()) {
    if (adjust) adjust(config);
    client = std::make_unique<ApiClient>(config, *transport, clock, 7);
    provider = makeProvider(*client);
  }

  Fake fake;
  FakeClock clock;
  RemoteConfig config;
  std::unique_ptr<Transport> transport = makeCurlTransport();
  std::unique_ptr<ApiClient> client;
  std::unique_ptr<Provider> provider;
};

// No retries: the first failure is the answer.
void noRetries(RemoteConfig& config) { config.retry.maxRetries = 0; }

std::vector<std::string> idsOf(const std::vector<Model>& models) {
  std::vector<std::string> ids;
  for (const Model& m : models) ids.push_back(m.id);
  return ids;
}

}  // namespace

// ---- jobs API ------------------------------------------------------------

TEST_CASE("jobs: models, with the key sent as a bearer token", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  const auto models = c.provider->listModels();
  CHECK(idsOf(models) == std::vector<std::string>{"fake-flux", "fake-video"});
  CHECK(models[0].name == "Fake Flux");
  CHECK(models[1].raw["type"] == "video");
  CHECK(c.fake.last("GET", "/api/v1/models").authorization == "Bearer " + c.fake.key());
}

TEST_CASE("jobs: the model list in every shape, keyed apiId or id", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  const auto body = GENERATE(as<std::string>{}, R"([{"apiId":"m1","name":"One"},{"id":"m2"}])",
                             R"({"models":[{"apiId":"m1","name":"One"},{"id":"m2"}]})",
                             R"({"data":[{"apiId":"m1","name":"One"},{"id":"m2"}]})",
                             R"({"items":[{"apiId":"m1","name":"One"},{"id":"m2"}]})",
                             R"({"data":{"items":[{"apiId":"m1","name":"One"},{"id":"m2"}]}})");
  CAPTURE(body);
  c.fake.fail("GET", "/api/v1/models", Fault::reply(200, body));
  const auto models = c.provider->listModels();
  CHECK(idsOf(models) == std::vector<std::string>{"m1", "m2"});
  CHECK(models[0].name == "One");
  CHECK(models[1].name == "m2");  // no name: the id
}

TEST_CASE("jobs: a model list without a list or an id is malformed", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.fake.fail("GET", "/api/v1/models", Fault::reply(200, R"({"results":[]})"));
  Error e = thrownBy([&] { c.provider->listModels(); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::StartsWith("jobs API: GET /models: the reply holds no list of models"));

  c.fake.fail("GET", "/api/v1/models", Fault::reply(200, R"({"models":[{"name":"nameless"}]})"));
  e = thrownBy([&] { c.provider->listModels(); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::Contains("a model entry has no id"));
  CHECK(e.httpStatus() == 200);
}

TEST_CASE("jobs: the schema, wrapped or bare", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  CHECK(c.provider->modelSchema("fake-flux") == FakeJobsApi::schemaOf("fake-flux"));
  CHECK(c.fake.count("GET", "/api/v1/models/fake-flux/schema") == 1);

  const Json schema = FakeJobsApi::schemaOf("fake-video");
  const auto body =
      GENERATE_COPY(schema.dump(), Json{{"apiId", "m"}, {"schema", schema}}.dump(), Json{{"input", schema}}.dump(),
                    Json{{"request", schema}}.dump(), Json{{"schema", {{"input", schema}}}}.dump());
  CAPTURE(body);
  c.fake.fail("GET", "/api/v1/models/", Fault::reply(200, body));
  CHECK(c.provider->modelSchema("fake-video") == schema);
}

TEST_CASE("jobs: a schema reply without a schema is malformed", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.fake.fail("GET", "/api/v1/models/", Fault::reply(200, R"({"apiId":"fake-flux","schema":"see docs"})"));
  const Error e = thrownBy([&] { c.provider->modelSchema("fake-flux"); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::StartsWith("jobs API: GET /models/fake-flux/schema: no JSON Schema in the reply"));
}

TEST_CASE("jobs: an unknown model is not_found", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  const Error e = thrownBy([&] { c.provider->modelSchema("no-such-model"); });
  CHECK(e.code() == Errc::not_found);
  CHECK(e.httpStatus() == 404);
  CHECK_THAT(e.what(), Catch::Contains("model 'no-such-model' not found"));
}

TEST_CASE("jobs: run sends the input as is and returns the pending job", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  const Json input = {{"prompt", "a robot"}, {"aspect_ratio", "16:9"}, {"num_outputs", 2}};
  const Job job = c.provider->submit("fake-flux", input);
  CHECK(job.id == "job_1");
  CHECK(job.status == JobStatus::pending);
  CHECK(job.expiresAt == "2025-01-23T12:00:00Z");
  CHECK(job.raw["creditsRemaining"] == 99);
  CHECK(c.fake.lastJson("POST", "/api/v1/models/fake-flux/run") == input);
  CHECK(c.fake.count("POST", "") == 1);
}

TEST_CASE("jobs: a job goes pending -> processing -> completed with its image URLs", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  const Job submitted = c.provider->submit("fake-flux", {{"prompt", "a robot"}, {"num_outputs", 2}});
  Job job = c.provider->getJob(submitted.id);
  CHECK(job.status == JobStatus::processing);
  CHECK(job.outputs.empty());
  job = c.provider->getJob(submitted.id);
  CHECK(job.status == JobStatus::completed);
  CHECK(job.outputs == std::vector<std::string>{c.fake.url("/assets/job_1-0.png"), c.fake.url("/assets/job_1-1.png")});
  CHECK(job.raw["model"] == "fake-flux");
  CHECK(c.fake.polls("job_1") == 2);
}

TEST_CASE("jobs: a video job's output comes from output.videos", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.fake.setLifecycle({.statuses = {"pending", "completed"}});
  const Job submitted = c.provider->submit("fake-video", {{"prompt", "waves"}, {"duration", 5}});
  const Job job = c.provider->getJob(submitted.id);
  CHECK(job.outputs == std::vector<std::string>{c.fake.url("/assets/job_1-0.mp4")});
}

TEST_CASE("jobs: outputs from output.images, output.videos and assets, once each, in order",
          "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.fake.fail("GET", "/api/v1/jobs/", Fault::reply(200, R"({
    "jobId": "job_7", "status": "completed",
    "output": {"videos": ["https://cdn.example/v.mp4"],
               "images": ["https://cdn.example/a.png", {"url": "https://cdn.example/b.png"}]},
    "assets": [{"url": "https://cdn.example/a.png", "kind": "image"}, {"url": "https://cdn.example/c.png"}]
  })"));
  const Job job = c.provider->getJob("job_7");
  CHECK(job.id == "job_7");
  CHECK(job.outputs == std::vector<std::string>{"https://cdn.example/a.png", "https://cdn.example/b.png",
                                                "https://cdn.example/v.mp4", "https://cdn.example/c.png"});
}

TEST_CASE("jobs: status synonyms are understood, an unknown status is malformed", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  using Case = std::pair<std::string, JobStatus>;
  const auto [word, status] = GENERATE(
      Case{"queued", JobStatus::pending}, Case{"starting", JobStatus::pending}, Case{"running", JobStatus::processing},
      Case{"in_progress", JobStatus::processing}, Case{"succeeded", JobStatus::completed},
      Case{"success", JobStatus::completed}, Case{"error", JobStatus::failed}, Case{"canceled", JobStatus::failed},
      Case{"cancelled", JobStatus::failed});
  CAPTURE(word);
  c.fake.fail("GET", "/api/v1/jobs/", Fault::reply(200, Json{{"id", "job_1"}, {"status", word}}.dump()));
  CHECK(c.provider->getJob("job_1").status == status);

  c.fake.fail("GET", "/api/v1/jobs/", Fault::reply(200, R"({"jobId":"job_1","status":"exploded"})"));
  const Error e = thrownBy([&] { c.provider->getJob("job_1"); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::StartsWith("jobs API: GET /jobs/job_1: unknown status \"exploded\""));
}

TEST_CASE("jobs: a poll without a status is malformed", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.fake.fail("GET", "/api/v1/jobs/", Fault::reply(200, R"({"jobId":"job_1","state":"done"})"));
  const Error e = thrownBy([&] { c.provider->getJob("job_1"); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::Contains("the reply has no \"status\" string"));
}

TEST_CASE("jobs: a failed job carries the provider's reason, a string or {message}", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.fake.setLifecycle({.statuses = {"pending", "failed"}, .failure = "prompt rejected by the safety filter"});
  const Job submitted = c.provider->submit("fake-flux", {{"prompt", "x"}});
  Job job = c.provider->getJob(submitted.id);
  CHECK(job.status == JobStatus::failed);
  CHECK(job.error == "prompt rejected by the safety filter");
  CHECK(job.outputs.empty());

  c.fake.fail("GET", "/api/v1/jobs/",
              Fault::reply(200, R"({"jobId":"job_1","status":"failed","error":{"code":"gpu","message":"GPU lost"}})"));
  CHECK(c.provider->getJob("job_1").error == "GPU lost");
  c.fake.fail("GET", "/api/v1/jobs/", Fault::reply(200, R"({"jobId":"job_1","status":"failed"})"));
  CHECK(c.provider->getJob("job_1").error == "the provider gave no reason");
}

TEST_CASE("jobs: a poll's Retry-After becomes the job's poll hint", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.fake.setLifecycle({.statuses = {"pending", "processing", "completed"}, .pollRetryAfter = 7});
  c.provider->submit("fake-flux", {{"prompt", "x"}});
  CHECK(c.provider->getJob("job_1").pollHint == 7000ms);
  CHECK_FALSE(c.provider->getJob("job_1").pollHint);  // completed: nothing to wait for
}

TEST_CASE("jobs: list jobs sends the limit and reads every job", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.fake.setLifecycle({.statuses = {"pending"}});
  c.provider->submit("fake-flux", {{"prompt", "one"}});
  c.provider->submit("fake-video", {{"prompt", "two"}});
  const auto all = c.provider->listJobs(std::nullopt);
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == "job_2");
  CHECK(all[1].id == "job_1");
  CHECK(all[1].status == JobStatus::pending);
  CHECK(c.fake.last("GET", "/api/v1/jobs").query.empty());

  const auto one = c.provider->listJobs(1);
  REQUIRE(one.size() == 1);
  CHECK(c.fake.last("GET", "/api/v1/jobs").query.at("limit") == "1");

  const Error e = thrownBy([&] { c.provider->listJobs(0); });
  CHECK(e.code() == Errc::validation);
  CHECK(std::string(e.what()) == "list jobs: limit must be at least 1, got 0");
  CHECK(c.fake.count("GET", "/api/v1/jobs") == 2);
}

TEST_CASE("jobs: webhook state and replay", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.provider->submit("fake-flux", {{"prompt", "x"}, {"webhook_url", "https://example.com/hook"}});
  Json state = c.provider->webhook("job_1");
  CHECK(state["replayable"] == false);
  CHECK(state["webhookUrl"] == "https://example.com/hook");

  // Not terminal yet: the provider refuses the replay.
  const Error e = thrownBy([&] { c.provider->replayWebhook("job_1"); });
  CHECK(e.code() == Errc::validation);
  CHECK(e.httpStatus() == 400);

  c.provider->getJob("job_1");
  c.provider->getJob("job_1");
  state = c.provider->webhook("job_1");
  CHECK(state["replayable"] == true);
  CHECK(state["deliveries"].size() == 1);
  const Json replay = c.provider->replayWebhook("job_1");
  CHECK(replay["replayed"] == true);
  CHECK(replay["event"] == "job.completed");
  CHECK(c.fake.count("POST", "/api/v1/jobs/job_1/webhook") == 2);
}

TEST_CASE("jobs: an expired job is 410 expired", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  c.provider->submit("fake-flux", {{"prompt", "x"}});
  c.fake.expire("job_1");
  const Error e = thrownBy([&] { c.provider->getJob("job_1"); });
  CHECK(e.code() == Errc::expired);
  CHECK(e.httpStatus() == 410);
}

TEST_CASE("jobs: bad arguments fail before any request", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  Error e = thrownBy([&] { c.provider->submit("fake-flux", Json::array({"a robot"})); });
  CHECK(e.code() == Errc::validation);
  CHECK(std::string(e.what()) == "jobs API: POST /models/fake-flux/run: the input must be a JSON object, got array");
  e = thrownBy([&] { c.provider->getJob("../models"); });
  CHECK(e.code() == Errc::validation);
  e = thrownBy([&] { c.provider->getJob("job_1", PollOptions{"1"}); });
  CHECK(e.code() == Errc::unsupported);
  CHECK(std::string(e.what()) == "get job: the jobs API has no refresh option (only the tasks API has one)");
  CHECK(c.fake.requests().empty());
}

TEST_CASE("jobs: the images API's operations are unsupported, naming who has them", "[remote][providers][jobs]") {
  Connected<FakeJobsApi> c;
  Error e = thrownBy([&] { c.provider->account(); });
  CHECK(e.code() == Errc::unsupported);
  CHECK(std::string(e.what()) == "account: the jobs API has no account endpoint (only the images API has one, /me)");
  e = thrownBy([&] { c.provider->listImages({}); });
  CHECK(std::string(e.what()) == "list images: the jobs API has no image library (only the images API has one)");
  e = thrownBy([&] { c.provider->getImage("x"); });
  CHECK(std::string(e.what()) == "get image: the jobs API has no image library (only the images API has one)");
  CHECK(c.fake.requests().empty());
}

// ---- images API ----------------------------------------------------------

TEST_CASE("images: generate answers a completed job with its image URL", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  const Json input = {{"prompt", "a fox"}, {"aspectRatio", "16:9"}, {"size", "1K"}};
  const Job job = c.provider->submit("fake/free", input);
  CHECK(job.id == "img_1");
  CHECK(job.status == JobStatus::completed);
  CHECK(job.outputs == std::vector<std::string>{c.fake.url("/assets/img_1.png")});
  CHECK(job.raw["creditsCharged"] == 1);
  Json sent = input;
  sent["model"] = "fake/free";
  CHECK(c.fake.lastJson("POST", "/api/v1/images/generate") == sent);
}

TEST_CASE("images: generate without a model sends none (the provider's default)", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  c.provider->submit("", {{"prompt", "a fox"}});
  CHECK(c.fake.lastJson("POST", "/api/v1/images/generate") == Json{{"prompt", "a fox"}});
}

TEST_CASE("images: getJob reads the image back as a completed job", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  c.provider->submit("fake/free", {{"prompt", "a fox"}});
  const Job job = c.provider->getJob("img_1");
  CHECK(job.id == "img_1");
  CHECK(job.status == JobStatus::completed);
  CHECK(job.outputs == std::vector<std::string>{c.fake.url("/assets/img_1.png")});

  c.fake.fail("GET", "/api/v1/images/", Fault::reply(200, R"({"data":{"id":"img_9","url":null,
    "webDownloadUrl":"https://cdn.example/img_9.png"}})"));
  CHECK(c.provider->getJob("img_9").outputs == std::vector<std::string>{"https://cdn.example/img_9.png"});
}

TEST_CASE("images: a reply without its data envelope or image URL is malformed", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  c.fake.fail("POST", "/api/v1/images/generate", Fault::reply(200, R"({"id":"img_1","imageUrl":"https://x/a.png"})"));
  Error e = thrownBy([&] { c.provider->submit("fake/free", {{"prompt", "a fox"}}); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::StartsWith("images API: POST /images/generate: the reply has no \"data\" envelope"));

  c.fake.fail("POST", "/api/v1/images/generate", Fault::reply(200, R"({"data":{"id":"img_1","imageUrl":"ftp://x"}})"));
  e = thrownBy([&] { c.provider->submit("fake/free", {{"prompt", "a fox"}}); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::Contains("the image has no URL (looked for \"imageUrl\", \"url\")"));
}

TEST_CASE("images: models from data.items, named by displayName", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  const auto models = c.provider->listModels();
  CHECK(idsOf(models) == std::vector<std::string>{"fake/free", "fake/pro"});
  CHECK(models[1].name == "Fake Pro");
  CHECK(models[1].raw["tier"] == "premium");
}

TEST_CASE("images: the schema is the documented request narrowed to the model", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  const Json free = c.provider->modelSchema("fake/free");
  CHECK(free["required"] == Json{"prompt"});
  CHECK(free["properties"]["prompt"]["type"] == "string");
  CHECK(free["properties"]["aspectRatio"]["enum"] == Json{"1:1", "16:9"});
  CHECK(free["properties"]["size"]["enum"] == Json{"1K"});
  CHECK(free["properties"]["model"]["enum"] == Json{"fake/free"});

  const Json pro = c.provider->modelSchema("fake/pro");
  CHECK(pro["properties"]["size"]["enum"] == Json{"1K", "2K", "4K"});

  const Json documented = c.provider->modelSchema("");
  CHECK(documented["properties"]["aspectRatio"]["enum"] == Json{"1:1", "16:9", "4:3", "3:4", "9:16"});
  CHECK(documented["properties"]["size"]["enum"] == Json{"0.5K", "1K", "2K", "4K"});
  CHECK(c.fake.count("GET", "/api/v1/models") == 2);  // not for the documented one
}

TEST_CASE("images: the schema of an unknown model lists known ones", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  const Error e = thrownBy([&] { c.provider->modelSchema("fake/nope"); });
  CHECK(e.code() == Errc::not_found);
  CHECK(std::string(e.what()) == "images API: model 'fake/nope' is not in GET /models (known: fake/free, fake/pro)");
}

TEST_CASE("images: account from /me", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  const Json me = c.provider->account();
  CHECK(me["name"] == "Fake Owner");
  CHECK(me["credits"] == 100);
  CHECK(me["planTier"] == "free");
}

TEST_CASE("images: browse pages through the library with the cursor", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  ImageQuery query;
  query.limit = 2;
  query.sort = "popular";
  Page page = c.provider->listImages(query);
  REQUIRE(page.items.size() == 2);
  CHECK(page.items[0]["id"] == "stock_2");
  CHECK(page.items[1]["id"] == "stock_4");
  REQUIRE(page.nextCursor);
  const auto sent = c.fake.last("GET", "/api/v1/images").query;
  CHECK(sent == std::map<std::string, std::string>{{"limit", "2"}, {"sort", "popular"}});

  std::vector<std::string> ids;
  for (int pages = 0; pages < 5 && page.nextCursor; ++pages) {
    query.cursor = *page.nextCursor;
    page = c.provider->listImages(query);
    for (const Json& item : page.items) ids.push_back(item["id"]);
  }
  CHECK(ids == std::vector<std::string>{"stock_1", "stock_5", "stock_3"});
  CHECK_FALSE(page.nextCursor);
}

TEST_CASE("images: search filters reach the server", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  ImageQuery query;
  query.q = "fox";
  query.category = "animals";
  query.tag = "winter";
  query.filter = "style:winter";
  const Page page = c.provider->listImages(query);
  REQUIRE(page.items.size() == 1);
  CHECK(page.items[0]["id"] == "stock_1");
  CHECK(c.fake.last("GET", "/api/v1/images").query ==
        std::map<std::string, std::string>{
            {"category", "animals"}, {"filter", "style:winter"}, {"q", "fox"}, {"tag", "winter"}});
}

TEST_CASE("images: a page size or sort out of range fails before any request", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  for (int limit : {0, 51}) {
    ImageQuery query;
    query.limit = limit;
    const Error e = thrownBy([&] { c.provider->listImages(query); });
    CHECK(e.code() == Errc::validation);
    CHECK(std::string(e.what()) == "list images: limit must be 1..50, got " + std::to_string(limit));
  }
  ImageQuery query;
  query.sort = "oldest";
  const Error e = thrownBy([&] { c.provider->listImages(query); });
  CHECK(std::string(e.what()) == "list images: sort must be recent or popular, got 'oldest'");
  CHECK(c.fake.requests().empty());
}

TEST_CASE("images: an image by id or slug", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  CHECK(c.provider->getImage("stock-image-2")["id"] == "stock_2");
  CHECK(c.provider->getImage("stock_2")["seo"]["tags"] == Json{"watercolor"});
  const Error e = thrownBy([&] { c.provider->getImage("missing"); });
  CHECK(e.code() == Errc::not_found);
}

TEST_CASE("images: a premium model on a free plan is forbidden", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  const Error e = thrownBy([&] { c.provider->submit("fake/pro", {{"prompt", "a fox"}}); });
  CHECK(e.code() == Errc::forbidden);
  CHECK(e.httpStatus() == 403);
  CHECK_THAT(e.what(), Catch::Contains("requires a Pro or Studio plan"));
  CHECK(c.fake.count("POST", "/api/v1/images/generate") == 1);
}

TEST_CASE("images: the jobs API's operations are unsupported", "[remote][providers][images]") {
  Connected<FakeImagesApi> c;
  Error e = thrownBy([&] { c.provider->listJobs(5); });
  CHECK(e.code() == Errc::unsupported);
  CHECK(std::string(e.what()) == "list jobs: the images API has no job list (only the jobs API has one)");
  e = thrownBy([&] { c.provider->webhook("img_1"); });
  CHECK(std::string(e.what()) == "webhook: the images API has no webhooks (only the jobs API has them)");
  e = thrownBy([&] { c.provider->replayWebhook("img_1"); });
  CHECK(std::string(e.what()) == "replay webhook: the images API has no webhooks (only the jobs API has them)");
  CHECK(c.fake.requests().empty());
}

// ---- tasks API -----------------------------------------------------------

TEST_CASE("tasks: generate builds the documented request from the input", "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  const Json input = {
      {"scene", "text-to-image"}, {"prompt", "a fox"}, {"aspect_ratio", "16:9"}, {"options", {{"resolution", "2K"}}}};
  const Job job = c.provider->submit("nano-banana-pro", input);
  CHECK(job.id == "task_1");
  CHECK(job.status == JobStatus::pending);
  CHECK(c.fake.lastJson("POST", "/api/v1/generate") ==
        Json{{"provider", "evolink"},
             {"mediaType", "image"},
             {"model", "nano-banana-pro"},
             {"scene", "text-to-image"},
             {"prompt", "a fox"},
             {"options", {{"resolution", "2K"}, {"aspect_ratio", "16:9"}}}});
}

TEST_CASE("tasks: the media type follows the scene unless given", "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  using Case = std::pair<std::string, std::string>;
  const auto [scene, mediaType] = GENERATE(Case{"image-to-image", "image"}, Case{"text-to-video", "video"},
                                           Case{"image-to-video", "video"}, Case{"video-to-video", "video"},
                                           Case{"text-to-music", "music"}, Case{"character-creation", "character"});
  CAPTURE(scene);
  c.provider->submit("m", {{"scene", scene}, {"prompt", "p"}});
  CHECK(c.fake.lastJson("POST", "/api/v1/generate")["mediaType"] == mediaType);

  c.provider->submit("m", {{"scene", scene}, {"mediaType", "image"}, {"provider", "pearktrue"}, {"model", "ignored"}});
  const Json sent = c.fake.lastJson("POST", "/api/v1/generate");
  CHECK(sent["mediaType"] == "image");
  CHECK(sent["provider"] == "pearktrue");
  CHECK(sent["model"] == "m");  // the argument wins
  CHECK_FALSE(sent.contains("options"));
}

TEST_CASE("tasks: generate without an upstream provider, model or scene fails before any request",
          "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c([](RemoteConfig& config) { config.taskUpstream.clear(); });
  Error e = thrownBy([&] { c.provider->submit("m", {{"scene", "text-to-image"}}); });
  CHECK(e.code() == Errc::config);
  CHECK_THAT(e.what(), Catch::Contains("needs an upstream provider (e.g. evolink): set \"provider\" in the input, or "
                                       "task_provider in the configuration"));
  e = thrownBy([&] { c.provider->submit("", {{"scene", "text-to-image"}, {"provider", "evolink"}}); });
  CHECK(e.code() == Errc::validation);
  CHECK_THAT(e.what(), Catch::Contains("needs a model id"));
  e = thrownBy([&] { c.provider->submit("m", {{"provider", "evolink"}}); });
  CHECK(e.code() == Errc::validation);
  CHECK_THAT(e.what(), Catch::Contains("\"scene\" is required (one of text-to-image, image-to-image"));
  e = thrownBy([&] { c.provider->submit("m", {{"provider", "evolink"}, {"scene", "text-to-poem"}}); });
  CHECK_THAT(e.what(), Catch::Contains("\"mediaType\" is required for scene 'text-to-poem'"));
  e = thrownBy([&] { c.provider->submit("m", {{"provider", 7}, {"scene", "text-to-image"}}); });
  CHECK_THAT(e.what(), Catch::Contains("\"provider\" must be a string, got number"));
  e = thrownBy([&] { c.provider->submit("m", {{"provider", "e"}, {"scene", "text-to-image"}, {"options", 1}}); });
  CHECK_THAT(e.what(), Catch::Contains("\"options\" must be an object, got number"));
  CHECK(c.fake.requests().empty());
}

TEST_CASE("tasks: a 2xx reply with a non-zero code is refused, typed when the code is a status",
          "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  Error e = thrownBy([&] { c.provider->submit("m", {{"scene", "text-to-image"}, {"mediaType", "poem"}}); });
  CHECK(e.code() == Errc::rejected);
  CHECK(e.httpStatus() == 200);
  CHECK(std::string(e.what()) ==
        "tasks API: POST /api/v1/generate: refused with code 400: mediaType must be one of image, video, character, "
        "music");

  using Case = std::pair<int, Errc>;
  const auto [code, errc] =
      GENERATE(Case{401, Errc::unauthorized}, Case{402, Errc::insufficient_credits}, Case{403, Errc::forbidden},
               Case{404, Errc::not_found}, Case{429, Errc::rate_limited}, Case{1001, Errc::rejected});
  c.fake.fail("POST", "/api/v1/generate", Fault::reply(200, Json{{"code", code}, {"message", "no"}}.dump()));
  e = thrownBy([&] { c.provider->submit("m", {{"scene", "text-to-image"}}); });
  CHECK(e.code() == errc);
  CHECK(c.fake.count("POST", "/api/v1/generate") == 2);
}

TEST_CASE("tasks: a task goes PENDING -> PROCESSING -> SUCCESS with its asset URLs", "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  c.provider->submit("m", {{"scene", "text-to-image"}, {"prompt", "p"}});
  Job job = c.provider->getJob("task_1");
  CHECK(job.status == JobStatus::processing);
  CHECK(job.raw["taskResult"].is_null());
  job = c.provider->getJob("task_1");
  CHECK(job.id == "task_1");
  CHECK(job.status == JobStatus::completed);
  CHECK(job.outputs == std::vector<std::string>{c.fake.url("/assets/task_1-0.png")});
}

TEST_CASE("tasks: video, music and character results", "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  c.fake.setLifecycle({.statuses = {"PENDING", "SUCCESS"}});
  c.provider->submit("m", {{"scene", "text-to-video"}});
  c.provider->submit("m", {{"scene", "text-to-music"}});
  c.provider->submit("m", {{"scene", "character-creation"}});
  CHECK(c.provider->getJob("task_1").outputs == std::vector<std::string>{c.fake.url("/assets/task_1-0.mp4")});
  CHECK(c.provider->getJob("task_2").outputs == std::vector<std::string>{c.fake.url("/assets/task_2-0.mp3")});
  CHECK(c.provider->getJob("task_3").outputs == std::vector<std::string>{c.fake.url("/assets/task_3-0.png")});
}

TEST_CASE("tasks: FAILED and ERROR carry the reason", "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  const std::string word = GENERATE("FAILED", "ERROR");
  c.fake.setLifecycle({.statuses = {"PENDING", word}, .failure = "upstream refused the prompt"});
  c.provider->submit("m", {{"scene", "text-to-image"}});
  const Job job = c.provider->getJob("task_1");
  CHECK(job.status == JobStatus::failed);
  CHECK(job.error == "upstream refused the prompt");
}

TEST_CASE("tasks: the refresh option reaches the server", "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  c.provider->submit("m", {{"scene", "text-to-image"}});
  for (const char* refresh : {"1", "assets"}) {
    c.provider->getJob("task_1", PollOptions{refresh});
    CHECK(c.fake.last("GET", "/api/v1/task/task_1").query == std::map<std::string, std::string>{{"refresh", refresh}});
  }
  c.provider->getJob("task_1");
  CHECK(c.fake.last("GET", "/api/v1/task/task_1").query.empty());

  const Error e = thrownBy([&] { c.provider->getJob("task_1", PollOptions{"2"}); });
  CHECK(e.code() == Errc::validation);
  CHECK(std::string(e.what()) == "get task: refresh must be \"1\" or \"assets\", got '2'");
  CHECK(c.fake.count("GET", "/api/v1/task/") == 3);
}

TEST_CASE("tasks: an unknown task is not_found", "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  const Error e = thrownBy([&] { c.provider->getJob("task_404"); });
  CHECK(e.code() == Errc::not_found);
  CHECK_THAT(e.what(), Catch::Contains("Task not found"));
}

TEST_CASE("tasks: the schema is the documented request as submit needs it", "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  Json schema = c.provider->modelSchema("veo-3-1");
  CHECK(schema["required"] == Json{"scene"});
  CHECK(schema["properties"]["scene"]["enum"].size() == 7);
  CHECK(schema["properties"]["mediaType"]["enum"] == Json{"image", "video", "character", "music"});
  CHECK(schema["properties"]["model"]["enum"] == Json{"veo-3-1"});
  CHECK(schema["properties"]["options"]["type"] == "object");

  Connected<FakeTasksApi> bare([](RemoteConfig& config) { config.taskUpstream.clear(); });
  schema = bare.provider->modelSchema("");
  CHECK(schema["required"] == Json{"scene", "provider", "model"});
  CHECK(c.fake.requests().empty());
}

TEST_CASE("tasks: no model list, job list, webhooks or images", "[remote][providers][tasks]") {
  Connected<FakeTasksApi> c;
  Error e = thrownBy([&] { c.provider->listModels(); });
  CHECK(e.code() == Errc::unsupported);
  CHECK(std::string(e.what()) ==
        "list models: the tasks API publishes no model list; the model id is free text (e.g. nano-banana-pro, "
        "seedream-4-5, veo-3-1)");
  e = thrownBy([&] { c.provider->listJobs(std::nullopt); });
  CHECK(std::string(e.what()) == "list jobs: the tasks API has no job list (only the jobs API has one)");
  e = thrownBy([&] { c.provider->account(); });
  CHECK(std::string(e.what()) == "account: the tasks API has no account endpoint (only the images API has one, /me)");
  CHECK(c.fake.requests().empty());
}

// ---- failures through every provider ---------------------------------------

TEST_CASE("typed errors surface through the providers", "[remote][providers][errors]") {
  using Case = std::pair<int, Errc>;
  const auto [status, errc] =
      GENERATE(Case{401, Errc::unauthorized}, Case{402, Errc::insufficient_credits}, Case{403, Errc::forbidden},
               Case{404, Errc::not_found}, Case{410, Errc::expired}, Case{422, Errc::validation},
               Case{429, Errc::rate_limited}, Case{500, Errc::server});
  CAPTURE(status);
  const auto check = [&, status = status, errc = errc](auto& c, const std::string& prefix, auto&& call) {
    c.fake.fail("", prefix, Fault::http(status, "", "scripted " + std::to_string(status)));
    const Error e = thrownBy(call);
    CHECK(e.code() == errc);
    CHECK(e.httpStatus() == status);
    CHECK_THAT(e.what(), Catch::Contains("scripted " + std::to_string(status)));
    CHECK(c.fake.count("", prefix) == 1);
  };
  Connected<FakeJobsApi> jobs(noRetries);
  check(jobs, "/api/v1/jobs/", [&] { jobs.provider->getJob("job_1"); });
  Connected<FakeImagesApi> images(noRetries);
  check(images, "/api/v1/images/generate", [&] { images.provider->submit("fake/free", {{"prompt", "p"}}); });
  Connected<FakeTasksApi> tasks(noRetries);
  check(tasks, "/api/v1/task/", [&] { tasks.provider->getJob("task_1"); });
}

TEST_CASE("a 429 carries the wait the server asked for", "[remote][providers][errors]") {
  Connected<FakeJobsApi> c(noRetries);
  c.fake.fail("GET", "/api/v1/models", Fault::http(429).rateLimitReset(c.clock.unixSeconds() + 42));
  const Error e = thrownBy([&] { c.provider->listModels(); });
  CHECK(e.code() == Errc::rate_limited);
  CHECK(e.retryAfter() == 42'000ms);
}

TEST_CASE("a wrong key is unauthorized and never echoed", "[remote][providers][errors]") {
  const std::string wrongKey = "pd_wrong_key_0c1d2e";
  Connected<FakeImagesApi> c([&](RemoteConfig& config) { config.apiKey = wrongKey; });
  const Error e = thrownBy([&] { c.provider->account(); });
  CHECK(e.code() == Errc::unauthorized);
  CHECK(c.fake.last("GET", "/api/v1/me").authorization == "Bearer " + wrongKey);
  CHECK_THAT(e.what(), !Catch::Contains(wrongKey));
}

TEST_CASE("a reply echoing the key is redacted in the provider's errors", "[remote][providers][errors]") {
  Connected<FakeJobsApi> c;
  c.fake.fail("GET", "/api/v1/jobs/",
              Fault::reply(200, Json{{"jobId", "job_1"}, {"status", "weird " + c.fake.key()}}.dump()));
  const Error e = thrownBy([&] { c.provider->getJob("job_1"); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), !Catch::Contains(c.fake.key()) && Catch::Contains("[redacted]"));
}

TEST_CASE("a GET is retried after a 500, then succeeds", "[remote][providers][errors]") {
  Connected<FakeJobsApi> c;
  c.fake.fail("GET", "/api/v1/models", Fault::http(500));
  CHECK(c.provider->listModels().size() == 2);
  CHECK(c.fake.count("GET", "/api/v1/models") == 2);
  CHECK(c.clock.sleeps().size() == 1);
}

TEST_CASE("a run or generate POST is sent once on a 500, never retried", "[remote][providers][errors]") {
  Connected<FakeJobsApi> jobs;
  jobs.fake.fail("POST", "/api/v1/models/", Fault::http(500));
  Error e = thrownBy([&] { jobs.provider->submit("fake-flux", {{"prompt", "x"}}); });
  CHECK(e.code() == Errc::server);
  CHECK_THAT(e.what(), Catch::Contains("not retried"));
  CHECK(jobs.fake.count("POST", "/api/v1/models/fake-flux/run") == 1);

  Connected<FakeImagesApi> images;
  images.fake.fail("POST", "/api/v1/images/generate", Fault::http(500));
  e = thrownBy([&] { images.provider->submit("fake/free", {{"prompt", "x"}}); });
  CHECK(e.code() == Errc::server);
  CHECK(images.fake.count("POST", "/api/v1/images/generate") == 1);

  Connected<FakeTasksApi> tasks;
  tasks.fake.fail("POST", "/api/v1/generate", Fault::http(500));
  e = thrownBy([&] { tasks.provider->submit("m", {{"scene", "text-to-image"}}); });
  CHECK(e.code() == Errc::server);
  CHECK(tasks.fake.count("POST", "/api/v1/generate") == 1);
  CHECK(jobs.clock.sleeps().empty());
}

TEST_CASE("a run POST is retried after a 429, after the wait asked for", "[remote][providers][errors]") {
  Connected<FakeJobsApi> c;
  c.fake.fail("POST", "/api/v1/models/", Fault::http(429).retryAfter(3));
  const Job job = c.provider->submit("fake-flux", {{"prompt", "x"}});
  CHECK(job.id == "job_1");
  CHECK(c.fake.count("POST", "/api/v1/models/fake-flux/run") == 2);
  CHECK(c.clock.sleeps() == std::vector<std::chrono::milliseconds>{3000ms});
}

TEST_CASE("malformed and truncated replies", "[remote][providers][errors]") {
  Connected<FakeJobsApi> c(noRetries);
  c.fake.fail("GET", "/api/v1/models", Fault::malformedJson());
  Error e = thrownBy([&] { c.provider->listModels(); });
  CHECK(e.code() == Errc::malformed_reply);

  c.fake.fail("GET", "/api/v1/models", Fault::truncated());
  e = thrownBy([&] { c.provider->listModels(); });
  CHECK(e.code() == Errc::network);

  c.fake.fail("POST", "/api/v1/models/", Fault::truncated());
  e = thrownBy([&] { c.provider->submit("fake-flux", {{"prompt", "x"}}); });
  CHECK(e.code() == Errc::network);
  CHECK(c.fake.count("POST", "") == 1);

  c.fake.fail("GET", "/api/v1/models", Fault::reply(200, R"({"models":[{"apiId":"a","creditCost":1E99999}]})"));
  e = thrownBy([&] { c.provider->listModels(); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::EndsWith("the reply holds a number too large to read"));

  Connected<FakeTasksApi> tasks(noRetries);
  tasks.fake.fail("GET", "/api/v1/task/", Fault::reply(200, R"({"code":0,"data":"task_1"})"));
  e = thrownBy([&] { tasks.provider->getJob("task_1"); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::StartsWith("tasks API: GET /api/v1/task/task_1: the reply has no \"data\" object"));
}

TEST_CASE("a reply slower than the timeout is a timeout", "[remote][providers][errors]") {
  Connected<FakeJobsApi> c([](RemoteConfig& config) {
    config.retry.maxRetries = 0;
    config.requestLimits.totalTimeout = 150ms;
  });
  c.fake.fail("GET", "/api/v1/jobs/", Fault::stall(2s));
  const Error e = thrownBy([&] { c.provider->getJob("job_1"); });
  CHECK(e.code() == Errc::timeout);
  CHECK(c.fake.count("GET", "/api/v1/jobs/") == 1);
}
