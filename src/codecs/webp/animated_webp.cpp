// Animated WebP: each frame is only the rectangle that changed since the one
// before, encoded by our VP8L writer, and frames repeating an earlier change
// (the second bounce) reuse its bytes, in our own container writer.
#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <span>

#include "animation/frames.hpp"
#include "codecs/webp/vp8l_encode.hpp"
#include "codecs/webp/webp_container.hpp"
#include "pixabots/core/webp.hpp"
#include "render/scale.hpp"

namespace pixabots::core {
namespace {

using detail::Canvas;
using detail::PixelRect;

// A source-pixel rectangle, half-open.
struct NativeRect {
  int x0 = kNativeSize, y0 = kNativeSize, x1 = 0, y1 = 0;
  bool empty() const { return x0 >= x1; }
  void add(int x, int y) {
    x0 = std::min(x0, x);
    y0 = std::min(y0, y);
    x1 = std::max(x1, x + 1);
    y1 = std::max(y1, y + 1);
  }
};

bool samePixel(const Canvas& a, const Canvas& b, std::size_t pixel) {
  return std::memcmp(a.data() + pixel * 4, b.data() + pixel * 4, 4) == 0;
}

// The first output coordinate whose source index is >= n (size when none).
int firstOutput(const detail::AxisMap& map, int n) {
  const auto entries = map.entries();
  return static_cast<int>(std::lower_bound(entries.begin(), entries.end(), static_cast<std::uint32_t>(n)) -
                          entries.begin());
}

// The output rectangle showing the source rectangle, widened left and up to
// even coordinates because ANMF stores offsets halved.
PixelRect outputRect(const NativeRect& r, const detail::ScaleMaps& maps) {
  if (r.empty()) return {0, 0, 1, 1};
  const int x = firstOutput(maps.cols, r.x0) & ~1;
  const int y = firstOutput(maps.rows, r.y0) & ~1;
  return {x, y, firstOutput(maps.cols, r.x1) - x, firstOutput(maps.rows, r.y1) - y};
}

// One encoded candidate: what it draws (the rectangle of `patch`, blended or
// not) and its bytes, kept for frames that draw the same again.
struct Encoded {
  PixelRect rect;
  bool blend = false;
  Canvas patch{};
  std::vector<std::uint8_t> bytes;
};

struct Scratch {
  detail::AnimationFrames frames;
  std::array<Encoded, 2 * kLoopTicks> encoded;
  std::size_t used = 0;
  std::array<detail::WebpFrame, kLoopTicks> chosen;  // views into `encoded`
};

// Whether two patches agree on every source pixel `rect` reads.
bool samePatch(const Canvas& a, const Canvas& b, const PixelRect& rect, const detail::ScaleMaps& maps) {
  const std::size_t x0 = maps.cols.source[static_cast<std::size_t>(rect.x)];
  const std::size_t x1 = maps.cols.source[static_cast<std::size_t>(rect.x + rect.width - 1)] + 1;
  const std::size_t y0 = maps.rows.source[static_cast<std::size_t>(rect.y)];
  const std::size_t y1 = maps.rows.source[static_cast<std::size_t>(rect.y + rect.height - 1)] + 1;
  for (std::size_t y = y0; y < y1; ++y) {
    const std::size_t at = (y * kNativeSize + x0) * 4;
    if (std::memcmp(a.data() + at, b.data() + at, (x1 - x0) * 4) != 0) return false;
  }
  return true;
}

const Encoded& encode(Scratch& s, const Canvas& patch, const PixelRect& rect, bool blend,
                      const detail::ScaleMaps& maps) {
  for (std::size_t i = 0; i < s.used; ++i) {
    const Encoded& e = s.encoded[i];
    if (e.rect == rect && e.blend == blend && samePatch(e.patch, patch, rect, maps)) return e;
  }
  Encoded& e = s.encoded[s.used++];
  e.rect = rect;
  e.blend = blend;
  e.patch = patch;
  detail::encodeScaledVp8l(patch, maps, rect, e.bytes, s.used > 1);
  return e;
}

}  // namespace

std::vector<std::uint8_t> renderWebp(const Pack& pack, const Combo& combo, const RenderOptions& options) {
  thread_local const auto scratch = std::make_unique<Scratch>();  // ~100 KB: not on the stack
  Scratch& s = *scratch;
  detail::AnimationFrames& frames = s.frames;
  detail::composeAnimation(pack, combo, options, frames);
  const detail::ScaleMaps maps(options.size);
  s.used = 0;

  static const Canvas kCleared{};
  Canvas patch;
  for (int i = 0; i < frames.count; ++i) {
    const Canvas& cur = frames.canvases[static_cast<std::size_t>(i)];
    // Frame 0 is drawn on a cleared canvas; later ones over the previous frame.
    const Canvas& before = i == 0 ? kCleared : frames.canvases[static_cast<std::size_t>(i) - 1];
    NativeRect changed;
    bool opaque = true;  // every changed pixel: blending an opaque pixel writes it exactly
    for (int y = 0; y < kNativeSize; ++y) {
      for (int x = 0; x < kNativeSize; ++x) {
        const auto p = static_cast<std::size_t>(y * kNativeSize + x);
        if (samePixel(cur, before, p)) continue;
        changed.add(x, y);
        opaque &= cur[p * 4 + 3] == 255;
      }
    }
    const PixelRect rect = outputRect(changed, maps);
    // Without blending the rectangle is copied as is. With blending, unchanged
    // pixels become transparent (they leave the canvas alone), which sometimes
    // compresses better; it is exact only when every changed pixel is opaque
    // (a transparent pixel cannot clear one that was drawn, a translucent one
    // would mix). Both are encoded and the smaller kept.
    const Encoded* best = &encode(s, cur, rect, false, maps);
    if (i > 0 && opaque && !changed.empty()) {
      for (std::size_t p = 0; p < patch.size() / 4; ++p) {
        const bool same = samePixel(cur, before, p);
        for (std::size_t c = 0; c < 4; ++c) patch[p * 4 + c] = same ? 0 : cur[p * 4 + c];
      }
      const Encoded& blended = encode(s, patch, rect, true, maps);
      if (blended.bytes.size() < best->bytes.size()) best = &blended;
    }
    s.chosen[static_cast<std::size_t>(i)] = {.vp8l = best->bytes,
                                             .x = rect.x,
                                             .y = rect.y,
                                             .durationMs = frames.delayMs[static_cast<std::size_t>(i)],
                                             .blend = best->blend};
  }
  // Loop forever; a transparent background, for viewers that honour the hint.
  return detail::assembleAnimatedWebp(
      options.size, options.size, std::span(s.chosen).first(static_cast<std::size_t>(frames.count)), 0x00000000u, 0);
}

}  // namespace pixabots::core
