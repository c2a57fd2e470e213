// The C ABI for remote generation (pxb_remote_*) against the loopback fakes:
// every provider shape end to end (models, schema, submit, poll, wait,
// fetch), the pxb_remote_status of every failure the fakes can script, with a
// message that names it and never the key, NULL arguments, ABI versions,
// cancelling a wait from another thread, and one handle shared by threads.
// The real clock runs here (the ABI has no other): polls are 10 ms apart
// and retries off unless a test is about them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <stdlib.h>

#include "pixabots/remote.h"
#include "pixabots/remote.hpp"
#include "remote/fake_providers.hpp"
#include "remote/temp_dir.hpp"

namespace fs = std::filesystem;
using pixabots::remote::Json;
using pixabots::remote::test::FakeApi;
using pixabots::remote::test::FakeImagesApi;
using pixabots::remote::test::FakeJobsApi;
using pixabots::remote::test::FakeTasksApi;
using pixabots::remote::test::Fault;
using pixabots::remote::test::Lifecycle;
using pixabots::remote::test::TempDir;

namespace {

// pxb_remote_options pointing at a fake, with the strings they point into.
struct Settings {
  explicit Settings(const FakeApi& fake, int32_t provider) : baseUrl(fake.baseUrl()), apiKey(fake.key()) {
    REQUIRE(pxb_remote_options_init(&options) == PXB_REMOTE_OK);
    options.provider = provider;
    options.base_url = baseUrl.c_str();
    options.api_key = apiKey.c_str();
    options.timeout_ms = 5000;
    options.max_retries = 0;
    options.poll_interval_ms = 10;
    options.task_provider = "evolink";
  }
  std::string baseUrl, apiKey;
  pxb_remote_options options;
};

struct RemoteFree {
  void operator()(pxb_remote* r) const { pxb_remote_free(r); }
};
using Remote = std::unique_ptr<pxb_remote, RemoteFree>;

Remote open(const pxb_remote_options& options) {
  pxb_remote* raw = nullptr;
  const pxb_remote_status status = pxb_remote_new(&options, &raw);
  INFO(pxb_remote_last_error());
  REQUIRE(status == PXB_REMOTE_OK);
  REQUIRE(raw != nullptr);
  return Remote(raw);
}

// A JSON call's outcome: the status, this thread's message, the JSON.
struct Result {
  pxb_remote_status status;
  std::string message;
  Json json;
};

// Runs a pxb_remote_* call that hands back JSON, checking the documented
// buffer contract: NUL-terminated JSON on success, NULL and 0 on failure.
template <class Call>
Result call(Call&& c) {
  uint8_t* out = reinterpret_cast<uint8_t*>(1);
  size_t size = 7;
  Result r{c(&out, &size), "", nullptr};
  if (r.status == PXB_REMOTE_OK) {
    REQUIRE(out != nullptr);
    CHECK(out[size] == 0);
    r.json = Json::parse(std::string(reinterpret_cast<const char*>(out), size));
    pxb_free(out);
  } else {
    CHECK(out == nullptr);
    CHECK(size == 0);
    r.message = pxb_remote_last_error();
  }
  return r;
}

Result models(pxb_remote* r) {
  return call([&](uint8_t** o, size_t* n) { return pxb_remote_models(r, o, n); });
}
Result schema(pxb_remote* r, const char* model) {
  return call([&](uint8_t** o, size_t* n) { return pxb_remote_schema(r, model, o, n); });
}
Result submit(pxb_remote* r, const char* model, const std::string& input, bool validate = true) {
  return call([&](uint8_t** o, size_t* n) { return pxb_remote_submit(r, model, input.c_str(), validate, o, n); });
}
Result poll(pxb_remote* r, const std::string& id) {
  return call([&](uint8_t** o, size_t* n) { return pxb_remote_poll(r, id.c_str(), o, n); });
}
Result wait(pxb_remote* r, const std::string& id, int64_t deadlineMs = 0) {
  return call([&](uint8_t** o, size_t* n) { return pxb_remote_wait(r, id.c_str(), deadlineMs, o, n); });
}
Result fetch(pxb_remote* r, const std::string& id, const fs::path& dir) {
  const std::string d = dir.string();
  return call([&](uint8_t** o, size_t* n) { return pxb_remote_fetch(r, id.c_str(), d.c_str(), o, n); });
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The fetched PNG is the fake's pixabot, and it decodes through the ABI.
void checkPixabotPng(const fs::path& path) {
  const std::string bytes = readFile(path);
  CHECK(bytes == FakeApi::pngBytes());
  uint8_t* rgba = nullptr;
  int32_t width = 0, height = 0;
  REQUIRE(pxb_decode_png(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &rgba, &width, &height) ==
          PXB_OK);
  pxb_free(rgba);
  CHECK(width == 32);
  CHECK(height == 32);
}

}  // namespace

TEST_CASE("C ABI remote: the jobs API from models to downloaded files", "[remote][capi]") {
  FakeJobsApi fake;
  Settings settings(fake, PXB_PROVIDER_JOBS);
  const Remote r = open(settings.options);

  const Result listed = models(r.get());
  REQUIRE(listed.status == PXB_REMOTE_OK);
  REQUIRE(listed.json.size() == 2);
  CHECK(listed.json[0]["id"] == "fake-flux");
  CHECK(listed.json[0]["name"] == "Fake Flux");
  CHECK(listed.json[0]["raw"]["creditCost"] == 1);
  CHECK(listed.json[1]["id"] == "fake-video");

  const Result described = schema(r.get(), "fake-flux");
  REQUIRE(described.status == PXB_REMOTE_OK);
  CHECK(described.json == FakeJobsApi::schemaOf("fake-flux"));

  const Result submitted = submit(r.get(), "fake-flux", R"({"prompt":"a lighthouse","num_outputs":2})");
  REQUIRE(submitted.status == PXB_REMOTE_OK);
  CHECK(submitted.json["id"] == "job_1");
  CHECK(submitted.json["status"] == "pending");
  CHECK(submitted.json["outputs"] == Json::array());
  CHECK(submitted.json["error"].is_null());
  CHECK(submitted.json["expiresAt"] == "2025-01-23T12:00:00Z");
  CHECK(submitted.json["raw"]["creditsRemaining"] == 99);
  CHECK(fake.lastJson("POST", "/api/v1/models/fake-flux/run") == Json{{"prompt", "a lighthouse"}, {"num_outputs", 2}});
  // The schema was read first: validation is on.
  CHECK(fake.count("GET", "/api/v1/models/fake-flux/schema") == 2);

  const Result polled = poll(r.get(), "job_1");
  REQUIRE(polled.status == PXB_REMOTE_OK);
  CHECK(polled.json["status"] == "processing");

  const Result done = wait(r.get(), "job_1");
  REQUIRE(done.status == PXB_REMOTE_OK);
  CHECK(done.json["status"] == "completed");
  CHECK(done.json["outputs"] == Json{fake.url("/assets/job_1-0.png"), fake.url("/assets/job_1-1.png")});
  CHECK(fake.polls("job_1") == 2);

  TempDir dir;
  const Result fetched = fetch(r.get(), "job_1", dir.path() / "out");
  REQUIRE(fetched.status == PXB_REMOTE_OK);
  CHECK(fetched.json ==
        Json{(dir.path() / "out" / "job_1-1.png").string(), (dir.path() / "out" / "job_1-2.png").string()});
  CHECK(fake.polls("job_1") == 3);  // fetch polls once
  for (const auto& path : fetched.json) checkPixabotPng(path.get<std::string>());
}

TEST_CASE("C ABI remote: the images API answers with a finished image", "[remote][capi]") {
  FakeImagesApi fake;
  Settings settings(fake, PXB_PROVIDER_IMAGES);
  const Remote r = open(settings.options);

  const Result listed = models(r.get());
  REQUIRE(listed.status == PXB_REMOTE_OK);
  REQUIRE(listed.json.size() == 2);
  CHECK(listed.json[0]["id"] == "fake/free");
  CHECK(listed.json[0]["name"] == "Fake Free");
  CHECK(listed.json[1]["id"] == "fake/pro");

  const Result described = schema(r.get(), "fake/free");
  REQUIRE(described.status == PXB_REMOTE_OK);
  CHECK(described.json["required"] == Json{"prompt"});
  CHECK(described.json["properties"].contains("prompt"));

  const Result submitted = submit(r.get(), "fake/free", R"({"prompt":"a pixel cat","aspectRatio":"16:9"})");
  REQUIRE(submitted.status == PXB_REMOTE_OK);
  CHECK(submitted.json["id"] == "img_1");
  CHECK(submitted.json["status"] == "completed");
  CHECK(submitted.json["outputs"] == Json{fake.url("/assets/img_1.png")});
  const Json body = fake.lastJson("POST", "/api/v1/images/generate");
  CHECK(body["prompt"] == "a pixel cat");
  CHECK(body["model"] == "fake/free");
  CHECK(body["aspectRatio"] == "16:9");

  const Result done = wait(r.get(), "img_1");
  REQUIRE(done.status == PXB_REMOTE_OK);
  CHECK(done.json["status"] == "completed");

  TempDir dir;
  const Result fetched = fetch(r.get(), "img_1", dir.path());
  REQUIRE(fetched.status == PXB_REMOTE_OK);
  REQUIRE(fetched.json == Json{(dir.path() / "img_1-1.png").string()});
  checkPixabotPng(fetched.json[0].get<std::string>());

  // The synthesized schema knows the model's capabilities.
  const Result refused = submit(r.get(), "fake/free", R"({"prompt":"x","aspectRatio":"4:3"})");
  CHECK(refused.status == PXB_REMOTE_ERR_VALIDATION);
  CHECK(fake.count("POST", "/api/v1/images/generate") == 1);
}

TEST_CASE("C ABI remote: the tasks API, polled to SUCCESS", "[remote][capi]") {
  FakeTasksApi fake;
  Settings settings(fake, PXB_PROVIDER_TASKS);
  const Remote r = open(settings.options);

  // The API has no model list; its schema is the documented request.
  const Result listed = models(r.get());
  CHECK(listed.status == PXB_REMOTE_ERR_UNSUPPORTED);
  CHECK(listed.message.rfind("list models: the tasks API publishes no model list", 0) == 0);
  const Result described = schema(r.get(), "veo-3-1");
  REQUIRE(described.status == PXB_REMOTE_OK);
  CHECK(described.json["required"] == Json{"scene"});

  const Result submitted = submit(r.get(), "veo-3-1", R"({"prompt":"waves","scene":"text-to-video"})");
  REQUIRE(submitted.status == PXB_REMOTE_OK);
  CHECK(submitted.json["id"] == "task_1");
  CHECK(submitted.json["status"] == "pending");
  const Json body = fake.lastJson("POST", "/api/v1/generate");
  CHECK(body["provider"] == "evolink");
  CHECK(body["model"] == "veo-3-1");
  CHECK(body["scene"] == "text-to-video");
  CHECK(body["mediaType"] == "video");

  CHECK(poll(r.get(), "task_1").json["status"] == "processing");
  const Result done = wait(r.get(), "task_1");
  REQUIRE(done.status == PXB_REMOTE_OK);
  CHECK(done.json["outputs"] == Json{fake.url("/assets/task_1-0.mp4")});

  TempDir dir;
  const Result fetched = fetch(r.get(), "task_1", dir.path());
  REQUIRE(fetched.status == PXB_REMOTE_OK);
  CHECK(fetched.json == Json{(dir.path() / "task_1-1.mp4").string()});
  CHECK(fs::file_size(fetched.json[0].get<std::string>()) > 0);
}

TEST_CASE("C ABI remote: every HTTP failure has its status, and no message holds the key", "[remote][capi]") {
  FakeJobsApi fake;
  Settings settings(fake, PXB_PROVIDER_JOBS);
  const Remote r = open(settings.options);
  const std::string input = R"({"prompt":"a lighthouse"})";

  SECTION("each status the provider answers a submit with") {
    struct Case {
      int http;
      pxb_remote_status status;
    };
    for (const Case c :
         {Case{401, PXB_REMOTE_ERR_UNAUTHORIZED}, Case{402, PXB_REMOTE_ERR_INSUFFICIENT_CREDITS},
          Case{403, PXB_REMOTE_ERR_FORBIDDEN}, Case{404, PXB_REMOTE_ERR_NOT_FOUND}, Case{410, PXB_REMOTE_ERR_EXPIRED},
          Case{422, PXB_REMOTE_ERR_VALIDATION}, Case{429, PXB_REMOTE_ERR_RATE_LIMITED},
          Case{500, PXB_REMOTE_ERR_REMOTE}, Case{503, PXB_REMOTE_ERR_REMOTE}}) {
      INFO("HTTP " << c.http);
      const std::string message = "scripted " + std::to_string(c.http);
      fake.fail("POST", "/api/v1/models/fake-flux/run", Fault::http(c.http, "", message));
      const Result failed = submit(r.get(), "fake-flux", input, false);
      CHECK(failed.status == c.status);
      CHECK(failed.message.find(message) != std::string::npos);
      CHECK(failed.message.find(fake.key()) == std::string::npos);
      CHECK(std::string(pxb_remote_strerror(c.status)) != "unknown status");
    }
    CHECK(fake.pendingFaults() == 0);
    CHECK(fake.count("POST", "/api/v1/models/fake-flux/run") == 9);  // none retried
  }
  SECTION("a wrong key is unauthorized, and neither key is named") {
    settings.apiKey = "pxb_wrong_5d1e08a7c2";
    settings.options.api_key = settings.apiKey.c_str();
    const Remote wrong = open(settings.options);
    const Result failed = models(wrong.get());
    CHECK(failed.status == PXB_REMOTE_ERR_UNAUTHORIZED);
    CHECK(failed.message.find("pxb_wrong_5d1e08a7c2") == std::string::npos);
    CHECK(failed.message.find(fake.key()) == std::string::npos);
  }
  SECTION("an unknown job is not found, an expired one expired") {
    CHECK(poll(r.get(), "job_404").status == PXB_REMOTE_ERR_NOT_FOUND);
    REQUIRE(submit(r.get(), "fake-flux", input).status == PXB_REMOTE_OK);
    fake.expire("job_1");
    const Result expired = poll(r.get(), "job_1");
    CHECK(expired.status == PXB_REMOTE_ERR_EXPIRED);
    CHECK(expired.message.find("410") != std::string::npos);
  }
  SECTION("malformed and truncated replies") {
    fake.fail("GET", "/api/v1/models", Fault::malformedJson());
    CHECK(models(r.get()).status == PXB_REMOTE_ERR_MALFORMED_REPLY);
    fake.fail("GET", "/api/v1/models", Fault::truncated());
    CHECK(models(r.get()).status == PXB_REMOTE_ERR_NETWORK);
    CHECK(models(r.get()).status == PXB_REMOTE_OK);
  }
  SECTION("a 500 then success, with one retry allowed") {
    settings.options.max_retries = 1;
    const Remote retrying = open(settings.options);
    fake.fail("GET", "/api/v1/models", Fault::http(500));
    CHECK(models(retrying.get()).status == PXB_REMOTE_OK);
    CHECK(fake.count("GET", "/api/v1/models") == 2);
  }
  SECTION("a reply slower than timeout_ms") {
    settings.options.timeout_ms = 150;
    const Remote hurried = open(settings.options);
    fake.fail("GET", "/api/v1/models", Fault::stall(std::chrono::milliseconds(2000)));
    const auto start = std::chrono::steady_clock::now();
    CHECK(models(hurried.get()).status == PXB_REMOTE_ERR_TIMEOUT);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1500));
  }
}

TEST_CASE("C ABI remote: input breaking the schema lists every problem and submits nothing", "[remote][capi]") {
  FakeJobsApi fake;
  Settings settings(fake, PXB_PROVIDER_JOBS);
  const Remote r = open(settings.options);

  const Result refused = submit(r.get(), "fake-flux", R"({"aspect_ratio":"4:3","num_outputs":9,"style":"x"})");
  REQUIRE(refused.status == PXB_REMOTE_ERR_VALIDATION);
  // One line per problem under the summary.
  CHECK(refused.message ==
        "input for model fake-flux breaks its schema: 4 problems\n"
        "$: missing required property \"prompt\"\n"
        "$.aspect_ratio: \"4:3\" is not one of \"1:1\", \"16:9\", \"9:16\"\n"
        "$.num_outputs: 9 is above the maximum 4\n"
        "$.style: property is not allowed (additionalProperties: false)");
  CHECK(fake.count("POST", "/api/v1/models/") == 0);

  // Unchecked, the provider's own refusal comes back as the same status.
  const Result unchecked = submit(r.get(), "fake-flux", R"({"num_outputs":2})", false);
  CHECK(unchecked.status == PXB_REMOTE_ERR_VALIDATION);
  CHECK(unchecked.message.find("prompt is required") != std::string::npos);
}

TEST_CASE("C ABI remote: jobs that fail, run late or are fetched too early", "[remote][capi]") {
  FakeJobsApi fake;
  Settings settings(fake, PXB_PROVIDER_JOBS);
  const Remote r = open(settings.options);
  TempDir dir;

  SECTION("a failed job") {
    fake.setLifecycle(Lifecycle{{"pending", "failed"}, "upstream model crashed", std::nullopt});
    REQUIRE(submit(r.get(), "fake-flux", R"({"prompt":"x"})").status == PXB_REMOTE_OK);
    const Result waited = wait(r.get(), "job_1");
    CHECK(waited.status == PXB_REMOTE_ERR_JOB_FAILED);
    CHECK(waited.message.find("upstream model crashed") != std::string::npos);
    const Result fetched = fetch(r.get(), "job_1", dir.path());
    CHECK(fetched.status == PXB_REMOTE_ERR_JOB_FAILED);
    CHECK(fetched.message.find("upstream model crashed") != std::string::npos);
  }
  SECTION("a job still running: fetch is not ready, wait passes its deadline") {
    fake.setLifecycle(Lifecycle{{"pending", "processing"}, "", std::nullopt});
    REQUIRE(submit(r.get(), "fake-flux", R"({"prompt":"x"})").status == PXB_REMOTE_OK);
    const Result early = fetch(r.get(), "job_1", dir.path());
    CHECK(early.status == PXB_REMOTE_ERR_NOT_READY);
    CHECK(early.message == "job job_1 is still processing: wait for it (pxb_remote_wait) before fetching its outputs");
    const Result late = wait(r.get(), "job_1", 100);
    CHECK(late.status == PXB_REMOTE_ERR_TIMEOUT);
    CHECK(late.message.find("deadline") != std::string::npos);
    CHECK(dir.files().empty());
  }
  SECTION("outputs over max_asset_bytes, or not images, leave no file") {
    settings.options.max_asset_bytes = 4096;
    const Remote capped = open(settings.options);
    REQUIRE(submit(capped.get(), "fake-flux", R"({"prompt":"x"})").status == PXB_REMOTE_OK);
    REQUIRE(wait(capped.get(), "job_1").status == PXB_REMOTE_OK);
    fake.fail("GET", "/assets/", Fault::oversized(8192));
    CHECK(fetch(capped.get(), "job_1", dir.path()).status == PXB_REMOTE_ERR_TOO_LARGE);
    CHECK(dir.files().empty());
    fake.fail("GET", "/assets/", Fault::wrongContentType("text/html"));
    CHECK(fetch(capped.get(), "job_1", dir.path()).status == PXB_REMOTE_ERR_MALFORMED_REPLY);
    CHECK(dir.files().empty());
    CHECK(fetch(capped.get(), "job_1", dir.path()).status == PXB_REMOTE_OK);
    CHECK(dir.files() == std::vector<fs::path>{"job_1-1.png"});
  }
  SECTION("a directory that cannot be written") {
    REQUIRE(submit(r.get(), "fake-flux", R"({"prompt":"x"})").status == PXB_REMOTE_OK);
    REQUIRE(wait(r.get(), "job_1").status == PXB_REMOTE_OK);
    std::ofstream(dir.path() / "file") << "not a directory";
    CHECK(fetch(r.get(), "job_1", dir.path() / "file" / "sub").status == PXB_REMOTE_ERR_IO);
  }
}

TEST_CASE("C ABI remote: handles, options and arguments", "[remote][capi]") {
  FakeJobsApi fake;
  Settings settings(fake, PXB_PROVIDER_JOBS);
  pxb_remote* raw = reinterpret_cast<pxb_remote*>(1);

  SECTION("options from other headers") {
    pxb_remote_options o;
    CHECK(pxb_remote_options_init_version(&o, PXB_REMOTE_OPTIONS_VERSION + 1) == PXB_REMOTE_ERR_VERSION_MISMATCH);
    CHECK(std::string(pxb_remote_last_error()).find("pxb_remote_options version 2") != std::string::npos);
    settings.options.version = 7;
    CHECK(pxb_remote_new(&settings.options, &raw) == PXB_REMOTE_ERR_VERSION_MISMATCH);
    CHECK(raw == reinterpret_cast<pxb_remote*>(1));
  }
  SECTION("defaults") {
    pxb_remote_options o;
    REQUIRE(pxb_remote_options_init(&o) == PXB_REMOTE_OK);
    CHECK(o.version == PXB_REMOTE_OPTIONS_VERSION);
    CHECK(o.provider == PXB_PROVIDER_FROM_CONFIG);
    CHECK(o.base_url == nullptr);
    CHECK(o.api_key == nullptr);
    CHECK(o.max_retries == -1);
    CHECK(o.timeout_ms == 0);
    CHECK(o.max_asset_bytes == 0);
    CHECK(o.poll_interval_ms == 0);
  }
  SECTION("settings out of range") {
    settings.options.provider = 3;
    CHECK(pxb_remote_new(&settings.options, &raw) == PXB_REMOTE_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pxb_remote_last_error()) ==
          "provider 3 is not a pxb_provider (-1 from the configuration, 0 jobs, 1 images, 2 tasks)");
    settings.options.provider = PXB_PROVIDER_JOBS;
    settings.options.max_retries = -2;
    CHECK(pxb_remote_new(&settings.options, &raw) == PXB_REMOTE_ERR_INVALID_OPTION);
    CHECK(std::string(pxb_remote_last_error()) == "max_retries -2 is out of range: must be -1 (default) or 0..100");
    settings.options.max_retries = 0;
    settings.options.poll_interval_ms = -1;
    CHECK(pxb_remote_new(&settings.options, &raw) == PXB_REMOTE_ERR_INVALID_OPTION);
    settings.options.poll_interval_ms = 0;
    settings.options.base_url = "ftp://example.com";
    CHECK(pxb_remote_new(&settings.options, &raw) == PXB_REMOTE_ERR_INVALID_OPTION);
    CHECK(std::string(pxb_remote_last_error()).find("ftp://example.com") != std::string::npos);
    CHECK(raw == reinterpret_cast<pxb_remote*>(1));
  }
  SECTION("NULL arguments are named") {
    const Remote r = open(settings.options);
    uint8_t* out = nullptr;
    size_t size = 0;
    const auto named = [](pxb_remote_status status, const char* what) {
      CHECK(status == PXB_REMOTE_ERR_INVALID_ARGUMENT);
      CHECK(std::string(pxb_remote_last_error()) == std::string(what) + " must not be NULL");
    };
    named(pxb_remote_new(&settings.options, nullptr), "out");
    named(pxb_remote_models(nullptr, &out, &size), "remote");
    named(pxb_remote_models(r.get(), nullptr, &size), "out");
    named(pxb_remote_models(r.get(), &out, nullptr), "out_size");
    named(pxb_remote_schema(r.get(), nullptr, &out, &size), "model");
    named(pxb_remote_submit(r.get(), nullptr, "{}", 0, &out, &size), "model");
    named(pxb_remote_submit(r.get(), "fake-flux", nullptr, 0, &out, &size), "input_json");
    named(pxb_remote_poll(r.get(), nullptr, &out, &size), "job_id");
    named(pxb_remote_wait(r.get(), nullptr, 0, &out, &size), "job_id");
    named(pxb_remote_fetch(r.get(), "job_1", nullptr, &out, &size), "dir");
    named(pxb_remote_fetch(nullptr, "job_1", "/tmp", &out, &size), "remote");
    pxb_remote_free(nullptr);
    pxb_remote_cancel(nullptr);
    CHECK(fake.requests().empty());
  }
  SECTION("input that is not a JSON object") {
    const Remote r = open(settings.options);
    const Result broken = submit(r.get(), "fake-flux", "{\"prompt\":");
    CHECK(broken.status == PXB_REMOTE_ERR_INVALID_ARGUMENT);
    CHECK(broken.message.rfind("input_json is not valid JSON: ", 0) == 0);
    const Result huge = submit(r.get(), "fake-flux", "{\"seed\": 1e99999}");
    CHECK(huge.status == PXB_REMOTE_ERR_INVALID_ARGUMENT);
    CHECK(huge.message.rfind("input_json is not valid JSON: ", 0) == 0);
    const Result deep = submit(r.get(), "fake-flux", std::string(100, '[') + std::string(100, ']'));
    CHECK(deep.status == PXB_REMOTE_ERR_INVALID_ARGUMENT);
    CHECK(deep.message == "input_json is refused: the JSON nests deeper than 64 levels");
    const Result list = submit(r.get(), "fake-flux", "[1,2]");
    CHECK(list.status == PXB_REMOTE_ERR_INVALID_ARGUMENT);
    CHECK(list.message == "input_json must be a JSON object, not array");
    const Result negative = wait(r.get(), "job_1", -5);
    CHECK(negative.status == PXB_REMOTE_ERR_INVALID_OPTION);
    CHECK(negative.message == "deadline_ms -5 is out of range: must be 0 (10 minutes) or positive");
    CHECK(fake.requests().empty());
  }
  SECTION("an unreachable provider is a network error") {
    settings.options.base_url = "http://127.0.0.1:1";
    const Remote r = open(settings.options);
    const Result failed = models(r.get());
    CHECK(failed.status == PXB_REMOTE_ERR_NETWORK);
    CHECK(failed.message.find(fake.key()) == std::string::npos);
  }
}

TEST_CASE("C ABI remote: cancel wakes a wait on another thread at once, and later calls run", "[remote][capi]") {
  FakeJobsApi fake;
  fake.setLifecycle(Lifecycle{{"pending", "processing"}, "", std::nullopt});
  Settings settings(fake, PXB_PROVIDER_JOBS);
  settings.options.poll_interval_ms = 20000;  // over the usual 15 s cap; the wait must not sleep it out
  const Remote r = open(settings.options);
  REQUIRE(submit(r.get(), "fake-flux", R"({"prompt":"x"})").status == PXB_REMOTE_OK);

  Result waited{PXB_REMOTE_OK, "", nullptr};
  std::chrono::steady_clock::time_point returned;
  std::thread waiter([&] {
    waited = wait(r.get(), "job_1");
    returned = std::chrono::steady_clock::now();
  });
  while (fake.polls("job_1") == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // into the sleep between polls
  const auto cancelledAt = std::chrono::steady_clock::now();
  pxb_remote_cancel(r.get());
  waiter.join();
  CHECK(waited.status == PXB_REMOTE_ERR_CANCELLED);
  CHECK(waited.message.find("cancelled") != std::string::npos);
  CHECK(returned - cancelledAt < std::chrono::milliseconds(500));
  CHECK(fake.polls("job_1") == 1);

  // One-shot: the handle works again for calls made after the cancel.
  CHECK(poll(r.get(), "job_1").status == PXB_REMOTE_OK);
}

TEST_CASE("C ABI remote: one handle, four threads submitting at once", "[remote][capi]") {
  FakeJobsApi fake;
  Settings settings(fake, PXB_PROVIDER_JOBS);
  const Remote r = open(settings.options);
  constexpr int kThreads = 4, kEach = 5;
  std::vector<std::vector<Result>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const std::string input = Json{{"prompt", "bot " + std::to_string(t) + "-" + std::to_string(i)}}.dump();
        results[t].push_back(submit(r.get(), "fake-flux", input));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> ids;
  for (const auto& perThread : results) {
    for (const Result& result : perThread) {
      REQUIRE(result.status == PXB_REMOTE_OK);
      ids.insert(result.json["id"].get<std::string>());
    }
  }
  CHECK(ids.size() == kThreads * kEach);
  CHECK(fake.count("POST", "/api/v1/models/fake-flux/run") == kThreads * kEach);
}

TEST_CASE("C ABI remote: no provider configured anywhere is unsupported", "[remote][capi]") {
  TempDir dir;
  const fs::path config = dir.path() / "remote.json";
  std::ofstream(config) << "{}";
  // The environment may name a provider on a developer's machine.
  const char* provider = std::getenv("PIXABOTS_PROVIDER");
  const std::string saved = provider != nullptr ? provider : "";
  ::unsetenv("PIXABOTS_PROVIDER");
  pxb_remote_options o;
  REQUIRE(pxb_remote_options_init(&o) == PXB_REMOTE_OK);
  const std::string file = config.string();
  o.config_file = file.c_str();
  pxb_remote* raw = nullptr;
  const pxb_remote_status status = pxb_remote_new(&o, &raw);
  if (provider != nullptr) ::setenv("PIXABOTS_PROVIDER", saved.c_str(), 1);
  CHECK(status == PXB_REMOTE_ERR_UNSUPPORTED);
  CHECK(raw == nullptr);
  CHECK(std::string(pxb_remote_last_error()).find("no remote provider is configured") != std::string::npos);
}

TEST_CASE("C++ API remote: pixabots::Remote over the C calls", "[remote][capi]") {
  FakeJobsApi fake;
  pixabots::RemoteOptions options;
  options.provider = pixabots::Provider::jobs;
  options.baseUrl = fake.baseUrl();
  options.apiKey = fake.key();
  options.maxRetries = 0;
  options.pollInterval = std::chrono::milliseconds(10);
  pixabots::Remote remote(options);

  CHECK(Json::parse(remote.models())[0]["id"] == "fake-flux");
  CHECK(Json::parse(remote.schema("fake-video")) == FakeJobsApi::schemaOf("fake-video"));
  const std::string id = Json::parse(remote.submit("fake-flux", R"({"prompt":"x"})"))["id"];
  CHECK(Json::parse(remote.poll(id))["status"] == "processing");
  CHECK(Json::parse(remote.wait(id))["status"] == "completed");
  TempDir dir;
  const Json files = Json::parse(remote.fetch(id, dir.path()));
  REQUIRE(files.size() == 1);
  checkPixabotPng(files[0].get<std::string>());

  try {
    remote.submit("fake-flux", R"({"num_outputs":2})");
    FAIL("no exception");
  } catch (const pixabots::RemoteError& e) {
    CHECK(e.status() == PXB_REMOTE_ERR_VALIDATION);
    CHECK(std::string(e.what()).find("1 problem") != std::string::npos);
  }
}
