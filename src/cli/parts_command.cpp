// `pixabots parts`: the catalog of a pack. Built on the core, not the C ABI:
// part frame counts and kinds are not in the ABI.
#include <algorithm>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pack_option.hpp"
#include "pixabots/core/catalog.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::cli {
namespace {

using namespace pixabots::core;

constexpr std::string_view kDigits = "0123456789abcdefghijklmnopqrstuvwxyz";

int parts(const std::vector<std::string_view>& argv) {
  const Args args(argv, {"--pack"}, {"--json"});
  if (!args.positionals().empty()) {
    throw Error(Errc::invalid_option, "parts takes no arguments, got \"" + args.positionals()[0] + "\"");
  }
  const PackOption packOption(args);
  const Pack& pack = packOption.pack();
  const Catalog& catalog = pack.catalog();

  if (args.flag("--json")) {
    nlohmann::ordered_json doc, categories;
    doc["name"] = pack.name();
    for (Category c : kEncodingOrder) {
      auto list = nlohmann::ordered_json::array();
      for (int i = 0; i < catalog.count(c); ++i) {
        const Part& part = catalog.part(c, i);
        list.push_back({{"index", i},
                        {"digit", std::string(1, kDigits[static_cast<std::size_t>(i)])},
                        {"name", part.name},
                        {"frames", part.frames},
                        {"kind", partKindName(part.kind)}});
      }
      categories[std::string(categoryName(c))] = list;
    }
    doc["categories"] = categories;
    doc["combinations"] = catalog.combinations();
    std::cout << doc.dump(2) << "\n";
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
      std::cout << "  " << kDigits[static_cast<std::size_t>(i)] << "  " << part.name
                << std::string(nameWidth - part.name.size() + 2, ' ') << partKindName(part.kind);
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
    "parts", "the catalog: every part of every category",
    "usage: pixabots parts [--pack DIR] [--json]\n"
    "\n"
    "Every category (eyes, heads, body, top, the order of an ID's characters)\n"
    "with its parts: the ID digit, the name, the kind (static, blink or\n"
    "sequence) and the frame count; then the number of combinations.\n"
    "\n"
    "  --pack  a sprite pack directory instead of the built-in art\n"
    "  --json  machine-readable: {name, categories: {eyes: [{index, digit, name,\n"
    "          frames, kind}], ...}, combinations}\n",
    parts};

}  // namespace pixabots::cli
