// `pixabots gallery`: the core's gallery of a pack (pixabots/core/gallery.hpp)
// written as a PNG.
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pack_option.hpp"
#include "io/output_file.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/gallery.hpp"
#include "pixabots/core/png.hpp"

namespace pixabots::cli {
namespace {

int gallery(const std::vector<std::string_view>& argv) {
  const Args args(argv, {"--pack", "--bots", "-o", "--output"}, {});
  auto output = args.value("-o");
  if (!output) output = args.value("--output");
  if (!output) throw core::Error(core::Errc::invalid_option, "gallery needs an output file: -o FILE.png");
  const PackOption pack(args);
  const core::Image sheet =
      core::renderGallery(pack.pack(), args.integer("--bots").value_or(core::kGalleryDefaultBots));
  io::writeOutput(*output, core::encodePng(sheet.view()));
  if (*output != "-") std::cerr << "gallery of " << pack.pack().name() << " -> " << *output << "\n";
  return 0;
}

}  // namespace

const Command kGalleryCommand{"gallery", "every part of a pack on a labelled grid, then N bots",
                              "usage: pixabots gallery [--pack DIR] [--bots N] -o FILE.png\n"
                              "\n"
                              "  every part of the pack (all frames of animated parts) on a labelled grid,\n"
                              "  then N bots drawn by mulberry32(2026) (default 64, 0..1024)\n"
                              "  --pack      a sprite pack directory instead of the built-in art\n"
                              "  -o          output PNG, '-' for stdout\n",
                              gallery};

}  // namespace pixabots::cli
