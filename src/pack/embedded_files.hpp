#pragma once
#include <span>

#include "pixabots/core/pack.hpp"

namespace pixabots::core::detail {

// The files of sprites/ (manifest.json and {category}/*.png) as compiled into
// the library; defined by the source cmake/EmbedFiles.cmake generates.
std::span<const PackFile> embeddedSpriteFiles();

}  // namespace pixabots::core::detail
