#pragma once
// Fake generation providers on loopback, one per API shape of the seeds, for
// every remote test (providers, lifecycle, downloads, generator, C ABI, CLI).
//
//   FakeJobsApi    seeds 000/001  base url("/api/v1")  /models, /models/{id}/schema,
//                                 /models/{id}/run, /jobs, /jobs/{id}, /jobs/{id}/webhook
//   FakeImagesApi  seed 002       base url("/api/v1")  /images/generate, /images,
//                                 /images/{id}, /models, /me  (every reply under "data")
//   FakeTasksApi   seed 003       base url("")         /api/v1/generate, /api/v1/task/{id}
//
// Every fake requires "Authorization: Bearer <key()>" on its API routes (401
// in the shape's error envelope otherwise) and serves result assets without
// a key at /assets/<name>.<ext> (.png: a real PNG, a pixabot rendered by the
// library; .mp4, .mp3: a few bytes of the right Content-Type).
//
// A fault script makes the next matching requests misbehave:
//
//   fake.fail("POST", "/api/v1/models/", Fault::http(500));      // then success
//   fake.fail("GET", "/api/v1/jobs/", Fault::http(429).retryAfter(3), 2);
//   fake.fail("GET", "/assets/", Fault::oversized(2 << 20));
//   fake.fail("GET", "/assets/", Fault::wrongContentType("text/html"));
//
// Faults are consumed in the order they were added, each by the first request
// whose method and path (without the query) match; a fault's `times` says how
// many requests it applies to.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "remote/config.hpp"
#include "remote/loopback_server.hpp"

namespace pixabots::remote::test {

// What a scripted request gets instead of (or on top of) the normal reply.
struct Fault {
  enum class Kind {
    http,          // this status, in the shape's error envelope (code/message below)
    reply,         // exactly this status, body and Content-Type
    stall,         // waits `stallFor`, then replies normally (for timeouts)
    truncated,     // the normal reply, cut in half under its full Content-Length
    oversized,     // `size` bytes of the normal Content-Type instead of the body
    content_type,  // the normal body under `contentType`
  };

  // `code` and `message` default to what the shape says for the status
  // (jobs: "rate_limit_exceeded", images: "rate_limited", tasks: the status).
  static Fault http(int status, std::string code = "", std::string message = "");
  static Fault reply(int status, std::string body, std::string contentType = "application/json");
  static Fault malformedJson();  // 200, application/json, not JSON
  static Fault stall(std::chrono::milliseconds duration);
  static Fault truncated();
  // `declareLength`: send Content-Length (else chunked, so only the
  // receiver's running count can stop it).
  static Fault oversized(std::size_t size, bool declareLength = true);
  static Fault wrongContentType(std::string type);

  Fault& header(std::string name, std::string value);
  Fault& retryAfter(int seconds);                   // Retry-After: <seconds>
  Fault& rateLimitReset(std::int64_t unixSeconds);  // X-RateLimit-Reset

  Kind kind = Kind::http;
  int status = 200;
  std::string code, message, body, contentType;
  std::chrono::milliseconds stallFor{0};
  std::size_t size = 0;
  bool declareLength = true;
  std::map<std::string, std::string> headers;
};

// A request as the fake saw it, recorded on arrival (so a request the client
// gave up on while the fake stalls is already counted).
struct SeenRequest {
  std::string method;
  std::string path;                          // without the query
  std::map<std::string, std::string> query;  // decoded parameters
  std::string body;
  std::string authorization;  // the Authorization header, or empty
};

// What every fake has: the server, the key, the fault script, the record of
// requests and the assets. Not used directly: see the three fakes below.
class FakeApi {
 public:
  virtual ~FakeApi();
  FakeApi(const FakeApi&) = delete;
  FakeApi& operator=(const FakeApi&) = delete;

  // The base URL a provider of this shape is configured with.
  std::string baseUrl() const;
  // An absolute URL on this fake, e.g. url("/assets/job_1-0.png").
  std::string url(std::string_view path) const;
  // The API key the fake accepts.
  const std::string& key() const { return key_; }
  // A configuration for this fake: its kind, base URL and key, short
  // timeouts (connect 2 s, total 5 s), default retry policy and limits.
  virtual RemoteConfig config() const;

  // Appends a fault for the next `times` requests matching `method` ("" for
  // any) and the path prefix (the full server path, e.g. "/api/v1/jobs/").
  void fail(std::string method, std::string pathPrefix, Fault fault, int times = 1);
  // Faults not yet consumed.
  int pendingFaults() const;

  // Requests seen so far, in arrival order.
  std::vector<SeenRequest> requests() const;
  // How many requests matched `method` ("" for any) and the path prefix.
  int count(std::string_view method, std::string_view pathPrefix) const;
  // The last matching request (throws std::logic_error when there is none).
  SeenRequest last(std::string_view method, std::string_view pathPrefix) const;
  // Its body parsed as JSON.
  Json lastJson(std::string_view method, std::string_view pathPrefix) const;

  // Output URLs point at `origin` (e.g. another fake's url("")) from now
  // on, for tests of where the key goes; this fake by default.
  void setAssetOrigin(std::string origin);

  // The bytes every /assets/<name>.png serves: a 32x32 pixabot ("2156").
  static const std::string& pngBytes();

 protected:
  // `apiRoot`: the path prefix of the API routes ("/api/v1" or "").
  FakeApi(ProviderKind kind, std::string apiRoot);

  // Thrown by a route handler: answers `status` in the shape's error envelope.
  struct Rejection {
    int status;
    std::string message;
  };
  // Route handlers run with mutex_ held.
  using Route = std::function<void(const httplib::Request&, httplib::Response&)>;
  // Registers an API route (regex on the full path) that needs the key.
  void route(const std::string& method, const std::string& pattern, Route handler);
  // Starts serving; the derived fake calls it once its routes are in place.
  void start();
  // Wakes stalled handlers and stops the server; each derived fake calls it
  // first in its destructor, before its own state goes.
  void shutdown();
  // The shape's error envelope for a status.
  virtual std::string errorBody(int status, const std::string& code, const std::string& message) const = 0;
  // The shape's default error code for a status.
  virtual std::string errorCode(int status) const = 0;
  void sendError(httplib::Response& res, int status, const std::string& message, const std::string& code = "") const;
  static void sendJson(httplib::Response& res, const Json& body, int status = 200);

  // An output URL: <asset origin>/assets/<name>. Call with mutex_ held.
  std::string assetUrl(const std::string& name) const;
  // The request body as a JSON object, else Rejection(400).
  static Json jsonBody(const httplib::Request& req);

  // Guards the derived fakes' state too; handlers run on several threads.
  mutable std::mutex mutex_;

 private:
  struct ScriptedFault {
    std::string method, pathPrefix;
    Fault fault;
    int remaining;
  };
  void serve(const httplib::Request& req, httplib::Response& res, const Route& handler, bool needsKey);
  std::optional<Fault> takeFault(const std::string& method, const std::string& path);
  void stall(std::unique_lock<std::mutex>& lock, std::chrono::milliseconds duration);
  static void serveAsset(const httplib::Request& req, httplib::Response& res);

  ProviderKind kind_;
  std::string apiRoot_;
  LoopbackServer server_;
  std::string key_ = "pxb_test_9f2c7e41d8a3";
  std::string assetOrigin_;
  std::vector<ScriptedFault> faults_;
  std::vector<SeenRequest> seen_;
  std::condition_variable stopping_;
  bool stopped_ = false;
};

// A job or task an asynchronous fake created.
struct FakeJob {
  std::string id, model;
  Json input;
  int polls = 0;  // GETs answered for it
  bool expired = false;
};

// Job lifecycles for the asynchronous fakes: what submit answers and what
// each later poll answers, in the shape's own status words.
struct Lifecycle {
  std::vector<std::string> statuses;                          // [0] at submit, [k] at poll k; the last repeats
  std::string failure = "the fake provider failed this job";  // a failed job's error
  std::optional<int> pollRetryAfter{};                        // Retry-After (s) on non-terminal polls
};

// What the jobs and tasks fakes share: the jobs they created and how those
// progress from poll to poll.
class FakeAsyncApi : public FakeApi {
 public:
  void setLifecycle(Lifecycle lifecycle);
  // Times the job or task was polled.
  int polls(const std::string& id) const;
  // The job answers 410 expired from now on.
  void expire(const std::string& id);

 protected:
  FakeAsyncApi(ProviderKind kind, std::string apiRoot, std::vector<std::string> statuses);
  // Keeps a new job under `prefix`_<n> and returns it.
  const FakeJob& create(const std::string& prefix, std::string model, Json input);
  // Counts a poll of `id` (Rejection 404 `notFound` when unknown, 410 when
  // expired) and adds the lifecycle's Retry-After to a non-terminal answer.
  const FakeJob& poll(const std::string& id, const std::string& notFound, httplib::Response& res);
  FakeJob& find(const std::string& id, const std::string& notFound);
  // Where the job is now, in the shape's words.
  const std::string& statusOf(const FakeJob& job) const;

  Lifecycle lifecycle_;
  std::map<std::string, FakeJob> jobs_;
  std::vector<std::string> order_;  // ids, oldest first
};

// Seeds 000/001: models "fake-flux" (image; schema: prompt required string
// 1..2000 chars, aspect_ratio enum 1:1|16:9|9:16, num_outputs integer 1..4,
// seed integer 0..2147483647, webhook_url string, no other properties) and
// "fake-video" (video; prompt required, duration integer 1..10, image_url).
// Default lifecycle {"pending", "processing", "completed"}: completed at the
// 2nd poll.
// Lists come as {"models":[...]} and {"jobs":[...]}, schemas as
// {"apiId":..., "schema":{...}}. Jobs are job_1, job_2, ...; a completed
// image job has num_outputs (default 1) URLs <asset origin>/assets/<job>-<n>.png
// under output.images, a video job one .mp4 under output.videos.
class FakeJobsApi final : public FakeAsyncApi {
 public:
  FakeJobsApi();
  ~FakeJobsApi() override;
  // The JSON Schema served for a model ("fake-flux", "fake-video").
  static Json schemaOf(std::string_view model);

 private:
  std::string errorBody(int status, const std::string& code, const std::string& message) const override;
  std::string errorCode(int status) const override;
  Json jobJson(const FakeJob& job) const;
};

// Seed 002: models "fake/free" (free; aspect ratios 1:1, 16:9; size 1K) and
// "fake/pro" (premium; every aspect ratio; sizes 1K, 2K, 4K). Generate
// answers at once with data.imageUrl <asset origin>/assets/img_<n>.png;
// prompt is required (422), an unknown model is 404, an aspect ratio or size
// the model lacks 422. /images lists 5 stock images (stock_1..stock_5) then
// the generated ones, pages by an opaque cursor, limit 1..50 (default 24).
// /me answers {"name":"Fake Owner","credits":100,...,"planTier":"free"}.
class FakeImagesApi final : public FakeApi {
 public:
  FakeImagesApi();
  ~FakeImagesApi() override;
  static Json models();  // the /models items

 private:
  std::string errorBody(int status, const std::string& code, const std::string& message) const override;
  std::string errorCode(int status) const override;
  Json generate(const Json& request);  // throws Rejection

  std::vector<Json> images_;  // the stock images, then the generated ones
  int generated_ = 0;
};

// Seed 003: POST /api/v1/generate needs provider, mediaType (enum), model and
// scene (enum) and answers {"code":0,"message":"ok","data":{"taskId":"task_<n>"}};
// invalid input answers 200 {"code":400,"message":...}. GET /api/v1/task/{id}
// answers {"code":0,"data":{"id","status","mediaType","model","provider",
// "taskResult"}}; taskResult on SUCCESS: image {"images":[{"url":...png}]},
// video {"videos":[...mp4]}, music {"audioUrl":...mp3}, character
// {"imageUrl":...png}; null before. An unknown task is 404; a refresh other
// than "1" or "assets" answers 200 {"code":400}. Errors are {"code":<status>,
// "message":...}. config().taskUpstream is "evolink". Default lifecycle
// {"PENDING", "PROCESSING", "SUCCESS"}.
class FakeTasksApi final : public FakeAsyncApi {
 public:
  FakeTasksApi();
  ~FakeTasksApi() override;
  RemoteConfig config() const override;

 private:
  std::string errorBody(int status, const std::string& code, const std::string& message) const override;
  std::string errorCode(int status) const override;
  Json taskJson(const FakeJob& task) const;
};

}  // namespace pixabots::remote::test
