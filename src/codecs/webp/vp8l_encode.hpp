#pragma once
// A VP8L (WebP lossless) encoder for rectangles of nearest-neighbour upscales.
#include <cstdint>
#include <vector>

#include "render/canvas.hpp"
#include "render/scale.hpp"

namespace pixabots::detail {

// A rectangle of the output, in output pixels.
struct PixelRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
  bool operator==(const PixelRect&) const = default;
};

// Encodes `rect` of the upscale of `canvas` by `maps` (output pixel (x, y) is
// canvas pixel (cols[x], rows[y])) as a VP8L bitstream, the payload of a
// 'VP8L' chunk, replacing the contents of `out`. The upscale is never
// materialised: the palette (colour-indexing transform, pixels bundled 2, 4
// or 8 per byte when it allows) comes from the canvas pixels the rectangle
// reads, each distinct source row is tokenized once (literals, runs, LZ77
// copies from rows above or anywhere earlier), and an output row repeating
// the one above becomes part of one long copy. No
// colour cache, one prefix-code group. More than 256 colours are written as
// plain ARGB literals. Lossless and exact: RGB under alpha 0 is kept.
//
// Each distinct row is parsed for the fewest estimated bits. The estimates
// come from a first parse with default costs or, with `continueSequence`,
// from the codes of the previous call on this thread: frames of one
// animation encoded in order look alike, and one parse each halves the work.
// The output depends only on the arguments of this call and, with
// `continueSequence`, of the calls since the last one without it.
// Thread-safe; scratch is thread_local.
void encodeScaledVp8l(const Canvas& canvas, const ScaleMaps& maps, const PixelRect& rect,
                      std::vector<std::uint8_t>& out, bool continueSequence = false);

}  // namespace pixabots::detail
