// The Provider defaults (operations a shape lacks), makeProvider, and the
// reply reading the three shapes share (provider_support.hpp).
#include <algorithm>
#include <array>
#include <cctype>

#include "remote/provider_support.hpp"
#include "remote/quote.hpp"

namespace pixabots::remote {

namespace {

// Error(unsupported): "list jobs: the tasks API has no job list (only the jobs API has one)".
[[noreturn]] void lacks(ProviderKind kind, std::string_view operation, std::string_view what,
                        std::string_view whoHasIt) {
  throw Error(Errc::unsupported, std::string(operation) + ": the " + std::string(providerName(kind)) + " API has no " +
                                     std::string(what) + " (only " + std::string(whoHasIt) + ")");
}

}  // namespace

std::vector<Job> Provider::listJobs(std::optional<int>) {
  lacks(kind(), "list jobs", "job list", "the jobs API has one");
}
Json Provider::webhook(std::string_view) { lacks(kind(), "webhook", "webhooks", "the jobs API has them"); }
Json Provider::replayWebhook(std::string_view) { lacks(kind(), "replay webhook", "webhooks", "the jobs API has them"); }
Json Provider::account() { lacks(kind(), "account", "account endpoint", "the images API has one, /me"); }
Page Provider::listImages(const ImageQuery&) {
  lacks(kind(), "list images", "image library", "the images API has one");
}
Json Provider::getImage(std::string_view) { lacks(kind(), "get image", "image library", "the images API has one"); }

std::unique_ptr<Provider> makeProvider(ApiClient& client) {
  switch (client.config().provider) {
    case ProviderKind::jobs: return detail::makeJobsProvider(client);
    case ProviderKind::images: return detail::makeImagesProvider(client);
    case ProviderKind::tasks: return detail::makeTasksProvider(client);
  }
  throw Error(Errc::config, "no provider for this configuration");
}

namespace detail {

namespace {

constexpr std::size_t kMaxExcerpt = 120;
// Result objects nest URLs a little ({"images":[{"url":...}]}); deeper is
// not a result.
constexpr int kMaxUrlDepth = 4;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void collectUrlsAt(const Json& node, std::vector<std::string>& urls, int depth) {
  // Members holding result URLs, in the order they are collected: images
  // before videos before audio, as the jobs API lists them.
  static constexpr std::array<std::string_view, 16> kUrlKeys{
      "url",    "urls",  "images",   "imageUrl",  "imageUrls", "videos", "videoUrl", "videoUrls",
      "audios", "audio", "audioUrl", "audioUrls", "assets",    "files",  "outputs",  "output"};
  if (depth > kMaxUrlDepth) return;
  if (node.is_string()) {
    const auto& s = node.get_ref<const std::string&>();
    if (isHttpUrl(s) && std::find(urls.begin(), urls.end(), s) == urls.end()) urls.push_back(s);
  } else if (node.is_array()) {
    for (const Json& item : node) collectUrlsAt(item, urls, depth + 1);
  } else if (node.is_object()) {
    for (std::string_view key : kUrlKeys) {
      if (const auto it = node.find(key); it != node.end()) collectUrlsAt(*it, urls, depth + 1);
    }
  }
}

}  // namespace

bool isHttpUrl(std::string_view text) {
  const std::string head = lower(text.substr(0, 8));
  return head.starts_with("https://") || head.starts_with("http://");
}

std::string operationName(ProviderKind kind, std::string_view method, std::string_view path) {
  return std::string(providerName(kind)) + " API: " + std::string(method) + " " + std::string(path);
}

Error malformed(const ApiClient& client, const std::string& operation, std::string_view problem, int httpStatus) {
  return Error(Errc::malformed_reply, redact(operation + ": " + std::string(problem), client.config().apiKey),
               httpStatus);
}

const Json& listOf(const Json& reply, std::string_view what, const std::string& operation, int httpStatus) {
  try {
    return listIn(reply, what);
  } catch (const Error& e) {
    throw Error(e.code(), operation + ": " + e.what(), httpStatus);
  }
}

std::string idOf(const Json& entry, std::string_view what, const std::string& operation, int httpStatus) {
  try {
    return entryId(entry, what);
  } catch (const Error& e) {
    throw Error(e.code(), operation + ": " + e.what(), httpStatus);
  }
}

std::string quoted(const ApiClient& client, std::string_view text, std::size_t limit) {
  return quote(redact(text, client.config().apiKey), limit);
}

std::string excerpt(const ApiClient& client, const Json& value) {
  return quoted(client, value.dump(-1, ' ', false, Json::error_handler_t::replace), kMaxExcerpt);
}

void requireId(std::string_view id, std::string_view what) {
  if (id.empty()) throw Error(Errc::validation, "the " + std::string(what) + " is empty");
  if (id.find('/') != std::string_view::npos || id == "." || id == "..") {
    throw Error(Errc::validation, "the " + std::string(what) + " '" + std::string(id) +
                                      "' is not an id (it may not contain '/' or be . or ..)");
  }
}

void requireObjectInput(const Json& input, std::string_view operation) {
  if (!input.is_object()) {
    throw Error(Errc::validation,
                std::string(operation) + ": the input must be a JSON object, got " + std::string(input.type_name()));
  }
}

std::optional<JobStatus> parseStatus(std::string_view word) {
  const std::string w = lower(word);
  if (w == "pending" || w == "queued" || w == "starting" || w == "created") return JobStatus::pending;
  if (w == "processing" || w == "running" || w == "in_progress" || w == "started") return JobStatus::processing;
  if (w == "completed" || w == "succeeded" || w == "success") return JobStatus::completed;
  if (w == "failed" || w == "error" || w == "canceled" || w == "cancelled") return JobStatus::failed;
  return std::nullopt;
}

JobStatus statusIn(const ApiClient& client, const Json& object, std::string_view key, const std::string& operation,
                   int httpStatus) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) {
    throw malformed(client, operation,
                    "the reply has no \"" + std::string(key) + "\" string" +
                        (it == object.end() ? std::string() : " (got " + excerpt(client, *it) + ")"),
                    httpStatus);
  }
  if (const auto status = parseStatus(it->get_ref<const std::string&>())) return *status;
  throw malformed(client, operation,
                  "unknown status " + excerpt(client, *it) +
                      " (expected pending, processing, completed or failed, or a synonym such as queued, running, "
                      "succeeded, error)",
                  httpStatus);
}

std::optional<std::string> stringIn(const Json& object, std::string_view key) {
  if (!object.is_object()) return std::nullopt;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

void collectUrls(const Json& node, std::vector<std::string>& urls) { collectUrlsAt(node, urls, 0); }

std::optional<std::string> reasonIn(const Json& value) {
  if (value.is_string() && !value.get_ref<const std::string&>().empty()) return value.get<std::string>();
  if (value.is_object()) {
    if (auto message = stringIn(value, "message"); message && !message->empty()) return message;
    if (auto error = stringIn(value, "error"); error && !error->empty()) return error;
  }
  return std::nullopt;
}

void requireNoPollOptions(ProviderKind kind, const PollOptions& options) {
  if (!options.refresh.empty()) {
    throw Error(Errc::unsupported, "get job: the " + std::string(providerName(kind)) +
                                       " API has no refresh option (only the tasks API has one)");
  }
}

}  // namespace detail

}  // namespace pixabots::remote
