#pragma once
#include <array>

#include "cli/commands.hpp"

namespace pixabots::cli {

// The options every command that may reach a provider takes (read by
// configFromArgs in the remote helper; `pixabots` itself only forwards them).
inline constexpr std::array<Option, 5> kProviderOptions = {{
    {.name = "--provider",
     .value = "SHAPE",
     .help = "the provider's API shape, jobs, images or tasks (or PIXABOTS_PROVIDER, or the config file)",
     .choices = "jobs images tasks",
     .group = "remote provider (docs/remote.md)"},
    {.name = "--base-url",
     .value = "URL",
     .help = "the provider's base URL (or PIXABOTS_BASE_URL; default: the shape's public one)"},
    {.name = "--config",
     .value = "FILE",
     .help = "settings file (default $PIXABOTS_CONFIG, else $XDG_CONFIG_HOME/pixabots/remote.json or "
             "~/.config/pixabots/remote.json): a JSON object with provider, base_url, api_key, timeout_ms, "
             "task_provider",
     .complete = Completion::file},
    {.name = "--timeout-ms",
     .value = "N",
     .help = "per-request timeout in milliseconds, 1..3600000 (or PIXABOTS_TIMEOUT_MS; default 120000)"},
    {.name = "--task-provider",
     .value = "NAME",
     .help = "tasks provider: the upstream \"provider\" field (e.g. evolink)"},
}};

}  // namespace pixabots::cli
