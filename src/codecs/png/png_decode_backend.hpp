#pragma once
// decodePng in two parts. png_decode.cpp does every check on the file itself,
// the same whichever library decodes: signature, chunk framing and CRCs,
// IHDR values and the size limits, PLTE/tRNS, the exact inflated size of the
// image data, palette indices. A backend only inflates and unfilters the IDAT
// run: libpng natively (png_decode_libpng.cpp), stb_image in the WebAssembly
// build, which has no libpng or zlib (png_decode_stb.cpp). CMake's
// PIXABOTS_PNG_DECODER picks the one decodePng uses.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "pixabots/core/image.hpp"
#include "pixabots/core/png.hpp"

namespace pixabots::core::detail::png {

enum ColorType : int { kGrey = 0, kRgb = 2, kIndexed = 3, kGreyAlpha = 4, kRgba = 6 };

// What the chunks say, checked: the IHDR values are a valid combination and
// within the limits, an indexed image has a PLTE.
struct PngLayout {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  int bitDepth = 0;
  int colorType = 0;
  bool interlaced = false;
  int channels = 0;                                 // samples per pixel in the file
  std::span<const std::uint8_t> palette;            // PLTE: RGB triples
  std::span<const std::uint8_t> paletteAlpha;       // tRNS of an indexed image
  std::span<const std::uint8_t> keyColour;          // tRNS of a grey (2 bytes) or RGB (6 bytes) image
  std::vector<std::span<const std::uint8_t>> idat;  // the data of the first run of IDAT chunks
  std::uint64_t inflatedSize = 0;                   // exactly what the IHDR calls for: filter bytes and packed rows
};

// Inflates and unfilters the image data into 8-bit RGBA rows, or for an
// indexed image into one palette index a byte at the start of each row (the
// shared part checks and expands them). Honours the key colour. Refuses, via
// failExcessData, image data inflating past layout.inflatedSize as soon as it
// does. Throws Error(codec), through the helpers below where they fit.
using PngBackend = Image (*)(std::span<const std::uint8_t> file, const PngLayout& layout);
Image decodeWithLibpng(std::span<const std::uint8_t> file, const PngLayout& layout);
Image decodeWithStb(std::span<const std::uint8_t> file, const PngLayout& layout);

// decodePng with `backend` in place of the build's own: the tests run both.
Image decodePngWith(std::span<const std::uint8_t> bytes, const PngLimits& limits, PngBackend backend);

// The errors both backends name the same way.
[[noreturn]] void failTruncated();
[[noreturn]] void failCorrupt(const std::string& what);  // "corrupt PNG: <what>"
[[noreturn]] void failExcessData(const PngLayout& layout);
[[noreturn]] void failTooLarge(const PngLayout& layout);  // for this platform's address space

}  // namespace pixabots::core::detail::png
