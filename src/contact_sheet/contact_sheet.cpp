#include "pixabots/core/contact_sheet.hpp"

#include <algorithm>
#include <string>

#include "draw/draw.hpp"
#include "pixabots/core/error.hpp"
#include "text/pixel_font.hpp"

namespace pixabots::core {
namespace {

constexpr int kLabelGap = 4;                // between a bot and its label
constexpr Rgb kLabelInk{0x80, 0x80, 0x80};  // mid grey: readable on light and dark pages

void checkRange(const std::string& what, long value, long low, long high) {
  if (value < low || value > high) {
    throw Error(Errc::invalid_option, what + " " + std::to_string(value) + " is out of range " + std::to_string(low) +
                                          ".." + std::to_string(high));
  }
}

struct Layout {
  int columns = 0;
  int labelScale = 0;  // 0: no labels
  int labelHeight = 0;
  long width = 0;
  long height = 0;
};

Layout layoutOf(const ContactSheetOptions& o) {
  Layout l;
  const int n = static_cast<int>(o.bots.size());
  l.columns = o.columns.value_or(std::min(n, kContactSheetDefaultColumns));
  // Labels at 2x under bots of 96 px and up, else at 1x.
  l.labelScale = o.labels ? (o.size >= 96 ? 2 : 1) : 0;
  l.labelHeight = l.labelScale > 0 ? kLabelGap + detail::kGlyphHeight * l.labelScale : 0;
  const int rows = (n + l.columns - 1) / l.columns;
  const int used = std::min(n, l.columns);
  l.width = 2L * kContactSheetMargin + used * static_cast<long>(o.size) + (used - 1L) * kContactSheetMargin;
  l.height =
      2L * kContactSheetMargin + rows * static_cast<long>(o.size + l.labelHeight) + (rows - 1L) * kContactSheetMargin;
  return l;
}

}  // namespace

void validate(const Pack& pack, const ContactSheetOptions& o) {
  checkRange("number of IDs", static_cast<long>(o.bots.size()), 1, kContactSheetMaxBots);
  for (const Combo& combo : o.bots) validateCombo(pack.catalog(), combo);
  if (o.columns) checkRange("columns", *o.columns, 1, kContactSheetMaxColumns);
  checkRange("size", o.size, kMinSize, kContactSheetMaxSize);
  const Layout l = layoutOf(o);
  if (l.width > kContactSheetMaxSide || l.height > kContactSheetMaxSide) {
    throw Error(Errc::invalid_option, "the sheet would be " + std::to_string(l.width) + "x" + std::to_string(l.height) +
                                          " px; at most " + std::to_string(kContactSheetMaxSide) +
                                          " a side: use fewer columns, a smaller size or fewer IDs");
  }
}

Image renderContactSheet(const Pack& pack, const ContactSheetOptions& o) {
  validate(pack, o);
  const Layout l = layoutOf(o);
  Image page(static_cast<int>(l.width), static_cast<int>(l.height));
  if (o.bg) detail::fill(page, 0, 0, page.width(), page.height(), *o.bg);
  RenderOptions options;
  options.size = o.size;
  options.bg = o.bg;  // the renderer's flatten rule for partly transparent art
  for (std::size_t i = 0; i < o.bots.size(); ++i) {
    const int column = static_cast<int>(i) % l.columns;
    const int row = static_cast<int>(i) / l.columns;
    const int x = kContactSheetMargin + column * (o.size + kContactSheetMargin);
    const int y = kContactSheetMargin + row * (o.size + l.labelHeight + kContactSheetMargin);
    detail::blit(page, render(pack, o.bots[i], options), x, y);
    if (l.labelScale > 0) {
      const std::string id = encodeId(pack.catalog(), o.bots[i]);
      detail::drawText(page, x + (o.size - detail::textWidth(id, l.labelScale)) / 2, y + o.size + kLabelGap, id,
                       kLabelInk, l.labelScale);
    }
  }
  return page;
}

}  // namespace pixabots::core
