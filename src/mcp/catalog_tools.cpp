// describe_pixabot, list_parts, seeded_id, random_ids, frames: what IDs are
// and how they animate, as JSON (text content and structuredContent).
#include <string>
#include <vector>

#include "mcp/tool_support.hpp"
#include "mcp/tools.hpp"
#include "pixabots/core/animation.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/request.hpp"
#include "pixabots/core/seeded.hpp"

namespace pixabots::mcp {
namespace {

constexpr int kMaxRandomIds = 100;

// A JSON document of the request layer (metadata, frames) as JSON.
Json document(const core::Pack& pack, const core::Request& request) {
  const std::vector<std::uint8_t> bytes = core::renderOutput(pack, request);
  return Json::parse(bytes.begin(), bytes.end());
}

// The library's metadata document (id, combo, parts, png and gif URLs),
// plus where the ID sits in browse order and how it animates.
Json describePixabot(const core::Pack& pack, const Json& arguments) {
  const core::Catalog& catalog = pack.catalog();
  core::Request request;
  request.combo = chooseCombo(catalog, arguments, false);
  request.format = core::Format::metadataJson;
  Json doc = document(pack, request);
  const core::Combo& combo = request.combo;
  for (core::Category c : core::kEncodingOrder) {
    const core::Part& part = catalog.part(c, combo[c]);
    doc["sprites"][std::string(core::categoryName(c))] = {{"frames", part.frames},
                                                          {"kind", core::partKindName(part.kind)}};
  }
  const int ticks = core::timeline(pack, combo).ticks;
  doc["index"] = core::comboIndex(catalog, combo);
  doc["combinations"] = catalog.combinations();
  doc["previous"] = core::encodeId(catalog, core::previousCombo(catalog, combo));
  doc["next"] = core::encodeId(catalog, core::nextCombo(catalog, combo));
  doc["ticks"] = ticks;
  doc["animated"] = ticks == core::kLoopTicks;
  return jsonResult(doc);
}

// The catalog as `pixabots parts --json` prints it.
Json listParts(const core::Pack& pack) { return jsonResult(Json::parse(core::catalogJson(pack))); }

Json randomIds(const core::Catalog& catalog, const Json& arguments) {
  const int count = arguments.value("count", 10);
  Json ids = Json::array();
  Json doc = Json::object();
  if (const auto seed = arguments.find("seed"); seed != arguments.end()) {
    // The same list the OG grid and `pixabots sheet --seed` pick for a text.
    for (const core::Combo& combo : core::seededCombos(catalog, seed->get<std::string>(), count)) {
      ids.push_back(core::encodeId(catalog, combo));
    }
    doc["seed"] = *seed;
  } else {
    for (int i = 0; i < count; ++i) ids.push_back(core::encodeId(catalog, core::randomCombo(catalog)));
  }
  doc["ids"] = std::move(ids);
  return jsonResult(doc);
}

Json frames(const core::Pack& pack, const Json& arguments) {
  core::Request request;
  request.combo = chooseCombo(pack.catalog(), arguments, false);
  request.format = core::Format::framesJson;
  if (const auto origin = arguments.find("origin"); origin != arguments.end()) {
    request.origin = core::parseOrigin(origin->get<std::string>());
  }
  return jsonResult(document(pack, request));
}

}  // namespace

void addCatalogTools(ToolRegistry& registry, const core::Pack& pack) {
  registry.add({"describe_pixabot",
                "What an avatar is made of: the part of each category (eyes, heads, body, top) by index and name, "
                "each part's frames and kind, the service URLs of its PNG and GIF, its index in browse order of all "
                "combinations, the previous and next IDs, and its animation length in ticks.",
                objectSchema({{"id", idProperty()}, {"seed", seedProperty()}}),
                [&pack](const Json& arguments) { return describePixabot(pack, arguments); }});
  registry.add({"list_parts",
                "The catalog: every part of every category with its ID digit, name, frame count and kind, and the "
                "number of combinations.",
                objectSchema(Json::object()), [&pack](const Json&) { return listParts(pack); }});
  registry.add(
      {"seeded_id", "The avatar ID for a text (user name, e-mail), the same one the Pixabots service gives for it.",
       objectSchema({{"seed", seedProperty()}}, {"seed"}), [&pack](const Json& arguments) {
         const std::string seed = arguments.at("seed").get<std::string>();
         const core::Catalog& catalog = pack.catalog();
         return jsonResult({{"seed", seed}, {"id", core::encodeId(catalog, core::seededCombo(catalog, seed))}});
       }});
  registry.add({"random_ids", "Random avatar IDs; with a seed, the same list every time for that text.",
                objectSchema({{"count",
                               {{"type", "integer"},
                                {"minimum", 1},
                                {"maximum", kMaxRandomIds},
                                {"description", "how many, an integer 1..100 (default 10)"}}},
                              {"seed",
                               {{"type", "string"},
                                {"description", "any text: makes the list reproducible (default: random)"}}}}),
                [&pack](const Json& arguments) { return randomIds(pack.catalog(), arguments); }});
  registry.add({"frames",
                "An avatar's animation timeline for client-side playback (the service's frames document): per tick "
                "the bounce offset and sprite frame of each layer, and each part's sprite sheet URL, frames and kind.",
                objectSchema({{"id", idProperty()},
                              {"seed", seedProperty()},
                              {"origin",
                               {{"type", "string"},
                                {"description",
                                 "base URL of the sprite URLs, http:// or https:// (default https://pixabots.com)"}}}}),
                [&pack](const Json& arguments) { return frames(pack, arguments); }});
}

}  // namespace pixabots::mcp
