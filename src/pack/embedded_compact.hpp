#pragma once
// The embedded art's compact form (pixabots_embed_sprites --compact), for
// builds where ~360 KB of RGBA in the binary costs more than expanding it once
// at startup (the WebAssembly package). A sheet is a small palette plus runs
// of palette indices: pixel art is a handful of colours and long transparent
// runs, so the runs expand with plain stores, no inflate and no PNG.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "pixabots/core/pack.hpp"

namespace pixabots::core::detail {

// One part's frames, frame-major as SpriteSheet holds them.
struct CompactSheet {
  int frames;
  std::string_view palette;  // RGBA, 4 bytes a colour, at most 256 colours
  std::string_view runs;     // (palette index, length 1..255) byte pairs over the pixels in order
};

inline constexpr std::size_t kFramePixels = kFrameBytes / 4;

// Every sheet's runs cover exactly its frames' pixels with colours from its
// palette, and the sheets together fill exactly `bytes`. The generated source
// asserts it at compile time, so a wrong length or index is a build failure.
constexpr bool fits(std::span<const CompactSheet> sheets, std::size_t bytes) {
  std::size_t total = 0;
  for (const CompactSheet& sheet : sheets) {
    if (sheet.frames < 1 || sheet.palette.empty() || sheet.palette.size() % 4 != 0 || sheet.palette.size() > 1024 ||
        sheet.runs.size() % 2 != 0) {
      return false;
    }
    const std::size_t pixels = static_cast<std::size_t>(sheet.frames) * kFramePixels;
    std::size_t covered = 0;
    for (std::size_t r = 0; r < sheet.runs.size(); r += 2) {
      const auto index = static_cast<unsigned char>(sheet.runs[r]);
      const auto length = static_cast<unsigned char>(sheet.runs[r + 1]);
      if (std::size_t{index} * 4 >= sheet.palette.size() || length == 0) return false;
      covered += length;
    }
    if (covered != pixels) return false;
    total += pixels * 4;
  }
  return total == bytes;
}

// Expands `sheets` one after the other into `out`, which must be zero (the
// static storage it is for is): transparent black is left unwritten. fits()
// has proved the table at compile time; the loop still never reads past a
// palette nor writes past a sheet or `out`, whatever the table says.
void expand(std::span<const CompactSheet> sheets, std::span<std::uint8_t> out);

// The art's sheets in embeddedArt()'s order (defined by the generated source),
// for timing the expansion apart from first use.
std::span<const CompactSheet> compactSheets();

}  // namespace pixabots::core::detail
