#pragma once
// Where the OG card puts its bots and its label (docs/og.md). Pure geometry,
// so tests and a future HTTP server can check the placement without pixels.
#include <vector>

#include "pixabots/core/og.hpp"

namespace pixabots::core::detail {

struct OgRect {
  int x = 0, y = 0, w = 0, h = 0;
  bool operator==(const OgRect&) const = default;
};

inline constexpr int kOgPadding = 48;  // grid: around the grid (at least)
inline constexpr int kOgGridGap = 24;
inline constexpr int kOgBotMax = 380;  // single, and the compare cap
inline constexpr int kOgCompareGap = 20;
inline constexpr int kOgCompareSpan = kOgWidth - 160;  // SPEC: 1200 - 160
inline constexpr int kOgLabelGap = 24;                 // single/compare: between the bots and the label

// The grid's cell: the largest multiple of 32 that fits 6x3 cells with the
// padding and gaps, so every bot is an exact integer scale of its 32 px art.
int ogGridCell();
// The compare size of SPEC: min(380, floor((1040 - 20*(n-1)) / n)).
int ogCompareSize(int n);

// The bots' squares, in order, for `count` bots (the caller checks the count)
// when the label box is `labelHeight` tall (0 = no label).
std::vector<OgRect> ogBotRects(OgLayout layout, int count, int labelHeight);
// The label box of a given size: centred on the card for grid, else centred
// under the row of `count` bots, the row and the label centred together vertically.
OgRect ogLabelRect(OgLayout layout, int count, int labelWidth, int labelHeight);

}  // namespace pixabots::core::detail
