// render_pixabot and og_card: pictures returned as MCP image content
// (base64 with the MIME type), optionally written to a file as well.
#include <optional>
#include <string>
#include <vector>

#include "mcp/base64.hpp"
#include "mcp/tool_support.hpp"
#include "mcp/tools.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/render.hpp"
#include "pixabots/core/request.hpp"
#include "pixabots/core/seeded.hpp"

namespace pixabots::mcp {
namespace {

struct ImageFormat {
  core::Format format;
  std::string name;      // as the summary says it
  std::string mimeType;  // APNG is served as image/png, which every PNG viewer opens
};

// The format `arguments` ask for: "format", with "animated" choosing APNG
// over PNG, and GIF when no format is named.
ImageFormat chooseFormat(const Json& arguments) {
  const auto animatedArg = arguments.find("animated");
  const std::optional<bool> animated =
      animatedArg == arguments.end() ? std::nullopt : std::optional<bool>(animatedArg->get<bool>());
  const std::string name = arguments.value("format", animated.value_or(false) ? "gif" : "png");
  if (name == "svg") {
    if (animated.value_or(false)) throw ToolError("svg is a still image: animated output is gif, webp or apng");
    return {core::Format::svg, "SVG", "image/svg+xml"};
  }
  if (name == "png") {
    return animated.value_or(false) ? ImageFormat{core::Format::apng, "APNG", "image/png"}
                                    : ImageFormat{core::Format::png, "PNG", "image/png"};
  }
  if (animated == false) throw ToolError(name + " is always animated: drop \"animated\": false, or use png or svg");
  if (name == "gif") return {core::Format::gif, "GIF", "image/gif"};
  if (name == "webp") return {core::Format::webp, "WebP", "image/webp"};
  return {core::Format::apng, "APNG", "image/png"};
}

Json renderPixabotSchema(const WriteRoot* root) {
  return objectSchema({
      {"id", idProperty()},
      {"seed", seedProperty()},
      {"size",
       {{"type", "integer"},
        {"minimum", core::kMinSize},
        {"maximum", core::kMaxSize},
        {"description", "width and height in pixels, an integer 32..1920 (default 128)"}}},
      {"format",
       {{"type", "string"},
        {"enum", {"png", "apng", "gif", "webp", "svg"}},
        {"description", "png, apng, gif, webp or svg (default png; gif when animated)"}}},
      {"animated",
       {{"type", "boolean"},
        {"description", "the bounce animation: gif unless format says webp or apng (png becomes apng)"}}},
      {"speed",
       {{"type", "number"},
        {"minimum", core::kMinSpeed},
        {"maximum", core::kMaxSpeed},
        {"description", "animation speed 0.25..4 (default 1), animated formats only"}}},
      {"palette",
       {{"type", "object"},
        {"properties",
         {{"hue", {{"type", "number"}, {"description", "hue rotation in degrees (LCh), any number"}}},
          {"saturate",
           {{"type", "number"},
            {"minimum", 0},
            {"maximum", core::kMaxSaturate},
            {"description", "chroma multiplier 0..4 (0 grey, default 1)"}}}}},
        {"additionalProperties", false},
        {"description", "recolouring: {hue: degrees, saturate: 0..4}"}}},
      {"bg", bgProperty()},
      {"output_path", outputPathProperty(root)},
      {"overwrite", overwriteProperty()},
  });
}

Json renderPixabot(const core::Pack& pack, const WriteRoot* root, const Json& arguments) {
  core::Request request;
  request.combo = chooseCombo(pack.catalog(), arguments, true);
  const ImageFormat format = chooseFormat(arguments);
  request.format = format.format;
  core::RenderOptions& options = request.render;
  options.size = arguments.value("size", core::kDefaultSize);
  if (const auto palette = arguments.find("palette"); palette != arguments.end()) {
    options.hue = palette->value("hue", 0.0);
    options.saturate = palette->value("saturate", 1.0);
  }
  if (const auto bg = arguments.find("bg"); bg != arguments.end())
    options.bg = core::parseColor(bg->get<std::string>());
  if (const auto speed = arguments.find("speed"); speed != arguments.end()) {
    if (format.format == core::Format::png || format.format == core::Format::svg) {
      throw ToolError("speed applies to animated output: set \"animated\": true or format gif, webp or apng");
    }
    options.speed = speed->get<double>();
  }
  const std::vector<std::uint8_t> bytes = core::renderOutput(pack, request);
  const std::string id = core::encodeId(pack.catalog(), request.combo);

  std::string summary = describeCombo(pack.catalog(), request.combo) + " as " + format.name + ", " +
                        std::to_string(options.size) + "x" + std::to_string(options.size) + " px, " +
                        std::to_string(bytes.size()) + " bytes";
  if (const auto written = writeResultFile(root, arguments, bytes)) summary += "; written to " + *written;
  Json content = Json::array();
  if (format.format == core::Format::svg) {
    // Image content is for raster images; SVG travels as an embedded resource.
    content.push_back({{"type", "resource"},
                       {"resource",
                        {{"uri", "pixabots://render/" + id + ".svg"},
                         {"mimeType", format.mimeType},
                         {"text", std::string(bytes.begin(), bytes.end())}}}});
  } else {
    content.push_back(imageContent(base64Encode(bytes), format.mimeType));
  }
  content.push_back(textContent(summary));
  return {{"content", std::move(content)}};
}

Json ogCardSchema(const WriteRoot* root) {
  return objectSchema({
      {"layout",
       {{"type", "string"},
        {"enum", {"grid", "single", "compare"}},
        {"description",
         "grid (default: 6x3 bots picked by seed, the title over them), single (one bot: "
         "ids[0], else the seed's avatar) or compare (1..6 bots in a row)"}}},
      {"ids",
       {{"type", "array"},
        {"items", idProperty()},
        {"maxItems", core::kOgGridBots},
        {"description", "the bots, as IDs: single 1, compare 1..6, grid 0..18 (the rest picked by seed)"}}},
      {"seed",
       {{"type", "string"},
        {"description",
         "grid: which bots fill the card (default \"pixabots\"); single without ids: the "
         "text's avatar"}}},
      {"title", {{"type", "string"}, {"description", "up to 60 characters, longer is cut (default \"Pixabots\")"}}},
      {"subtitle", {{"type", "string"}, {"description", "up to 100 characters, longer is cut"}}},
      {"bg",
       {{"type", "string"},
        {"pattern", "^#[0-9a-fA-F]{6}$"},
        {"description", "the canvas colour #rrggbb (default black)"}}},
      {"output_path", outputPathProperty(root)},
      {"overwrite", overwriteProperty()},
  });
}

Json ogCard(const core::Pack& pack, const WriteRoot* root, const Json& arguments) {
  core::OgOptions options;
  options.layout = core::parseOgLayout(arguments.value("layout", "grid"));
  for (const Json& id : arguments.value("ids", Json::array())) {
    options.bots.push_back(core::decodeId(pack.catalog(), id.get<std::string>()));
  }
  const auto seed = arguments.find("seed");
  if (seed != arguments.end()) options.seed = seed->get<std::string>();
  if (options.layout == core::OgLayout::single && options.bots.empty()) {
    if (seed == arguments.end()) throw ToolError("layout single needs \"ids\": [ID] or \"seed\"");
    options.bots.push_back(core::seededCombo(pack.catalog(), options.seed));
  }
  if (const auto title = arguments.find("title"); title != arguments.end()) options.title = title->get<std::string>();
  if (const auto sub = arguments.find("subtitle"); sub != arguments.end()) options.subtitle = sub->get<std::string>();
  if (const auto bg = arguments.find("bg"); bg != arguments.end())
    options.bg = core::parseColor(bg->get<std::string>());

  const std::vector<std::uint8_t> png = core::encodePng(core::renderOg(pack, options).view());
  std::string summary = "Open Graph card (" + std::string(core::ogLayoutName(options.layout)) + "), " +
                        std::to_string(core::kOgWidth) + "x" + std::to_string(core::kOgHeight) + " PNG, " +
                        std::to_string(png.size()) + " bytes";
  if (const auto written = writeResultFile(root, arguments, png)) summary += "; written to " + *written;
  return {{"content", {imageContent(base64Encode(png), "image/png"), textContent(summary)}}};
}

}  // namespace

void addImageTools(ToolRegistry& registry, const core::Pack& pack, const WriteRoot* root) {
  registry.add({"render_pixabot",
                "Draws a pixel-art robot avatar. Pick it by id (4 characters of [0-9a-z]) or seed (any text: the same "
                "text always gives the same avatar); with neither, a random one. Returns the image (PNG by default; "
                "GIF, WebP or APNG when animated; SVG as an embedded resource) and a line naming the ID and its parts; "
                "output_path also writes the file, only inside the directory the server was started with "
                "(pixabots mcp --allow-write DIR) and replacing a file only with overwrite: true.",
                renderPixabotSchema(root),
                [&pack, root](const Json& arguments) { return renderPixabot(pack, root, arguments); }});
  registry.add(
      {"og_card",
       "Draws a 1200x630 Open Graph card (a social preview image) of avatars with a title: a grid picked by "
       "a seed, a single bot, or up to 6 side by side. Returns the PNG; output_path also writes it, only inside "
       "the directory the server was started with (pixabots mcp --allow-write DIR) and replacing a file "
       "only with overwrite: true.",
       ogCardSchema(root), [&pack, root](const Json& arguments) { return ogCard(pack, root, arguments); }});
}

}  // namespace pixabots::mcp
