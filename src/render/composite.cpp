#include "render/composite.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace pixabots::core::detail {
namespace {

constexpr int kMaxLayers = 16;

// v / 255.0f for every byte, so the hot loop does no division.
const std::array<float, 256> kUnit = [] {
  std::array<float, 256> t{};
  for (int v = 0; v < 256; ++v) t[static_cast<std::size_t>(v)] = static_cast<float>(v) / 255.0f;
  return t;
}();

std::uint8_t toByte(float x) {
  return static_cast<std::uint8_t>(static_cast<int>(std::clamp(x * 255.0f, 0.0f, 255.0f)));
}

}  // namespace

void composite(std::span<const Layer> layers, Canvas& out) {
  out.fill(0);
  const int n = static_cast<int>(std::min<std::size_t>(layers.size(), kMaxLayers));
  std::array<const std::uint8_t*, kMaxLayers> src{};
  for (int y = 0; y < kNativeSize; ++y) {
    // Which layers cover this output row, and where their source row starts.
    int count = 0;
    for (int i = 0; i < n; ++i) {
      const Layer& l = layers[static_cast<std::size_t>(i)];
      int sy = y - l.dy;
      if (sy >= l.rowBegin && sy < l.rowEnd) {
        src[static_cast<std::size_t>(count++)] = l.frame + static_cast<std::size_t>(sy) * kCanvasStride;
      }
    }
    std::uint8_t* dst = out.data() + static_cast<std::size_t>(y) * kCanvasStride;
    for (int x = 0; x < kNativeSize; ++x) {
      const std::size_t o = static_cast<std::size_t>(x) * 4;
      // An opaque pixel hides everything under it, and a transparent one
      // changes nothing: start at the topmost opaque layer.
      int first = -1;
      bool blended = false;
      for (int i = count - 1; i >= 0; --i) {
        std::uint8_t a = src[static_cast<std::size_t>(i)][o + 3];
        if (a == 255) {
          first = i;
          break;
        }
        if (a != 0) blended = true;
      }
      if (!blended) {
        // The float path gives back exactly the bytes of the topmost opaque pixel.
        if (first >= 0) std::memcpy(dst + o, src[static_cast<std::size_t>(first)] + o, 4);
        continue;
      }
      float r = 0, g = 0, b = 0, a = 0;
      for (int i = std::max(first, 0); i < count; ++i) {
        const std::uint8_t* p = src[static_cast<std::size_t>(i)] + o;
        if (p[3] == 0) continue;
        const float aa = kUnit[p[3]];
        const float inv = 1.0f - aa;
        const float ra = kUnit[p[0]] * aa;
        const float ga = kUnit[p[1]] * aa;
        const float ba = kUnit[p[2]] * aa;
        a = aa + a * inv;
        r = ra + inv * r;
        g = ga + inv * g;
        b = ba + inv * b;
      }
      if (a == 0.0f) continue;
      dst[o + 0] = toByte(r / a);
      dst[o + 1] = toByte(g / a);
      dst[o + 2] = toByte(b / a);
      dst[o + 3] = toByte(a);
    }
  }
}

}  // namespace pixabots::core::detail
