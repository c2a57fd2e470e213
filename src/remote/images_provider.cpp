// The synchronous images API (seed 002): POST /images/generate answers with
// the finished image; /images, /images/{idOrSlug}, /models and /me. Every
// reply is an envelope {"data": ...}.
#include <algorithm>

#include "remote/provider_support.hpp"

namespace pixabots::remote::detail {

namespace {

constexpr int kMinPageSize = 1;
constexpr int kMaxPageSize = 50;
// How many model ids an unknown-model error lists.
constexpr std::size_t kKnownModelsListed = 5;

// The documented GenerateRequest.
const Json& generateRequestSchema() {
  static const Json schema = Json::parse(R"({
    "type": "object",
    "required": ["prompt"],
    "properties": {
      "prompt": {"type": "string", "description": "Text prompt to render."},
      "model": {"type": "string", "description": "Model id from /models."},
      "aspectRatio": {"type": "string", "enum": ["1:1", "16:9", "4:3", "3:4", "9:16"]},
      "size": {"type": "string", "enum": ["0.5K", "1K", "2K", "4K"]}
    }
  })");
  return schema;
}

bool isListOfStrings(const Json& value) {
  return value.is_array() && !value.empty() &&
         std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); });
}

class ImagesProvider final : public Provider {
 public:
  explicit ImagesProvider(ApiClient& client) : client_(client) {}

  ProviderKind kind() const override { return ProviderKind::images; }

  std::vector<Model> listModels() override {
    const std::string operation = operationName(kind(), "GET", "/models");
    const Reply reply = client_.get("/models");
    std::vector<Model> models;
    for (const Json& entry : listOf(dataOf(reply, operation), "models", operation, reply.response.status)) {
      Model model{idOf(entry, "model", operation, reply.response.status), "", entry};
      model.name = stringIn(entry, "displayName").value_or(stringIn(entry, "name").value_or(model.id));
      models.push_back(std::move(model));
    }
    return models;
  }

  // The documented request, its enums narrowed to what the model lists
  // under "capabilities"; with no model, the provider's default applies and
  // the documented request stands.
  Json modelSchema(std::string_view model) override {
    Json schema = generateRequestSchema();
    if (model.empty()) return schema;
    const std::vector<Model> models = listModels();
    const auto found = std::find_if(models.begin(), models.end(), [&](const Model& m) { return m.id == model; });
    if (found == models.end()) {
      std::string known;
      for (std::size_t i = 0; i < models.size() && i < kKnownModelsListed; ++i) {
        known += (i ? ", " : "") + models[i].id;
      }
      if (models.size() > kKnownModelsListed) known += ", ...";
      throw Error(Errc::not_found, redact("images API: model '" + std::string(model) + "' is not in GET /models (" +
                                              (known.empty() ? std::string("it lists none") : "known: " + known) + ")",
                                          client_.config().apiKey));
    }
    Json& properties = schema["properties"];
    properties["model"]["enum"] = Json::array({std::string(model)});
    const Json capabilities = found->raw.value("capabilities", Json::object());
    if (capabilities.is_object()) {
      if (const Json ratios = capabilities.value("aspectRatios", Json()); isListOfStrings(ratios)) {
        properties["aspectRatio"]["enum"] = ratios;
      }
      if (const Json sizes = capabilities.value("sizes", Json()); isListOfStrings(sizes)) {
        properties["size"]["enum"] = sizes;
      }
    }
    return schema;
  }

  Job submit(std::string_view model, const Json& input, const CancelToken* cancel) override {
    const std::string operation = operationName(kind(), "POST", "/images/generate");
    requireObjectInput(input, operation);
    Json request = input;
    if (!model.empty()) request["model"] = std::string(model);
    const Reply reply = client_.post("/images/generate", request, cancel);
    const Json& data = dataOf(reply, operation);
    Job job;
    job.id = idOf(data, "image", operation, reply.response.status);
    job.status = data.contains("status") ? statusIn(client_, data, "status", operation, reply.response.status)
                                         : JobStatus::completed;
    if (job.status == JobStatus::completed) {
      job.outputs.push_back(urlIn(data, {"imageUrl", "url"}, operation, reply.response.status));
    }
    job.raw = data;
    return job;
  }

  // An image is done once it exists: its URL is the output.
  Job getJob(std::string_view id, const PollOptions& options, const CancelToken* cancel) override {
    requireNoPollOptions(kind(), options);
    requireId(id, "image id");
    const std::string path = "/images/" + std::string(id);
    const std::string operation = operationName(kind(), "GET", path);
    const Reply reply = client_.get(path, {}, cancel);
    const Json& data = dataOf(reply, operation);
    Job job;
    job.id = idOf(data, "image", operation, reply.response.status);
    job.status = JobStatus::completed;
    job.outputs.push_back(urlIn(data, {"url", "webDownloadUrl", "imageUrl"}, operation, reply.response.status));
    job.raw = data;
    return job;
  }

  Json account() override {
    const std::string operation = operationName(kind(), "GET", "/me");
    const Reply reply = client_.get("/me");
    return objectData(reply, operation);
  }

  Page listImages(const ImageQuery& query) override {
    if (query.limit && (*query.limit < kMinPageSize || *query.limit > kMaxPageSize)) {
      throw Error(Errc::validation, "list images: limit must be " + std::to_string(kMinPageSize) + ".." +
                                        std::to_string(kMaxPageSize) + ", got " + std::to_string(*query.limit));
    }
    if (!query.sort.empty() && query.sort != "recent" && query.sort != "popular") {
      throw Error(Errc::validation, "list images: sort must be recent or popular, got '" + query.sort + "'");
    }
    Query params;
    const std::pair<const char*, const std::string*> fields[] = {{"q", &query.q},       {"category", &query.category},
                                                                 {"tag", &query.tag},   {"filter", &query.filter},
                                                                 {"sort", &query.sort}, {"cursor", &query.cursor}};
    for (const auto& [name, value] : fields) {
      if (!value->empty()) params[name] = *value;
    }
    if (query.limit) params["limit"] = std::to_string(*query.limit);
    const std::string operation = operationName(kind(), "GET", "/images");
    const Reply reply = client_.get("/images", params);
    const Json& data = dataOf(reply, operation);
    Page page;
    for (const Json& item : listOf(data, "images", operation, reply.response.status)) page.items.push_back(item);
    if (auto cursor = stringIn(data, "nextCursor"); cursor && !cursor->empty()) page.nextCursor = std::move(cursor);
    return page;
  }

  Json getImage(std::string_view idOrSlug) override {
    requireId(idOrSlug, "image id or slug");
    const std::string path = "/images/" + std::string(idOrSlug);
    return objectData(client_.get(path), operationName(kind(), "GET", path));
  }

 private:
  // The envelope's "data"; Error(malformed_reply) when there is none.
  const Json& dataOf(const Reply& reply, const std::string& operation) const {
    if (reply.body.is_object()) {
      if (const auto it = reply.body.find("data"); it != reply.body.end() && !it->is_null()) return *it;
    }
    throw malformed(client_, operation, "the reply has no \"data\" envelope: " + excerpt(client_, reply.body),
                    reply.response.status);
  }

  Json objectData(const Reply& reply, const std::string& operation) const {
    const Json& data = dataOf(reply, operation);
    if (!data.is_object()) {
      throw malformed(client_, operation, "expected \"data\" to be an object, got " + excerpt(client_, data),
                      reply.response.status);
    }
    return data;
  }

  // The first of `keys` holding an http(s) URL.
  std::string urlIn(const Json& data, std::initializer_list<std::string_view> keys, const std::string& operation,
                    int httpStatus) const {
    std::string names;
    for (std::string_view key : keys) {
      if (auto url = stringIn(data, key); url && isHttpUrl(*url)) {
        return *url;
      }
      names += (names.empty() ? "\"" : ", \"") + std::string(key) + "\"";
    }
    throw malformed(client_, operation, "the image has no URL (looked for " + names + "): " + excerpt(client_, data),
                    httpStatus);
  }

  ApiClient& client_;
};

}  // namespace

std::unique_ptr<Provider> makeImagesProvider(ApiClient& client) { return std::make_unique<ImagesProvider>(client); }

}  // namespace pixabots::remote::detail
