#include "filters/palette.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace pixabots::core::detail {
namespace {

// D65 reference white, Y = 1.
constexpr double kWhiteX = 0.95047, kWhiteZ = 1.08883;
constexpr double kEpsilon = 216.0 / 24389.0;  // (6/29)^3
constexpr double kKappa = 24389.0 / 27.0;

double toLinear(std::uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::uint8_t fromLinear(double c) {
  c = std::clamp(c, 0.0, 1.0);
  const double s = c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
  return static_cast<std::uint8_t>(std::lround(std::clamp(s, 0.0, 1.0) * 255.0));
}

double labF(double t) { return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16.0) / 116.0; }
double labFInverse(double f) {
  const double t = f * f * f;
  return t > kEpsilon ? t : (116.0 * f - 16.0) / kKappa;
}

}  // namespace

Rgb transformColor(Rgb in, int hueDegrees, double saturate) {
  if (in.r == in.g && in.g == in.b) return in;  // no chroma to scale or rotate
  const double r = toLinear(in.r), g = toLinear(in.g), b = toLinear(in.b);
  const double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  const double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
  const double fx = labF(x / kWhiteX), fy = labF(y), fz = labF(z / kWhiteZ);
  const double lightness = 116.0 * fy - 16.0;
  const double la = 500.0 * (fx - fy), lb = 200.0 * (fy - fz);

  const double chroma = std::hypot(la, lb) * saturate;
  const double hue = std::atan2(lb, la) + hueDegrees * (std::numbers::pi / 180.0);
  const double na = chroma * std::cos(hue), nb = chroma * std::sin(hue);

  const double ny = (lightness + 16.0) / 116.0;
  const double X = labFInverse(ny + na / 500.0) * kWhiteX;
  const double Y = labFInverse(ny);
  const double Z = labFInverse(ny - nb / 200.0) * kWhiteZ;
  return {fromLinear(3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z),
          fromLinear(-0.9692660 * X + 1.8760108 * Y + 0.0415560 * Z),
          fromLinear(0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z)};
}

void applyPalette(Canvas& canvas, int hueDegrees, double saturate) {
  // Pixel art repeats a handful of colours: convert each distinct one once.
  constexpr std::size_t kSlots = 256;
  std::array<std::uint32_t, kSlots> keys{};  // rgb + 1, 0 = empty
  std::array<Rgb, kSlots> values{};
  for (std::size_t o = 0; o < canvas.size(); o += 4) {
    const Rgb in{canvas[o], canvas[o + 1], canvas[o + 2]};
    const std::uint32_t key = ((std::uint32_t{in.r} << 16) | (std::uint32_t{in.g} << 8) | in.b) + 1;
    std::size_t slot = (key * 2654435761u) >> 24;
    Rgb out;
    for (std::size_t probe = 0;; ++probe, slot = (slot + 1) % kSlots) {
      if (keys[slot] == key) {
        out = values[slot];
        break;
      }
      if (keys[slot] == 0 || probe == kSlots) {
        out = transformColor(in, hueDegrees, saturate);
        if (keys[slot] == 0) keys[slot] = key, values[slot] = out;
        break;
      }
    }
    canvas[o] = out.r;
    canvas[o + 1] = out.g;
    canvas[o + 2] = out.b;
  }
}

}  // namespace pixabots::core::detail
