// libFuzzer target for decodePng through the stb_image backend
// (src/codecs/png/png_decode_stb.cpp), the WebAssembly build's decoder and so
// the one a hostile sprite pack meets in the browser. The checks are
// png_decode_fuzz's (png_decode_target.hpp); the native library holds libpng,
// so tests/fuzz/CMakeLists.txt compiles the stb backend in here.
#include <vector>

#include "codecs/png/checksum.hpp"
#include "codecs/png/png_decode_backend.hpp"
#include "png_decode_target.hpp"

namespace {

// The input with every whole chunk's CRC made right. The shared checks refuse
// a critical chunk with a wrong CRC before the backend runs, so otherwise
// nearly every mutation of the image data would stop there and never reach
// stb's inflater; png_decode_fuzz keeps the CRCs as they come, for those checks.
std::vector<std::uint8_t> withChunkCrcs(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> png(data, data + size);
  for (std::size_t pos = 8; pos + 12 <= size;) {
    const std::size_t length = (std::size_t{png[pos]} << 24) | (std::size_t{png[pos + 1]} << 16) |
                               (std::size_t{png[pos + 2]} << 8) | png[pos + 3];
    if (length > size - pos - 12) break;
    const std::uint32_t crc = pixabots::core::detail::png::crc32(0, &png[pos + 4], 4 + length);
    for (int i = 0; i < 4; ++i) png[pos + 8 + length + i] = static_cast<std::uint8_t>(crc >> (24 - 8 * i));
    pos += 12 + length;
  }
  return png;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::uint8_t> png = withChunkCrcs(data, size);
  return png_decode_target::run(
      png.data(), png.size(), [](std::span<const std::uint8_t> bytes, const pixabots::core::PngLimits& limits) {
        return pixabots::core::detail::png::decodePngWith(bytes, limits, pixabots::core::detail::png::decodeWithStb);
      });
}
