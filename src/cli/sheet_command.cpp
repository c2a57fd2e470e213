// `pixabots sheet`: a contact sheet of many IDs on a grid, optionally labelled.
#include <algorithm>
#include <iostream>
#include <random>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/id_list.hpp"
#include "cli/list_file.hpp"
#include "cli/pack_option.hpp"
#include "draw/draw.hpp"
#include "io/output_file.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/render.hpp"
#include "text/pixel_font.hpp"

namespace pixabots::cli {
namespace {

using core::Errc;
using core::Error;

constexpr int kMaxIds = 1024;
constexpr int kMaxColumns = 64;
constexpr int kMaxSheetSize = 512;    // px per bot
constexpr int kMaxSheetSide = 16384;  // px; beyond this viewers and decoders struggle
constexpr int kMargin = 16;
constexpr int kGap = 16;
constexpr int kLabelGap = 4;                      // between a bot and its label
constexpr core::Rgb kLabelInk{0x80, 0x80, 0x80};  // mid grey: readable on light and dark pages

[[noreturn]] void usage(const std::string& message) { throw Error(Errc::invalid_option, message); }

void checkRange(std::string_view what, int value, int low, int high) {
  if (value < low || value > high) {
    usage(std::string(what) + " " + std::to_string(value) + " is out of range " + std::to_string(low) + ".." +
          std::to_string(high));
  }
}

// IDs from a file, up to kMaxIds of them: past that the sheet is refused, so
// reading stops there. A line holds all of them ("xxxx, " 1024 times); the
// line count only ends input of nothing but blank lines.
std::vector<std::string> readIdsFile(const std::string& path) {
  std::vector<std::string> ids;
  readListFile(path, {"--ids-file", 8192, 1'000'000}, [&](std::string_view line, std::size_t number) {
    for (std::string& id : splitIds(line)) {
      if (ids.size() == static_cast<std::size_t>(kMaxIds)) {
        usage(listFileLabel(path) + ":" + std::to_string(number) + ": more than " + std::to_string(kMaxIds) +
              " IDs: a sheet takes at most " + std::to_string(kMaxIds));
      }
      ids.push_back(std::move(id));
    }
  });
  return ids;
}

// The IDs from exactly one source: positionals, --ids-file, or --count/--seed.
std::vector<std::string> chooseIds(const Args& args, const core::Catalog& catalog) {
  const auto file = args.value("--ids-file");
  const auto count = args.integer("--count");
  const int sources = !args.positionals().empty() + !!file + !!count;
  if (sources != 1) usage("sheet needs IDs from one source: ID..., --ids-file FILE or --count N [--seed TEXT]");
  if (args.value("--seed") && !count) usage("--seed goes with --count N");
  if (file) return readIdsFile(*file);
  if (!count) return args.positionals();
  checkRange("--count", *count, 1, kMaxIds);
  std::string seed;
  if (auto given = args.value("--seed")) {
    seed = *given;
  } else {
    // An unseeded sheet is random, but says its seed so it can be drawn again.
    seed = std::to_string(std::random_device{}());
    std::cerr << "sheet: --seed " << seed << "\n";
  }
  std::vector<std::string> ids;
  for (const core::Combo& combo : core::seededCombos(catalog, seed, *count))
    ids.push_back(core::encodeId(catalog, combo));
  return ids;
}

int sheet(const std::vector<std::string_view>& argv) {
  const Args args(argv, {"--ids-file", "--count", "--seed", "--columns", "--size", "--bg", "--pack", "-o", "--output"},
                  {"--labels"});
  auto output = args.value("-o");
  if (!output) output = args.value("--output");
  if (!output) usage("sheet needs an output file: -o FILE.png (or -o - for stdout)");
  const PackOption packOption(args);
  const core::Pack& pack = packOption.pack();

  const std::vector<std::string> ids = chooseIds(args, pack.catalog());
  checkRange("number of IDs", static_cast<int>(ids.size()), 1, kMaxIds);
  const std::vector<core::Combo> combos = decodeIds(pack.catalog(), ids);
  const int n = static_cast<int>(combos.size());
  const int columns = args.integer("--columns").value_or(std::min(n, 8));
  checkRange("--columns", columns, 1, kMaxColumns);
  const int size = args.integer("--size").value_or(core::kDefaultSize);
  checkRange("--size", size, core::kMinSize, kMaxSheetSize);
  std::optional<core::Rgb> bg;
  if (auto text = args.value("--bg")) bg = core::parseColor(*text);

  // Labels at 2x under bots of 96 px and up, else at 1x.
  const int labelScale = args.flag("--labels") ? (size >= 96 ? 2 : 1) : 0;
  const int labelHeight = labelScale > 0 ? kLabelGap + core::detail::kGlyphHeight * labelScale : 0;
  const int rows = (n + columns - 1) / columns;
  const int used = std::min(n, columns);
  const long width = 2L * kMargin + used * static_cast<long>(size) + (used - 1L) * kGap;
  const long height = 2L * kMargin + rows * static_cast<long>(size + labelHeight) + (rows - 1L) * kGap;
  if (width > kMaxSheetSide || height > kMaxSheetSide) {
    usage("the sheet would be " + std::to_string(width) + "x" + std::to_string(height) + " px; at most " +
          std::to_string(kMaxSheetSide) + " a side: use fewer --columns, a smaller --size or fewer IDs");
  }

  core::Image page(static_cast<int>(width), static_cast<int>(height));
  if (bg) core::detail::fill(page, 0, 0, page.width(), page.height(), *bg);
  core::RenderOptions options;
  options.size = size;
  options.bg = bg;  // the renderer's flatten rule for partly transparent art
  for (int i = 0; i < n; ++i) {
    const int x = kMargin + (i % columns) * (size + kGap);
    const int y = kMargin + (i / columns) * (size + labelHeight + kGap);
    core::detail::blit(page, core::render(pack, combos[static_cast<std::size_t>(i)], options), x, y);
    if (labelScale > 0) {
      const std::string& id = ids[static_cast<std::size_t>(i)];
      core::detail::drawText(page, x + (size - core::detail::textWidth(id, labelScale)) / 2, y + size + kLabelGap, id,
                             kLabelInk, labelScale);
    }
  }
  io::writeOutput(*output, core::encodePng(page.view()));
  if (*output != "-") std::cerr << "sheet of " << n << " -> " << *output << "\n";
  return 0;
}

}  // namespace

const Command kSheetCommand{"sheet", "a contact sheet of many IDs",
                            "usage: pixabots sheet ID... [options] -o FILE.png\n"
                            "       pixabots sheet --ids-file FILE [options] -o FILE.png\n"
                            "       pixabots sheet --count N [--seed TEXT] [options] -o FILE.png\n"
                            "\n"
                            "  ID...       up to 1024 IDs (4 characters of [0-9a-z])\n"
                            "  --ids-file  IDs separated by commas, spaces or lines\n"
                            "  --count     N bots (1..1024) picked by --seed (mulberry32 of its hash,\n"
                            "              as og's grid; without --seed a random one, printed)\n"
                            "  --columns   bots per row, 1..64 (default: up to 8)\n"
                            "  --size      bot width and height, 32..512 (default 128)\n"
                            "  --labels    each ID under its bot, in grey\n"
                            "  --bg        page colour, #rrggbb (default transparent)\n"
                            "  --pack      a sprite pack directory instead of the built-in art\n"
                            "  -o          output PNG, '-' for stdout\n"
                            "\n"
                            "  layout: 16 px margin and gaps; bot i at column i % columns, row i / columns\n",
                            sheet};

}  // namespace pixabots::cli
