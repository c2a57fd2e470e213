#pragma once
#include <string_view>

#include "pixabots/core/color.hpp"
#include "pixabots/core/image.hpp"

namespace pixabots::core::detail {

// A 5x7 pixel font with a descender row (one column of spacing) for labels on generated images:
// every printable ASCII character (space to ~). Other bytes draw as a hollow box.
inline constexpr int kGlyphWidth = 5;
inline constexpr int kGlyphHeight = 8;  // 7 above the baseline, 1 for descenders
inline constexpr int kGlyphAdvance = kGlyphWidth + 1;

int textWidth(std::string_view text, int scale);

// Draws opaque text with its top-left corner at (x, y); clipped to the image.
void drawText(Image& image, int x, int y, std::string_view text, Rgb colour, int scale);

}  // namespace pixabots::core::detail
