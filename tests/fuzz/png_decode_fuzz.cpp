// libFuzzer target for decodePng with the build's own backend
// (png_decode_target.hpp says what it checks).
#include "png_decode_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return png_decode_target::run(data, size,
                                [](std::span<const std::uint8_t> bytes, const pixabots::core::PngLimits& limits) {
                                  return pixabots::core::decodePng(bytes, limits);
                                });
}
