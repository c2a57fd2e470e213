#pragma once
// sprites/ as the library carries it: decoded at build time by
// pixabots_embed_sprites (src/pack/embed_sprites.cpp), which writes the
// definition of embeddedArt(), so creating a context decodes nothing. The
// compact form (PIXABOTS_EMBED_COMPACT, src/pack/embedded_compact.hpp) gives
// the same table after expanding its pixels once.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "pixabots/core/catalog.hpp"

namespace pixabots::core::detail {

struct EmbeddedPart {
  std::string_view name;
  int frames;
  PartKind kind;
  const std::uint8_t* pixels;  // frames * kFrameBytes, frame-major RGBA as SpriteSheet holds it
};

struct EmbeddedArt {
  std::string_view name;                               // the manifest's pack name
  std::array<std::span<const EmbeddedPart>, 4> parts;  // by Category, in ID order
};

// Constant data: nothing runs to initialise it (the compact form fills the
// pixels on the first call, once even under concurrent first calls).
const EmbeddedArt& embeddedArt();

}  // namespace pixabots::core::detail
