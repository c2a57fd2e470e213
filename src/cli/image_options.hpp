#pragma once
// The options several drawing commands share, declared once so each
// command's help, man page and completions say the same.
#include "cli/commands.hpp"

namespace pixabots::cli {

// og, sheet and gallery: the PNG they draw.
inline constexpr Option kPngOutputOption{.name = "--output",
                                         .alias = "-o",
                                         .value = "FILE",
                                         .help = "output PNG, '-' for stdout",
                                         .complete = Completion::file};
inline constexpr Option kHueOption{.name = "--hue", .value = "DEG", .help = "hue rotation in degrees (LCh)"};
inline constexpr Option kSaturateOption{
    .name = "--saturate", .value = "X", .help = "chroma multiplier 0..4 (default 1; 0 = grey)"};
inline constexpr Option kBgOption{
    .name = "--bg", .value = "#RRGGBB", .help = "flatten onto this colour (default transparent)"};
inline constexpr Option kAnimatedOption{.name = "--animated", .help = "the bounce animation (with .png: APNG)"};
inline constexpr Option kSpeedOption{.name = "--speed", .value = "X", .help = "animation speed 0.25..4 (default 1)"};
inline constexpr Option kCompactOption{.name = "--compact",
                                       .help = "SVG with merged rects instead of the service's one rect per pixel"};
inline constexpr Option kOriginOption{.name = "--origin",
                                      .value = "URL",
                                      .help =
                                          "base URL of the URLs in the json and frames documents, http:// or https:// "
                                          "(default https://pixabots.com)"};

}  // namespace pixabots::cli
