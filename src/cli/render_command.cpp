#include <filesystem>
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/image_options.hpp"
#include "cli/output_format.hpp"
#include "cli/pack_option.hpp"
#include "io/output_file.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::cli {
namespace {

[[noreturn]] void usage(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

// A sprite sheet is two files: NAME.png and NAME.json beside it.
void writeSheet(const std::filesystem::path& output, const Context& ctx, const std::string& id, Options options) {
  if (output == "-" || output.extension() != ".png") {
    usage("a sprite sheet needs -o NAME.png; its JSON goes to NAME.json beside it");
  }
  options.sheetImage = output.filename().string();
  std::filesystem::path json = output;
  json.replace_extension(".json");
  options.format = Format::sheetPng;
  const auto png = ctx.render(id, options);
  options.format = Format::sheetJson;
  const auto frames = ctx.render(id, options);
  io::writeOutput(output, png);
  io::writeOutput(json, frames);
}

constexpr Operand kOperands[] = {{.name = "ID", .help = "4 characters of [0-9a-z]: eyes, head, body, top (e.g. 2156)"}};

constexpr Option kOptions[] = {
    {.name = "--seed", .value = "TEXT", .help = "the avatar for a text (user name, e-mail): always the same one"},
    {.name = "--random", .help = "a random avatar (its ID is printed to stderr)"},
    {.name = "--output",
     .alias = "-o",
     .value = "FILE",
     .help = "output file, '-' for stdout",
     .complete = Completion::file},
    {.name = "--format",
     .value = "FORMAT",
     .help = "png, apng, gif, webp, svg, sheet, json or frames (default: from the output file's extension; "
             "for stdout png, or gif with --animated); sheet writes NAME.png and NAME.json",
     .choices = kFormatChoices},
    {.name = "--size", .value = "N", .help = "output width and height, an integer 32..1920 (default 128)"},
    kHueOption,
    kSaturateOption,
    kBgOption,
    kAnimatedOption,
    kSpeedOption,
    {.name = "--columns", .value = "N", .help = "sprite sheet as a grid of N columns (default: one row)"},
    kCompactOption,
    kOriginOption,
    kPackOption,
};

int render(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  const auto output = args.value("--output");
  if (!output) usage("render needs an output file: -o FILE.png (or -o - for stdout)");

  const auto pack = args.value("--pack");
  const Context ctx = pack ? Context::fromDirectory(*pack) : Context();

  std::string id;
  const bool random = args.flag("--random");
  if ((random ? 1 : 0) + (args.value("--seed") ? 1 : 0) + (args.positionals().empty() ? 0 : 1) > 1) {
    usage("give one of an ID, --seed or --random");
  }
  if (auto seed = args.value("--seed")) {
    id = ctx.seededId(*seed);
  } else if (random) {
    id = ctx.randomId();
  } else if (args.positionals().size() == 1) {
    id = args.positionals()[0];
  } else {
    usage("render needs exactly one ID (4 characters of [0-9a-z]), --seed TEXT or --random");
  }

  Options options;
  if (auto size = args.integer("--size")) options.size = *size;
  if (auto hue = args.number("--hue")) options.hue = *hue;
  if (auto saturate = args.number("--saturate")) options.saturate = *saturate;
  options.bg = args.value("--bg");
  if (auto speed = args.number("--speed")) options.speed = *speed;
  if (auto columns = args.integer("--columns")) options.sheetColumns = *columns;
  options.compactSvg = args.flag("--compact");
  if (auto origin = args.value("--origin")) options.origin = core::parseOrigin(*origin);
  options.format = chooseFormat(args.value("--format"), *output, args.flag("--animated"));

  if (options.format == Format::sheetPng) {
    writeSheet(*output, ctx, id, options);
  } else {
    io::writeOutput(*output, ctx.render(id, options));
  }
  // A random ID is only known from this line, so it is printed for stdout too.
  if (*output != "-" || random) std::cerr << id << " -> " << *output << "\n";
  return 0;
}

}  // namespace

const Command kRenderCommand{
    .name = "render",
    .summary = "one avatar to a file or stdout, in any format",
    .synopsis =
        "ID [options] -o FILE\n"
        "--seed TEXT [options] -o FILE\n"
        "--random [options] -o FILE",
    .description =
        "Draws one avatar, chosen by its ID, by a text (--seed) or at random, and writes it whole\n"
        "or not at all. The format follows the output file's extension or --format.",
    .operands = kOperands,
    .options = kOptions,
    .examples =
        "pixabots render 2156 -o bot.png\n"
        "pixabots render 2156 --size 256 --hue 200 --bg '#fde68a' -o bot.png\n"
        "pixabots render --seed alice@example.com --animated -o alice.gif\n"
        "pixabots render 2156 -o - > bot.png",
    .run = render,
};

}  // namespace pixabots::cli
