#include <string>

#include "animation/frames.hpp"
#include "pixabots/core/error.hpp"
#include "render/pipeline.hpp"
#include "render/scale.hpp"

namespace pixabots::core {
namespace {

void checkTick(int tick) {
  if (tick < 0 || tick >= kLoopTicks) {
    throw Error(Errc::invalid_option, "tick " + std::to_string(tick) + " is out of range 0..15");
  }
}

}  // namespace

void renderTickInto(const Pack& pack, const Combo& combo, const RenderOptions& options, int tick,
                    std::span<std::uint8_t> out, std::size_t stride) {
  validate(options);
  checkTick(tick);
  stride = detail::checkedStride(out, options.size, stride);
  detail::Canvas canvas;
  detail::composeTick(pack, combo, timeline(pack, combo).frames[static_cast<std::size_t>(tick)], options, canvas);
  detail::scaleInto(canvas, detail::ScaleMaps(options.size), out.data(), stride);
}

Image renderTick(const Pack& pack, const Combo& combo, const RenderOptions& options, int tick) {
  validate(options);
  checkTick(tick);
  Image image(options.size, options.size);
  renderTickInto(pack, combo, options, tick, image.pixels(), image.rowBytes());
  return image;
}

void renderTicksInto(const Pack& pack, const Combo& combo, const RenderOptions& options, std::span<std::uint8_t> out,
                     std::size_t stride) {
  validate(options);
  const Timeline t = timeline(pack, combo);
  stride = detail::checkedStride(out, options.size, stride);
  const std::size_t tickBytes = stride * static_cast<std::size_t>(options.size);
  if (out.size() < tickBytes * static_cast<std::size_t>(t.ticks - 1) + tickBytes) {
    throw Error(Errc::invalid_option, "output buffer holds " + std::to_string(out.size()) + " bytes; " +
                                          std::to_string(t.ticks) + " ticks of " + std::to_string(options.size) +
                                          " px need " + std::to_string(tickBytes * static_cast<std::size_t>(t.ticks)));
  }
  const detail::ScaleMaps maps(options.size);
  detail::Canvas canvas;
  for (int tick = 0; tick < t.ticks; ++tick) {
    detail::composeTick(pack, combo, t.frames[static_cast<std::size_t>(tick)], options, canvas);
    detail::scaleInto(canvas, maps, out.data() + tickBytes * static_cast<std::size_t>(tick), stride);
  }
}

Image renderTicks(const Pack& pack, const Combo& combo, const RenderOptions& options) {
  validate(options);
  Image strip(options.size, options.size * timeline(pack, combo).ticks);
  renderTicksInto(pack, combo, options, strip.pixels(), strip.rowBytes());
  return strip;
}

}  // namespace pixabots::core
