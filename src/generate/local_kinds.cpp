#include "generate/local_kinds.hpp"

#include <array>

#include "pixabots/core/error.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/request.hpp"
#include "pixabots/core/seeded.hpp"

namespace pixabots::generate {
namespace {

[[noreturn]] void badOption(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

struct LocalFormat {
  std::string_view name;
  core::Format format;
  std::string_view mimeType;
};
constexpr std::array<LocalFormat, 4> kLocalFormats = {{
    {"png", core::Format::png, "image/png"},
    {"gif", core::Format::gif, "image/gif"},
    {"webp", core::Format::webp, "image/webp"},
    {"svg", core::Format::svg, "image/svg+xml"},
}};

const LocalFormat& localFormat(std::string_view name) {
  for (const LocalFormat& f : kLocalFormats) {
    if (f.name == name) return f;
  }
  badOption("format \"" + std::string(name) + "\" is not one of png, gif, webp, svg");
}

core::Combo chooseCombo(const core::Catalog& catalog, const LocalRequest& request) {
  if (!request.id.empty()) return core::decodeId(catalog, request.id);
  if (request.seed) return core::seededCombo(catalog, *request.seed);
  return core::randomCombo(catalog);
}

LocalImage drawPixabot(const core::Pack& pack, const LocalRequest& request) {
  const LocalFormat& format = localFormat(request.format);
  core::Request render;
  render.combo = chooseCombo(pack.catalog(), request);
  render.render.size = request.size;
  render.format = format.format;
  return {core::renderOutput(pack, render), std::string(format.mimeType), core::encodeId(pack.catalog(), render.combo)};
}

LocalImage drawOgCard(const core::Pack& pack, const LocalRequest& request) {
  if (request.format != "png")
    badOption("kind og is a 1200x630 PNG card: format \"" + request.format + "\" must be png");
  core::OgOptions options;
  if (!request.id.empty()) {
    options.layout = core::OgLayout::single;
    options.bots.push_back(core::decodeId(pack.catalog(), request.id));
  } else if (request.seed) {
    options.seed = *request.seed;
  }
  return {core::encodePng(core::renderOg(pack, options).view()), "image/png", ""};
}

}  // namespace

bool isLocalKind(std::string_view kind) { return kind == "pixabot" || kind == "og"; }

LocalImage drawLocal(const core::Pack& pack, const LocalRequest& request) {
  if (!request.id.empty() && request.seed) badOption("give an id or a seed, not both");
  if (request.kind == "pixabot") return drawPixabot(pack, request);
  if (request.kind == "og") return drawOgCard(pack, request);
  badOption("kind \"" + request.kind + "\" is not drawn locally: the local kinds are " + std::string(kLocalKinds));
}

}  // namespace pixabots::generate
