// `pixabots mcp`: the Model Context Protocol server over stdio (src/mcp),
// with the remote tools when a provider is configured. Whether one is depends
// on the remote configuration (flags, environment, config file), which only
// libpixabots_remote reads: so in builds with remote generation `pixabots`
// hands the whole command to the remote helper (cli/remote/helper.hpp), and
// serves the local tools itself only when the helper is missing.
#include <array>
#include <iostream>
#include <optional>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pack_option.hpp"
#include "cli/remote/provider_options.hpp"
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
#endif

namespace pixabots::cli {
namespace {

constexpr auto kOwnOptions = std::to_array<Option>({
    kPackOption,
    {.name = "--allow-write",
     .value = "DIR",
     .help = "let render_pixabot and og_card write output_path, only inside this existing directory: "
             "relative paths are taken in it, never through a symbolic link, an existing file replaced only "
             "with overwrite: true. Without it, output_path is refused.",
     .complete = Completion::directory},
});
// The remote provider's options, in builds that have remote generation.
#if defined(PIXABOTS_WITH_REMOTE)
constexpr auto kOptions = joinOptions(kOwnOptions, kProviderOptions);
#else
constexpr auto kOptions = kOwnOptions;
#endif

int mcp(const std::vector<std::string_view>& argv) {
#if defined(PIXABOTS_WITH_REMOTE) && !defined(PIXABOTS_CLI_REMOTE_HELPER)
  if (const auto helper = findRemoteHelper()) execRemoteHelper(*helper, "mcp", argv);
  const bool namesProvider = std::any_of(argv.begin(), argv.end(), [](std::string_view a) {
    return std::any_of(kProviderOptions.begin(), kProviderOptions.end(),
                       [&](const Option& o) { return o.name == a.substr(0, a.find('=')); });
  });
  if (namesProvider) throw std::runtime_error(remoteHelperMissing());
  std::clog << "pixabots mcp: no remote tools: " << remoteHelperMissing() << "\n";
#endif
  const Args args(argv, kOptions);
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
    .name = "mcp",
    .summary = "a Model Context Protocol server over stdio, for AI agents",
    .synopsis = "[--pack DIR] [--allow-write DIR] [remote provider options]",
    .description =
        "Serves the Model Context Protocol (JSON-RPC 2.0, one message per line) on stdin and\n"
        "stdout until stdin ends; logs go to stderr. An MCP client starts it, e.g.\n"
        "  {\"mcpServers\": {\"pixabots\": {\"command\": \"pixabots\", \"args\": [\"mcp\"]}}}\n"
        "\n"
        "Tools: render_pixabot (the image, base64 PNG/GIF/WebP/APNG, or SVG), describe_pixabot,\n"
        "list_parts, seeded_id, random_ids, frames, og_card; and, when a remote provider is\n"
        "configured, remote_models, remote_schema, remote_run, remote_job,\n"
        "remote_replay_webhook. docs/mcp.md lists their arguments.",
    .options = kOptions,
    .notes =
        "Without a remote provider (here, in PIXABOTS_PROVIDER or the config file) there are no\n"
        "remote tools. The API key comes only from PIXABOTS_API_KEY or the config file, and\n"
        "never appears in a reply or a log. Builds without remote generation take no provider\n"
        "options.\n"
        "\n"
        "Requests longer than 4 MiB are answered with an error and skipped.\n"
        "Exit status: 0 when stdin ends, 1 when stdout closes first, 2 bad usage.",
    .run = mcp,
};

}  // namespace pixabots::cli
