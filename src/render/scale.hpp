#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "pixabots/core/render.hpp"
#include "render/canvas.hpp"

namespace pixabots::core::detail {

// The native index each output position reads along one axis. Fixed capacity
// on the stack, so a render allocates nothing.
struct AxisMap {
  int size = 0;
  std::array<std::uint32_t, kMaxSize> source{};
  std::span<const std::uint32_t> entries() const { return {source.data(), static_cast<std::size_t>(size)}; }
};

// The service's nearest-neighbour mapping: floor(i*32/size) for multiples of
// 32, else its affine walk in doubles, which rows and columns accumulate differently.
AxisMap rowMap(int size);
AxisMap columnMap(int size);

struct ScaleMaps {
  explicit ScaleMaps(int size) : rows(rowMap(size)), cols(columnMap(size)) {}
  AxisMap rows, cols;
};

// Nearest-neighbour upscale of the canvas into `out` (rows `stride` bytes
// apart); a row reading the same source row as the one before is copied.
void scaleInto(const Canvas& canvas, const ScaleMaps& maps, std::uint8_t* out, std::size_t stride);

// What scaling through premultiplied 8-bit alpha does to partially transparent
// pixels: c -> floor(floor(c*a/255)*255/a). The service does it at every size but 32.
void roundTripPremultiplied(Canvas& canvas);

}  // namespace pixabots::core::detail
