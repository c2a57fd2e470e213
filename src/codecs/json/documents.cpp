#include <nlohmann/json.hpp>
#include <string>

#include "pixabots/core/animation.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/core/json_input.hpp"

namespace pixabots::core {
namespace {

using Json = nlohmann::ordered_json;  // the service's field order

// The order the service's documents list categories in.
constexpr Category kDocumentOrder[] = {Category::eyes, Category::heads, Category::body, Category::top};
constexpr Category kBounceOrder[] = {Category::top, Category::heads, Category::eyes, Category::body};

void validate(const JsonOptions& options) {
  RenderOptions check;
  check.size = options.size;
  core::validate(check);
  requireUtf8(options.origin, "the origin");
}

// id, combo and parts: the head of both documents.
Json identity(const Pack& pack, const Combo& combo) {
  Json doc;
  doc["id"] = encodeId(pack.catalog(), combo);
  Json indices = Json::object(), names = Json::object();
  for (Category c : kDocumentOrder) {
    const std::string key(categoryName(c));
    indices[key] = combo[c];
    names[key] = pack.catalog().part(c, combo[c]).name;
  }
  doc["combo"] = indices;
  doc["parts"] = names;
  return doc;
}

// JavaScript prints 2 as 2 and 2.5 as 2.5.
Json number(double v) {
  if (v == static_cast<double>(static_cast<int>(v))) return static_cast<int>(v);
  return v;
}

}  // namespace

std::string parseOrigin(std::string_view origin) {
  if (!origin.starts_with("http://") && !origin.starts_with("https://")) {
    throw Error(Errc::invalid_option,
                "origin \"" + std::string(origin) + "\" is not valid: must start with http:// or https://");
  }
  while (origin.ends_with('/')) origin.remove_suffix(1);
  return std::string(origin);
}

std::string metadataJson(const Pack& pack, const Combo& combo, const JsonOptions& options) {
  validate(options);
  Json doc = identity(pack, combo);
  const std::string url =
      options.origin + "/api/pixabot/" + doc["id"].get<std::string>() + "?size=" + std::to_string(options.size);
  doc["png"] = url;
  doc["gif"] = url + "&animated=true";
  return doc.dump();
}

std::string framesJson(const Pack& pack, const Combo& combo, const JsonOptions& options) {
  validate(options);
  Json doc = identity(pack, combo);
  doc["animVersion"] = kAnimationVersion;
  doc["frameMs"] = kFrameMs;
  doc["loopLength"] = kLoopTicks;
  Json layers = Json::array();
  for (Category c : kLayerOrder) layers.push_back(std::string(categoryName(c)));
  doc["layerOrder"] = layers;
  doc["nativeSize"] = kNativeSize;
  const Timeline t = timeline(pack, combo);
  Json frames = Json::array();
  for (const TickFrame& f : t.frames) {
    Json offsets = Json::object(), sprites = Json::object();
    for (Category c : kBounceOrder) {
      offsets[std::string(categoryName(c))] = number(f.offset(c));
      sprites[std::string(categoryName(c))] = f.spriteIndex(c);
    }
    frames.push_back(Json{{"tick", f.tick}, {"offsets", offsets}, {"spriteIndex", sprites}});
  }
  doc["frames"] = frames;
  Json sheets = Json::object();
  for (Category c : kDocumentOrder) {
    const Part& part = pack.catalog().part(c, combo[c]);
    sheets[std::string(categoryName(c))] =
        Json{{"url", options.origin + "/sprites/" + std::string(categoryName(c)) + "/" + part.name + ".png"},
             {"frames", pack.sheet(c, combo[c]).frames()},
             {"kind", std::string(partKindName(part.kind))}};
  }
  doc["sprites"] = sheets;
  return doc.dump();
}

std::string catalogJson(const Pack& pack, int indent) {
  const Catalog& catalog = pack.catalog();
  Json categories = Json::object();
  for (Category c : kEncodingOrder) {
    Json list = Json::array();
    for (int i = 0; i < catalog.count(c); ++i) {
      const Part& part = catalog.part(c, i);
      list.push_back({{"index", i},
                      {"digit", std::string(1, idDigit(i))},
                      {"name", part.name},
                      {"frames", part.frames},
                      {"kind", partKindName(part.kind)}});
    }
    categories[std::string(categoryName(c))] = std::move(list);
  }
  return Json{{"name", pack.name()}, {"categories", categories}, {"combinations", catalog.combinations()}}.dump(indent);
}

}  // namespace pixabots::core
