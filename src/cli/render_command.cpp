#include <iostream>
#include <optional>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "pixabots/error.hpp"
#include "pixabots/render.hpp"
#include "pixabots/seeded.hpp"

namespace pixabots::cli {

int renderCommand(const std::vector<std::string_view>& argv) {
  const Args args(argv, {"--size", "--hue", "--saturate", "--bg", "--pack", "--seed", "-o", "--output"}, {});
  auto output = args.value("-o");
  if (!output) output = args.value("--output");
  if (!output) throw Error(Errc::invalid_option, "render needs an output file: -o FILE.png (or -o - for stdout)");

  std::optional<Pack> loaded;
  if (auto dir = args.value("--pack")) loaded = Pack::fromDirectory(*dir);
  const Pack& pack = loaded ? *loaded : Pack::embedded();

  Combo combo;
  if (auto seed = args.value("--seed")) {
    if (!args.positionals().empty()) throw Error(Errc::invalid_option, "give either an ID or --seed, not both");
    combo = seededCombo(pack.catalog(), *seed);
  } else if (args.positionals().size() == 1) {
    combo = decodeId(pack.catalog(), args.positionals()[0]);
  } else {
    throw Error(Errc::invalid_option, "render needs exactly one ID (4 characters of [0-9a-z]) or --seed TEXT");
  }

  RenderOptions options;
  if (auto size = args.integer("--size")) options.size = *size;
  if (auto hue = args.number("--hue")) options.hue = *hue;
  if (auto saturate = args.number("--saturate")) options.saturate = *saturate;
  if (auto bg = args.value("--bg")) options.bg = parseColor(*bg);

  writeOutput(*output, renderPng(pack, combo, options));
  if (*output != "-") std::cerr << encodeId(pack.catalog(), combo) << " -> " << *output << "\n";
  return 0;
}

}  // namespace pixabots::cli
