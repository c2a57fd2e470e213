#pragma once
// The OG card's label: a rounded black box, white title over grey subtitle,
// in the project's pixel font at the largest scale that fits the card.
#include <string>
#include <string_view>

#include "pixabots/core/color.hpp"
#include "pixabots/core/image.hpp"

namespace pixabots::core::detail {

inline constexpr Rgb kOgLabelBox{0x00, 0x00, 0x00};
inline constexpr Rgb kOgTitleInk{0xff, 0xff, 0xff};
inline constexpr Rgb kOgSubtitleInk{0xa3, 0xa3, 0xa3};
inline constexpr int kOgLabelPadX = 28;
inline constexpr int kOgLabelPadY = 20;
inline constexpr int kOgLabelLineGap = 12;
inline constexpr int kOgLabelRadius = 16;
inline constexpr int kOgLabelMargin = 24;  // the box stays this far inside the card

// One font glyph per character: UTF-8 is read a code point at a time (every
// byte that does not continue a sequence starts one), printable ASCII is kept,
// anything else becomes a hollow box; then cut to `max` characters.
std::string glyphText(std::string_view utf8, std::size_t max);

struct OgLabel {
  std::string title, subtitle;  // glyph text, already cut
  int titleScale = 0, subtitleScale = 0;
  int width = 0, height = 0;  // the box; 0 x 0 when there is no text
};

// Cuts the texts to the SPEC's limits and sizes the box.
OgLabel layoutLabel(std::string_view title, std::string_view subtitle);
// Draws the box with its top-left corner at (x, y).
void drawLabel(Image& card, const OgLabel& label, int x, int y);

}  // namespace pixabots::core::detail
