// decodePng's checks on the file itself, shared by both backends
// (png_decode_backend.hpp): whatever library inflates the rows, hostile input
// meets the same checks and gets the same messages.
#include "codecs/png/png_decode.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <string>

#include "codecs/png/checksum.hpp"
#include "codecs/png/png_decode_backend.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::core {
namespace detail::png {
namespace {

constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
constexpr std::uint32_t kMaxChunkLength = 0x7fffffffu;

[[noreturn]] void fail(const std::string& message) { throw Error(Errc::codec, message); }

std::uint32_t readU32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

void checkLimits(std::uint64_t width, std::uint64_t height, const PngLimits& limits) {
  const auto maxW = static_cast<std::uint64_t>(std::max(limits.maxWidth, 0));
  const auto maxH = static_cast<std::uint64_t>(std::max(limits.maxHeight, 0));
  const std::string size = "PNG is " + std::to_string(width) + "x" + std::to_string(height);
  if (width > maxW || height > maxH) {
    const char* over = width <= maxW ? "taller than" : height <= maxH ? "wider than" : "wider and taller than";
    fail(size + ", " + over + " the " + std::to_string(maxW) + "x" + std::to_string(maxH) + " limit");
  }
  // Both are < 2^32, so the product fits 64 bits.
  if (width * height > limits.maxPixels) {
    fail(size + ", more than the " + std::to_string(limits.maxPixels) + "-pixel limit");
  }
}

// Samples per pixel, or 0 when the bit depth is not allowed for the colour type.
int channelsOf(int colorType, int bitDepth) {
  const bool upTo8 = bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
  switch (colorType) {
    case kGrey: return upTo8 || bitDepth == 16 ? 1 : 0;
    case kIndexed: return upTo8 ? 1 : 0;
    case kRgb: return bitDepth == 8 || bitDepth == 16 ? 3 : 0;
    case kGreyAlpha: return bitDepth == 8 || bitDepth == 16 ? 2 : 0;
    case kRgba: return bitDepth == 8 || bitDepth == 16 ? 4 : 0;
    default: return 0;
  }
}

// The exact length of the inflated image data: each row of each interlace
// pass (empty passes have none) is a filter byte and the packed pixels.
std::uint64_t inflatedSize(const PngLayout& f) {
  const auto pixelBits = static_cast<std::uint64_t>(f.bitDepth) * static_cast<std::uint64_t>(f.channels);
  const auto rows = [&](std::uint64_t width, std::uint64_t height) {
    return width == 0 ? 0 : height * (1 + (width * pixelBits + 7) / 8);
  };
  if (!f.interlaced) return rows(f.width, f.height);
  // Adam7: each pass's first column and row, and its steps.
  constexpr std::array<std::uint64_t, 7> x0{0, 4, 0, 2, 0, 1, 0}, y0{0, 0, 4, 0, 2, 0, 1};
  constexpr std::array<std::uint64_t, 7> dx{8, 8, 4, 4, 2, 2, 1}, dy{8, 8, 8, 4, 4, 2, 2};
  const auto count = [](std::uint64_t size, std::uint64_t first, std::uint64_t step) {
    return size > first ? (size - first + step - 1) / step : 0;
  };
  std::uint64_t total = 0;
  for (std::size_t p = 0; p < 7; ++p) total += rows(count(f.width, x0[p], dx[p]), count(f.height, y0[p], dy[p]));
  return total;
}

std::string formatName(const PngLayout& f) {
  std::string name = std::to_string(f.bitDepth) + "-bit ";
  switch (f.colorType) {
    case kGrey: name += "grey"; break;
    case kGreyAlpha: name += "grey+alpha"; break;
    case kRgb: name += "RGB"; break;
    case kRgba: name += "RGBA"; break;
    default: name += "indexed"; break;
  }
  return f.interlaced ? name + " interlaced" : name;
}

void readHeader(std::span<const std::uint8_t> data, const PngLimits& limits, PngLayout& f) {
  if (data.size() != 13) failCorrupt("IHDR: invalid length " + std::to_string(data.size()));
  f.width = readU32(&data[0]);
  f.height = readU32(&data[4]);
  checkLimits(f.width, f.height, limits);
  if (f.width == 0 || f.height == 0 || f.width > kMaxChunkLength || f.height > kMaxChunkLength) {
    failCorrupt("IHDR: invalid size " + std::to_string(f.width) + "x" + std::to_string(f.height));
  }
  f.bitDepth = data[8];
  f.colorType = data[9];
  f.channels = channelsOf(f.colorType, f.bitDepth);
  if (f.channels == 0) {
    failCorrupt("IHDR: bit depth " + std::to_string(f.bitDepth) + " with colour type " + std::to_string(f.colorType) +
                " is not a PNG format");
  }
  if (data[10] != 0 || data[11] != 0) failCorrupt("IHDR: unknown compression or filter method");
  if (data[12] > 1) failCorrupt("IHDR: unknown interlace method " + std::to_string(data[12]));
  f.interlaced = data[12] == 1;
  f.inflatedSize = inflatedSize(f);
}

// tRNS as libpng takes it: the first one before the image data with the
// length the colour type calls for; any other is ignored.
void readTransparency(std::span<const std::uint8_t> data, PngLayout& f) {
  if (!f.paletteAlpha.empty() || !f.keyColour.empty()) return;
  if (f.colorType == kIndexed) {
    if (!data.empty() && data.size() <= f.palette.size() / 3) f.paletteAlpha = data;
  } else if ((f.colorType == kGrey && data.size() == 2) || (f.colorType == kRgb && data.size() == 6)) {
    f.keyColour = data;
  }
}

// Walks every chunk up to IEND, in file order, so the first problem in the
// file is the one named: framing, CRCs of critical chunks (libpng skips an
// ancillary chunk with a bad CRC, so this does too), IHDR first and valid,
// PLTE where an indexed image needs it, the IDAT run.
PngLayout readLayout(std::span<const std::uint8_t> bytes, const PngLimits& limits) {
  PngLayout f;
  bool seenHeader = false;
  bool idatEnded = false;
  for (std::size_t pos = sizeof kSignature;;) {
    if (bytes.size() - pos < 12) failTruncated();
    const std::uint32_t length = readU32(&bytes[pos]);
    if (length > kMaxChunkLength) failCorrupt("chunk length " + std::to_string(length) + " is over 2^31-1");
    if (length > bytes.size() - pos - 12) failTruncated();
    const std::uint8_t* type = &bytes[pos + 4];
    const std::span<const std::uint8_t> data = bytes.subspan(pos + 8, length);
    pos += 12 + std::size_t{length};
    if (!std::all_of(type, type + 4, [](std::uint8_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); })) {
      failCorrupt("invalid chunk type");
    }
    const std::string name(type, type + 4);
    const bool critical = (type[0] & 0x20) == 0;
    const bool crcOk = crc32(0, type, 4 + std::size_t{length}) == readU32(data.data() + length);
    if (critical && !crcOk) failCorrupt(name + ": CRC error");
    if (!seenHeader) {
      if (name != "IHDR") failCorrupt("the first chunk is " + name + ", not IHDR");
      readHeader(data, limits, f);
      seenHeader = true;
      continue;
    }
    const bool beforeData = f.idat.empty();
    if (!f.idat.empty() && name != "IDAT") idatEnded = true;
    if (name == "IEND") break;
    if (name == "IDAT") {
      if (f.colorType == kIndexed && f.palette.empty()) failCorrupt("no PLTE before the image data");
      if (!idatEnded) f.idat.push_back(data);  // libpng reads one run, then warns of any other
    } else if (name == "PLTE") {
      if (f.colorType == kGrey || f.colorType == kGreyAlpha) continue;  // ignored, as by libpng
      if (!beforeData || !f.palette.empty()) failCorrupt("PLTE: out of place");
      if (length == 0 || length % 3 != 0 || length > 3 * 256) {
        if (f.colorType == kIndexed) failCorrupt("PLTE: invalid length " + std::to_string(length));
        continue;
      }
      if (f.colorType == kIndexed) f.palette = data;
    } else if (name == "tRNS") {
      if (crcOk && beforeData) readTransparency(data, f);
    } else if (critical) {
      failCorrupt(name + ": unknown critical chunk");
    }
  }
  if (f.idat.empty()) failCorrupt("no image data (IDAT)");
  return f;
}

// Turns the indices at the start of each row into RGBA, refusing an index past
// the palette. Right to left, so that pixel x's RGBA, written at 4x, lands on
// indices already read.
void expandPalette(Image& image, const PngLayout& f) {
  const int paletteSize = static_cast<int>(f.palette.size() / 3);
  for (int y = 0; y < image.height(); ++y) {
    std::uint8_t* row = image.row(y);
    for (int x = 0; x < image.width(); ++x) {
      if (row[x] >= paletteSize) {
        failCorrupt("pixel (" + std::to_string(x) + ", " + std::to_string(y) + ") uses palette index " +
                    std::to_string(row[x]) + " but PLTE has " + std::to_string(paletteSize) +
                    (paletteSize == 1 ? " entry" : " entries") + " (indices 0.." + std::to_string(paletteSize - 1) +
                    ")");
      }
    }
    for (int x = image.width() - 1; x >= 0; --x) {
      const std::size_t index = row[x];
      std::uint8_t* out = row + static_cast<std::size_t>(x) * 4;
      std::memcpy(out, &f.palette[index * 3], 3);
      out[3] = index < f.paletteAlpha.size() ? f.paletteAlpha[index] : 0xff;
    }
  }
}

}  // namespace

void failTruncated() { fail("truncated PNG data"); }

void failCorrupt(const std::string& what) { fail("corrupt PNG: " + what); }

void failExcessData(const PngLayout& f) {
  failCorrupt("the image data inflates to more than " + std::to_string(f.inflatedSize) + " bytes, the size of a " +
              std::to_string(f.width) + "x" + std::to_string(f.height) + " " + formatName(f) +
              " image (its IHDR); inflating stopped there");
}

void failTooLarge(const PngLayout& f) {
  fail("PNG is " + std::to_string(f.width) + "x" + std::to_string(f.height) + ", too large for this platform");
}

Image decodePngWith(std::span<const std::uint8_t> bytes, const PngLimits& limits, PngBackend backend) {
  if (bytes.empty()) fail("not a PNG (empty input)");
  const std::size_t sigLen = std::min(bytes.size(), sizeof kSignature);
  if (std::memcmp(bytes.data(), kSignature, sigLen) != 0) fail("not a PNG (bad signature)");
  if (bytes.size() < sizeof kSignature) failTruncated();

  const PngLayout layout = readLayout(bytes, limits);
  // Only bites where size_t is 32 bits (WebAssembly).
  if (std::uint64_t{layout.width} * layout.height * 4 > std::numeric_limits<std::size_t>::max() / 2) {
    failTooLarge(layout);
  }
  Image image = backend(bytes, layout);
  if (layout.colorType == kIndexed) expandPalette(image, layout);

  // Transparent pixels carry no colour.
  std::span<std::uint8_t> px = image.pixels();
  for (std::size_t i = 0; i < px.size(); i += 4) {
    if (px[i + 3] == 0) std::memset(&px[i], 0, 4);
  }
  return image;
}

}  // namespace detail::png

std::optional<detail::PngSize> detail::pngHeaderSize(std::span<const std::uint8_t> file) {
  if (file.size() < 33 || std::memcmp(file.data(), png::kSignature, sizeof png::kSignature) != 0) return std::nullopt;
  const std::uint8_t* chunk = file.data() + 8;
  if (png::readU32(chunk) != 13 || std::memcmp(chunk + 4, "IHDR", 4) != 0 ||
      png::crc32(0, chunk + 4, 17) != png::readU32(chunk + 21)) {
    return std::nullopt;
  }
  return detail::PngSize{png::readU32(chunk + 8), png::readU32(chunk + 12)};
}

Image decodePng(std::span<const std::uint8_t> bytes, const PngLimits& limits) {
#if defined(PIXABOTS_PNG_DECODER_STB) || defined(__EMSCRIPTEN__)
  return detail::png::decodePngWith(bytes, limits, detail::png::decodeWithStb);
#else
  return detail::png::decodePngWith(bytes, limits, detail::png::decodeWithLibpng);
#endif
}

}  // namespace pixabots::core
