// Reading the reply shapes the seeds leave open: lists (bare or under
// models/jobs/data/items, also one level down), entry ids, status words,
// result URLs and failure reasons.
#include "remote/job.hpp"

#include <catch2/catch.hpp>

#include "remote/provider_support.hpp"
#include "remote/thrown_by.hpp"

using namespace pixabots::remote;
using pixabots::remote::test::thrownBy;

TEST_CASE("jobStatusName names every status", "[remote][job]") {
  CHECK(jobStatusName(JobStatus::pending) == "pending");
  CHECK(jobStatusName(JobStatus::processing) == "processing");
  CHECK(jobStatusName(JobStatus::completed) == "completed");
  CHECK(jobStatusName(JobStatus::failed) == "failed");
  CHECK(isTerminal(JobStatus::completed));
  CHECK(isTerminal(JobStatus::failed));
  CHECK_FALSE(isTerminal(JobStatus::pending));
  CHECK_FALSE(isTerminal(JobStatus::processing));
}

TEST_CASE("listIn finds the list in every shape the seeds allow", "[remote][job]") {
  const Json list = Json::parse(R"([{"apiId":"a"},{"apiId":"b"}])");
  const auto reply =
      GENERATE(as<std::string>{}, R"([{"apiId":"a"},{"apiId":"b"}])", R"({"models":[{"apiId":"a"},{"apiId":"b"}]})",
               R"({"jobs":[{"apiId":"a"},{"apiId":"b"}],"total":2})", R"({"data":[{"apiId":"a"},{"apiId":"b"}]})",
               R"({"items":[{"apiId":"a"},{"apiId":"b"}],"nextCursor":null})",
               R"({"data":{"items":[{"apiId":"a"},{"apiId":"b"}],"nextCursor":"c"}})",
               R"({"data":{"models":[{"apiId":"a"},{"apiId":"b"}]}})");
  CAPTURE(reply);
  CHECK(listIn(Json::parse(reply), "models") == list);
}

TEST_CASE("listIn prefers a list at the top over one nested", "[remote][job]") {
  const Json reply = Json::parse(R"({"data":{"items":[1]},"items":[2]})");
  CHECK(listIn(reply, "items") == Json::parse("[2]"));
}

TEST_CASE("listIn without a list is a malformed reply naming what was expected", "[remote][job]") {
  const auto reply = GENERATE(as<std::string>{}, R"({"models":{"a":1}})", R"({"data":{"data":{"items":[]}}})",
                              R"("models")", "null", R"({"results":[]})");
  CAPTURE(reply);
  const Error e = thrownBy([&] { listIn(Json::parse(reply), "models"); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(),
             Catch::Contains("no list of models") && Catch::Contains("\"models\", \"jobs\", \"data\" or \"items\""));
}

TEST_CASE("entryId takes apiId, id, jobId or taskId, first present", "[remote][job]") {
  CHECK(entryId(Json::parse(R"({"apiId":"flux","id":"m_1"})"), "model") == "flux");
  CHECK(entryId(Json::parse(R"({"id":"m_1","jobId":"j"})"), "model") == "m_1");
  CHECK(entryId(Json::parse(R"({"jobId":"job_abc123"})"), "job") == "job_abc123");
  CHECK(entryId(Json::parse(R"({"taskId":"t_9"})"), "task") == "t_9");
  CHECK(entryId(Json::parse(R"({"id":42})"), "image") == "42");
  // An empty or null apiId does not hide the id after it.
  CHECK(entryId(Json::parse(R"({"apiId":"","id":"m_2"})"), "model") == "m_2");
  CHECK(entryId(Json::parse(R"({"apiId":null,"id":"m_3"})"), "model") == "m_3");
}

TEST_CASE("entryId without an id is a malformed reply", "[remote][job]") {
  const auto entry = GENERATE(as<std::string>{}, R"({"name":"Flux"})", R"({"id":true})", R"("flux")", R"({"id":""})");
  CAPTURE(entry);
  const Error e = thrownBy([&] { entryId(Json::parse(entry), "model"); });
  CHECK(e.code() == Errc::malformed_reply);
  CHECK_THAT(e.what(), Catch::StartsWith("a model entry has no id") && Catch::Contains("\"apiId\", \"id\", \"jobId\""));
}

TEST_CASE("status words of every shape, and their synonyms", "[remote][job]") {
  using detail::parseStatus;
  for (const char* w : {"pending", "PENDING", "queued", "starting", "created"})
    CHECK(parseStatus(w) == JobStatus::pending);
  for (const char* w : {"processing", "PROCESSING", "running", "in_progress", "started"}) {
    CHECK(parseStatus(w) == JobStatus::processing);
  }
  for (const char* w : {"completed", "SUCCESS", "succeeded", "success"}) CHECK(parseStatus(w) == JobStatus::completed);
  for (const char* w : {"failed", "FAILED", "ERROR", "canceled", "cancelled"})
    CHECK(parseStatus(w) == JobStatus::failed);
  CHECK_FALSE(parseStatus("done-ish"));
  CHECK_FALSE(parseStatus(""));
}

TEST_CASE("collectUrls: strings, arrays, objects with url, media keys, in order and once", "[remote][job]") {
  std::vector<std::string> urls;
  detail::collectUrls(Json::parse(R"({
    "videos": ["https://x/v.mp4"],
    "images": ["https://x/a.png", {"url": "https://x/b.png"}, "not a url", 7],
    "audioUrl": "http://x/s.mp3",
    "seed": 42,
    "statusUrl": "https://x/status"
  })"),
                      urls);
  CHECK(urls == std::vector<std::string>{"https://x/a.png", "https://x/b.png", "https://x/v.mp4", "http://x/s.mp3"});
  // A second source adds only what is new.
  detail::collectUrls(Json::parse(R"([{"url":"https://x/a.png"},{"url":"https://x/c.png"}])"), urls);
  CHECK(urls.back() == "https://x/c.png");
  CHECK(urls.size() == 5);
}

TEST_CASE("collectUrls stops at a depth no result nests to", "[remote][job]") {
  std::vector<std::string> urls;
  detail::collectUrls(Json::parse(R"({"output":{"images":[{"url":"https://x/ok.png"}]}})"), urls);
  detail::collectUrls(Json::parse(R"([[[[[["https://x/deep.png"]]]]]])"), urls);
  CHECK(urls == std::vector<std::string>{"https://x/ok.png"});
}

TEST_CASE("reasonIn reads a string or an object's message", "[remote][job]") {
  CHECK(detail::reasonIn(Json("NSFW filter")) == "NSFW filter");
  CHECK(detail::reasonIn(Json::parse(R"({"code":"x","message":"out of memory"})")) == "out of memory");
  CHECK(detail::reasonIn(Json::parse(R"({"error":"upstream timeout"})")) == "upstream timeout");
  CHECK_FALSE(detail::reasonIn(Json("")));
  CHECK_FALSE(detail::reasonIn(Json::parse(R"({"code":3})")));
  CHECK_FALSE(detail::reasonIn(Json()));
}

TEST_CASE("ids that would leave their path segment are refused", "[remote][job]") {
  CHECK_NOTHROW(detail::requireId("job_abc123", "job id"));
  for (const char* id : {"", "a/b", ".", "..", "../me"}) {
    CAPTURE(id);
    const Error e = thrownBy([&] { detail::requireId(id, "job id"); });
    CHECK(e.code() == Errc::validation);
    CHECK_THAT(e.what(), Catch::StartsWith("the job id"));
  }
}
