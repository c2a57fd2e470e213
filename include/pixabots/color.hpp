#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "pixabots/export.hpp"

namespace pixabots {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

// "#rrggbb", case-insensitive. Throws Error(invalid_option) naming the text.
PIXABOTS_API Rgb parseColor(std::string_view text);
// "#rrggbb" in lower case.
PIXABOTS_API std::string formatColor(Rgb c);

}  // namespace pixabots
