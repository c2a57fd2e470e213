// The gallery lays out parts and bots with the drawing helpers and the pixel
// font the OG cards and contact sheets use.
#include "pixabots/core/gallery.hpp"

#include <algorithm>
#include <string>

#include "draw/draw.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/core/render.hpp"
#include "pixabots/core/seeded.hpp"
#include "text/pixel_font.hpp"

namespace pixabots::core {
namespace {

using detail::blit, detail::checker, detail::drawText, detail::fill;

constexpr int kColumns = 8;
constexpr int kScale = 4;                    // parts and bots at 4x
constexpr int kTile = kNativeSize * kScale;  // 128 px
constexpr int kCell = kTile + 16;            // tile plus gutter
constexpr int kMargin = 24;
constexpr int kLabel = 2 * detail::kGlyphHeight + 8;     // label text at 2x
constexpr int kStripColumns = kTile / kNativeSize;       // frames of animated parts at 1x, 4 a row
constexpr int kHeading = 3 * detail::kGlyphHeight + 32;  // 3x text, space above and below
constexpr int kHeadingText = 12;                         // text offset inside a heading
constexpr Rgb kPaper{0x24, 0x26, 0x3a}, kTileA{0x3a, 0x3d, 0x58}, kTileB{0x33, 0x36, 0x4f};
constexpr Rgb kInk{0xf4, 0xf4, 0xf4}, kDim{0x9a, 0x9c, 0xb8};

std::string clipped(const std::string& label) {
  const std::size_t fit = static_cast<std::size_t>((kCell - 4) / (detail::kGlyphAdvance * 2));
  return label.size() <= fit ? label : label.substr(0, fit - 1) + ".";
}

int rowsFor(int count, int columns = kColumns) { return (count + columns - 1) / columns; }

// Height of the 1x frame strip under grid row `row` of a category: enough for
// its most animated part, nothing when no part there animates.
int stripHeight(const Pack& pack, Category c, int row) {
  int frames = 1;
  for (int i = row * kColumns; i < std::min((row + 1) * kColumns, pack.catalog().count(c)); ++i) {
    frames = std::max(frames, pack.sheet(c, i).frames());
  }
  return frames > 1 ? rowsFor(frames, kStripColumns) * kNativeSize + 8 : 0;
}

// One part: frame 0 at 4x with its ID digit and name, then every frame at 1x.
void drawPart(Image& sheet, const Pack& pack, Category c, int i, int x, int y) {
  RenderOptions big, native;
  big.size = kTile;
  native.size = kNativeSize;
  checker(sheet, x, y, kTile, kTileB, kTileA);
  blit(sheet, renderPart(pack, c, i, 0, big), x, y);
  const char digit = idDigit(i);
  drawText(sheet, x, y + kTile + 4, clipped(std::string(1, digit) + " " + pack.catalog().part(c, i).name), kInk, 2);
  const int frames = pack.sheet(c, i).frames();
  for (int f = 0; frames > 1 && f < frames; ++f) {
    const int fx = x + (f % kStripColumns) * kNativeSize;
    const int fy = y + kTile + kLabel + (f / kStripColumns) * kNativeSize;
    checker(sheet, fx, fy, kNativeSize, kTileB, kTileA);
    blit(sheet, renderPart(pack, c, i, f, native), fx, fy);
  }
}

}  // namespace

Image renderGallery(const Pack& pack, int bots) {
  if (bots < 0 || bots > kGalleryMaxBots) {
    throw Error(Errc::invalid_option,
                "bots " + std::to_string(bots) + " is out of range 0.." + std::to_string(kGalleryMaxBots));
  }
  const Catalog& catalog = pack.catalog();
  const int botRow = kTile + kLabel;
  int height = kMargin + kHeading;
  for (Category c : kEncodingOrder) {
    height += kHeading;
    for (int r = 0; r < rowsFor(catalog.count(c)); ++r) height += kTile + kLabel + stripHeight(pack, c, r);
  }
  if (bots > 0) height += kHeading + rowsFor(bots) * botRow;
  height += kMargin;
  const int width = 2 * kMargin + kColumns * kCell;

  Image sheet(width, height);
  fill(sheet, 0, 0, width, height, kPaper);
  RenderOptions big;
  big.size = kTile;

  int y = kMargin;
  drawText(sheet, kMargin, y + kHeadingText, "pixabots: " + pack.name(), kInk, 3);
  y += kHeading;
  for (Category c : kEncodingOrder) {
    drawText(sheet, kMargin, y + kHeadingText,
             std::string(categoryName(c)) + " (" + std::to_string(catalog.count(c)) + ")", kInk, 3);
    y += kHeading;
    for (int r = 0; r < rowsFor(catalog.count(c)); ++r) {
      for (int i = r * kColumns; i < std::min((r + 1) * kColumns, catalog.count(c)); ++i) {
        drawPart(sheet, pack, c, i, kMargin + (i % kColumns) * kCell, y);
      }
      y += kTile + kLabel + stripHeight(pack, c, r);
    }
  }
  if (bots > 0) {
    drawText(sheet, kMargin, y + kHeadingText, "random bots: mulberry32(" + std::to_string(kGalleryBotSeed) + ")", kInk,
             3);
    y += kHeading;
    Mulberry32 rng(kGalleryBotSeed);
    for (int i = 0; i < bots; ++i) {
      const int x = kMargin + (i % kColumns) * kCell;
      const int top = y + (i / kColumns) * botRow;
      const Combo combo = randomCombo(catalog, rng);
      checker(sheet, x, top, kTile, kTileB, kTileA);
      blit(sheet, render(pack, combo, big), x, top);
      drawText(sheet, x, top + kTile + 4, encodeId(catalog, combo), kDim, 2);
    }
  }
  return sheet;
}

}  // namespace pixabots::core
