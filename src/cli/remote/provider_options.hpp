#pragma once
#include <array>
#include <string_view>

namespace pixabots::cli {

// The valued options every command that may reach a provider takes (read by
// configFromArgs in the remote helper; `pixabots` itself only forwards them).
inline constexpr std::array<std::string_view, 5> kProviderOptions = {"--provider", "--base-url", "--config",
                                                                     "--timeout-ms", "--task-provider"};

}  // namespace pixabots::cli
