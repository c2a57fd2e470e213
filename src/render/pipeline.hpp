#pragma once
#include <cstddef>
#include <cstdint>
#include <span>

#include "pixabots/image.hpp"
#include "pixabots/render.hpp"
#include "render/canvas.hpp"

namespace pixabots::detail {

// What every render does to the composited canvas before scaling: palette,
// background, and the premultiplied round trip of sizes other than 32.
void finish(const RenderOptions& options, Canvas& canvas);

// The canvas scaled into a new image of options.size.
Image scaled(const Canvas& canvas, int size);

// Checks that `out` holds `size` rows of `size` RGBA pixels `stride` bytes apart
// (0 = tightly packed) and returns the stride to use. Throws Error(invalid_option).
std::size_t checkedStride(std::span<const std::uint8_t> out, int size, std::size_t stride);

}  // namespace pixabots::detail
