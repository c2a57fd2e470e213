#pragma once
#include <span>

#include "pixabots/pack.hpp"

namespace pixabots::detail {

// The files of sprites/ (manifest.json and {category}/*.png) as compiled into
// the library; defined by the source cmake/EmbedFiles.cmake generates.
std::span<const PackFile> embeddedSpriteFiles();

}  // namespace pixabots::detail
