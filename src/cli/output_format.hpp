#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "pixabots/pixabots.hpp"

namespace pixabots::cli {

// The names --format takes, space-separated (the shell completions offer them).
inline constexpr std::string_view kFormatChoices = "png apng gif webp svg sheet json frames";

// The format named by --format, else the one the output file's extension
// implies (.png is APNG when animated); stdout ("-") without --format is PNG,
// or GIF when animated, as the service answers a request that names none.
// Throws Error(invalid_option) listing the formats when neither says. "sheet"
// is Format::sheetPng (the JSON goes beside it).
pixabots::Format chooseFormat(const std::optional<std::string>& flag, std::string_view output, bool animated);

}  // namespace pixabots::cli
