// describe_pixabot, list_parts, seeded_id, random_ids, frames: what IDs are
// and how they animate, as JSON (text content and structuredContent).
#include <string>

#include "capi/context.hpp"
#include "mcp/tool_support.hpp"
#include "mcp/tools.hpp"
#include "pixabots/core/animation.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/core/og.hpp"

namespace pixabots::mcp {
namespace {

constexpr int kMaxRandomIds = 100;

// The library's metadata document (id, combo, parts, png and gif URLs),
// plus where the ID sits in browse order and how it animates.
Json describePixabot(const Context& ctx, const Json& arguments) {
  const std::string id = chooseId(ctx, arguments, false);
  Options options;
  options.format = Format::metadataJson;
  Json doc = Json::parse(ctx.renderText(id, options));
  const core::Catalog& catalog = capi::packOf(ctx.get()).catalog();
  const core::Combo combo = core::decodeId(catalog, id);
  for (core::Category c : core::kEncodingOrder) {
    const core::Part& part = catalog.part(c, combo[c]);
    doc["sprites"][std::string(core::categoryName(c))] = {{"frames", part.frames},
                                                          {"kind", core::partKindName(part.kind)}};
  }
  doc["index"] = ctx.comboIndex(id);
  doc["combinations"] = ctx.comboCount();
  doc["previous"] = ctx.previousId(id);
  doc["next"] = ctx.nextId(id);
  doc["ticks"] = ctx.tickCount(id);
  doc["animated"] = ctx.tickCount(id) == core::kLoopTicks;
  return jsonResult(doc);
}

// The catalog as `pixabots parts --json` prints it.
Json listParts(const Context& ctx) { return jsonResult(Json::parse(core::catalogJson(capi::packOf(ctx.get())))); }

Json randomIds(const Context& ctx, const Json& arguments) {
  const int count = arguments.value("count", 10);
  Json ids = Json::array();
  Json doc = Json::object();
  if (const auto seed = arguments.find("seed"); seed != arguments.end()) {
    // The same list the OG grid and `pixabots sheet --seed` pick for a text.
    const core::Catalog& catalog = capi::packOf(ctx.get()).catalog();
    for (const core::Combo& combo : core::seededCombos(catalog, seed->get<std::string>(), count)) {
      ids.push_back(core::encodeId(catalog, combo));
    }
    doc["seed"] = *seed;
  } else {
    for (int i = 0; i < count; ++i) ids.push_back(ctx.randomId());
  }
  doc["ids"] = std::move(ids);
  return jsonResult(doc);
}

Json frames(const Context& ctx, const Json& arguments) {
  Options options;
  options.format = Format::framesJson;
  if (const auto origin = arguments.find("origin"); origin != arguments.end()) {
    options.origin = core::parseOrigin(origin->get<std::string>());
  }
  return jsonResult(Json::parse(ctx.renderText(chooseId(ctx, arguments, false), options)));
}

}  // namespace

void addCatalogTools(ToolRegistry& registry, const Context& ctx) {
  registry.add({"describe_pixabot",
                "What an avatar is made of: the part of each category (eyes, heads, body, top) by index and name, "
                "each part's frames and kind, the service URLs of its PNG and GIF, its index in browse order of all "
                "combinations, the previous and next IDs, and its animation length in ticks.",
                objectSchema({{"id", idProperty()}, {"seed", seedProperty()}}),
                [&ctx](const Json& arguments) { return describePixabot(ctx, arguments); }});
  registry.add({"list_parts",
                "The catalog: every part of every category with its ID digit, name, frame count and kind, and the "
                "number of combinations.",
                objectSchema(Json::object()), [&ctx](const Json&) { return listParts(ctx); }});
  registry.add({"seeded_id",
                "The avatar ID for a text (user name, e-mail), the same one the Pixabots service gives for it.",
                objectSchema({{"seed", seedProperty()}}, {"seed"}), [&ctx](const Json& arguments) {
                  const std::string seed = arguments.at("seed").get<std::string>();
                  return jsonResult({{"seed", seed}, {"id", ctx.seededId(seed)}});
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
                [&ctx](const Json& arguments) { return randomIds(ctx, arguments); }});
  registry.add({"frames",
                "An avatar's animation timeline for client-side playback (the service's frames document): per tick "
                "the bounce offset and sprite frame of each layer, and each part's sprite sheet URL, frames and kind.",
                objectSchema({{"id", idProperty()},
                              {"seed", seedProperty()},
                              {"origin",
                               {{"type", "string"},
                                {"description",
                                 "base URL of the sprite URLs, http:// or https:// (default https://pixabots.com)"}}}}),
                [&ctx](const Json& arguments) { return frames(ctx, arguments); }});
}

}  // namespace pixabots::mcp
