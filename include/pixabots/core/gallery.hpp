#pragma once
// The gallery of a pack for artists and reviewers (`pixabots gallery`,
// docs/gallery.png): every part with all its frames on a labelled grid, then
// random bots from a fixed seed, so the picture is the same every time.
#include <cstdint>

#include "pixabots/core/image.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {

inline constexpr int kGalleryDefaultBots = 64;
inline constexpr int kGalleryMaxBots = 1024;
// The bots come from one mulberry32 generator seeded with this: sequential
// seed strings would differ mostly in the eyes, since djb2 of "bot-1" and
// "bot-2" differ by 1.
inline constexpr std::uint32_t kGalleryBotSeed = 2026;

// Parts and bots at 4x (128 px) on a dark page, eight to a row, each part
// labelled with its ID digit and name, each bot with its ID. Throws
// Error(invalid_option) "bots N is out of range 0..1024".
Image renderGallery(const Pack& pack, int bots = kGalleryDefaultBots);

}  // namespace pixabots::core
