#pragma once
// Internal animated GIF encoder shared by renderGif() and the benchmarks.
#include <cstdint>
#include <vector>

#include "animation/frames.hpp"
#include "render/scale.hpp"

namespace pixabots::core::detail {

// Encodes `frames` (32x32 canvases) scaled by `maps` as a GIF that loops
// forever. `tickMs` is one tick's delay: every frame lasts a whole number of
// ticks, and each tick is round(tickMs / 10) centiseconds. Palette, frame
// rectangles and disposal are described in docs/formats.md ("GIF").
//
// `out` is cleared first. Scratch state is thread_local: steady-state calls
// allocate nothing beyond growing `out`.
void encodeAnimatedGif(const AnimationFrames& frames, int tickMs, const ScaleMaps& maps,
                       std::vector<std::uint8_t>& out);

}  // namespace pixabots::core::detail
