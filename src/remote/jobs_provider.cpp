// The asynchronous jobs API (seeds 000/001): /models, /models/{apiId}/schema,
// /models/{apiId}/run, /jobs, /jobs/{jobId}, /jobs/{jobId}/webhook.
#include "remote/provider_support.hpp"

namespace pixabots::remote::detail {

namespace {

// Keys a schema reply may wrap the schema under, when it is not the schema itself.
constexpr std::string_view kSchemaWrappers[] = {"schema", "input", "request"};

bool looksLikeSchema(const Json& value) {
  return value.is_object() && (value.contains("properties") || value.contains("type") || value.contains("$schema"));
}

class JobsProvider final : public Provider {
 public:
  explicit JobsProvider(ApiClient& client) : client_(client) {}

  ProviderKind kind() const override { return ProviderKind::jobs; }

  std::vector<Model> listModels() override {
    const std::string operation = operationName(kind(), "GET", "/models");
    const Reply reply = client_.get("/models");
    std::vector<Model> models;
    for (const Json& entry : listOf(reply.body, "models", operation, reply.response.status)) {
      Model model{idOf(entry, "model", operation, reply.response.status), "", entry};
      model.name = stringIn(entry, "name").value_or(stringIn(entry, "displayName").value_or(model.id));
      models.push_back(std::move(model));
    }
    return models;
  }

  Json modelSchema(std::string_view model) override {
    requireId(model, "model id");
    const std::string path = "/models/" + std::string(model) + "/schema";
    const Reply reply = client_.get(path);
    // The schema itself, or under one of the wrappers, possibly twice
    // ({"schema":{"input":{...}}}).
    const Json* node = &reply.body;
    for (int depth = 0; depth < 3 && !looksLikeSchema(*node) && node->is_object(); ++depth) {
      const Json* inner = nullptr;
      for (std::string_view key : kSchemaWrappers) {
        if (const auto it = node->find(key); it != node->end() && it->is_object()) {
          inner = &*it;
          break;
        }
      }
      if (!inner) break;
      node = inner;
    }
    if (!looksLikeSchema(*node)) {
      throw malformed(client_, operationName(kind(), "GET", path),
                      "no JSON Schema in the reply (expected the schema, or one under \"schema\", \"input\" or "
                      "\"request\"): " +
                          excerpt(client_, reply.body),
                      reply.response.status);
    }
    return *node;
  }

  Job submit(std::string_view model, const Json& input, const CancelToken* cancel) override {
    requireId(model, "model id");
    const std::string path = "/models/" + std::string(model) + "/run";
    const std::string operation = operationName(kind(), "POST", path);
    requireObjectInput(input, operation);
    const Reply reply = client_.post(path, input, cancel);
    // The job exists from here on: a reply without a status still names it.
    return jobFrom(reply, operation, /*statusRequired=*/false);
  }

  Job getJob(std::string_view id, const PollOptions& options, const CancelToken* cancel) override {
    requireNoPollOptions(kind(), options);
    requireId(id, "job id");
    const std::string path = "/jobs/" + std::string(id);
    const Reply reply = client_.get(path, {}, cancel);
    return jobFrom(reply, operationName(kind(), "GET", path), /*statusRequired=*/true);
  }

  std::vector<Job> listJobs(std::optional<int> limit) override {
    if (limit && *limit < 1) {
      throw Error(Errc::validation, "list jobs: limit must be at least 1, got " + std::to_string(*limit));
    }
    Query query;
    if (limit) query["limit"] = std::to_string(*limit);
    const Reply reply = client_.get("/jobs", query);
    const std::string operation = operationName(kind(), "GET", "/jobs");
    std::vector<Job> jobs;
    for (const Json& entry : listOf(reply.body, "jobs", operation, reply.response.status)) {
      jobs.push_back(jobFromJson(entry, operation, reply.response.status, true));
    }
    return jobs;
  }

  Json webhook(std::string_view jobId) override {
    requireId(jobId, "job id");
    const std::string path = "/jobs/" + std::string(jobId) + "/webhook";
    return objectReply(client_.get(path), operationName(kind(), "GET", path));
  }

  Json replayWebhook(std::string_view jobId) override {
    requireId(jobId, "job id");
    const std::string path = "/jobs/" + std::string(jobId) + "/webhook";
    return objectReply(client_.post(path, Json::object()), operationName(kind(), "POST", path));
  }

 private:
  Json objectReply(const Reply& reply, const std::string& operation) const {
    if (!reply.body.is_object()) {
      throw malformed(client_, operation, "expected a JSON object, got " + excerpt(client_, reply.body),
                      reply.response.status);
    }
    return reply.body;
  }

  Job jobFrom(const Reply& reply, const std::string& operation, bool statusRequired) const {
    Job job = jobFromJson(reply.body, operation, reply.response.status, statusRequired);
    if (!isTerminal(job.status)) job.pollHint = serverWait(reply.response, client_.clock());
    return job;
  }

  // {jobId, status, output:{images,videos}, assets:[{url}], error, expiresAt}
  Job jobFromJson(const Json& entry, const std::string& operation, int httpStatus, bool statusRequired) const {
    if (!entry.is_object()) {
      throw malformed(client_, operation, "expected a job object, got " + excerpt(client_, entry), httpStatus);
    }
    Job job;
    job.id = idOf(entry, "job", operation, httpStatus);
    job.status = statusRequired || entry.contains("status") ? statusIn(client_, entry, "status", operation, httpStatus)
                                                            : JobStatus::pending;
    job.expiresAt = stringIn(entry, "expiresAt");
    if (job.status == JobStatus::completed) {
      if (const auto output = entry.find("output"); output != entry.end()) collectUrls(*output, job.outputs);
      if (const auto assets = entry.find("assets"); assets != entry.end()) collectUrls(*assets, job.outputs);
    } else if (job.status == JobStatus::failed) {
      const auto error = entry.find("error");
      job.error =
          redact((error == entry.end() ? std::nullopt : reasonIn(*error)).value_or("the provider gave no reason"),
                 client_.config().apiKey);
    }
    job.raw = entry;
    return job;
  }

  ApiClient& client_;
};

}  // namespace

std::unique_ptr<Provider> makeJobsProvider(ApiClient& client) { return std::make_unique<JobsProvider>(client); }

}  // namespace pixabots::remote::detail
