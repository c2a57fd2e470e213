// `pixabots og`: the 1200x630 Open Graph card of SPEC.md (core::renderOg).
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/image_options.hpp"
#include "cli/id_list.hpp"
#include "cli/pack_option.hpp"
#include "io/output_file.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/seeded.hpp"

namespace pixabots::cli {
namespace {

[[noreturn]] void usage(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

constexpr Option kOptions[] = {
    kPngOutputOption,
    {.name = "--type",
     .value = "LAYOUT",
     .help = "grid (default): 6x3 bots picked by --seed, the title over them; single: one 380 px bot, the "
             "title under it; compare: 1..6 bots in a row, the title under them",
     .choices = "grid single compare"},
    {.name = "--id", .value = "ID", .help = "a bot: 4 characters of [0-9a-z]"},
    {.name = "--ids",
     .value = "ID,ID,...",
     .help = "bots, comma-separated, after --id (grid: up to 18, the rest picked by --seed)"},
    {.name = "--seed",
     .value = "TEXT",
     .help = "grid: which bots (default \"pixabots\"); single without --id: the text's avatar (as render "
             "--seed)"},
    {.name = "--title",
     .value = "TEXT",
     .help = "up to 60 characters, longer is cut (default \"Pixabots\"; '' for none)"},
    {.name = "--subtitle", .value = "TEXT", .help = "up to 100 characters, longer is cut"},
    {.name = "--bg", .value = "#RRGGBB", .help = "canvas colour (default black)"},
    kPackOption,
};

int og(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  const auto output = args.value("--output");
  if (!output) usage("og needs an output file: -o FILE.png (or -o - for stdout)");
  if (!args.positionals().empty()) usage("og takes its bots from --id / --ids, not \"" + args.positionals()[0] + "\"");

  const PackOption packOption(args);
  const core::Pack& pack = packOption.pack();
  core::OgOptions options;
  options.layout = core::parseOgLayout(args.value("--type").value_or("grid"));
  std::vector<std::string> ids;
  if (auto id = args.value("--id")) ids.push_back(*id);
  if (auto list = args.value("--ids")) {
    for (std::string& id : splitIds(*list)) ids.push_back(std::move(id));
  }
  options.bots = decodeIds(pack.catalog(), ids);
  const auto seed = args.value("--seed");
  if (seed) options.seed = *seed;
  // A single card for a text (user name, e-mail) shows that text's avatar.
  if (options.layout == core::OgLayout::single && options.bots.empty()) {
    if (!seed) usage("og --type single needs --id ID (or --seed TEXT)");
    options.bots.push_back(core::seededCombo(pack.catalog(), *seed));
  }
  if (auto title = args.value("--title")) options.title = *title;
  if (auto subtitle = args.value("--subtitle")) options.subtitle = *subtitle;
  if (auto bg = args.value("--bg")) options.bg = core::parseColor(*bg);

  io::writeOutput(*output, core::encodePng(core::renderOg(pack, options).view()));
  if (*output != "-") std::cerr << "og " << core::ogLayoutName(options.layout) << " -> " << *output << "\n";
  return 0;
}

}  // namespace

const Command kOgCommand{
    .name = "og",
    .summary = "a 1200x630 Open Graph card",
    .synopsis = "[--type grid|single|compare] [options] -o FILE.png",
    .description =
        "A 1200 x 630 Open Graph card for link previews: a grid of bots, one bot, or a few\n"
        "side by side, with a title and subtitle (docs/og.md).",
    .options = kOptions,
    .examples =
        "pixabots og -o card.png\n"
        "pixabots og --type single --seed alice --title alice -o alice.png\n"
        "pixabots og --type compare --ids 2156,3409,0000 -o compare.png",
    .run = og,
};

}  // namespace pixabots::cli
