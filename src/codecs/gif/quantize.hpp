#pragma once
// Deterministic palette reduction for GIF when the frames use more colours
// than fit (docs/formats.md, "GIF"): median cut over the colour histogram,
// then every colour maps to its nearest palette entry.
#include <cstdint>
#include <span>
#include <vector>

namespace pixabots::core::detail {

struct HistogramColour {
  std::uint32_t rgb = 0;    // 0xBBGGRR
  std::uint32_t count = 0;  // how many pixels have it (weights the cut)
};

// Reduces `colours` (distinct) to at most maxColours palette entries
// (0xBBGGRR). mapping[i] receives the palette index for colours[i]: the
// nearest entry by squared RGB distance, the lowest index on ties.
void medianCut(std::span<const HistogramColour> colours, int maxColours, std::vector<std::uint32_t>& palette,
               std::vector<std::uint8_t>& mapping);

}  // namespace pixabots::core::detail
