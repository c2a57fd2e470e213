#include "pack/sheet.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"

namespace pixabots::core::detail {
namespace {

std::string size(int width, int height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

std::string describePart(Category c, const Part& part) {
  return std::string(categoryName(c)) + " part \"" + part.name + "\"";
}

}  // namespace

std::optional<SpriteSheet> decodeSheet(std::span<const std::uint8_t> png, Category c, const Part& part,
                                       const PackLimits& limits, std::string_view file, Problems& problems) {
  const int maxFrames = std::clamp(limits.maxFramesPerSheet, 0, INT_MAX / kNativeSize);
  if (part.frames > maxFrames) {
    problems.report(file, describePart(c, part) + " has " + std::to_string(part.frames) +
                              " frames, more than the limit of " + std::to_string(maxFrames));
    return std::nullopt;
  }

  // The limits come from the pack's, not from this part's frame count, so that
  // a wrong-sized sheet that is still small decodes and gets the clearer
  // "wrong size" message below; anything bigger is refused before allocation.
  PngLimits pngLimits;
  pngLimits.maxWidth = maxFrames * kNativeSize;
  pngLimits.maxHeight = kNativeSize;
  pngLimits.maxPixels = static_cast<std::size_t>(pngLimits.maxWidth) * kNativeSize;

  Image image;
  try {
    image = decodePng(png, pngLimits);
  } catch (const Error& e) {
    problems.report(file, std::string("cannot decode PNG: ") + e.what());
    return std::nullopt;
  }

  const int expectedWidth = part.frames * kNativeSize;
  if (image.width() != expectedWidth || image.height() != kNativeSize) {
    const std::string expected = size(expectedWidth, kNativeSize);
    if (image.height() == kNativeSize && image.width() > 0 && image.width() % kNativeSize == 0) {
      const int frames = image.width() / kNativeSize;
      problems.report(file, "holds " + std::to_string(frames) + (frames == 1 ? " frame (" : " frames (") +
                                size(image.width(), image.height()) + ") but the catalog says " +
                                describePart(c, part) + " has " + std::to_string(part.frames) + " (" +
                                expected + ")");
    } else {
      problems.report(file, "wrong size " + size(image.width(), image.height()) + ", expected " + expected +
                                (part.frames == 1 ? "" : " (" + std::to_string(part.frames) + " frames of 32x32)"));
    }
    return std::nullopt;
  }

  // Frame-major: the renderer reads one frame as one contiguous 32x32 image.
  constexpr std::size_t kRowBytes = kNativeSize * 4;
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(part.frames) * kFrameBytes);
  for (int f = 0; f < part.frames; ++f) {
    for (int y = 0; y < kNativeSize; ++y) {
      std::memcpy(pixels.data() + static_cast<std::size_t>(f) * kFrameBytes +
                      static_cast<std::size_t>(y) * kRowBytes,
                  image.row(y) + static_cast<std::size_t>(f) * kRowBytes, kRowBytes);
    }
  }
  return SpriteSheet(part.frames, std::move(pixels));
}

}  // namespace pixabots::core::detail
