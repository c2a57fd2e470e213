#include "filters/background.hpp"

namespace pixabots::core::detail {

void flattenOnto(Canvas& canvas, Rgb bg) {
  const unsigned back[3] = {bg.r, bg.g, bg.b};
  for (std::size_t o = 0; o < canvas.size(); o += 4) {
    const unsigned a = canvas[o + 3];
    for (std::size_t c = 0; c < 3; ++c) {
      canvas[o + c] = static_cast<std::uint8_t>((canvas[o + c] * a + back[c] * (255 - a)) / 255);
    }
    canvas[o + 3] = 255;
  }
}

}  // namespace pixabots::core::detail
