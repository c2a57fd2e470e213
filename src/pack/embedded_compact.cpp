#include "pack/embedded_compact.hpp"

#include <algorithm>
#include <cstring>

namespace pixabots::core::detail {

void expand(std::span<const CompactSheet> sheets, std::span<std::uint8_t> out) {
  std::size_t at = 0;
  for (const CompactSheet& sheet : sheets) {
    // A sheet writes only its own frames: a run too long is cut at the sheet's end.
    const std::size_t sheetBytes = static_cast<std::size_t>(std::max(sheet.frames, 0)) * kFrameBytes;
    const std::size_t sheetEnd = at + std::min(sheetBytes, out.size() - at);
    for (std::size_t r = 0; r + 1 < sheet.runs.size(); r += 2) {
      const std::size_t colour = std::size_t{static_cast<unsigned char>(sheet.runs[r])} * 4;
      if (colour + 4 > sheet.palette.size()) return;
      const std::size_t length =
          std::min<std::size_t>(static_cast<unsigned char>(sheet.runs[r + 1]), (sheetEnd - at) / 4);
      // In a local, so the stores (bytes, which may alias the palette) do not reload it.
      std::uint32_t rgba;
      std::memcpy(&rgba, sheet.palette.data() + colour, 4);
      // `out` is zero already: transparent black (most of a sprite) needs no store.
      if (rgba != 0) {
        for (std::size_t i = 0; i < length; ++i) std::memcpy(out.data() + at + i * 4, &rgba, 4);
      }
      at += length * 4;
    }
    at = sheetEnd;
  }
}

}  // namespace pixabots::core::detail
