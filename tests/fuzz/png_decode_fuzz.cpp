// libFuzzer target for decodePng. Any pixabots::core::Error is an accepted answer;
// crashes, sanitizer reports and other exceptions are bugs. Whatever decodes
// is also re-encoded (encodePng, and encodeMappedPng with a small upscale) and
// decoded again: a lossy round trip aborts, so the fuzzer reports it. That
// puts the encoder under the fuzzer too, on images of arbitrary content.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <vector>

#include "codecs/png/png_encode.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"

namespace {

// Small enough that a header claiming a big image cannot stall the fuzzer.
constexpr pixabots::core::PngLimits kLimits{2048, 2048, std::size_t{1} << 20};

void check(bool ok) {
  if (!ok) std::abort();
}

void roundTrip(const pixabots::core::Image& image, unsigned scale) {
  if (static_cast<std::size_t>(image.width()) * static_cast<std::size_t>(image.height()) > (1u << 16)) return;
  check(pixabots::core::decodePng(pixabots::core::encodePng(image.view())) == image);

  // Upscale by 1..3 through the maps and compare with a naive upscale.
  std::vector<std::uint32_t> cols;
  std::vector<std::uint32_t> rows;
  for (int x = 0; x < image.width(); ++x) cols.insert(cols.end(), scale, static_cast<std::uint32_t>(x));
  for (int y = 0; y < image.height(); ++y) rows.insert(rows.end(), scale, static_cast<std::uint32_t>(y));
  std::vector<std::uint8_t> png;
  pixabots::core::detail::encodeMappedPng(image.pixels().data(), image.rowBytes(), image.width(), image.height(), cols,
                                          rows, png);
  const pixabots::core::Image up = pixabots::core::decodePng(png);
  check(up.width() == static_cast<int>(cols.size()) && up.height() == static_cast<int>(rows.size()));
  for (std::size_t y = 0; y < rows.size(); ++y) {
    for (std::size_t x = 0; x < cols.size(); ++x) {
      check(std::memcmp(up.row(static_cast<int>(y)) + x * 4, image.row(static_cast<int>(rows[y])) + cols[x] * 4, 4) ==
            0);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pixabots::core::Image image;
  try {
    image = pixabots::core::decodePng(std::span(data, size), kLimits);
  } catch (const pixabots::core::Error& e) {
    check(e.code() == pixabots::core::Errc::codec && e.what()[0] != '\0');
    return 0;
  }
  check(image.width() > 0 && image.height() > 0);
  // Decoded transparent pixels are (0,0,0,0).
  const auto px = image.pixels();
  for (std::size_t i = 0; i < px.size(); i += 4) check(px[i + 3] != 0 || (px[i] | px[i + 1] | px[i + 2]) == 0);
  roundTrip(image, 1 + (size > 8 ? data[size - 1] % 3u : 0u));
  return 0;
}
