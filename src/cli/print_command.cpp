// `pixabots print`: an avatar drawn in the terminal with half-block characters.
#include <cstdlib>
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/image_options.hpp"
#include "cli/pack_option.hpp"
#include "cli/terminal.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::cli {
namespace {

// A terminal cell per pixel column: 128 columns is as wide as a terminal
// usefully gets; 32 is the art's own size, one cell per 1x2 art pixels.
constexpr int kMinPrintSize = core::kMinSize;
constexpr int kMaxPrintSize = 128;
constexpr int kDefaultPrintSize = 32;

[[noreturn]] void usage(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

TermColors chooseColors(const std::optional<std::string>& flag) {
  if (!flag) return detectColors(std::getenv("COLORTERM"));
  if (*flag == "truecolor" || *flag == "24bit") return TermColors::truecolor;
  if (*flag == "256") return TermColors::xterm256;
  usage("--color \"" + *flag + "\" is not valid: expected truecolor or 256");
}

constexpr Operand kOperands[] = {{.name = "ID", .help = "4 characters of [0-9a-z]: eyes, head, body, top (e.g. 2156)"}};

constexpr Option kOptions[] = {
    {.name = "--size",
     .value = "N",
     .help = "pixels across, an integer 32..128 (default 32: one cell per art pixel column, 16 lines)"},
    kHueOption,
    kSaturateOption,
    kBgOption,
    {.name = "--color",
     .value = "COLORS",
     .help = "truecolor or 256 (default: truecolor when COLORTERM is truecolor or 24bit, else the xterm "
             "256-colour palette)",
     .choices = "truecolor 256"},
    kPackOption,
};

int print(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  if (args.positionals().size() != 1) usage("print needs exactly one ID (4 characters of [0-9a-z])");
  const PackOption packOption(args);
  const core::Pack& pack = packOption.pack();
  const core::Combo combo = core::decodeId(pack.catalog(), args.positionals()[0]);

  core::RenderOptions options;
  options.size = args.integer("--size").value_or(kDefaultPrintSize);
  if (options.size < kMinPrintSize || options.size > kMaxPrintSize) {
    usage("size " + std::to_string(options.size) + " is out of range: print takes an integer between " +
          std::to_string(kMinPrintSize) + " and " + std::to_string(kMaxPrintSize));
  }
  if (auto hue = args.number("--hue")) options.hue = *hue;
  if (auto saturate = args.number("--saturate")) options.saturate = *saturate;
  if (auto bg = args.value("--bg")) options.bg = core::parseColor(*bg);
  const TermColors colors = chooseColors(args.value("--color"));

  std::cout << halfBlocks(core::render(pack, combo, options), colors) << std::flush;
  return std::cout ? 0 : 1;
}

}  // namespace

const Command kPrintCommand{
    .name = "print",
    .summary = "an avatar in the terminal",
    .synopsis = "ID [options]",
    .description =
        "Draws the avatar with upper half blocks (U+2580), one cell per 1x2 pixels, in\n"
        "24-bit or 256-colour escapes; transparent pixels keep the terminal's colours.",
    .operands = kOperands,
    .options = kOptions,
    .examples =
        "pixabots print 2156\n"
        "pixabots print 3409 --size 64 --color 256",
    .run = print,
};

}  // namespace pixabots::cli
