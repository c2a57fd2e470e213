#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace pixabots::core {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

// "#rrggbb", case-insensitive. Throws Error(invalid_option) naming the text.
Rgb parseColor(std::string_view text);
// "#rrggbb" in lower case.
std::string formatColor(Rgb c);

}  // namespace pixabots::core
