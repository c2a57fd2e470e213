#pragma once
// Internal APNG encoder: the animation's frames written with the PNG writer.
#include <cstdint>
#include <vector>

#include "animation/frames.hpp"
#include "render/scale.hpp"

namespace pixabots::core::detail {

// Writes frames.count frames, each the nearest-neighbour upscale of its 32x32
// canvas by `maps`, looping forever. One colour type (and palette) for all
// frames. Frame 0 is the full image and the default image (IDAT); each later
// frame covers only the output rectangle whose source pixels differ from the
// frame before, replacing it (dispose NONE, blend SOURCE), which is exact for
// any alpha. `out` is cleared and reused.
void encodeApng(const AnimationFrames& frames, const ScaleMaps& maps, std::vector<std::uint8_t>& out);

}  // namespace pixabots::core::detail
