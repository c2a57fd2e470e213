#pragma once
#include <array>

#include "pixabots/core/animation.hpp"
#include "render/canvas.hpp"

namespace pixabots::core::detail {

// Composites one tick (layers shifted, the body's feet planted, cropped to
// 32x32) and finishes it like a static render (palette, bg, premultiplied round trip).
void composeTick(const Pack& pack, const Combo& combo, const TickFrame& frame, const RenderOptions& options,
                 Canvas& canvas);

// What an animated encoder writes: the encoded ticks with identical consecutive
// frames merged into one longer frame, as the service's encoders do.
struct AnimationFrames {
  int count = 0;
  std::array<Canvas, kLoopTicks> canvases;
  std::array<int, kLoopTicks> delayMs{};
  std::array<int, kLoopTicks> firstTick{};  // the tick each frame starts at
};

// Validates the options (speed included) and the combo. Allocates nothing.
void composeAnimation(const Pack& pack, const Combo& combo, const RenderOptions& options, AnimationFrames& out);

}  // namespace pixabots::core::detail
