// The pixabots command-line tool.
#include <iostream>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/pixabots.hpp"

namespace {

constexpr std::string_view kUsage =
    "usage: pixabots render ID [options] -o FILE\n"
    "       pixabots render --seed TEXT [options] -o FILE\n"
    "       pixabots gallery [--pack DIR] [--bots N] -o FILE.png\n"
    "       pixabots --version\n"
    "\n"
    "  ID          4 characters of [0-9a-z]: eyes, head, body, top (e.g. 2156)\n"
    "  --size      output width and height, an integer 32..1920 (default 128)\n"
    "  --hue       hue rotation in degrees (LCh)\n"
    "  --saturate  chroma multiplier 0..4 (default 1; 0 = grey)\n"
    "  --bg        flatten onto this colour, #rrggbb\n"
    "  --animated  the bounce animation (with .png: APNG)\n"
    "  --speed     animation speed 0.25..4 (default 1)\n"
    "  --format    png, apng, gif, webp, svg, sheet, json, frames\n"
    "              (default: from the output file's extension; sheet writes\n"
    "              NAME.png and NAME.json)\n"
    "  --columns   sprite sheet as a grid of N columns (default: one row)\n"
    "  --compact   SVG with merged rects instead of the service's one rect per pixel\n"
    "  --origin    base URL for the URLs in json/frames (default https://pixabots.com)\n"
    "  --pack      render with a sprite pack directory instead of the built-in art\n"
    "  -o          output file, '-' for stdout\n"
    "\n"
    "  gallery     every part of the pack on a labelled grid, then N bots drawn\n"
    "              by mulberry32(2026) (default 64)\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "pixabots " << pxb_version() << "\n";
    return 0;
  }
  const std::string_view command = args[0];
  args.erase(args.begin());
  try {
    if (command == "render") return pixabots::cli::renderCommand(args);
    if (command == "gallery") return pixabots::cli::galleryCommand(args);
    std::cerr << "pixabots: unknown command \"" << command << "\"\n" << kUsage;
    return 2;
  } catch (const pixabots::core::Error& e) {
    std::cerr << "pixabots " << command << ": " << e.what() << "\n";
    const bool usage = e.code() == pixabots::core::Errc::invalid_id || e.code() == pixabots::core::Errc::invalid_option;
    return usage ? 2 : 1;
  } catch (const pixabots::Error& e) {
    std::cerr << "pixabots " << command << ": " << e.what() << "\n";
    const pxb_status s = e.status();
    return s == PXB_ERR_INVALID_ID || s == PXB_ERR_INVALID_OPTION || s == PXB_ERR_INVALID_ARGUMENT ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "pixabots " << command << ": " << e.what() << "\n";
    return 1;
  }
}
