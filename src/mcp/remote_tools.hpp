#pragma once
// The remote tools: only the CLI's remote helper (pixabots-remote), which
// links libpixabots_remote, has them (docs/cli.md, "Remote generation").
#include <string>

#include "mcp/tool_registry.hpp"
#include "remote/client.hpp"
#include "remote/provider.hpp"

namespace pixabots::mcp {

// A configured provider. All three must outlive the registry's tools.
struct RemoteAccess {
  remote::Provider& provider;
  remote::ApiClient& client;
  std::string apiKey;  // redacted from every result
};
// remote_models, remote_schema, remote_run, remote_job, remote_replay_webhook.
void addRemoteTools(ToolRegistry& registry, const RemoteAccess& remote);

}  // namespace pixabots::mcp
