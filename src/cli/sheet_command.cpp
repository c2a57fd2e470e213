// `pixabots sheet`: a contact sheet of many IDs on a grid, optionally labelled.
#include <algorithm>
#include <iostream>
#include <random>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/image_options.hpp"
#include "cli/id_list.hpp"
#include "cli/list_file.hpp"
#include "cli/pack_option.hpp"
#include "io/output_file.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/contact_sheet.hpp"

namespace pixabots::cli {
namespace {

using core::Errc;
using core::Error;

constexpr int kMaxIds = core::kContactSheetMaxBots;

[[noreturn]] void usage(const std::string& message) { throw Error(Errc::invalid_option, message); }

// Checked before any combo is drawn for it, so --count 1000000000 costs nothing.
void checkCount(int count) {
  if (count < 1 || count > kMaxIds) {
    usage("--count " + std::to_string(count) + " is out of range 1.." + std::to_string(kMaxIds));
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
  checkCount(*count);
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

constexpr Operand kOperands[] = {{.name = "ID...", .help = "up to 1024 IDs (4 characters of [0-9a-z])"}};

constexpr Option kOptions[] = {
    kPngOutputOption,
    {.name = "--ids-file",
     .value = "FILE",
     .help = "IDs separated by commas, spaces or lines ('-' = stdin)",
     .complete = Completion::file},
    {.name = "--count",
     .value = "N",
     .help = "N bots (1..1024) picked by --seed (mulberry32 of its hash, as og's grid; without --seed a "
             "random one, printed)"},
    {.name = "--seed", .value = "TEXT", .help = "which bots --count picks"},
    {.name = "--columns", .value = "N", .help = "bots per row, 1..64 (default: up to 8)"},
    {.name = "--size", .value = "N", .help = "bot width and height, 32..512 (default 128)"},
    {.name = "--labels", .help = "each ID under its bot, in grey"},
    {.name = "--bg", .value = "#RRGGBB", .help = "page colour (default transparent)"},
    kPackOption,
};

int sheet(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  const auto output = args.value("--output");
  if (!output) usage("sheet needs an output file: -o FILE.png (or -o - for stdout)");
  const PackOption packOption(args);
  const core::Pack& pack = packOption.pack();

  core::ContactSheetOptions options;
  options.bots = decodeIds(pack.catalog(), chooseIds(args, pack.catalog()));
  options.columns = args.integer("--columns");
  options.size = args.integer("--size").value_or(core::kDefaultSize);
  options.labels = args.flag("--labels");
  if (auto text = args.value("--bg")) options.bg = core::parseColor(*text);
  const core::Image page = core::renderContactSheet(pack, options);
  io::writeOutput(*output, core::encodePng(page.view()));
  if (*output != "-") std::cerr << "sheet of " << options.bots.size() << " -> " << *output << "\n";
  return 0;
}

}  // namespace

const Command kSheetCommand{
    .name = "sheet",
    .summary = "a contact sheet of many IDs",
    .synopsis =
        "ID... [options] -o FILE.png\n"
        "--ids-file FILE [options] -o FILE.png\n"
        "--count N [--seed TEXT] [options] -o FILE.png",
    .description = "Many IDs (given, from a file or picked by a seed) on one PNG grid, for reviews.",
    .operands = kOperands,
    .options = kOptions,
    .notes = "Layout: 16 px margin and gaps; bot i at column i % columns, row i / columns.",
    .examples =
        "pixabots sheet 2156 3409 0000 --labels -o three.png\n"
        "pixabots sheet --count 64 --seed team -o team.png",
    .run = sheet,
};

}  // namespace pixabots::cli
