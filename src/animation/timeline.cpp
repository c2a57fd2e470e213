#include <cmath>
#include <string>

#include "pixabots/core/animation.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::core {
namespace {

// The service's bounce: per tick, offsets in encoding order (eyes, heads, body, top).
constexpr double kBounce[kBounceTicks][4] = {
    {0, 0, 0, 0}, {0, 0, 0, 0}, {1, 1, 0, 0}, {2, 2, 1, 1}, {2, 2, 1, 2}, {2, 2, 1, 2.5}, {1, 1, 1, 2}, {0, 0, 0, 1},
};

// Blink sheets are [open, closed]: closed on ticks 1 and 3 of the super-loop.
constexpr int kBlink[kLoopTicks] = {0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

int jsRound(double v) { return static_cast<int>(std::floor(v + 0.5)); }

int spriteFrame(PartKind kind, int tick, int sheetFrames) {
  int frame = 0;
  if (kind == PartKind::blink) frame = kBlink[tick];
  if (kind == PartKind::sequence) frame = tick % sheetFrames;
  return frame < sheetFrames ? frame : sheetFrames - 1;
}

}  // namespace

Timeline timeline(const Pack& pack, const Combo& combo) {
  validateCombo(pack.catalog(), combo);
  Timeline t;
  bool animated = false;
  for (Category c : kEncodingOrder) animated |= pack.sheet(c, combo[c]).frames() > 1;
  t.ticks = animated ? kLoopTicks : kBounceTicks;
  for (int tick = 0; tick < kLoopTicks; ++tick) {
    TickFrame& f = t.frames[static_cast<std::size_t>(tick)];
    f.tick = tick;
    for (Category c : kEncodingOrder) {
      const auto i = static_cast<std::size_t>(c);
      f.offsets[i] = kBounce[tick % kBounceTicks][i];
      f.shift[i] = jsRound(f.offsets[i]);
      f.sprite[i] = spriteFrame(pack.catalog().part(c, combo[c]).kind, tick, pack.sheet(c, combo[c]).frames());
    }
  }
  return t;
}

int frameDelayMs(double speed) {
  RenderOptions check;
  check.speed = speed;
  validate(check);
  return std::max(20, jsRound(kFrameMs / speed));
}

}  // namespace pixabots::core
