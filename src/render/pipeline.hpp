#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "pixabots/core/image.hpp"
#include "pixabots/core/render.hpp"
#include "render/canvas.hpp"
#include "render/composite.hpp"

namespace pixabots::core::detail {

// Frame 0 of every part of the combo, bottom layer first: the static picture.
// Throws Error(invalid_id) for a combo outside the pack.
std::array<Layer, 4> stillLayers(const Pack& pack, const Combo& combo);

// What every render, still or animated, does to the composited canvas before
// scaling: flatten onto bg, then the palette (so a bg is palette-transformed
// too: sharp flattens before it modulates whatever the call order, SPEC.md
// "Static render"), then the premultiplied round trip of sizes other than 32.
void finish(const RenderOptions& options, Canvas& canvas);

// The canvas scaled into a new image of options.size.
Image scaled(const Canvas& canvas, int size);

// Checks that `out` holds `size` rows of `size` RGBA pixels `stride` bytes apart
// (0 = tightly packed) and returns the stride to use. Throws Error(invalid_option).
std::size_t checkedStride(std::span<const std::uint8_t> out, int size, std::size_t stride);

}  // namespace pixabots::core::detail
