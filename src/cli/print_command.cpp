// `pixabots print`: an avatar drawn in the terminal with half-block characters.
#include <cstdlib>
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
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

int print(const std::vector<std::string_view>& argv) {
  const Args args(argv, {"--size", "--hue", "--saturate", "--bg", "--pack", "--color"}, {});
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

const Command kPrintCommand{"print", "an avatar in the terminal",
                            "usage: pixabots print ID [options]\n"
                            "\n"
                            "  draws the avatar with '\u2580' half blocks, one cell per 1x2 pixels; transparent\n"
                            "  pixels keep the terminal's colours\n"
                            "  --size      pixels across, an integer 32..128 (default 32: one cell per\n"
                            "              art pixel column, 16 lines)\n"
                            "  --hue       hue rotation in degrees (LCh)\n"
                            "  --saturate  chroma multiplier 0..4 (default 1; 0 = grey)\n"
                            "  --bg        flatten onto this colour, #rrggbb\n"
                            "  --color     truecolor or 256 (default: truecolor when COLORTERM is\n"
                            "              truecolor or 24bit, else the xterm 256-colour palette)\n"
                            "  --pack      a sprite pack directory instead of the built-in art\n",
                            print};

}  // namespace pixabots::cli
