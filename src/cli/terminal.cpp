#include "cli/terminal.hpp"

#include <array>
#include <cstring>
#include <optional>
#include <string_view>

namespace pixabots::cli {
namespace {

constexpr std::array<int, 6> kCubeLevels = {0, 95, 135, 175, 215, 255};

core::Rgb xtermColor(int index) {
  if (index >= 232) {
    const auto v = static_cast<std::uint8_t>(8 + 10 * (index - 232));
    return {v, v, v};
  }
  const int i = index - 16;
  return {static_cast<std::uint8_t>(kCubeLevels[static_cast<std::size_t>(i / 36)]),
          static_cast<std::uint8_t>(kCubeLevels[static_cast<std::size_t>(i / 6 % 6)]),
          static_cast<std::uint8_t>(kCubeLevels[static_cast<std::size_t>(i % 6)])};
}

std::optional<core::Rgb> pixel(const core::Image& image, int x, int y) {
  if (y >= image.height()) return std::nullopt;  // odd height: the last row's lower half
  const std::uint8_t* p = image.row(y) + static_cast<std::size_t>(x) * 4;
  if (p[3] < 128) return std::nullopt;
  return core::Rgb{p[0], p[1], p[2]};
}

// ";38;2;r;g;b" / ";38;5;n" (fg), 48 for bg.
void appendColor(std::string& out, int layer, core::Rgb c, TermColors colors) {
  out += ';' + std::to_string(layer);
  if (colors == TermColors::truecolor) {
    out += ";2;" + std::to_string(c.r) + ';' + std::to_string(c.g) + ';' + std::to_string(c.b);
  } else {
    out += ";5;" + std::to_string(xterm256(c));
  }
}

struct Cell {
  std::string_view glyph;
  std::optional<core::Rgb> fg, bg;
  bool sameColors(const Cell& o) const { return fg == o.fg && bg == o.bg; }
};

Cell cellFor(std::optional<core::Rgb> upper, std::optional<core::Rgb> lower) {
  if (upper) return {"\u2580", upper, lower};
  if (lower) return {"\u2584", lower, std::nullopt};
  return {" ", std::nullopt, std::nullopt};
}

}  // namespace

TermColors detectColors(const char* colorterm) {
  if (colorterm && (std::strcmp(colorterm, "truecolor") == 0 || std::strcmp(colorterm, "24bit") == 0)) {
    return TermColors::truecolor;
  }
  return TermColors::xterm256;
}

int xterm256(core::Rgb c) {
  int best = 16, bestDistance = -1;
  for (int index = 16; index < 256; ++index) {
    const core::Rgb x = xtermColor(index);
    const int dr = c.r - x.r, dg = c.g - x.g, db = c.b - x.b;
    const int distance = dr * dr + dg * dg + db * db;
    if (bestDistance < 0 || distance < bestDistance) best = index, bestDistance = distance;
  }
  return best;
}

std::string halfBlocks(const core::Image& image, TermColors colors) {
  std::string out;
  for (int y = 0; y < image.height(); y += 2) {
    Cell current{" ", std::nullopt, std::nullopt};  // the terminal's defaults
    for (int x = 0; x < image.width(); ++x) {
      const Cell cell = cellFor(pixel(image, x, y), pixel(image, x, y + 1));
      if (!cell.sameColors(current)) {
        out += "\x1b[0";
        if (cell.fg) appendColor(out, 38, *cell.fg, colors);
        if (cell.bg) appendColor(out, 48, *cell.bg, colors);
        out += 'm';
      }
      out += cell.glyph;
      current = cell;
    }
    if (current.fg || current.bg) out += "\x1b[0m";
    out += '\n';
  }
  return out;
}

}  // namespace pixabots::cli
