#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/core/color.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/core/image.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {

// The Open Graph card (social preview image); docs/og.md draws its geometry.
inline constexpr int kOgWidth = 1200;
inline constexpr int kOgHeight = 630;
inline constexpr int kOgGridColumns = 6;
inline constexpr int kOgGridRows = 3;
inline constexpr int kOgGridBots = kOgGridColumns * kOgGridRows;
inline constexpr int kOgMaxCompare = 6;
inline constexpr std::size_t kOgMaxTitle = 60;  // characters (code points); longer is cut
inline constexpr std::size_t kOgMaxSubtitle = 100;
inline constexpr std::string_view kOgDefaultTitle = "Pixabots";
inline constexpr std::string_view kOgDefaultSeed = "pixabots";

enum class OgLayout { grid, single, compare };

// "grid", "single", "compare"; throws Error(invalid_option) naming the text.
OgLayout parseOgLayout(std::string_view text);
std::string_view ogLayoutName(OgLayout layout);

struct OgOptions {
  OgLayout layout = OgLayout::grid;
  // single: exactly 1; compare: 1..6; grid: 0..18, the rest picked by `seed`.
  std::vector<Combo> bots;
  std::string seed{kOgDefaultSeed};    // grid only
  std::string title{kOgDefaultTitle};  // UTF-8; empty title and subtitle: no label box
  std::string subtitle;
  std::optional<Rgb> bg;  // the canvas; black when unset
};

// `count` combos from mulberry32(hashString(seed)), one randomCombo each: the
// grid card's bots, and any "N bots for a text" list.
std::vector<Combo> seededCombos(const Catalog& catalog, std::string_view seed, int count);

// The 1200x630 card, opaque. Throws Error(invalid_option) naming the layout and
// the bot count when it does not fit the layout, Error(invalid_id) for a combo
// outside the pack's catalog.
Image renderOg(const Pack& pack, const OgOptions& options);

}  // namespace pixabots::core
