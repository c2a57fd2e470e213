#pragma once
// The body of the decodePng fuzz targets, over a decoder the target names:
// png_decode_fuzz.cpp the library's own, png_decode_stb_fuzz.cpp the
// stb_image backend. Any pixabots::core::Error is an accepted answer;
// crashes, sanitizer reports and other exceptions are bugs. Whatever decodes
// is also re-encoded (encodePng, and encodeMappedPng with a small upscale) and
// decoded again by the same decoder: a lossy round trip aborts, so the fuzzer
// reports it. That puts the encoder under the fuzzer too, on images of
// arbitrary content.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <type_traits>
#include <vector>

#include "codecs/png/png_encode.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"

namespace png_decode_target {

// Image(std::span<const std::uint8_t>, const PngLimits&), as decodePng.
template <class Decode>
concept Decoder = std::is_invocable_r_v < pixabots::core::Image,
        Decode, std::span<const std::uint8_t>,
const pixabots::core::PngLimits& > ;

// Small enough that a header claiming a big image cannot stall the fuzzer.
constexpr pixabots::core::PngLimits kLimits{2048, 2048, std::size_t{1} << 20};

inline void check(bool ok) {
  if (!ok) std::abort();
}

template <Decoder Decode>
void roundTrip(const pixabots::core::Image& image, unsigned scale, Decode decode) {
  if (static_cast<std::size_t>(image.width()) * static_cast<std::size_t>(image.height()) > (1u << 16)) return;
  check(decode(pixabots::core::encodePng(image.view()), pixabots::core::PngLimits{}) == image);

  // Upscale by 1..3 through the maps and compare with a naive upscale.
  std::vector<std::uint32_t> cols;
  std::vector<std::uint32_t> rows;
  for (int x = 0; x < image.width(); ++x) cols.insert(cols.end(), scale, static_cast<std::uint32_t>(x));
  for (int y = 0; y < image.height(); ++y) rows.insert(rows.end(), scale, static_cast<std::uint32_t>(y));
  std::vector<std::uint8_t> png;
  pixabots::core::detail::encodeMappedPng(image.pixels().data(), image.rowBytes(), image.width(), image.height(), cols,
                                          rows, png);
  const pixabots::core::Image up = decode(png, pixabots::core::PngLimits{});
  check(up.width() == static_cast<int>(cols.size()) && up.height() == static_cast<int>(rows.size()));
  for (std::size_t y = 0; y < rows.size(); ++y) {
    for (std::size_t x = 0; x < cols.size(); ++x) {
      check(std::memcmp(up.row(static_cast<int>(y)) + x * 4, image.row(static_cast<int>(rows[y])) + cols[x] * 4, 4) ==
            0);
    }
  }
}

// One input, for LLVMFuzzerTestOneInput.
template <Decoder Decode>
int run(const std::uint8_t* data, std::size_t size, Decode decode) {
  pixabots::core::Image image;
  try {
    image = decode(std::span(data, size), kLimits);
  } catch (const pixabots::core::Error& e) {
    check(e.code() == pixabots::core::Errc::codec && e.what()[0] != '\0');
    return 0;
  }
  check(image.width() > 0 && image.height() > 0);
  // Decoded transparent pixels are (0,0,0,0).
  const auto px = image.pixels();
  for (std::size_t i = 0; i < px.size(); i += 4) check(px[i + 3] != 0 || (px[i] | px[i + 1] | px[i + 2]) == 0);
  roundTrip(image, 1 + (size > 8 ? data[size - 1] % 3u : 0u), decode);
  return 0;
}

}  // namespace png_decode_target
