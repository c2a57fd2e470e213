#include "animation/frames.hpp"

#include "render/composite.hpp"
#include "render/pipeline.hpp"

namespace pixabots::core::detail {

void composeTick(const Pack& pack, const Combo& combo, const TickFrame& frame, const RenderOptions& options,
                 Canvas& canvas) {
  std::array<Layer, 5> layers{};
  std::size_t n = 0;
  for (Category c : kLayerOrder) {
    const auto i = static_cast<std::size_t>(c);
    const std::uint8_t* sprite = pack.sheet(c, combo[c]).frame(frame.sprite[i]);
    const int dy = frame.shift[i];
    if (c == Category::body && dy > 0) {
      // Feet stay planted: the top 31 rows move, the bottom row stays on row 31.
      layers[n++] = {sprite, dy, 0, kNativeSize - 1};
      layers[n++] = {sprite, 0, kNativeSize - 1, kNativeSize};
    } else {
      layers[n++] = {sprite, dy, 0, kNativeSize};
    }
  }
  composite({layers.data(), n}, canvas);
  finish(options, canvas);
}

void composeAnimation(const Pack& pack, const Combo& combo, const RenderOptions& options, AnimationFrames& out) {
  const int delay = frameDelayMs(options.speed);
  validate(options);
  const Timeline t = timeline(pack, combo);
  out.count = 0;
  for (int tick = 0; tick < t.ticks; ++tick) {
    Canvas& canvas = out.canvases[static_cast<std::size_t>(out.count)];
    composeTick(pack, combo, t.frames[static_cast<std::size_t>(tick)], options, canvas);
    if (out.count > 0 && canvas == out.canvases[static_cast<std::size_t>(out.count - 1)]) {
      out.delayMs[static_cast<std::size_t>(out.count - 1)] += delay;
      continue;
    }
    out.delayMs[static_cast<std::size_t>(out.count)] = delay;
    out.firstTick[static_cast<std::size_t>(out.count)] = tick;
    ++out.count;
  }
}

}  // namespace pixabots::core::detail
