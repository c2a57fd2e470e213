// `pixabots gallery`: the core's gallery of a pack (pixabots/core/gallery.hpp)
// written as a PNG.
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/image_options.hpp"
#include "cli/pack_option.hpp"
#include "io/output_file.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/gallery.hpp"
#include "pixabots/core/png.hpp"

namespace pixabots::cli {
namespace {

constexpr Option kOptions[] = {
    kPngOutputOption,
    {.name = "--bots", .value = "N", .help = "bots drawn by mulberry32(2026) after the parts (default 64, 0..1024)"},
    kPackOption,
};

int gallery(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  const auto output = args.value("--output");
  if (!output) throw core::Error(core::Errc::invalid_option, "gallery needs an output file: -o FILE.png");
  const PackOption pack(args);
  const core::Image sheet =
      core::renderGallery(pack.pack(), args.integer("--bots").value_or(core::kGalleryDefaultBots));
  io::writeOutput(*output, core::encodePng(sheet.view()));
  if (*output != "-") std::cerr << "gallery of " << pack.pack().name() << " -> " << *output << "\n";
  return 0;
}

}  // namespace

const Command kGalleryCommand{
    .name = "gallery",
    .summary = "every part of a pack on a labelled grid, then N bots",
    .synopsis = "[--pack DIR] [--bots N] -o FILE.png",
    .description =
        "A contact sheet of a whole pack for artists and reviewers: every part with its ID\n"
        "digit and name (animated parts with all their frames) on a labelled grid, then N\n"
        "bots from a fixed seed, so the picture only changes when the art does.",
    .options = kOptions,
    .examples =
        "pixabots gallery -o gallery.png\n"
        "pixabots gallery --pack my-pack --bots 32 -o my-pack.png",
    .run = gallery,
};

}  // namespace pixabots::cli
