// `pixabots mcp`: the Model Context Protocol server over stdio (src/mcp),
// with the remote tools when a provider is configured. Whether one is depends
// on the remote configuration (flags, environment, config file), which only
// libpixabots_remote reads: so in builds with remote generation `pixabots`
// hands the whole command to the remote helper (cli/remote/helper.hpp), and
// serves the local tools itself only when the helper is missing.
#include <iostream>
#include <optional>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pack_option.hpp"
#include "mcp/server.hpp"
#include "mcp/session.hpp"
#include "mcp/tools.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/pixabots.hpp"

#if defined(PIXABOTS_CLI_REMOTE_HELPER)
#include <memory>

#include "cli/remote/connection.hpp"
#include "mcp/remote_tools.hpp"
#include "remote/config.hpp"
#elif defined(PIXABOTS_WITH_REMOTE)
#include <algorithm>
#include <stdexcept>

#include "cli/remote/helper.hpp"
#include "cli/remote/provider_options.hpp"
#endif

namespace pixabots::cli {
namespace {

int mcp(const std::vector<std::string_view>& argv) {
  std::vector<std::string_view> valued = {"--pack", "--allow-write"};
#if defined(PIXABOTS_CLI_REMOTE_HELPER)
  valued.insert(valued.end(), kProviderOptions.begin(), kProviderOptions.end());
#elif defined(PIXABOTS_WITH_REMOTE)
  if (const auto helper = findRemoteHelper()) execRemoteHelper(*helper, "mcp", argv);
  const bool namesProvider = std::any_of(argv.begin(), argv.end(), [](std::string_view a) {
    return std::find(kProviderOptions.begin(), kProviderOptions.end(), a.substr(0, a.find('='))) !=
           kProviderOptions.end();
  });
  if (namesProvider) throw std::runtime_error(remoteHelperMissing());
  std::clog << "pixabots mcp: no remote tools: " << remoteHelperMissing() << "\n";
#endif
  const Args args(argv, valued, {});
  if (!args.positionals().empty()) {
    throw core::Error(core::Errc::invalid_option, "mcp takes options only, got \"" + args.positionals()[0] + "\"");
  }
  const PackOption pack(args);
  std::optional<mcp::WriteRoot> root;
  if (const auto dir = args.value("--allow-write")) {
    root.emplace(*dir);
    std::clog << "pixabots mcp: tools may write files inside " << root->path().string() << "\n";
  }
  mcp::ToolRegistry tools;
  mcp::addLocalTools(tools, pack.pack(), root ? &*root : nullptr);

#if defined(PIXABOTS_CLI_REMOTE_HELPER)
  std::unique_ptr<Connection> connection;
  if (std::optional<remote::RemoteConfig> config = configFromArgs(args)) {
    connection = std::make_unique<Connection>(std::move(*config));
    mcp::addRemoteTools(tools, {connection->provider(), connection->client(), std::string(connection->apiKey())});
    std::clog << "pixabots mcp: remote tools on, provider "
              << remote::providerName(connection->client().config().provider) << " at "
              << remote::redact(connection->client().config().baseUrl, connection->apiKey()) << "\n";
  }
#endif

  mcp::Session session(tools, std::string(version()));
  return mcp::serveStdio(session);
}

}  // namespace

const Command kMcpCommand{
    "mcp", "a Model Context Protocol server over stdio, for AI agents",
    "usage: pixabots mcp [--pack DIR] [--allow-write DIR] [--provider P] [--base-url URL]\n"
    "                    [--config FILE] [--timeout-ms N] [--task-provider NAME]\n"
    "\n"
    "Serves the Model Context Protocol (JSON-RPC 2.0, one message per line) on\n"
    "stdin and stdout until stdin ends; logs go to stderr. An MCP client starts\n"
    "it, e.g. {\"mcpServers\": {\"pixabots\": {\"command\": \"pixabots\", \"args\": [\"mcp\"]}}}.\n"
    "\n"
    "Tools: render_pixabot (the image, base64 PNG/GIF/WebP/APNG, or SVG),\n"
    "describe_pixabot, list_parts, seeded_id, random_ids, frames, og_card; and,\n"
    "when a remote provider is configured, remote_models, remote_schema,\n"
    "remote_run, remote_job, remote_replay_webhook. docs/mcp.md lists their\n"
    "arguments.\n"
    "\n"
    "  --pack           draw with a sprite pack directory instead of the built-in art\n"
    "  --allow-write    let render_pixabot and og_card write output_path, only inside\n"
    "                   this existing directory: relative paths are taken in it, never\n"
    "                   through a symbolic link, an existing file replaced only with\n"
    "                   overwrite: true. Without it, output_path is refused.\n"
    "  --provider, --base-url, --config, --timeout-ms, --task-provider\n"
    "                   the remote provider, as for `pixabots remote`; without one\n"
    "                   (here, in PIXABOTS_PROVIDER or the config file) there are no\n"
    "                   remote tools. The API key comes only from PIXABOTS_API_KEY or\n"
    "                   the config file, and never appears in a reply or a log.\n"
    "                   (Builds without remote generation take no provider flags.)\n"
    "\n"
    "Requests longer than 4 MiB are answered with an error and skipped.\n"
    "Exit status: 0 when stdin ends, 1 when stdout closes first, 2 bad usage.\n",
    mcp};

}  // namespace pixabots::cli
