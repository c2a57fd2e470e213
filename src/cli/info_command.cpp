// `pixabots info`: what an ID is made of and where it sits in browse order.
// Built on the core, not the C ABI: part frame counts and kinds are not in the ABI.
#include <algorithm>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pack_option.hpp"
#include "pixabots/core/animation.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/core/seeded.hpp"

namespace pixabots::cli {
namespace {

using namespace pixabots::core;

Combo comboFrom(const Args& args, const Catalog& catalog) {
  if (auto seed = args.value("--seed")) {
    if (!args.positionals().empty()) throw Error(Errc::invalid_option, "give either an ID or --seed, not both");
    return seededCombo(catalog, *seed);
  }
  if (args.positionals().size() != 1) {
    throw Error(Errc::invalid_option, "info needs exactly one ID (4 characters of [0-9a-z]) or --seed TEXT");
  }
  return decodeId(catalog, args.positionals()[0]);
}

std::string describeKind(const Part& part) {
  std::string text(partKindName(part.kind));
  if (part.frames > 1) text += ", " + std::to_string(part.frames) + " frames";
  return text;
}

constexpr Operand kOperands[] = {{.name = "ID", .help = "4 characters of [0-9a-z]: eyes, head, body, top (e.g. 2156)"}};

constexpr Option kOptions[] = {
    {.name = "--seed", .value = "TEXT", .help = "the avatar for a text (user name, e-mail) instead of an ID"},
    {.name = "--json",
     .help = "machine-readable: {id, combo, parts, sprites, index, combinations, previous, next, ticks, "
             "animated}"},
    kPackOption,
};

int info(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  const PackOption packOption(args);
  const Pack& pack = packOption.pack();
  const Catalog& catalog = pack.catalog();
  const Combo combo = comboFrom(args, catalog);
  const std::string id = encodeId(catalog, combo);
  const std::string previous = encodeId(catalog, previousCombo(catalog, combo));
  const std::string next = encodeId(catalog, nextCombo(catalog, combo));
  const int ticks = timeline(pack, combo).ticks;
  const bool animated = ticks == kLoopTicks;

  if (args.flag("--json")) {
    // The service's metadata order (id, combo, parts), then what only info adds.
    nlohmann::ordered_json doc, indices, names, sprites;
    for (Category c : kEncodingOrder) {
      const std::string key(categoryName(c));
      const Part& part = catalog.part(c, combo[c]);
      indices[key] = combo[c];
      names[key] = part.name;
      sprites[key] = {{"frames", part.frames}, {"kind", partKindName(part.kind)}};
    }
    doc["id"] = id;
    doc["combo"] = indices;
    doc["parts"] = names;
    doc["sprites"] = sprites;
    doc["index"] = comboIndex(catalog, combo);
    doc["combinations"] = catalog.combinations();
    doc["previous"] = previous;
    doc["next"] = next;
    doc["ticks"] = ticks;
    doc["animated"] = animated;
    std::cout << doc.dump(2) << "\n";
    return 0;
  }

  std::size_t nameWidth = 0;
  for (Category c : kEncodingOrder) nameWidth = std::max(nameWidth, catalog.part(c, combo[c]).name.size());
  auto label = [](std::string_view name) { return std::string(name) + std::string(10 - name.size(), ' '); };
  std::cout << label("id") << id << "\n";
  for (std::size_t i = 0; i < kEncodingOrder.size(); ++i) {
    const Category c = kEncodingOrder[i];
    const Part& part = catalog.part(c, combo[c]);
    std::cout << label(categoryName(c)) << id[i] << " " << part.name
              << std::string(nameWidth - part.name.size() + 2, ' ') << describeKind(part) << "\n";
  }
  std::cout << label("combo") << comboIndex(catalog, combo) << " of " << catalog.combinations() << "\n"
            << label("previous") << previous << "\n"
            << label("next") << next << "\n"
            << label("ticks") << ticks;
  std::string moving;
  for (Category c : kEncodingOrder) {
    if (catalog.part(c, combo[c]).frames > 1) moving += (moving.empty() ? "" : ", ") + std::string(categoryName(c));
  }
  std::cout << (animated ? " (animated: " + moving + ")" : std::string(" (still: no part has more than one frame)"))
            << "\n";
  return 0;
}

}  // namespace

const Command kInfoCommand{
    .name = "info",
    .summary = "an ID's parts, combo index and neighbours",
    .synopsis =
        "ID [--pack DIR] [--json]\n"
        "--seed TEXT [--pack DIR] [--json]",
    .description =
        "What an avatar is made of: the part of each category (its ID digit, name, kind and\n"
        "frames), its index in browse order, the previous and next IDs in that order\n"
        "(wrapping around), and its animation length in ticks (16 when a part animates,\n"
        "else 8).",
    .operands = kOperands,
    .options = kOptions,
    .examples =
        "pixabots info 2156\n"
        "pixabots info --seed alice --json",
    .run = info,
};

}  // namespace pixabots::cli
