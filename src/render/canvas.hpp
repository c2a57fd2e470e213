#pragma once
#include <array>
#include <cstdint>

#include "pixabots/core/pack.hpp"

namespace pixabots::core::detail {

// The native 32x32 RGBA picture every render goes through before scaling.
using Canvas = std::array<std::uint8_t, kFrameBytes>;
inline constexpr std::size_t kCanvasStride = kNativeSize * 4;

}  // namespace pixabots::core::detail
