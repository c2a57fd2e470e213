#pragma once
#include <cstdint>
#include <span>

#include "render/canvas.hpp"

namespace pixabots::core::detail {

// One sprite frame in the stack: its source rows [rowBegin, rowEnd) are drawn
// `dy` rows lower. Static renders use whole frames at dy 0; the animation
// shifts layers and splits the body's bottom row off.
struct Layer {
  const std::uint8_t* frame;  // 32x32 RGBA
  int dy = 0;
  int rowBegin = 0;
  int rowEnd = kNativeSize;
};

// Source-over of `layers` (bottom first) onto a transparent canvas, exactly as
// the service computes it: one pass per pixel in float, premultiplied, then
// un-premultiplied and truncated. Rows pushed below row 31 are cropped.
void composite(std::span<const Layer> layers, Canvas& out);

}  // namespace pixabots::core::detail
