#include "pack/sheet.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "codecs/png/png_decode.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"

namespace pixabots::core::detail {
namespace {

std::string size(std::uint64_t width, std::uint64_t height) {
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

  // The header's size is checked before decoding, so a sheet of the wrong size
  // gets that message whatever its size, and decoding allows exactly the
  // expected size (which also bounds what its image data may inflate to).
  const int expectedWidth = part.frames * kNativeSize;
  const auto wrongSize = [&](std::uint64_t width, std::uint64_t height) {
    if (width == static_cast<std::uint64_t>(expectedWidth) && height == kNativeSize) return false;
    const std::string expected = size(expectedWidth, kNativeSize);
    if (height == kNativeSize && width > 0 && width % kNativeSize == 0) {
      const std::uint64_t frames = width / kNativeSize;
      problems.report(file, "holds " + std::to_string(frames) + (frames == 1 ? " frame (" : " frames (") +
                                size(width, height) + ") but the catalog says " + describePart(c, part) + " has " +
                                std::to_string(part.frames) + " (" + expected + ")");
    } else {
      problems.report(file, "wrong size " + size(width, height) + ", expected " + expected +
                                ": a sheet is 32 px high and 32 px wide per frame (" + std::to_string(part.frames) +
                                (part.frames == 1 ? " frame)" : " frames)"));
    }
    return true;
  };
  const auto header = pngHeaderSize(png);
  if (header && wrongSize(header->width, header->height)) return std::nullopt;

  PngLimits pngLimits;
  pngLimits.maxWidth = expectedWidth;
  pngLimits.maxHeight = kNativeSize;
  pngLimits.maxPixels = static_cast<std::size_t>(expectedWidth) * kNativeSize;
  Image image;
  try {
    image = decodePng(png, pngLimits);
  } catch (const Error& e) {
    problems.report(file, std::string("cannot decode PNG: ") + e.what());
    return std::nullopt;
  }
  // Without a header read ahead libpng refuses the file, but the copy below
  // must never rely on that.
  if (wrongSize(static_cast<std::uint64_t>(image.width()), static_cast<std::uint64_t>(image.height()))) {
    return std::nullopt;
  }

  // Frame-major: the renderer reads one frame as one contiguous 32x32 image.
  constexpr std::size_t kRowBytes = kNativeSize * 4;
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(part.frames) * kFrameBytes);
  for (int f = 0; f < part.frames; ++f) {
    for (int y = 0; y < kNativeSize; ++y) {
      std::memcpy(pixels.data() + static_cast<std::size_t>(f) * kFrameBytes + static_cast<std::size_t>(y) * kRowBytes,
                  image.row(y) + static_cast<std::size_t>(f) * kRowBytes, kRowBytes);
    }
  }
  return SpriteSheet(part.frames, std::move(pixels));
}

}  // namespace pixabots::core::detail
