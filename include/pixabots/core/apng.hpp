#pragma once
#include <cstdint>
#include <vector>

#include "pixabots/core/id.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::core {

// The animation as an animated PNG (APNG) that loops forever: the encoded
// ticks with identical consecutive frames merged, as the service's GIF and
// WebP are, each frame exactly renderTick() of its first tick, with its delay
// in milliseconds. All frames share one palette when they have <= 256 colours
// together. Viewers without APNG support show the first frame. Throws
// Error(invalid_option) for bad options (speed included), Error(invalid_id)
// for a combo outside the pack.
std::vector<std::uint8_t> renderApng(const Pack& pack, const Combo& combo, const RenderOptions& options);

}  // namespace pixabots::core
