#pragma once
// The provider a remote command talks to. Settings come from the flags
// below, the environment and the config file (remote::loadConfig); the API
// key has no flag, since flags show in `ps` and shell history.
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "cli/args.hpp"
#include "cli/remote/provider_options.hpp"
#include "remote/config.hpp"
#include "remote/error.hpp"
#include "remote/provider.hpp"

namespace pixabots::cli {

// The settings --provider, --base-url, --config, --timeout-ms and
// --task-provider give over the environment and the config file; nullopt
// when nothing names a provider. Throws remote::Error(config) for a bad value.
std::optional<remote::RemoteConfig> configFromArgs(const Args& args);

// Error(config) telling how to configure a provider, for commands that
// cannot do anything offline.
remote::Error noProviderError();

// A client and the provider of its configured shape, over libcurl.
class Connection {
 public:
  explicit Connection(remote::RemoteConfig config);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  remote::ApiClient& client() { return *client_; }
  remote::Provider& provider() { return *provider_; }
  // What messages and output must never show.
  std::string_view apiKey() const { return config_.apiKey; }

 private:
  remote::RemoteConfig config_;
  std::unique_ptr<remote::Transport> transport_;
  std::unique_ptr<remote::ApiClient> client_;
  std::unique_ptr<remote::Provider> provider_;
};

}  // namespace pixabots::cli
