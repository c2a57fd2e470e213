#pragma once
#include <cstdint>
#include <vector>

#include "pixabots/core/id.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::core {

// The combo's animation as a looping GIF (docs/formats.md, "GIF"): the encoded
// ticks with identical consecutive frames merged, options.size square, palette
// and bg applied, alpha >= 128 opaque and lower alpha transparent. Colours are
// exact when the frames use <= 255 of them, else quantised deterministically.
// Thread-safe. Throws Error(invalid_option) for a bad option (size, hue,
// saturate, speed) and Error(invalid_id) for a combo outside the pack.
std::vector<std::uint8_t> renderGif(const Pack& pack, const Combo& combo, const RenderOptions& options);

}  // namespace pixabots::core
