#pragma once
// The tool groups. Each adds its tools to a registry; the handlers draw with
// the one Context the server holds.
#include "mcp/tool_registry.hpp"
#include "mcp/write_root.hpp"
#include "pixabots/pixabots.hpp"

#ifdef PIXABOTS_MCP_REMOTE
#include <string>

#include "remote/client.hpp"
#include "remote/provider.hpp"
#endif

namespace pixabots::mcp {

// Every tool that draws from the pack: the image and catalog tools. `root`
// (nullptr: none) is where output_path may write; it must outlive the tools.
void addLocalTools(ToolRegistry& registry, const Context& ctx, const WriteRoot* root);
// render_pixabot, og_card: pictures as image content.
void addImageTools(ToolRegistry& registry, const Context& ctx, const WriteRoot* root);
// describe_pixabot, list_parts, seeded_id, random_ids, frames: JSON.
void addCatalogTools(ToolRegistry& registry, const Context& ctx);

#ifdef PIXABOTS_MCP_REMOTE
// A configured provider. All three must outlive the registry's tools.
struct RemoteAccess {
  remote::Provider& provider;
  remote::ApiClient& client;
  std::string apiKey;  // redacted from every result
};
// remote_models, remote_schema, remote_run, remote_job, remote_replay_webhook.
void addRemoteTools(ToolRegistry& registry, const RemoteAccess& remote);
#endif

}  // namespace pixabots::mcp
