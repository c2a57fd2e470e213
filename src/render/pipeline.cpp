#include "render/pipeline.hpp"

#include <string>

#include "filters/background.hpp"
#include "filters/palette.hpp"
#include "pixabots/core/error.hpp"
#include "render/scale.hpp"

namespace pixabots::core::detail {

std::array<Layer, 4> stillLayers(const Pack& pack, const Combo& combo) {
  validateCombo(pack.catalog(), combo);
  std::array<Layer, 4> layers{};
  for (std::size_t i = 0; i < kLayerOrder.size(); ++i) {
    layers[i].frame = pack.sheet(kLayerOrder[i], combo[kLayerOrder[i]]).frame(0);
  }
  return layers;
}

void finish(const RenderOptions& options, Canvas& canvas) {
  const int hue = normalizedHue(options.hue);
  if (options.bg) flattenOnto(canvas, *options.bg);
  if (hue != 0 || options.saturate != 1.0) applyPalette(canvas, hue, options.saturate);
  if (options.size != kNativeSize) roundTripPremultiplied(canvas);
}

Image scaled(const Canvas& canvas, int size) {
  Image image(size, size);
  scaleInto(canvas, ScaleMaps(size), image.pixels().data(), image.rowBytes());
  return image;
}

std::size_t checkedStride(std::span<const std::uint8_t> out, int size, std::size_t stride) {
  const std::size_t rowBytes = static_cast<std::size_t>(size) * 4;
  if (stride == 0) stride = rowBytes;
  if (stride < rowBytes) {
    throw Error(Errc::invalid_option,
                "stride " + std::to_string(stride) + " is smaller than a row (" + std::to_string(rowBytes) + " bytes)");
  }
  const std::size_t needed = stride * static_cast<std::size_t>(size - 1) + rowBytes;
  if (out.size() < needed) {
    throw Error(Errc::invalid_option, "output buffer holds " + std::to_string(out.size()) + " bytes; a " +
                                          std::to_string(size) + " px render needs " + std::to_string(needed));
  }
  return stride;
}

}  // namespace pixabots::core::detail
