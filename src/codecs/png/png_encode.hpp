#pragma once
// Internal PNG encoder entry point shared by encodePng() and the renderer.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pixabots::core::detail {

// Encodes the cols.size() x rows.size() image whose pixel (x, y) is the RGBA
// pixel at src + rows[y]*srcStride + cols[x]*4, so a nearest-neighbour upscale
// never has to be materialised. Losslessly picks the smallest colour type:
// indexed (1/2/4/8-bit, tRNS only if some pixel is not opaque) for <= 256
// colours among the referenced pixels, else RGB if all are opaque, else RGBA.
// Fully transparent pixels are written as (0,0,0,0).
//
// Output rows whose rows[y] equals rows[y-1], or whose bytes equal the row
// above, are written with filter Up (all zero bytes); other rows use filter
// None. The palette is built from the referenced source pixels only.
//
// `out` is cleared and reused (its capacity is kept). Thread-safe: all scratch
// state (buffers, the deflater) is thread_local, so steady-state calls
// allocate nothing beyond growing `out`.
//
// Throws Error(Errc::codec) for an empty image, a map entry outside the
// source, or an image too large for PNG.
void encodeMappedPng(const std::uint8_t* src, std::size_t srcStride, int srcWidth, int srcHeight,
                     std::span<const std::uint32_t> cols, std::span<const std::uint32_t> rows,
                     std::vector<std::uint8_t>& out);

}  // namespace pixabots::core::detail
