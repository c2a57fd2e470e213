#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core::detail {

// Decodes one part's PNG sheet (frames*32 x 32, frames left to right) into a
// frame-major SpriteSheet. Throws Error(invalid_pack) "<label>: <problem>" when
// the part has more frames than the limits allow, the bytes are not a PNG the
// decoder accepts, or the sheet's size does not match the catalog.
SpriteSheet decodeSheet(std::span<const std::uint8_t> png, Category c, const Part& part,
                        const PackLimits& limits, const std::string& label);

}  // namespace pixabots::core::detail
