#include "pixabots/core/og.hpp"

#include "draw/draw.hpp"
#include "og/label.hpp"
#include "og/layout.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/render.hpp"
#include "pixabots/core/seeded.hpp"

namespace pixabots::core {
namespace {

[[noreturn]] void badCount(OgLayout layout, std::size_t count, std::string_view accepted) {
  throw Error(Errc::invalid_option, "og " + std::string(ogLayoutName(layout)) + " takes " + std::string(accepted) +
                                        " bots, got " + std::to_string(count));
}

// The bots the card shows: as given, the grid topped up from the seed.
std::vector<Combo> cardBots(const Pack& pack, const OgOptions& options) {
  const std::size_t n = options.bots.size();
  switch (options.layout) {
    case OgLayout::single:
      if (n != 1) badCount(options.layout, n, "exactly 1");
      return options.bots;
    case OgLayout::compare:
      if (n < 1 || n > kOgMaxCompare) badCount(options.layout, n, "1.." + std::to_string(kOgMaxCompare));
      return options.bots;
    case OgLayout::grid: break;
  }
  if (n > kOgGridBots) badCount(options.layout, n, "0.." + std::to_string(kOgGridBots));
  std::vector<Combo> bots = options.bots;
  const auto picked = seededCombos(pack.catalog(), options.seed, kOgGridBots - static_cast<int>(n));
  bots.insert(bots.end(), picked.begin(), picked.end());
  return bots;
}

}  // namespace

OgLayout parseOgLayout(std::string_view text) {
  for (OgLayout layout : {OgLayout::grid, OgLayout::single, OgLayout::compare}) {
    if (text == ogLayoutName(layout)) return layout;
  }
  throw Error(Errc::invalid_option,
              "og type \"" + std::string(text) + "\" is not valid: expected grid, single or compare");
}

std::string_view ogLayoutName(OgLayout layout) {
  switch (layout) {
    case OgLayout::grid: return "grid";
    case OgLayout::single: return "single";
    case OgLayout::compare: return "compare";
  }
  return "?";
}

std::vector<Combo> seededCombos(const Catalog& catalog, std::string_view seed, int count) {
  // One generator for all: seeds like "x:1", "x:2" would differ mostly in the
  // eyes, since their djb2 hashes differ by 1.
  Mulberry32 rng(hashString(seed));
  std::vector<Combo> combos;
  for (int i = 0; i < count; ++i) combos.push_back(randomCombo(catalog, rng));
  return combos;
}

Image renderOg(const Pack& pack, const OgOptions& options) {
  const std::vector<Combo> bots = cardBots(pack, options);
  for (const Combo& combo : bots) validateCombo(pack.catalog(), combo);
  const detail::OgLabel label = detail::layoutLabel(options.title, options.subtitle);

  Image card(kOgWidth, kOgHeight);
  detail::fill(card, 0, 0, kOgWidth, kOgHeight, options.bg.value_or(Rgb{}));
  const auto rects = detail::ogBotRects(options.layout, static_cast<int>(bots.size()), label.height);
  // Bots are flattened by the renderer onto the (uniform) canvas colour, so
  // partly transparent art blends by the library's own rule.
  RenderOptions renderOptions;
  renderOptions.bg = options.bg.value_or(Rgb{});
  for (std::size_t i = 0; i < bots.size(); ++i) {
    renderOptions.size = rects[i].w;
    detail::blit(card, render(pack, bots[i], renderOptions), rects[i].x, rects[i].y);
  }
  const detail::OgRect box =
      detail::ogLabelRect(options.layout, static_cast<int>(bots.size()), label.width, label.height);
  detail::drawLabel(card, label, box.x, box.y);
  return card;
}

}  // namespace pixabots::core
