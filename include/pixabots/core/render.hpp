#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "pixabots/core/color.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/core/image.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {

inline constexpr int kMinSize = 32;
inline constexpr int kMaxSize = 1920;
inline constexpr int kDefaultSize = 128;
inline constexpr double kMaxSaturate = 4.0;
inline constexpr double kMinSpeed = 0.25;
inline constexpr double kMaxSpeed = 4.0;

struct RenderOptions {
  int size = kDefaultSize;  // output width and height, 32..1920
  double hue = 0;           // degrees, any finite number; rounded and wrapped into 0..359
  double saturate = 1;      // chroma multiplier 0..4 (0 = grey)
  std::optional<Rgb> bg;    // flatten onto this colour; the result is then opaque
  double speed = 1;         // animation speed 0.25..4 (animated outputs only)
};

// Throws Error(invalid_option) naming the bad field, its value and the accepted range.
void validate(const RenderOptions& options);
// The hue the renderer applies: rounded, wrapped into 0..359.
int normalizedHue(double hue);

// Renders frame 0 of every layer into `out`: options.size rows of options.size
// RGBA pixels, `stride` bytes apart (0 = tightly packed). Allocates nothing.
// Throws Error(invalid_option) when `out` is too small or an option is bad.
void renderInto(const Pack& pack, const Combo& combo, const RenderOptions& options, std::span<std::uint8_t> out,
                std::size_t stride = 0);
Image render(const Pack& pack, const Combo& combo, const RenderOptions& options);
// The static render as a PNG (indexed colour whenever it has <= 256 colours).
std::vector<std::uint8_t> renderPng(const Pack& pack, const Combo& combo, const RenderOptions& options);

// One frame of one part alone on a transparent canvas, scaled like a render
// (options.size; palette and bg apply too). For part pickers and pack previews.
// Throws Error(invalid_option) naming the part or frame when out of range.
Image renderPart(const Pack& pack, Category category, int part, int frame, const RenderOptions& options);

}  // namespace pixabots::core
