#include <string>

#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::core {
namespace {

int hexValue(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

}  // namespace

Rgb parseColor(std::string_view text) {
  auto fail = [&] {
    std::string shown(text.substr(0, 32));
    for (char& ch : shown) {
      if (static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) >= 0x7f) ch = '?';
    }
    throw Error(Errc::invalid_option, "colour \"" + shown + "\" is not valid: expected #rrggbb (6 hex digits)");
  };
  if (text.size() != 7 || text[0] != '#') fail();
  int v[6];
  for (std::size_t i = 0; i < 6; ++i) {
    v[i] = hexValue(text[i + 1]);
    if (v[i] < 0) fail();
  }
  auto byte = [&](int i) { return static_cast<std::uint8_t>(v[i] * 16 + v[i + 1]); };
  return {byte(0), byte(2), byte(4)};
}

std::string formatColor(Rgb c) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "#";
  for (std::uint8_t v : {c.r, c.g, c.b}) {
    out += hex[v >> 4];
    out += hex[v & 15];
  }
  return out;
}

}  // namespace pixabots::core
