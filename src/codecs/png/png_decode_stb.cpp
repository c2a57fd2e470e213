// The WebAssembly backend of decodePng (png_decode_backend.hpp): stb_image's
// inflater and unfilter. Why stb_image: the web build has no libpng and no
// zlib, and emscripten's ports of them download at build time, which this
// project never does; stb_image is a maintained single-header library that
// Debian packages (libstb-dev). png_decode.cpp has checked the file before
// this runs, so stb sees one IDAT stream of a known size and nothing else.
//
// The implementation is compiled here only, PNG code only, every function
// static (private to this file), no stdio, and no SIMD: stb's SIMD is for
// JPEG and checks x86/NEON macros that mean nothing in WebAssembly.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_SIMD
#define STBI_MAX_DIMENSIONS 1000000
#include <stb_image.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "codecs/png/checksum.hpp"
#include "codecs/png/png_decode_backend.hpp"

namespace pixabots::core::detail::png {
namespace {

static_assert(STBI_MAX_DIMENSIONS == kPngLimitsCeiling.maxWidth && STBI_MAX_DIMENSIONS == kPngLimitsCeiling.maxHeight);

// The IDAT run's data in one buffer: stb's inflater takes its input whole.
std::vector<std::uint8_t> joinIdat(const PngLayout& layout) {
  std::size_t size = 0;
  for (const auto chunk : layout.idat) size += chunk.size();
  std::vector<std::uint8_t> joined;
  joined.reserve(size);
  for (const auto chunk : layout.idat) joined.insert(joined.end(), chunk.begin(), chunk.end());
  return joined;
}

std::uint32_t readU32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// Inflates into a buffer of exactly the size the IHDR calls for; stb refuses
// to write past it ("output buffer limit"), which is the excess-data check.
// stb's public stbi_zlib_decode_buffer does not check the Adler-32, which
// libpng (zlib) does, so this runs its inflater itself to see where the
// deflate data ended and the checksum starts.
std::vector<std::uint8_t> inflateImageData(const PngLayout& layout) {
  std::vector<std::uint8_t> compressed = joinIdat(layout);
  // stb counts in int.
  if (layout.inflatedSize > INT_MAX || compressed.size() > INT_MAX) failTooLarge(layout);
  std::vector<std::uint8_t> raw(layout.inflatedSize);
  stbi__zbuf z{};
  z.zbuffer = compressed.data();
  z.zbuffer_end = compressed.data() + compressed.size();
  if (stbi__do_zlib(&z, reinterpret_cast<char*>(raw.data()), static_cast<int>(raw.size()), 0, 1) == 0) {
    if (std::strcmp(stbi_failure_reason(), "output buffer limit") == 0) failExcessData(layout);
    failCorrupt(std::string("image data: ") + stbi_failure_reason());
  }
  if (static_cast<std::uint64_t>(z.zout - z.zout_start) < layout.inflatedSize) failCorrupt("not enough image data");
  // The whole bytes still in stb's bit buffer were read past the end of the
  // deflate data (the rest of the last byte is padding).
  const std::uint8_t* trailer = z.zbuffer - z.num_bits / 8;
  if (z.zbuffer_end - trailer < 4) failCorrupt("image data: no Adler-32 after the deflate data");
  if (readU32(trailer) != adler32(1, raw.data(), raw.size())) failCorrupt("image data: incorrect Adler-32");
  return raw;
}

// libpng's png_set_scale_16 rounding, exactly: v * 255 / 65535, to nearest.
std::uint8_t scale16(unsigned v) {
  const int high = static_cast<int>(v >> 8);
  return static_cast<std::uint8_t>(high + (((static_cast<int>(v & 0xffu) - high + 128) * 65535) >> 24));
}

// The tRNS key colour as the samples stb produces: 16-bit values as they
// are, lower depths cut to their bits (as libpng does) and grey scaled up to
// 8 bits like the samples.
std::vector<unsigned> keySamples(const PngLayout& layout) {
  std::vector<unsigned> key;
  for (std::size_t i = 0; i + 1 < layout.keyColour.size(); i += 2) {
    unsigned v = (unsigned{layout.keyColour[i]} << 8) | layout.keyColour[i + 1];
    if (layout.bitDepth < 16) {
      v &= (1u << layout.bitDepth) - 1;
      if (layout.colorType == kGrey) v *= 255u / ((1u << layout.bitDepth) - 1);
    }
    key.push_back(v);
  }
  return key;
}

// stb's unfiltered samples (one a byte, or native 16-bit) to RGBA rows, or
// for an indexed image one index a byte at the start of each row.
void convert(const std::uint8_t* samples, const PngLayout& layout, Image& image) {
  const std::size_t n = static_cast<std::size_t>(layout.channels);
  const std::size_t width = layout.width;
  if (layout.colorType == kIndexed) {
    for (int y = 0; y < image.height(); ++y)
      std::memcpy(image.row(y), samples + static_cast<std::size_t>(y) * width, width);
    return;
  }
  const bool wide = layout.bitDepth == 16;
  const std::vector<unsigned> key = keySamples(layout);
  unsigned s[4];
  for (int y = 0; y < image.height(); ++y) {
    std::uint8_t* out = image.row(y);
    for (std::size_t x = 0; x < width; ++x, out += 4) {
      const std::size_t at = (static_cast<std::size_t>(y) * width + x) * n;
      for (std::size_t k = 0; k < n; ++k) {
        if (wide) {
          std::uint16_t v;
          std::memcpy(&v, samples + (at + k) * 2, 2);
          s[k] = v;
        } else {
          s[k] = samples[at + k];
        }
      }
      const auto v8 = [&](std::size_t k) { return wide ? scale16(s[k]) : static_cast<std::uint8_t>(s[k]); };
      const bool colour = layout.colorType == kRgb || layout.colorType == kRgba;
      out[0] = v8(0);
      out[1] = colour ? v8(1) : out[0];
      out[2] = colour ? v8(2) : out[0];
      out[3] = n == 2 || n == 4 ? v8(n - 1) : 0xff;
      if (!key.empty() && std::equal(key.begin(), key.end(), s)) out[3] = 0;
    }
  }
}

}  // namespace

Image decodeWithStb(std::span<const std::uint8_t>, const PngLayout& layout) {
  std::vector<std::uint8_t> raw = inflateImageData(layout);
  stbi__context source{};
  source.img_x = layout.width;
  source.img_y = layout.height;
  source.img_n = layout.channels;
  stbi__png png{};
  png.s = &source;
  png.depth = layout.bitDepth;
  // stb leaves its output for the caller to free, failed or not.
  const int ok = stbi__create_png_image(&png, raw.data(), static_cast<stbi__uint32>(raw.size()), layout.channels,
                                        layout.bitDepth, layout.colorType, layout.interlaced ? 1 : 0);
  const std::unique_ptr<stbi_uc, decltype(&std::free)> samples(png.out, &std::free);
  if (!ok) {
    const std::string reason = stbi_failure_reason();
    if (reason == "outofmem" || reason == "too large") failTooLarge(layout);
    failCorrupt("image data: " + reason);
  }
  Image image(static_cast<int>(layout.width), static_cast<int>(layout.height));
  convert(samples.get(), layout, image);
  return image;
}

}  // namespace pixabots::core::detail::png
