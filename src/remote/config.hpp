#pragma once
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "remote/client.hpp"
#include "remote/http.hpp"

namespace pixabots::remote {

// The three API shapes of the seeds.
enum class ProviderKind {
  jobs,    // async jobs: /models, /models/{id}/schema, /models/{id}/run, /jobs (seeds 000, 001)
  images,  // synchronous images: /images/generate, /images, /models, /me (seed 002)
  tasks,   // tasks: /api/v1/generate, /api/v1/task/{id} (seed 003)
};

std::string_view providerName(ProviderKind kind);  // "jobs", "images", "tasks"
std::optional<ProviderKind> parseProviderKind(std::string_view name);
// The public base URL each shape is documented with.
std::string_view defaultBaseUrl(ProviderKind kind);

// Everything a client needs. Built by loadConfig; tests fill it directly.
struct RemoteConfig {
  ProviderKind provider = ProviderKind::jobs;
  std::string baseUrl;           // no trailing slash, e.g. https://pixeldojo.ai/api/v1
  std::string apiKey;            // sent only as "Authorization: Bearer" to baseUrl's origin
  TransferLimits requestLimits;  // JSON calls
  TransferLimits assetLimits{std::chrono::milliseconds{10'000}, std::chrono::milliseconds{600'000},
                             std::size_t{512} << 20};  // downloads
  RetryPolicy retry;
  // The tasks API's "provider" field (e.g. "evolink"), used when the input
  // does not name one.
  std::string taskUpstream;
};

// Where settings come from, highest priority first: `overrides` (command-line
// flags, keys "provider", "base_url", "api_key", "timeout_ms",
// "task_provider"), the environment (PIXABOTS_PROVIDER, PIXABOTS_BASE_URL,
// PIXABOTS_API_KEY, PIXABOTS_TIMEOUT_MS), then the JSON config file
// (`configFile`, or PIXABOTS_CONFIG, or $XDG_CONFIG_HOME/pixabots/remote.json,
// or ~/.config/pixabots/remote.json; a missing default file is fine, a
// missing named one is an error). Returns nullopt when no provider is
// configured anywhere (the offline default). Throws Error(config) naming the
// setting and its source for bad values; never puts the key in a message.
std::optional<RemoteConfig> loadConfig(const std::map<std::string, std::string>& overrides,
                                       const std::optional<std::filesystem::path>& configFile = {});

// `text` with every occurrence of `secret` (when non-empty) replaced by
// "[redacted]"; for anything that may echo a provider's reply or a URL.
std::string redact(std::string_view text, std::string_view secret);

}  // namespace pixabots::remote
