#pragma once
#include <cstdint>
#include <vector>

#include "pixabots/core/id.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::core {

// The animation as an animated lossless WebP: options.size square, alpha kept,
// loops forever, one frame per merged run of identical ticks with its delay in
// milliseconds (WebP keeps milliseconds, unlike GIF). Decoded frames equal
// renderTick() at each frame's first tick exactly. Thread-safe.
// Throws Error(invalid_option) for bad options (speed included) and
// Error(invalid_id) for a combo outside the pack.
std::vector<std::uint8_t> renderWebp(const Pack& pack, const Combo& combo, const RenderOptions& options);

}  // namespace pixabots::core
