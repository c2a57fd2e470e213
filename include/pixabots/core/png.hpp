#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "pixabots/core/image.hpp"

namespace pixabots::core {

// Decoding refuses anything larger before allocating for it.
struct PngLimits {
  int maxWidth = 8192;
  int maxHeight = 8192;
  std::size_t maxPixels = std::size_t{1} << 24;  // width*height
};

// How far a caller may raise each limit (pxb_limits): libpng's own default
// side limit, and 2^28 pixels, a 1 GiB RGBA buffer, the most one decode may
// ask for.
inline constexpr PngLimits kPngLimitsCeiling{1000000, 1000000, std::size_t{1} << 28};

// Decodes any PNG (any colour type and bit depth, tRNS honoured, interlaced or
// not) to 8-bit RGBA with transparent pixels set to (0,0,0,0). 16-bit samples
// are rounded to 8 bits; gamma, colour profiles and other ancillary chunks are
// ignored. The IHDR size is checked against `limits` before anything is
// allocated for the pixels. Throws Error(codec) saying what is wrong: not a
// PNG, truncated, corrupt data (image data that inflates past what the header
// calls for is refused as soon as it does; a palette index past the palette),
// too large for the limits.
Image decodePng(std::span<const std::uint8_t> bytes, const PngLimits& limits = {});

// Encodes losslessly with the smallest fitting colour type: indexed (palette
// at 1/2/4/8 bits, plus tRNS when any pixel is not opaque) when there are
// <= 256 colours, else RGB when every pixel is opaque, else RGBA. Fully
// transparent pixels are written as (0,0,0,0). Thread-safe. Throws
// Error(codec) for an empty view or a stride smaller than width*4.
std::vector<std::uint8_t> encodePng(const ImageView& image);

}  // namespace pixabots::core
