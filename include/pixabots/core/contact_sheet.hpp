#pragma once
// A contact sheet: many avatars on one page, in a grid, optionally labelled
// with their IDs (`pixabots sheet`, pxb_render_contact_sheet).
#include <cstdint>
#include <optional>
#include <vector>

#include "pixabots/core/color.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/core/image.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::core {

inline constexpr int kContactSheetMaxBots = 1024;
inline constexpr int kContactSheetMaxColumns = 64;
inline constexpr int kContactSheetMaxSize = 512;    // px per bot
inline constexpr int kContactSheetMaxSide = 16384;  // px; beyond this viewers and decoders struggle
inline constexpr int kContactSheetMargin = 16;      // around the page and between bots
inline constexpr int kContactSheetDefaultColumns = 8;

struct ContactSheetOptions {
  std::vector<Combo> bots;     // 1..1024, drawn left to right, top to bottom
  int size = kDefaultSize;     // each bot, 32..512
  std::optional<int> columns;  // 1..64; unset: min(bots, 8)
  bool labels = false;         // each ID under its bot, grey, 2x from 96 px
  std::optional<Rgb> bg;       // page colour (bots are flattened onto it); transparent when unset
};

// Throws Error(invalid_option) naming the count, columns, size or page side
// that is out of range and what is accepted; Error(invalid_id) for a combo
// outside the pack.
void validate(const Pack& pack, const ContactSheetOptions& options);
// Layout: 16 px margin and gaps; bot i at column i % columns, row i / columns.
Image renderContactSheet(const Pack& pack, const ContactSheetOptions& options);

}  // namespace pixabots::core
