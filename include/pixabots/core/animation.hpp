#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "pixabots/core/id.hpp"
#include "pixabots/core/image.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::core {

inline constexpr int kLoopTicks = 16;        // the super-loop: the bounce plays twice
inline constexpr int kBounceTicks = 8;       // all that is encoded when no part animates
inline constexpr int kFrameMs = 72;          // one tick at speed 1
inline constexpr int kAnimationVersion = 2;  // bumped whenever animated output changes

// One tick of the animation, per category (indexed by Category).
struct TickFrame {
  int tick = 0;
  std::array<double, 4> offsets{};  // bounce offsets in native pixels, unrounded (2.5 happens)
  std::array<int, 4> shift{};       // offsets rounded as JavaScript's Math.round does
  std::array<int, 4> sprite{};      // the sheet frame drawn, clamped to the frames the sheet has
  double offset(Category c) const { return offsets[static_cast<std::size_t>(c)]; }
  int spriteIndex(Category c) const { return sprite[static_cast<std::size_t>(c)]; }
};

struct Timeline {
  int ticks = kLoopTicks;                      // 16, or 8 when no part of the combo has more than one frame
  std::array<TickFrame, kLoopTicks> frames{};  // all 16 ticks, whatever `ticks` says
};

// The animation of a combo as data. Throws Error(invalid_id) for a combo outside the pack.
Timeline timeline(const Pack& pack, const Combo& combo);

// max(20, round(72 / speed)) milliseconds; throws Error(invalid_option) for a
// speed outside 0.25..4.
int frameDelayMs(double speed);

// Tick `tick` (0..15) rendered like a static render (palette, bg, scaling) into
// `out`, options.size square, rows `stride` bytes apart (0 = packed). Allocates nothing.
void renderTickInto(const Pack& pack, const Combo& combo, const RenderOptions& options, int tick,
                    std::span<std::uint8_t> out, std::size_t stride = 0);
Image renderTick(const Pack& pack, const Combo& combo, const RenderOptions& options, int tick);
// Every encoded tick (8 or 16, timeline().ticks) stacked vertically, tick 0 on
// top: options.size wide, ticks*options.size high. The Into form writes into
// the caller's buffer and allocates nothing.
void renderTicksInto(const Pack& pack, const Combo& combo, const RenderOptions& options, std::span<std::uint8_t> out,
                     std::size_t stride = 0);
Image renderTicks(const Pack& pack, const Combo& combo, const RenderOptions& options);

}  // namespace pixabots::core
