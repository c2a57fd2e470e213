#include "og/layout.hpp"

#include <algorithm>

namespace pixabots::core::detail {
namespace {

constexpr int kNative = 32;

// Top of the bots' row in single/compare: the row and the label under it are
// centred together, so a card without a label has its bots in the middle.
int rowTop(int size, int labelHeight) {
  const int group = size + (labelHeight > 0 ? kOgLabelGap + labelHeight : 0);
  return (kOgHeight - group) / 2;
}

int rowSize(OgLayout layout, int count) { return layout == OgLayout::single ? kOgBotMax : ogCompareSize(count); }

}  // namespace

int ogGridCell() {
  const int w = (kOgWidth - 2 * kOgPadding - (kOgGridColumns - 1) * kOgGridGap) / kOgGridColumns;
  const int h = (kOgHeight - 2 * kOgPadding - (kOgGridRows - 1) * kOgGridGap) / kOgGridRows;
  return std::min(w, h) / kNative * kNative;
}

int ogCompareSize(int n) { return std::min(kOgBotMax, (kOgCompareSpan - kOgCompareGap * (n - 1)) / n); }

std::vector<OgRect> ogBotRects(OgLayout layout, int count, int labelHeight) {
  std::vector<OgRect> rects;
  if (layout == OgLayout::grid) {
    const int cell = ogGridCell();
    const int x0 = (kOgWidth - kOgGridColumns * cell - (kOgGridColumns - 1) * kOgGridGap) / 2;
    const int y0 = (kOgHeight - kOgGridRows * cell - (kOgGridRows - 1) * kOgGridGap) / 2;
    for (int i = 0; i < count; ++i) {
      rects.push_back({x0 + (i % kOgGridColumns) * (cell + kOgGridGap), y0 + (i / kOgGridColumns) * (cell + kOgGridGap),
                       cell, cell});
    }
    return rects;
  }
  const int size = rowSize(layout, count);
  const int x0 = (kOgWidth - count * size - (count - 1) * kOgCompareGap) / 2;
  const int y = rowTop(size, labelHeight);
  for (int i = 0; i < count; ++i) rects.push_back({x0 + i * (size + kOgCompareGap), y, size, size});
  return rects;
}

OgRect ogLabelRect(OgLayout layout, int count, int labelWidth, int labelHeight) {
  const int x = (kOgWidth - labelWidth) / 2;
  if (layout == OgLayout::grid) return {x, (kOgHeight - labelHeight) / 2, labelWidth, labelHeight};
  const int size = rowSize(layout, count);
  return {x, rowTop(size, labelHeight) + size + kOgLabelGap, labelWidth, labelHeight};
}

}  // namespace pixabots::core::detail
