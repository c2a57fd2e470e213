#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "pixabots/pixabots.hpp"

namespace pixabots::cli {

// The format named by --format, else the one the output file's extension
// implies (.png is APNG when animated). Throws Error(invalid_option) listing
// the formats when neither says. "sheet" is Format::sheetPng (the JSON goes beside it).
pixabots::Format chooseFormat(const std::optional<std::string>& flag, std::string_view output, bool animated);

}  // namespace pixabots::cli
