#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/pack.hpp"
#include "pack/pack_files.hpp"

namespace pixabots::core::detail {

// Decodes one part's PNG sheet (frames*32 x 32, frames left to right) into a
// frame-major SpriteSheet. Reports the problem with `file` (its path in the
// pack) and returns nothing when the part has more frames than the limits
// allow, the bytes are not a PNG the decoder accepts, or the sheet's size does
// not match the catalog.
std::optional<SpriteSheet> decodeSheet(std::span<const std::uint8_t> png, Category c, const Part& part,
                                       const PackLimits& limits, std::string_view file, Problems& problems);

}  // namespace pixabots::core::detail
