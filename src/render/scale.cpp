#include "render/scale.hpp"

#include <algorithm>
#include <cstring>

namespace pixabots::core::detail {
namespace {

constexpr std::uint32_t kLast = kNativeSize - 1;

bool multipleOfNative(int size) { return size % kNativeSize == 0; }

AxisMap floorMap(int size) {
  AxisMap map;
  map.size = size;
  const int step = size / kNativeSize;
  for (int i = 0; i < size; ++i) map.source[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(i / step);
  return map;
}

// The reference's affine transform scale factor, computed the way it does.
double affineStep(int size) {
  const double h = 1.0 / (static_cast<double>(kNativeSize) / size);
  return (1.0 / (h * h)) * h;
}

std::uint32_t clampIndex(int v) { return static_cast<std::uint32_t>(std::clamp(v, 0, static_cast<int>(kLast))); }

}  // namespace

AxisMap rowMap(int size) {
  if (multipleOfNative(size)) return floorMap(size);
  AxisMap map;
  map.size = size;
  const double ia = affineStep(size);
  for (int y = 0; y < size; ++y) {
    map.source[static_cast<std::size_t>(y)] = clampIndex(static_cast<int>(ia * y + 1.0) - 1);
  }
  return map;
}

AxisMap columnMap(int size) {
  if (multipleOfNative(size)) return floorMap(size);
  AxisMap map;
  map.size = size;
  const double ia = affineStep(size);
  double ix = 1.0;  // a running sum: its rounding error is part of the reference's output
  for (int x = 0; x < size; ++x) {
    map.source[static_cast<std::size_t>(x)] = clampIndex(static_cast<int>(ix) - 1);
    ix += ia;
  }
  return map;
}

void scaleInto(const Canvas& canvas, const ScaleMaps& maps, std::uint8_t* out, std::size_t stride) {
  const int size = maps.rows.size;
  const std::size_t rowBytes = static_cast<std::size_t>(size) * 4;
  for (int y = 0; y < size; ++y) {
    std::uint8_t* dst = out + static_cast<std::size_t>(y) * stride;
    const std::uint32_t sy = maps.rows.source[static_cast<std::size_t>(y)];
    if (y > 0 && sy == maps.rows.source[static_cast<std::size_t>(y) - 1]) {
      std::memcpy(dst, dst - stride, rowBytes);
      continue;
    }
    const std::uint8_t* src = canvas.data() + sy * kCanvasStride;
    for (int x = 0; x < size; ++x) {
      std::memcpy(dst + static_cast<std::size_t>(x) * 4, src + maps.cols.source[static_cast<std::size_t>(x)] * 4, 4);
    }
  }
}

void roundTripPremultiplied(Canvas& canvas) {
  for (std::size_t o = 0; o < canvas.size(); o += 4) {
    const unsigned a = canvas[o + 3];
    if (a == 0 || a == 255) continue;
    for (std::size_t c = 0; c < 3; ++c) {
      const unsigned premultiplied = canvas[o + c] * a / 255;
      canvas[o + c] = static_cast<std::uint8_t>(premultiplied * 255 / a);
    }
  }
}

}  // namespace pixabots::core::detail
