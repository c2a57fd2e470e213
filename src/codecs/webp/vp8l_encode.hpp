#pragma once
// A VP8L (WebP lossless) encoder for rectangles of nearest-neighbour upscales.
#include <cstdint>
#include <vector>

#include "render/canvas.hpp"
#include "render/scale.hpp"

namespace pixabots::core::detail {

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
// 'VP8L' chunk, replacing the contents of `out`. Lossless and exact: RGB
// under alpha 0 is kept.
//
// The upscale is never materialised. Up to 256 colours (among the canvas
// pixels the rectangle reads) use the colour-indexing transform, pixels
// bundled 2, 4 or 8 per byte when the palette allows, the palette in
// whichever of a few orders codes smallest; more are plain ARGB literals.
// An output row repeating the one above is part of one long copy; each
// distinct row is parsed once per cost model into literals, runs and LZ77
// copies (from rows above or anywhere earlier), for the fewest estimated
// bits, then also with only its two commonest distance codes when more were
// used, keeping the shorter stream. No colour cache, one prefix-code group.
//
// The first parse's costs are defaults, refined by a second parse; with
// `continueSequence` they are the codes of the previous call on this thread
// instead (frames of one animation, encoded in order, look alike: one parse
// each). So the output depends only on the arguments of this call and, with
// `continueSequence`, of the calls since the last one without it.
// Thread-safe; scratch is thread_local.
void encodeScaledVp8l(const Canvas& canvas, const ScaleMaps& maps, const PixelRect& rect,
                      std::vector<std::uint8_t>& out, bool continueSequence = false);

}  // namespace pixabots::core::detail
