#include "og/label.hpp"

#include <algorithm>

#include "draw/draw.hpp"
#include "pixabots/core/og.hpp"
#include "text/pixel_font.hpp"

namespace pixabots::core::detail {
namespace {

constexpr int kMaxInner = kOgWidth - 2 * kOgLabelMargin - 2 * kOgLabelPadX;
constexpr char kNoGlyph = '\x7f';  // not in the font: drawn as its hollow box

// The largest scale in [low, high] at which `text` fits the card, else `low`.
int fittingScale(const std::string& text, int low, int high) {
  for (int scale = high; scale > low; --scale) {
    if (textWidth(text, scale) <= kMaxInner) return scale;
  }
  return low;
}

}  // namespace

std::string glyphText(std::string_view utf8, std::size_t max) {
  std::string out;
  for (char ch : utf8) {
    const auto byte = static_cast<unsigned char>(ch);
    if ((byte & 0xc0) == 0x80) continue;  // continues the previous code point
    if (out.size() == max) break;
    out.push_back(byte >= 0x20 && byte < 0x7f ? ch : kNoGlyph);
  }
  return out;
}

OgLabel layoutLabel(std::string_view title, std::string_view subtitle) {
  OgLabel label;
  label.title = glyphText(title, kOgMaxTitle);
  label.subtitle = glyphText(subtitle, kOgMaxSubtitle);
  if (label.title.empty() && label.subtitle.empty()) return label;
  // Title 5x down to 2x (60 characters fit at 3x), subtitle below the title's
  // scale, 3x down to 1x (100 characters fit at 1x).
  label.titleScale = label.title.empty() ? 0 : fittingScale(label.title, 2, 5);
  label.subtitleScale =
      label.subtitle.empty()
          ? 0
          : fittingScale(label.subtitle, 1, label.title.empty() ? 3 : std::min(3, label.titleScale - 1));
  const int inner = std::max(textWidth(label.title, label.titleScale), textWidth(label.subtitle, label.subtitleScale));
  int textHeight = kGlyphHeight * (label.titleScale + label.subtitleScale);
  if (label.titleScale > 0 && label.subtitleScale > 0) textHeight += kOgLabelLineGap;
  // The font's last row is for descenders: it already spaces the bottom edge.
  const int lastScale = label.subtitle.empty() ? label.titleScale : label.subtitleScale;
  label.width = inner + 2 * kOgLabelPadX;
  label.height = textHeight + 2 * kOgLabelPadY - lastScale;
  return label;
}

void drawLabel(Image& card, const OgLabel& label, int x, int y) {
  if (label.width == 0) return;
  fillRounded(card, x, y, label.width, label.height, kOgLabelRadius, kOgLabelBox);
  int top = y + kOgLabelPadY;
  if (!label.title.empty()) {
    drawText(card, x + (label.width - textWidth(label.title, label.titleScale)) / 2, top, label.title, kOgTitleInk,
             label.titleScale);
    top += kGlyphHeight * label.titleScale + kOgLabelLineGap;
  }
  if (!label.subtitle.empty()) {
    drawText(card, x + (label.width - textWidth(label.subtitle, label.subtitleScale)) / 2, top, label.subtitle,
             kOgSubtitleInk, label.subtitleScale);
  }
}

}  // namespace pixabots::core::detail
