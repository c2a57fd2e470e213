// `pixabots og`: the 1200x630 Open Graph card of SPEC.md (core::renderOg).
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
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

int og(const std::vector<std::string_view>& argv) {
  const Args args(
      argv, {"--type", "--id", "--ids", "--title", "--subtitle", "--seed", "--bg", "--pack", "-o", "--output"}, {});
  auto output = args.value("-o");
  if (!output) output = args.value("--output");
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

const Command kOgCommand{"og", "a 1200x630 Open Graph card",
                         "usage: pixabots og [--type grid|single|compare] [options] -o FILE.png\n"
                         "\n"
                         "  --type      grid (default): 6x3 bots picked by --seed, the title over them\n"
                         "              single: one 380 px bot, the title under it\n"
                         "              compare: 1..6 bots in a row, the title under them\n"
                         "  --id        a bot: 4 characters of [0-9a-z]\n"
                         "  --ids       bots, comma-separated (a,b,c); --id comes first\n"
                         "              (grid: up to 18, the rest picked by --seed)\n"
                         "  --seed      grid: which bots (default \"pixabots\");\n"
                         "              single without --id: the text's avatar (as render --seed)\n"
                         "  --title     up to 60 characters, longer is cut (default \"Pixabots\"; '' for none)\n"
                         "  --subtitle  up to 100 characters, longer is cut\n"
                         "  --bg        canvas colour, #rrggbb (default black)\n"
                         "  --pack      a sprite pack directory instead of the built-in art\n"
                         "  -o          output PNG, '-' for stdout\n",
                         og};

}  // namespace pixabots::cli
