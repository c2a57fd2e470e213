#include "cli/remote/connection.hpp"

#include <map>
#include <string>

namespace pixabots::cli {

std::optional<remote::RemoteConfig> configFromArgs(const Args& args) {
  std::map<std::string, std::string> overrides;
  // Flag names are loadConfig's keys with '-' for '_'.
  for (const auto& [flag, key] :
       {std::pair{"--provider", "provider"}, std::pair{"--base-url", "base_url"},
        std::pair{"--timeout-ms", "timeout_ms"}, std::pair{"--task-provider", "task_provider"}}) {
    if (auto value = args.value(flag)) overrides[key] = *value;
  }
  std::optional<std::filesystem::path> configFile;
  if (auto file = args.value("--config")) configFile = *file;
  return remote::loadConfig(overrides, configFile);
}

remote::Error noProviderError() {
  return remote::Error(
      remote::Errc::config,
      "no remote provider is configured. Name one with --provider jobs|images|tasks (or PIXABOTS_PROVIDER, or\n"
      "\"provider\" in the config file), with --base-url URL (or PIXABOTS_BASE_URL) for a host other than the\n"
      "shape's public one. The API key comes only from PIXABOTS_API_KEY or \"api_key\" in the config file:\n"
      "--config FILE, else $PIXABOTS_CONFIG, else $XDG_CONFIG_HOME/pixabots/remote.json or\n"
      "~/.config/pixabots/remote.json, e.g. {\"provider\": \"jobs\", \"api_key\": \"...\"}. See docs/remote.md.");
}

Connection::Connection(remote::RemoteConfig config)
    : config_(std::move(config)),
      transport_(remote::makeCurlTransport()),
      client_(std::make_unique<remote::ApiClient>(config_, *transport_)),
      provider_(remote::makeProvider(*client_)) {}

Connection::~Connection() = default;

}  // namespace pixabots::cli
