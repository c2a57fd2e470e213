#include <array>
#include <string>

#include "codecs/png/png_encode.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/render.hpp"
#include "render/composite.hpp"
#include "render/pipeline.hpp"
#include "render/scale.hpp"

namespace pixabots::core {
namespace detail {
namespace {

// Everything a static render does before scaling, at 32x32.
void composeStatic(const Pack& pack, const Combo& combo, const RenderOptions& options, Canvas& canvas) {
  composite(stillLayers(pack, combo), canvas);
  finish(options, canvas);
}

}  // namespace
}  // namespace detail

void renderInto(const Pack& pack, const Combo& combo, const RenderOptions& options, std::span<std::uint8_t> out,
                std::size_t stride) {
  validate(options);
  stride = detail::checkedStride(out, options.size, stride);
  detail::Canvas canvas;
  detail::composeStatic(pack, combo, options, canvas);
  detail::scaleInto(canvas, detail::ScaleMaps(options.size), out.data(), stride);
}

Image render(const Pack& pack, const Combo& combo, const RenderOptions& options) {
  validate(options);
  detail::Canvas canvas;
  detail::composeStatic(pack, combo, options, canvas);
  return detail::scaled(canvas, options.size);
}

Image renderPart(const Pack& pack, Category category, int part, int frame, const RenderOptions& options) {
  validate(options);
  const std::string name(categoryName(category));
  const int parts = pack.catalog().count(category);
  if (part < 0 || part >= parts) {
    throw Error(Errc::invalid_option,
                name + " part " + std::to_string(part) + " is out of range 0.." + std::to_string(parts - 1));
  }
  const SpriteSheet& sheet = pack.sheet(category, part);
  if (frame < 0 || frame >= sheet.frames()) {
    throw Error(Errc::invalid_option, name + "/" + pack.catalog().part(category, part).name + " frame " +
                                          std::to_string(frame) + " is out of range 0.." +
                                          std::to_string(sheet.frames() - 1));
  }
  detail::Canvas canvas;
  const detail::Layer layer{sheet.frame(frame)};
  detail::composite({&layer, 1}, canvas);
  detail::finish(options, canvas);
  return detail::scaled(canvas, options.size);
}

std::vector<std::uint8_t> renderPng(const Pack& pack, const Combo& combo, const RenderOptions& options) {
  validate(options);
  detail::Canvas canvas;
  detail::composeStatic(pack, combo, options, canvas);
  const detail::ScaleMaps maps(options.size);
  std::vector<std::uint8_t> png;
  detail::encodeMappedPng(canvas.data(), detail::kCanvasStride, kNativeSize, kNativeSize, maps.cols.entries(),
                          maps.rows.entries(), png);
  return png;
}

}  // namespace pixabots::core
