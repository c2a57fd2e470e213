#include "remote/fake_providers.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "pixabots/core/id.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::remote::test {

namespace {

using namespace std::chrono_literals;

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The fakes' status words, in any shape's spelling, by what they mean for
// the outputs.
bool meansCompleted(const std::string& status) {
  const std::string s = lower(status);
  return s == "completed" || s == "succeeded" || s == "success";
}
bool meansFailed(const std::string& status) {
  const std::string s = lower(status);
  return s == "failed" || s == "error" || s == "canceled" || s == "cancelled";
}

bool isTerminalWord(const std::string& status) { return meansCompleted(status) || meansFailed(status); }

std::string contentTypeOf(const httplib::Response& res) { return res.get_header_value("Content-Type"); }

void replaceHeader(httplib::Response& res, const std::string& name, const std::string& value) {
  res.headers.erase(name);
  res.set_header(name, value);
}

// Stands in for a video or audio file: the downloads only look at the type.
const std::string kVideoBytes("\0\0\0\030ftypmp42\0\0\0\0mp42isom", 24);
const std::string kAudioBytes("ID3\x04\0\0\0\0\0\0", 10);

}  // namespace

// ---- Fault ---------------------------------------------------------------

Fault Fault::http(int status, std::string code, std::string message) {
  Fault f;
  f.kind = Kind::http;
  f.status = status;
  f.code = std::move(code);
  f.message = std::move(message);
  return f;
}

Fault Fault::reply(int status, std::string body, std::string contentType) {
  Fault f;
  f.kind = Kind::reply;
  f.status = status;
  f.body = std::move(body);
  f.contentType = std::move(contentType);
  return f;
}

Fault Fault::malformedJson() { return reply(200, R"({"jobId": "job_1", "status": "comple)"); }

Fault Fault::stall(std::chrono::milliseconds duration) {
  Fault f;
  f.kind = Kind::stall;
  f.stallFor = duration;
  return f;
}

Fault Fault::truncated() {
  Fault f;
  f.kind = Kind::truncated;
  return f;
}

Fault Fault::oversized(std::size_t size, bool declareLength) {
  Fault f;
  f.kind = Kind::oversized;
  f.size = size;
  f.declareLength = declareLength;
  return f;
}

Fault Fault::wrongContentType(std::string type) {
  Fault f;
  f.kind = Kind::content_type;
  f.contentType = std::move(type);
  return f;
}

Fault& Fault::header(std::string name, std::string value) {
  headers[std::move(name)] = std::move(value);
  return *this;
}

Fault& Fault::retryAfter(int seconds) { return header("Retry-After", std::to_string(seconds)); }

Fault& Fault::rateLimitReset(std::int64_t unixSeconds) {
  return header("X-RateLimit-Reset", std::to_string(unixSeconds));
}

// ---- FakeApi -------------------------------------------------------------

FakeApi::FakeApi(ProviderKind kind, std::string apiRoot) : kind_(kind), apiRoot_(std::move(apiRoot)) {
  // Connections left open by a client must not hold up the server's stop.
  server_.http.set_keep_alive_timeout(1);
  server_.http.Get("/assets/([^/]+)",
                   [this](const httplib::Request& req, httplib::Response& res) { serve(req, res, serveAsset, false); });
}

FakeApi::~FakeApi() { shutdown(); }

void FakeApi::start() {
  server_.start();
  std::lock_guard lock(mutex_);
  if (assetOrigin_.empty()) assetOrigin_ = server_.url();
}

void FakeApi::shutdown() {
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  stopping_.notify_all();
  server_.stop();
}

std::string FakeApi::baseUrl() const { return server_.url(apiRoot_); }
std::string FakeApi::url(std::string_view path) const { return server_.url(std::string(path)); }

RemoteConfig FakeApi::config() const {
  RemoteConfig config;
  config.provider = kind_;
  config.baseUrl = baseUrl();
  config.apiKey = key_;
  config.requestLimits.connectTimeout = 2s;
  config.requestLimits.totalTimeout = 5s;
  config.assetLimits.connectTimeout = 2s;
  config.assetLimits.totalTimeout = 5s;
  return config;
}

void FakeApi::setAssetOrigin(std::string origin) {
  std::lock_guard lock(mutex_);
  assetOrigin_ = std::move(origin);
}

std::string FakeApi::assetUrl(const std::string& name) const { return assetOrigin_ + "/assets/" + name; }

void FakeApi::fail(std::string method, std::string pathPrefix, Fault fault, int times) {
  std::lock_guard lock(mutex_);
  faults_.push_back({std::move(method), std::move(pathPrefix), std::move(fault), times});
}

int FakeApi::pendingFaults() const {
  std::lock_guard lock(mutex_);
  int n = 0;
  for (const auto& f : faults_) n += f.remaining;
  return n;
}

std::vector<SeenRequest> FakeApi::requests() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

int FakeApi::count(std::string_view method, std::string_view pathPrefix) const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(std::count_if(seen_.begin(), seen_.end(), [&](const SeenRequest& r) {
    return (method.empty() || r.method == method) && startsWith(r.path, pathPrefix);
  }));
}

SeenRequest FakeApi::last(std::string_view method, std::string_view pathPrefix) const {
  std::lock_guard lock(mutex_);
  for (auto it = seen_.rbegin(); it != seen_.rend(); ++it) {
    if ((method.empty() || it->method == method) && startsWith(it->path, pathPrefix)) return *it;
  }
  throw std::logic_error("the fake saw no " + std::string(method) + " " + std::string(pathPrefix) + " request");
}

Json FakeApi::lastJson(std::string_view method, std::string_view pathPrefix) const {
  return Json::parse(last(method, pathPrefix).body);
}

const std::string& FakeApi::pngBytes() {
  static const std::string bytes = [] {
    const core::Pack& pack = core::Pack::embedded();
    core::RenderOptions options;
    options.size = 32;
    const auto png = core::renderPng(pack, core::decodeId(pack.catalog(), "2156"), options);
    return std::string(png.begin(), png.end());
  }();
  return bytes;
}

void FakeApi::route(const std::string& method, const std::string& pattern, Route handler) {
  auto serveRoute = [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    serve(req, res, handler, true);
  };
  if (method == "GET") {
    server_.http.Get(apiRoot_ + pattern, serveRoute);
  } else {
    server_.http.Post(apiRoot_ + pattern, serveRoute);
  }
}

Json FakeApi::jsonBody(const httplib::Request& req) {
  Json body = Json::parse(req.body, nullptr, false);
  if (body.is_discarded()) throw Rejection{400, "the request body is not JSON"};
  if (!body.is_object()) throw Rejection{400, "the request body must be a JSON object"};
  return body;
}

void FakeApi::sendError(httplib::Response& res, int status, const std::string& message, const std::string& code) const {
  res.status = status;
  res.set_content(errorBody(status, code.empty() ? errorCode(status) : code, message), "application/json");
}

void FakeApi::sendJson(httplib::Response& res, const Json& body, int status) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

std::optional<Fault> FakeApi::takeFault(const std::string& method, const std::string& path) {
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if ((it->method.empty() || it->method == method) && startsWith(path, it->pathPrefix)) {
      Fault fault = it->fault;
      if (--it->remaining <= 0) faults_.erase(it);
      return fault;
    }
  }
  return std::nullopt;
}

void FakeApi::stall(std::unique_lock<std::mutex>& lock, std::chrono::milliseconds duration) {
  stopping_.wait_for(lock, duration, [this] { return stopped_; });
}

void FakeApi::serve(const httplib::Request& req, httplib::Response& res, const Route& handler, bool needsKey) {
  std::unique_lock lock(mutex_);
  SeenRequest seen{req.method, req.path, {}, req.body, req.get_header_value("Authorization")};
  for (const auto& [name, value] : req.params) seen.query[name] = value;
  seen_.push_back(std::move(seen));

  const std::optional<Fault> fault = takeFault(req.method, req.path);
  if (fault) {
    for (const auto& [name, value] : fault->headers) res.set_header(name, value);
    switch (fault->kind) {
      case Fault::Kind::http:
        sendError(res, fault->status, fault->message.empty() ? "scripted failure" : fault->message, fault->code);
        return;
      case Fault::Kind::reply:
        res.status = fault->status;
        res.set_content(fault->body, fault->contentType);
        return;
      case Fault::Kind::stall: stall(lock, fault->stallFor); break;
      default: break;
    }
  }

  if (needsKey && req.get_header_value("Authorization") != "Bearer " + key_) {
    sendError(res, 401, "Missing or invalid API key");
  } else {
    try {
      handler(req, res);
    } catch (const Rejection& rejection) {
      sendError(res, rejection.status, rejection.message);
    }
  }
  if (!fault) return;

  const std::string type = contentTypeOf(res);
  switch (fault->kind) {
    case Fault::Kind::truncated: {
      // Headers promise the whole body; half of it arrives, then the
      // connection closes.
      const std::string body = std::move(res.body);
      res.body.clear();
      res.headers.erase("Content-Type");
      res.set_content_provider(body.size(), type, [body](std::size_t, std::size_t, httplib::DataSink& sink) {
        sink.write(body.data(), body.size() / 2);
        return false;
      });
      break;
    }
    case Fault::Kind::oversized: {
      res.body.clear();
      res.headers.erase("Content-Type");
      const std::size_t size = fault->size;
      static const std::string chunk(64 * 1024, '\0');
      if (fault->declareLength) {
        res.set_content_provider(size, type, [](std::size_t, std::size_t length, httplib::DataSink& sink) {
          return sink.write(chunk.data(), std::min(length, chunk.size()));
        });
      } else {
        res.set_chunked_content_provider(type, [size](std::size_t offset, httplib::DataSink& sink) {
          if (offset >= size) {
            sink.done();
            return true;
          }
          return sink.write(chunk.data(), std::min(size - offset, chunk.size()));
        });
      }
      break;
    }
    case Fault::Kind::content_type: replaceHeader(res, "Content-Type", fault->contentType); break;
    default: break;
  }
}

void FakeApi::serveAsset(const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[1];
  const auto dot = name.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  if (ext == ".png") {
    res.set_content(pngBytes(), "image/png");
  } else if (ext == ".mp4") {
    res.set_content(kVideoBytes, "video/mp4");
  } else if (ext == ".mp3") {
    res.set_content(kAudioBytes, "audio/mpeg");
  } else {
    res.status = 404;
    res.set_content("no such asset", "text/plain");
  }
}

// ---- FakeAsyncApi --------------------------------------------------------

FakeAsyncApi::FakeAsyncApi(ProviderKind kind, std::string apiRoot, std::vector<std::string> statuses)
    : FakeApi(kind, std::move(apiRoot)) {
  lifecycle_.statuses = std::move(statuses);
}

void FakeAsyncApi::setLifecycle(Lifecycle lifecycle) {
  std::lock_guard lock(mutex_);
  lifecycle_ = std::move(lifecycle);
}

int FakeAsyncApi::polls(const std::string& id) const {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  return it == jobs_.end() ? 0 : it->second.polls;
}

void FakeAsyncApi::expire(const std::string& id) {
  std::lock_guard lock(mutex_);
  jobs_.at(id).expired = true;
}

const FakeJob& FakeAsyncApi::create(const std::string& prefix, std::string model, Json input) {
  FakeJob job{prefix + "_" + std::to_string(order_.size() + 1), std::move(model), std::move(input)};
  order_.push_back(job.id);
  return jobs_[job.id] = std::move(job);
}

FakeJob& FakeAsyncApi::find(const std::string& id, const std::string& notFound) {
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) throw Rejection{404, notFound};
  return it->second;
}

const FakeJob& FakeAsyncApi::poll(const std::string& id, const std::string& notFound, httplib::Response& res) {
  FakeJob& job = find(id, notFound);
  if (job.expired) throw Rejection{410, "Job has expired"};
  ++job.polls;
  if (lifecycle_.pollRetryAfter && !isTerminalWord(statusOf(job))) {
    res.set_header("Retry-After", std::to_string(*lifecycle_.pollRetryAfter));
  }
  return job;
}

const std::string& FakeAsyncApi::statusOf(const FakeJob& job) const {
  const auto& statuses = lifecycle_.statuses;
  return statuses[std::min<std::size_t>(static_cast<std::size_t>(job.polls), statuses.size() - 1)];
}

// ---- FakeJobsApi ---------------------------------------------------------

namespace {

// The webhook's event for a job's current state.
std::string webhookEvent(const std::string& status) { return meansCompleted(status) ? "job.completed" : "job.failed"; }

}  // namespace

Json FakeJobsApi::schemaOf(std::string_view model) {
  if (model == "fake-flux") {
    return Json::parse(R"({
      "type": "object",
      "required": ["prompt"],
      "additionalProperties": false,
      "properties": {
        "prompt": {"type": "string", "minLength": 1, "maxLength": 2000},
        "aspect_ratio": {"type": "string", "enum": ["1:1", "16:9", "9:16"]},
        "num_outputs": {"type": "integer", "minimum": 1, "maximum": 4},
        "seed": {"type": "integer", "minimum": 0, "maximum": 2147483647},
        "webhook_url": {"type": "string"}
      }
    })");
  }
  if (model == "fake-video") {
    return Json::parse(R"({
      "type": "object",
      "required": ["prompt"],
      "properties": {
        "prompt": {"type": "string", "minLength": 1},
        "image_url": {"type": "string"},
        "duration": {"type": "integer", "minimum": 1, "maximum": 10},
        "webhook_url": {"type": "string"}
      }
    })");
  }
  return nullptr;
}

FakeJobsApi::FakeJobsApi() : FakeAsyncApi(ProviderKind::jobs, "/api/v1", {"pending", "processing", "completed"}) {
  route("GET", "/models", [](const httplib::Request&, httplib::Response& res) {
    sendJson(res, Json::parse(R"({"models": [
      {"apiId": "fake-flux", "name": "Fake Flux", "type": "image", "creditCost": 1},
      {"apiId": "fake-video", "name": "Fake Video", "type": "video", "creditCost": 5}
    ]})"));
  });
  route("GET", "/models/([^/]+)/schema", [](const httplib::Request& req, httplib::Response& res) {
    const std::string model = req.matches[1];
    const Json schema = schemaOf(model);
    if (schema.is_null()) throw Rejection{404, "model '" + model + "' not found"};
    sendJson(res, {{"apiId", model}, {"schema", schema}});
  });
  route("POST", "/models/([^/]+)/run", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string model = req.matches[1];
    if (schemaOf(model).is_null()) throw Rejection{404, "model '" + model + "' not found"};
    const Json input = jsonBody(req);
    if (!input.contains("prompt") || !input["prompt"].is_string() || input["prompt"].get<std::string>().empty()) {
      throw Rejection{400, "prompt is required"};
    }
    const FakeJob& job = create("job", model, input);
    sendJson(res, {{"jobId", job.id},
                   {"status", lifecycle_.statuses.front()},
                   {"statusUrl", baseUrl() + "/jobs/" + job.id},
                   {"creditCost", 1},
                   {"creditsRemaining", 100 - static_cast<int>(order_.size())},
                   {"expiresAt", "2025-01-23T12:00:00Z"}});
  });
  route("GET", "/jobs", [this](const httplib::Request& req, httplib::Response& res) {
    int limit = 20;
    if (req.has_param("limit")) {
      const std::string text = req.get_param_value("limit");
      try {
        limit = std::stoi(text);
      } catch (const std::exception&) {
        limit = 0;
      }
      if (limit < 1 || limit > 100) throw Rejection{400, "limit must be 1..100, got '" + text + "'"};
    }
    Json jobs = Json::array();
    for (auto it = order_.rbegin(); it != order_.rend() && static_cast<int>(jobs.size()) < limit; ++it) {
      jobs.push_back(jobJson(jobs_.at(*it)));
    }
    sendJson(res, {{"jobs", jobs}});
  });
  const auto notFound = [](const std::string& id) { return "job '" + id + "' not found"; };
  route("GET", "/jobs/([^/]+)", [this, notFound](const httplib::Request& req, httplib::Response& res) {
    sendJson(res, jobJson(poll(req.matches[1], notFound(req.matches[1]), res)));
  });
  route("GET", "/jobs/([^/]+)/webhook", [this, notFound](const httplib::Request& req, httplib::Response& res) {
    const FakeJob& job = find(req.matches[1], notFound(req.matches[1]));
    const std::string& status = statusOf(job);
    const bool terminal = isTerminalWord(status);
    const Json url = job.input.value("webhook_url", Json());
    Json deliveries = Json::array();
    if (terminal && !url.is_null()) {
      deliveries.push_back({{"attempt", 1}, {"event", webhookEvent(status)}, {"responseStatus", 200}});
    }
    sendJson(res, {{"jobId", job.id}, {"webhookUrl", url}, {"replayable", terminal}, {"deliveries", deliveries}});
  });
  route("POST", "/jobs/([^/]+)/webhook", [this, notFound](const httplib::Request& req, httplib::Response& res) {
    const FakeJob& job = find(req.matches[1], notFound(req.matches[1]));
    const std::string& status = statusOf(job);
    if (!isTerminalWord(status)) {
      throw Rejection{400, "job " + job.id + " is " + status + ": only completed or failed jobs replay"};
    }
    sendJson(res, {{"jobId", job.id}, {"replayed", true}, {"event", webhookEvent(status)}});
  });
  start();
}

FakeJobsApi::~FakeJobsApi() { shutdown(); }

Json FakeJobsApi::jobJson(const FakeJob& job) const {
  const std::string& status = statusOf(job);
  Json out = {{"jobId", job.id},    {"status", status},
              {"model", job.model}, {"statusUrl", baseUrl() + "/jobs/" + job.id},
              {"creditCost", 1},    {"expiresAt", "2025-01-23T12:00:00Z"}};
  if (meansCompleted(status)) {
    Json urls = Json::array();
    if (job.model == "fake-video") {
      urls.push_back(assetUrl(job.id + "-0.mp4"));
      out["output"] = {{"videos", urls}};
    } else {
      const int n = job.input.value("num_outputs", 1);
      for (int i = 0; i < n; ++i) urls.push_back(assetUrl(job.id + "-" + std::to_string(i) + ".png"));
      out["output"] = {{"images", urls}};
    }
  } else if (meansFailed(status)) {
    out["error"] = lifecycle_.failure;
  }
  return out;
}

std::string FakeJobsApi::errorBody(int status, const std::string& code, const std::string& message) const {
  return Json{{"error", {{"code", code}, {"message", message}, {"status", status}}}}.dump();
}

std::string FakeJobsApi::errorCode(int status) const {
  switch (status) {
    case 400:
    case 422: return "validation_error";
    case 401: return "unauthorized";
    case 402: return "insufficient_credits";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 410: return "expired";
    case 429: return "rate_limit_exceeded";
    default: return "internal_error";
  }
}

// ---- FakeImagesApi -------------------------------------------------------

namespace {

Json stockImage(int n, const std::string& prompt, const std::string& category, const std::string& tag, int downloads) {
  const std::string id = "stock_" + std::to_string(n);
  return {{"id", id},
          {"slug", "stock-image-" + std::to_string(n)},
          {"url", nullptr},  // filled with the asset origin when served
          {"prompt", prompt},
          {"model", "fake/free"},
          {"aspectRatio", "1:1"},
          {"title", prompt},
          {"createdAt", 1'700'000'000 + n},
          {"seo", {{"categories", {category}}, {"tags", {tag}}, {"keywords", Json::array()}}},
          {"stats", {{"views", downloads * 10}, {"downloads", downloads}, {"upvotes", n}}}};
}

// The lean form /images lists.
Json leanImage(const Json& image) {
  Json lean = image;
  lean.erase("seo");
  return lean;
}

std::string joined(const Json& list) {
  std::string out;
  for (const auto& item : list) out += (out.empty() ? "" : ", ") + item.get<std::string>();
  return out;
}

}  // namespace

Json FakeImagesApi::models() {
  return Json::parse(R"([
    {"id": "fake/free", "displayName": "Fake Free", "tier": "free", "creditCost": 1,
     "capabilities": {"aspectRatios": ["1:1", "16:9"], "sizes": ["1K"], "maxReferenceImages": 0}},
    {"id": "fake/pro", "displayName": "Fake Pro", "tier": "premium", "creditCost": 4,
     "capabilities": {"aspectRatios": ["1:1", "16:9", "4:3", "3:4", "9:16"], "sizes": ["1K", "2K", "4K"],
                      "maxReferenceImages": 4}}
  ])");
}

FakeImagesApi::FakeImagesApi() : FakeApi(ProviderKind::images, "/api/v1") {
  images_ = {stockImage(1, "a red fox in the snow", "animals", "winter", 40),
             stockImage(2, "a watercolor lighthouse", "places", "watercolor", 90),
             stockImage(3, "a robot drinking tea", "robots", "cozy", 10),
             stockImage(4, "a neon city at night", "places", "neon", 70),
             stockImage(5, "a pixel art cat", "animals", "pixel", 20)};

  route("POST", "/images/generate", [this](const httplib::Request& req, httplib::Response& res) {
    sendJson(res, {{"data", generate(jsonBody(req))}});
  });
  route("GET", "/images/([^/]+)", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string key = req.matches[1];
    for (const Json& image : images_) {
      if (image["id"] == key || image["slug"] == key) {
        Json full = image;
        full["url"] = assetUrl(image["id"].get<std::string>() + ".png");
        full["webDownloadUrl"] = full["url"];
        full["license"] = {{"name", "Fake Free License"}, {"url", url("/license")}};
        sendJson(res, {{"data", full}});
        return;
      }
    }
    throw Rejection{404, "image '" + key + "' not found"};
  });
  route("GET", "/images", [this](const httplib::Request& req, httplib::Response& res) {
    const auto param = [&](const char* name) { return req.has_param(name) ? req.get_param_value(name) : ""; };
    int limit = 24;
    if (req.has_param("limit")) {
      try {
        limit = std::stoi(param("limit"));
      } catch (const std::exception&) {
        limit = 0;
      }
      if (limit < 1 || limit > 50) throw Rejection{422, "limit must be 1..50, got '" + param("limit") + "'"};
    }
    std::size_t offset = 0;
    if (const std::string cursor = param("cursor"); !cursor.empty()) {
      const std::string digits = cursor.substr(std::min<std::size_t>(4, cursor.size()));
      if (!startsWith(cursor, "cur_") || digits.empty() || digits.size() > 6 ||
          !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        throw Rejection{422, "invalid cursor '" + cursor + "'"};
      }
      offset = std::stoul(digits);
    }
    const std::string q = lower(param("q")), category = param("category"), tag = param("tag");
    const std::string filter = param("filter");
    std::vector<Json> matches;
    for (const Json& image : images_) {
      const auto has = [&](const char* list, const std::string& value) {
        const Json& seo = image["seo"];
        return seo.contains(list) && std::find(seo[list].begin(), seo[list].end(), value) != seo[list].end();
      };
      if (!q.empty() && lower(image["prompt"].get<std::string>()).find(q) == std::string::npos) continue;
      if (!category.empty() && !has("categories", category)) continue;
      if (!tag.empty() && !has("tags", tag)) continue;
      if (!filter.empty() && !has("tags", filter.substr(filter.find(':') + 1))) continue;
      Json lean = leanImage(image);
      lean["url"] = assetUrl(image["id"].get<std::string>() + ".png");
      lean["webDownloadUrl"] = lean["url"];
      matches.push_back(std::move(lean));
    }
    const std::string key = param("sort") == "popular" && q.empty() ? "downloads" : "createdAt";
    std::stable_sort(matches.begin(), matches.end(), [&](const Json& a, const Json& b) {
      return key == "downloads" ? a["stats"]["downloads"] > b["stats"]["downloads"] : a["createdAt"] > b["createdAt"];
    });
    Json items = Json::array();
    for (std::size_t i = offset; i < matches.size() && static_cast<int>(items.size()) < limit; ++i) {
      items.push_back(matches[i]);
    }
    const std::size_t next = offset + items.size();
    sendJson(
        res,
        {{"data",
          {{"items", items}, {"nextCursor", next < matches.size() ? Json("cur_" + std::to_string(next)) : Json()}}}});
  });
  route("GET", "/models", [](const httplib::Request&, httplib::Response& res) {
    sendJson(res, {{"data", {{"items", models()}}}});
  });
  route("GET", "/me", [this](const httplib::Request&, httplib::Response& res) {
    sendJson(res, {{"data",
                    {{"name", "Fake Owner"},
                     {"credits", 100 - generated_},
                     {"dailyAllowance", {{"limit", 10}, {"used", 0}, {"remaining", 10}, {"resetsAt", 1'760'086'400}}},
                     {"planTier", "free"}}}});
  });
  start();
}

FakeImagesApi::~FakeImagesApi() { shutdown(); }

Json FakeImagesApi::generate(const Json& request) {
  if (!request.contains("prompt") || !request["prompt"].is_string() || request["prompt"].get<std::string>().empty()) {
    throw Rejection{422, "prompt is required"};
  }
  const std::string modelId = request.value("model", "fake/free");
  const Json all = models();
  const auto model = std::find_if(all.begin(), all.end(), [&](const Json& m) { return m["id"] == modelId; });
  if (model == all.end()) throw Rejection{404, "model '" + modelId + "' not found"};
  if ((*model)["tier"] == "premium") throw Rejection{403, "model '" + modelId + "' requires a Pro or Studio plan"};
  const Json& caps = (*model)["capabilities"];
  const std::string aspectRatio = request.value("aspectRatio", "1:1");
  const std::string size = request.value("size", "1K");
  const auto supports = [](const Json& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  if (!supports(caps["aspectRatios"], aspectRatio)) {
    throw Rejection{422, "aspectRatio '" + aspectRatio + "' is not supported by " + modelId +
                             " (supported: " + joined(caps["aspectRatios"]) + ")"};
  }
  if (!supports(caps["sizes"], size)) {
    throw Rejection{
        422, "size '" + size + "' is not supported by " + modelId + " (supported: " + joined(caps["sizes"]) + ")"};
  }
  ++generated_;
  const std::string id = "img_" + std::to_string(generated_);
  Json image = {{"id", id},
                {"slug", "generated-" + std::to_string(generated_)},
                {"url", nullptr},
                {"prompt", request["prompt"]},
                {"model", modelId},
                {"aspectRatio", aspectRatio},
                {"title", request["prompt"]},
                {"createdAt", 1'760'000'000 + generated_},
                {"seo", {{"categories", {"generated"}}, {"tags", Json::array()}, {"keywords", Json::array()}}},
                {"stats", {{"views", 0}, {"downloads", 0}, {"upvotes", 0}}}};
  images_.push_back(image);
  return {{"id", id},
          {"status", "completed"},
          {"imageUrl", assetUrl(id + ".png")},
          {"model", modelId},
          {"aspectRatio", aspectRatio},
          {"creditsCharged", 1},
          {"creditsRemaining", 100 - generated_}};
}

std::string FakeImagesApi::errorBody(int, const std::string& code, const std::string& message) const {
  return Json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

std::string FakeImagesApi::errorCode(int status) const {
  switch (status) {
    case 401: return "unauthorized";
    case 402: return "insufficient_credits";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 410: return "expired";  // not in the seed's list: the jobs API's word
    case 429: return "rate_limited";
    default: return status >= 500 ? "server_error" : "invalid_request";
  }
}

// ---- FakeTasksApi --------------------------------------------------------

namespace {

const std::vector<std::string> kMediaTypes{"image", "video", "character", "music"};
const std::vector<std::string> kScenes{"text-to-image",  "image-to-image",     "text-to-video", "image-to-video",
                                       "video-to-video", "character-creation", "text-to-music"};

// Why a generate request is invalid, or empty.
std::string generateProblem(const Json& request) {
  for (const char* field : {"provider", "model"}) {
    if (!request.contains(field) || !request[field].is_string() || request[field].get<std::string>().empty()) {
      return std::string(field) + " is required";
    }
  }
  const auto oneOf = [&](const char* field, const std::vector<std::string>& allowed) -> std::string {
    const Json value = request.value(field, Json());
    if (value.is_string() && std::find(allowed.begin(), allowed.end(), value.get<std::string>()) != allowed.end()) {
      return "";
    }
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    return std::string(field) + " must be one of " + list;
  };
  if (std::string problem = oneOf("mediaType", kMediaTypes); !problem.empty()) return problem;
  return oneOf("scene", kScenes);
}

}  // namespace

FakeTasksApi::FakeTasksApi() : FakeAsyncApi(ProviderKind::tasks, "", {"PENDING", "PROCESSING", "SUCCESS"}) {
  route("POST", "/api/v1/generate", [this](const httplib::Request& req, httplib::Response& res) {
    const Json request = Json::parse(req.body, nullptr, false);
    const std::string problem =
        request.is_object() ? generateProblem(request) : std::string("the request body is not a JSON object");
    if (!problem.empty()) {
      sendJson(res, {{"code", 400}, {"message", problem}});
      return;
    }
    const FakeJob& task = create("task", request["model"], request);
    sendJson(res, {{"code", 0}, {"message", "ok"}, {"data", {{"taskId", task.id}}}});
  });
  route("GET", "/api/v1/task/([^/]+)", [this](const httplib::Request& req, httplib::Response& res) {
    if (req.has_param("refresh")) {
      const std::string refresh = req.get_param_value("refresh");
      if (refresh != "1" && refresh != "assets") {
        sendJson(res, {{"code", 400}, {"message", "refresh must be 1 or assets, got '" + refresh + "'"}});
        return;
      }
    }
    sendJson(res, {{"code", 0}, {"message", "ok"}, {"data", taskJson(poll(req.matches[1], "Task not found", res))}});
  });
  start();
}

FakeTasksApi::~FakeTasksApi() { shutdown(); }

RemoteConfig FakeTasksApi::config() const {
  RemoteConfig config = FakeApi::config();
  config.taskUpstream = "evolink";
  return config;
}

Json FakeTasksApi::taskJson(const FakeJob& task) const {
  const std::string& status = statusOf(task);
  const std::string mediaType = task.input["mediaType"];
  Json data = {{"id", task.id},
               {"status", status},
               {"mediaType", mediaType},
               {"model", task.model},
               {"provider", task.input["provider"]},
               {"taskResult", nullptr}};
  if (meansCompleted(status)) {
    if (mediaType == "video") {
      data["taskResult"] = {{"videos", {assetUrl(task.id + "-0.mp4")}}};
    } else if (mediaType == "music") {
      data["taskResult"] = {{"audioUrl", assetUrl(task.id + "-0.mp3")}};
    } else if (mediaType == "character") {
      data["taskResult"] = {{"imageUrl", assetUrl(task.id + "-0.png")}};
    } else {
      data["taskResult"] = {{"images", {{{"url", assetUrl(task.id + "-0.png")}}}}, {"seed", 42}};
    }
  } else if (meansFailed(status)) {
    data["error"] = lifecycle_.failure;
  }
  return data;
}

std::string FakeTasksApi::errorBody(int status, const std::string&, const std::string& message) const {
  return Json{{"code", status}, {"message", message}}.dump();
}

std::string FakeTasksApi::errorCode(int status) const { return std::to_string(status); }

}  // namespace pixabots::remote::test
