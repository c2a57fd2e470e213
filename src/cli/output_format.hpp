#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace pixabots::cli {

enum class Format { png, apng, gif, webp, svg, sheet, json, frames };

// The format named by --format, else the one the output file's extension
// implies (.png is APNG when animated). Throws Error(invalid_option) listing
// the formats when neither says.
Format chooseFormat(const std::optional<std::string>& flag, std::string_view output, bool animated);

}  // namespace pixabots::cli
