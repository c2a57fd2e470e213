// `pixabots parts`: the catalog of a pack. Built on the core, not the C ABI:
// part frame counts and kinds are not in the ABI.
#include <algorithm>
#include <iostream>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pack_option.hpp"
#include "pixabots/core/catalog.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/json.hpp"

namespace pixabots::cli {
namespace {

using namespace pixabots::core;

constexpr Option kOptions[] = {
    {.name = "--json",
     .help = "machine-readable: {name, categories: {eyes: [{index, digit, name, frames, kind}], ...}, "
             "combinations}"},
    kPackOption,
};

int parts(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  if (!args.positionals().empty()) {
    throw Error(Errc::invalid_option, "parts takes no arguments, got \"" + args.positionals()[0] + "\"");
  }
  const PackOption packOption(args);
  const Pack& pack = packOption.pack();
  const Catalog& catalog = pack.catalog();

  if (args.flag("--json")) {
    std::cout << catalogJson(pack, 2) << "\n";
    return 0;
  }

  std::size_t nameWidth = 0;
  for (Category c : kEncodingOrder) {
    for (const Part& part : catalog.parts(c)) nameWidth = std::max(nameWidth, part.name.size());
  }
  std::cout << pack.name() << "\n";
  std::string counts;
  for (Category c : kEncodingOrder) {
    std::cout << "\n" << categoryName(c) << " (" << catalog.count(c) << ")\n";
    for (int i = 0; i < catalog.count(c); ++i) {
      const Part& part = catalog.part(c, i);
      std::cout << "  " << idDigit(i) << "  " << part.name << std::string(nameWidth - part.name.size() + 2, ' ')
                << partKindName(part.kind);
      if (part.frames > 1) std::cout << ", " << part.frames << " frames";
      std::cout << "\n";
    }
    counts += (counts.empty() ? "" : " x ") + std::to_string(catalog.count(c));
  }
  std::cout << "\n" << catalog.combinations() << " combinations (" << counts << ")\n";
  return 0;
}

}  // namespace

const Command kPartsCommand{
    .name = "parts",
    .summary = "the catalog: every part of every category",
    .synopsis = "[--pack DIR] [--json]",
    .description =
        "Every category (eyes, heads, body, top, the order of an ID's characters) with its\n"
        "parts: the ID digit, the name, the kind (static, blink or sequence) and the frame\n"
        "count; then the number of combinations.",
    .options = kOptions,
    .run = parts,
};

}  // namespace pixabots::cli
