// The tasks API (seed 003): POST /api/v1/generate starts a task, GET
// /api/v1/task/{id} polls it. Replies are {code, message, data}; a 2xx reply
// with a non-zero code is a refusal.
#include <algorithm>

#include "remote/provider_support.hpp"

namespace pixabots::remote::detail {

namespace {

constexpr std::string_view kGeneratePath = "/api/v1/generate";
constexpr std::string_view kTaskPath = "/api/v1/task/";
// How much of a refusal's message is quoted.
constexpr std::size_t kMaxMessage = 300;

// The top-level fields of the documented GenerateRequest; any other input
// key is a model option.
constexpr std::string_view kRequestFields[] = {"provider", "mediaType", "model", "scene", "prompt", "options"};

const Json& mediaTypes() {
  static const Json values = {"image", "video", "character", "music"};
  return values;
}

const Json& scenes() {
  static const Json values = {"text-to-image",  "image-to-image",     "text-to-video", "image-to-video",
                              "video-to-video", "character-creation", "text-to-music"};
  return values;
}

std::string joined(const Json& values) {
  std::string out;
  for (const Json& v : values) out += (out.empty() ? "" : ", ") + v.get<std::string>();
  return out;
}

// The media type a scene produces; empty when the scene does not say.
std::string mediaTypeOf(std::string_view scene) {
  if (scene.ends_with("-to-image")) return "image";
  if (scene.ends_with("-to-video")) return "video";
  if (scene == "text-to-music") return "music";
  if (scene == "character-creation") return "character";
  return "";
}

// The typed error for a refusal code that is an HTTP status in disguise.
Errc errcOfCode(std::int64_t code) {
  switch (code) {
    case 401: return Errc::unauthorized;
    case 402: return Errc::insufficient_credits;
    case 403: return Errc::forbidden;
    case 404: return Errc::not_found;
    case 429: return Errc::rate_limited;
    default: return Errc::rejected;
  }
}

class TasksProvider final : public Provider {
 public:
  explicit TasksProvider(ApiClient& client) : client_(client) {}

  ProviderKind kind() const override { return ProviderKind::tasks; }

  std::vector<Model> listModels() override {
    throw Error(Errc::unsupported,
                "list models: the tasks API publishes no model list; the model id is free text (e.g. "
                "nano-banana-pro, seedream-4-5, veo-3-1)");
  }

  // The documented GenerateRequest as the input of submit() needs it: scene
  // always; provider only when no task_provider is configured; model only
  // when `model` is empty; mediaType never (the scene tells it).
  Json modelSchema(std::string_view model) override {
    Json required = {"scene"};
    if (client_.config().taskUpstream.empty()) required.push_back("provider");
    if (model.empty()) required.push_back("model");
    Json schema = {{"type", "object"},
                   {"required", required},
                   {"properties",
                    {{"provider", {{"type", "string"}, {"description", "AI provider identifier, e.g. evolink."}}},
                     {"mediaType", {{"type", "string"}, {"enum", mediaTypes()}}},
                     {"model", {{"type", "string"}}},
                     {"scene", {{"type", "string"}, {"enum", scenes()}}},
                     {"prompt", {{"type", "string"}}},
                     {"options", {{"type", "object"}}}}}};
    if (!model.empty()) schema["properties"]["model"]["enum"] = Json::array({std::string(model)});
    return schema;
  }

  Job submit(std::string_view model, const Json& input, const CancelToken* cancel) override {
    const std::string operation = operationName(kind(), "POST", kGeneratePath);
    const Json request = generateRequest(model, input, operation);
    const Reply reply = client_.post(kGeneratePath, request, cancel);
    const Json& data = dataOf(reply, operation);
    Job job;
    job.id = idOf(data, "task", operation, reply.response.status);
    job.status = JobStatus::pending;
    job.raw = data;
    return job;
  }

  Job getJob(std::string_view id, const PollOptions& options, const CancelToken* cancel) override {
    if (!options.refresh.empty() && options.refresh != "1" && options.refresh != "assets") {
      throw Error(Errc::validation, "get task: refresh must be \"1\" or \"assets\", got '" + options.refresh + "'");
    }
    requireId(id, "task id");
    const std::string path = std::string(kTaskPath) + std::string(id);
    Query query;
    if (!options.refresh.empty()) query["refresh"] = options.refresh;
    const std::string operation = operationName(kind(), "GET", path);
    const Reply reply = client_.get(path, query, cancel);
    const Json& data = dataOf(reply, operation);
    const int httpStatus = reply.response.status;
    Job job;
    job.id =
        data.contains("id") || data.contains("taskId") ? idOf(data, "task", operation, httpStatus) : std::string(id);
    job.status = statusIn(client_, data, "status", operation, httpStatus);
    const Json result = data.value("taskResult", Json());
    if (job.status == JobStatus::completed) {
      collectUrls(result, job.outputs);
    } else if (job.status == JobStatus::failed) {
      job.error = redact(failureReason(data, result), client_.config().apiKey);
    } else {
      job.pollHint = serverWait(reply.response, client_.clock());
    }
    job.raw = data;
    return job;
  }

 private:
  // {provider, mediaType, model, scene, prompt, options} from the input, the
  // model argument and the configured upstream.
  Json generateRequest(std::string_view model, const Json& input, const std::string& operation) const {
    requireObjectInput(input, operation);
    const auto text = [&](const char* key) -> std::string {
      const auto it = input.find(key);
      if (it == input.end()) return "";
      if (!it->is_string()) {
        throw Error(Errc::validation,
                    operation + ": \"" + key + "\" must be a string, got " + std::string(it->type_name()));
      }
      return it->get<std::string>();
    };
    Json request = Json::object();
    const std::string upstream = text("provider");
    request["provider"] = upstream.empty() ? client_.config().taskUpstream : upstream;
    if (request["provider"].get_ref<const std::string&>().empty()) {
      throw Error(Errc::config, operation +
                                    ": the tasks API needs an upstream provider (e.g. evolink): set \"provider\" in "
                                    "the input, or task_provider in the configuration");
    }
    request["model"] = model.empty() ? text("model") : std::string(model);
    if (request["model"].get_ref<const std::string&>().empty()) {
      throw Error(Errc::validation, operation + ": the tasks API needs a model id (free text, e.g. nano-banana-pro)");
    }
    const std::string scene = text("scene");
    if (scene.empty()) {
      throw Error(Errc::validation, operation + ": \"scene\" is required (one of " + joined(scenes()) + ")");
    }
    request["scene"] = scene;
    const std::string mediaType = input.contains("mediaType") ? text("mediaType") : mediaTypeOf(scene);
    if (mediaType.empty()) {
      throw Error(Errc::validation, operation + ": \"mediaType\" is required for scene '" + scene + "' (one of " +
                                        joined(mediaTypes()) + ")");
    }
    request["mediaType"] = mediaType;
    if (input.contains("prompt")) request["prompt"] = input["prompt"];

    Json options = input.value("options", Json::object());
    if (!options.is_object()) {
      throw Error(Errc::validation,
                  operation + ": \"options\" must be an object, got " + std::string(options.type_name()));
    }
    // Other keys are model options; what "options" names explicitly wins.
    for (const auto& [key, value] : input.items()) {
      const bool field =
          std::find(std::begin(kRequestFields), std::end(kRequestFields), key) != std::end(kRequestFields);
      if (!field && !options.contains(key)) options[key] = value;
    }
    if (!options.empty()) request["options"] = options;
    return request;
  }

  // The envelope's data after checking its code: a non-zero code is the
  // provider saying no, even under a 2xx status.
  const Json& dataOf(const Reply& reply, const std::string& operation) const {
    const int httpStatus = reply.response.status;
    if (!reply.body.is_object()) {
      throw malformed(client_, operation,
                      "expected {\"code\", \"message\", \"data\"}, got " + excerpt(client_, reply.body), httpStatus);
    }
    if (const auto code = reply.body.find("code"); code != reply.body.end()) {
      if (!code->is_number_integer()) {
        throw malformed(client_, operation, "\"code\" must be an integer, got " + excerpt(client_, *code), httpStatus);
      }
      if (*code != 0) {
        const std::string message = stringIn(reply.body, "message").value_or("no message");
        throw Error(errcOfCode(code->get<std::int64_t>()),
                    operation + ": refused with code " + code->dump() + ": " + quoted(client_, message, kMaxMessage),
                    httpStatus);
      }
    }
    const auto data = reply.body.find("data");
    if (data == reply.body.end() || !data->is_object()) {
      throw malformed(client_, operation, "the reply has no \"data\" object: " + excerpt(client_, reply.body),
                      httpStatus);
    }
    return *data;
  }

  // Where the reply says why the task failed, first found wins.
  static std::string failureReason(const Json& data, const Json& result) {
    for (const char* key : {"error", "errorMessage", "failReason", "message"}) {
      if (const auto it = data.find(key); it != data.end()) {
        if (auto reason = reasonIn(*it)) return *reason;
      }
    }
    if (result.is_object()) {
      if (const auto it = result.find("error"); it != result.end()) {
        if (auto reason = reasonIn(*it)) return *reason;
      }
    }
    return "the provider gave no reason";
  }

  ApiClient& client_;
};

}  // namespace

std::unique_ptr<Provider> makeTasksProvider(ApiClient& client) { return std::make_unique<TasksProvider>(client); }

}  // namespace pixabots::remote::detail
