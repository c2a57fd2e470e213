#include "draw/draw.hpp"

#include <algorithm>

namespace pixabots::core::detail {
namespace {

void put(Image& img, int x, int y, Rgb c) {
  std::uint8_t* p = img.row(y) + static_cast<std::size_t>(x) * 4;
  p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = 255;
}

}  // namespace

void fill(Image& img, int x, int y, int w, int h, Rgb c) {
  for (int py = std::max(y, 0); py < std::min(y + h, img.height()); ++py) {
    for (int px = std::max(x, 0); px < std::min(x + w, img.width()); ++px) put(img, px, py, c);
  }
}

void fillRounded(Image& img, int x, int y, int w, int h, int radius, Rgb c) {
  radius = std::clamp(radius, 0, std::min(w, h) / 2);
  for (int py = std::max(y, 0); py < std::min(y + h, img.height()); ++py) {
    for (int px = std::max(x, 0); px < std::min(x + w, img.width()); ++px) {
      // How far (in pixels, >= 1) the pixel lies inside a corner square; its
      // centre is then 2d-1 half-pixels from the corner circle's centre, which
      // keeps the test integral.
      const int dx = std::max({0, x + radius - px, px - (x + w - radius) + 1});
      const int dy = std::max({0, y + radius - py, py - (y + h - radius) + 1});
      if (dx > 0 && dy > 0) {
        const int ex = 2 * dx - 1, ey = 2 * dy - 1;  // centre offsets, doubled
        if (ex * ex + ey * ey > 4 * radius * radius) continue;
      }
      put(img, px, py, c);
    }
  }
}

void checker(Image& img, int x, int y, int size, Rgb a, Rgb b) {
  for (int cy = 0; cy < size; cy += 8) {
    for (int cx = 0; cx < size; cx += 8) fill(img, x + cx, y + cy, 8, 8, ((cx + cy) / 8) % 2 ? b : a);
  }
}

void blit(Image& dst, const Image& src, int x, int y) {
  for (int sy = std::max(0, -y); sy < std::min(src.height(), dst.height() - y); ++sy) {
    for (int sx = std::max(0, -x); sx < std::min(src.width(), dst.width() - x); ++sx) {
      const std::uint8_t* s = src.row(sy) + static_cast<std::size_t>(sx) * 4;
      if (s[3] == 0) continue;
      std::uint8_t* d = dst.row(y + sy) + static_cast<std::size_t>(x + sx) * 4;
      // Straight (not premultiplied) alpha: the destination's share is its
      // alpha times what the source leaves; over an opaque pixel that is 255 - sa.
      const int sa = s[3], da = d[3] * (255 - sa) / 255, oa = sa + da;
      for (int c = 0; c < 3; ++c) d[c] = static_cast<std::uint8_t>((s[c] * sa + d[c] * da) / oa);
      d[3] = static_cast<std::uint8_t>(oa);
    }
  }
}

}  // namespace pixabots::core::detail
