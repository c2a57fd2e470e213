#pragma once
// Drawing on an RGBA Image for generated pictures (OG cards, contact sheets,
// the gallery): rectangles, a checkerboard and source-over blits, all clipped.
#include "pixabots/core/color.hpp"
#include "pixabots/core/image.hpp"

namespace pixabots::core::detail {

// An opaque w x h rectangle of `c` with its top-left corner at (x, y).
void fill(Image& img, int x, int y, int w, int h, Rgb c);

// The same with corners rounded to `radius`: a pixel is inside when its centre
// is within the corner's circle, so the edge is crisp, as pixel art wants.
void fillRounded(Image& img, int x, int y, int w, int h, int radius, Rgb c);

// A size x size checkerboard of 8 px squares (a at the top-left), so
// transparent pixels read as transparent.
void checker(Image& img, int x, int y, int size, Rgb a, Rgb b);

// Source-over of `src` with its top-left corner at (x, y), rounding down.
void blit(Image& dst, const Image& src, int x, int y);

}  // namespace pixabots::core::detail
