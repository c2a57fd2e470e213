#pragma once
// The WebP RIFF container around VP8L bitstreams: our own writer, so the
// library needs no libwebp (it builds where libwebp is not available, such as
// WebAssembly).
#include <cstdint>
#include <span>
#include <vector>

namespace pixabots::core::detail {

// One animation frame: a VP8L bitstream (a 'VP8L' chunk's payload, its size
// read from its header) drawn at (x, y) of the canvas, both even (ANMF keeps
// them halved), shown for `durationMs`, alpha-blended over the canvas or
// written as is. Frames are never disposed to the background.
struct WebpFrame {
  std::span<const std::uint8_t> vp8l;
  int x = 0;
  int y = 0;
  int durationMs = 0;
  bool blend = false;
};

// The animation as a WebP file laid out as libwebp's WebPMuxAssemble lays it
// out, byte for byte: RIFF, VP8X (animation flag; alpha flag when a frame's
// VP8L header says alpha is used), ANIM, one ANMF per frame, each chunk
// padded to an even size. As there, a single frame covering the whole canvas
// is written as a still image (RIFF and one VP8L chunk only).
// `background` is ANIM's colour as 0xAARRGGBB; `loops` 0 loops forever.
// Throws Error(codec) for a frame that is not a VP8L bitstream or does not fit
// the canvas, an odd offset, a duration or canvas WebP cannot store, or a file
// past RIFF's 4 GiB.
std::vector<std::uint8_t> assembleAnimatedWebp(int canvasWidth, int canvasHeight, std::span<const WebpFrame> frames,
                                               std::uint32_t background, int loops);

}  // namespace pixabots::core::detail
