#pragma once
// What `pixabots --help` and pixabots(1) say about the program as a whole,
// and the options every command takes.
#include <string_view>

#include "cli/commands.hpp"

namespace pixabots::cli {

inline constexpr std::string_view kProgramSummary = "pixel-art avatars from the command line";

inline constexpr std::string_view kOverview =
    "Every command works offline with the built-in art; --pack DIR uses a sprite pack instead.\n"
    "Only remote, and generate for remote kinds, reach a generation provider, and only when\n"
    "one is configured (docs/remote.md). An ID is 4 characters of [0-9a-z]: the eyes, head,\n"
    "body and top part, each a base-36 index into the catalog (2156).";

inline constexpr std::string_view kExitStatus =
    "  0    done\n"
    "  1    failure: a pack that does not load, a file that cannot be written, a\n"
    "       validate-pack that found problems\n"
    "  2    bad usage: an unknown command or option, a missing or bad value, an invalid ID\n"
    "  130  remote and generate only: Ctrl-C while waiting for a job cancelled the wait";

// Taken by every command (and by pixabots alone), handled by main.
inline constexpr Option kHelpOption{.name = "--help", .alias = "-h", .help = "print this help and exit"};
// Taken by pixabots alone.
inline constexpr Option kVersionOption{.name = "--version", .help = "print the version and exit"};

}  // namespace pixabots::cli
