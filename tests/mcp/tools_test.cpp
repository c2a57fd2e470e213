// Every local tool with good and bad arguments, in process: images decoded
// and compared with the library's own renders, JSON with the library's.
#include <catch2/catch.hpp>

#include "mcp_harness.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/seeded.hpp"

using namespace pixabots;
using namespace pixabots::mcp;
using namespace pixabots::mcp::test;

namespace {

// The pixels the library renders for `id` with `options` (as RGBA).
std::vector<std::uint8_t> libraryPixels(const Context& ctx, const std::string& id, Options options) {
  options.format = Format::rgba;
  return ctx.render(id, options);
}

}  // namespace

TEST_CASE("render_pixabot returns the library's PNG of the ID", "[mcp][tools]") {
  Harness h;
  const Json result = h.call("render_pixabot", {{"id", "2156"}});
  const Rgba image = decodePng(imageBytes(result, "image/png"));
  CHECK(image.width == 128);
  CHECK(image.height == 128);
  CHECK(image.pixels == libraryPixels(h.ctx, "2156", {}));
  const Combo combo = h.ctx.decode("2156");
  CHECK_THAT(textOf(result),
             Catch::StartsWith("2156 (eyes " + std::string(h.ctx.partName(Category::eyes, combo.eyes)) + ", head " +
                               std::string(h.ctx.partName(Category::heads, combo.heads)) + ", body " +
                               std::string(h.ctx.partName(Category::body, combo.body)) + ", top " +
                               std::string(h.ctx.partName(Category::top, combo.top)) + ") as PNG, 128x128 px, "));
}

TEST_CASE("render_pixabot applies size, palette and background", "[mcp][tools]") {
  Harness h;
  const Json result =
      h.call("render_pixabot",
             {{"id", "3409"}, {"size", 48}, {"palette", {{"hue", 200}, {"saturate", 1.5}}}, {"bg", "#fde68a"}});
  const Rgba image = decodePng(imageBytes(result, "image/png"));
  CHECK(image.width == 48);
  Options options;
  options.size = 48;
  options.hue = 200;
  options.saturate = 1.5;
  options.bg = "#fde68a";
  CHECK(image.pixels == libraryPixels(h.ctx, "3409", options));
  CHECK(image.pixels != libraryPixels(h.ctx, "3409", {.size = 48}));
}

TEST_CASE("render_pixabot picks by seed, or at random with neither", "[mcp][tools]") {
  Harness h;
  const Json seeded = h.call("render_pixabot", {{"seed", "alice"}, {"size", 32}});
  CHECK_THAT(textOf(seeded), Catch::StartsWith("3409 ("));
  CHECK(decodePng(imageBytes(seeded, "image/png")).pixels == libraryPixels(h.ctx, "3409", {.size = 32}));

  const Json random = h.call("render_pixabot", {{"size", 32}});
  const std::string id = textOf(random).substr(0, 4);
  CHECK(h.ctx.isValid(id));
  CHECK(decodePng(imageBytes(random, "image/png")).pixels == libraryPixels(h.ctx, id, {.size = 32}));
}

TEST_CASE("render_pixabot animated formats and SVG", "[mcp][tools]") {
  Harness h;
  auto bytesOf = [](const std::vector<std::uint8_t>& v, std::size_t n) {
    return std::string(v.begin(), v.begin() + n);
  };
  Options gif{.size = 64, .format = Format::gif};
  std::vector<std::uint8_t> bytes =
      imageBytes(h.call("render_pixabot", {{"id", "2156"}, {"size", 64}, {"animated", true}}), "image/gif");
  CHECK(bytes == h.ctx.render("2156", gif));
  CHECK(bytesOf(bytes, 6) == "GIF89a");

  Options webp{.size = 64, .speed = 2, .format = Format::webp};
  bytes = imageBytes(h.call("render_pixabot", {{"id", "2156"}, {"size", 64}, {"format", "webp"}, {"speed", 2}}),
                     "image/webp");
  CHECK(bytes == h.ctx.render("2156", webp));

  Options apng{.size = 64, .format = Format::apng};
  bytes = imageBytes(h.call("render_pixabot", {{"id", "2156"}, {"size", 64}, {"format", "png"}, {"animated", true}}),
                     "image/png");
  CHECK(bytes == h.ctx.render("2156", apng));
  CHECK(imageBytes(h.call("render_pixabot", {{"id", "2156"}, {"size", 64}, {"format", "apng"}}), "image/png") == bytes);

  const Json svg = h.call("render_pixabot", {{"id", "2156"}, {"format", "svg"}});
  const Json resource = contentOf(svg, "resource").at("resource");
  CHECK(resource.at("uri") == "pixabots://render/2156.svg");
  CHECK(resource.at("mimeType") == "image/svg+xml");
  Options svgOptions{.format = Format::svg};
  CHECK(resource.at("text") == h.ctx.renderText("2156", svgOptions));
  CHECK_THAT(textOf(svg), Catch::Contains("as SVG, 128x128 px"));
}

TEST_CASE("render_pixabot says what is wrong with its arguments and what is accepted", "[mcp][tools]") {
  Harness h;
  struct Case {
    Json arguments;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{{"id", "2156"}, {"size", 20}},
       "invalid arguments for render_pixabot:\n$.size: 20 is below the minimum 32 (size: width and height in pixels, "
       "an integer 32..1920 (default 128))"},
      {{{"id", "2156"}, {"size", 1921}},
       "invalid arguments for render_pixabot:\n$.size: 1921 is above the maximum 1920 (size: width and height in "
       "pixels, an integer 32..1920 (default 128))"},
      {{{"id", "2156"}, {"size", "big"}},
       "invalid arguments for render_pixabot:\n$.size: expected integer, got string (size: width and height in "
       "pixels, an integer 32..1920 (default 128))"},
      {{{"id", "2156"}, {"format", "bmp"}},
       "invalid arguments for render_pixabot:\n$.format: \"bmp\" is not one of \"png\", \"apng\", \"gif\", \"webp\", "
       "\"svg\" (format: png, apng, gif, webp or svg (default png; gif when animated))"},
      {{{"id", "2156"}, {"speed", 5}, {"animated", true}},
       "invalid arguments for render_pixabot:\n$.speed: 5 is above the maximum 4.0 (speed: animation speed 0.25..4 "
       "(default 1), animated formats only)"},
      {{{"id", "2156"}, {"palette", {{"saturate", 9}}}},
       "invalid arguments for render_pixabot:\n$.palette.saturate: 9 is above the maximum 4.0 (palette: recolouring: "
       "{hue: degrees, saturate: 0..4})"},
      {{{"id", "2156"}, {"bg", "red"}},
       "invalid arguments for render_pixabot:\n$.bg: \"red\" does not match ^#[0-9a-fA-F]{6}$ (bg: a background "
       "colour #rrggbb (default: transparent))"},
      {{{"id", "ABCD"}, {"hue", 3}},
       "invalid arguments for render_pixabot:\n$.hue: property is not allowed (additionalProperties: false) (the "
       "arguments are: animated, bg, format, id, output_path, overwrite, palette, seed, size, speed)\n$.id: \"ABCD\" "
       "does not "
       "match ^[0-9a-z]{4}$ (id: an avatar ID: 4 characters of [0-9a-z], the eyes, head, body and top part (e.g. "
       "\"2156\"))"},
      {{{"id", "g000"}}, "render_pixabot failed: invalid ID \"g000\": eyes index 16 is out of range 0..15 ('0'..'f')"},
      {{{"id", "2156"}, {"seed", "alice"}}, "render_pixabot failed: give \"id\" or \"seed\", not both"},
      {{{"id", "2156"}, {"format", "svg"}, {"animated", true}},
       "render_pixabot failed: svg is a still image: animated output is gif, webp or apng"},
      {{{"id", "2156"}, {"format", "gif"}, {"animated", false}},
       "render_pixabot failed: gif is always animated: drop \"animated\": false, or use png or svg"},
      {{{"id", "2156"}, {"speed", 2}},
       "render_pixabot failed: speed applies to animated output: set \"animated\": true or format gif, webp or apng"},
  };
  for (const Case& c : cases) {
    INFO(c.arguments.dump());
    CHECK(errorText(h.call("render_pixabot", c.arguments)) == c.message);
  }
}

TEST_CASE("og_card returns the library's card", "[mcp][tools]") {
  Harness h;
  const core::Pack& pack = h.pack;
  const Rgba grid = decodePng(imageBytes(h.call("og_card", Json::object()), "image/png"));
  CHECK(grid.width == 1200);
  CHECK(grid.height == 630);
  const core::Image expected = core::renderOg(pack, {});
  CHECK(grid.pixels == std::vector<std::uint8_t>(expected.pixels().begin(), expected.pixels().end()));

  core::OgOptions single;
  single.layout = core::OgLayout::single;
  single.bots = {core::decodeId(pack.catalog(), "2156")};
  single.title = "Hello";
  single.bg = core::parseColor("#102030");
  const Json result =
      h.call("og_card", {{"layout", "single"}, {"ids", {"2156"}}, {"title", "Hello"}, {"bg", "#102030"}});
  const core::Image expectedSingle = core::renderOg(pack, single);
  CHECK(decodePng(imageBytes(result, "image/png")).pixels ==
        std::vector<std::uint8_t>(expectedSingle.pixels().begin(), expectedSingle.pixels().end()));
  CHECK_THAT(textOf(result), Catch::StartsWith("Open Graph card (single), 1200x630 PNG, "));

  const Json bySeed =
      h.call("og_card", {{"layout", "single"}, {"seed", "alice"}, {"title", "Hello"}, {"bg", "#102030"}});
  single.bots = {core::seededCombo(pack.catalog(), "alice")};
  const core::Image expectedSeed = core::renderOg(pack, single);
  CHECK(decodePng(imageBytes(bySeed, "image/png")).pixels ==
        std::vector<std::uint8_t>(expectedSeed.pixels().begin(), expectedSeed.pixels().end()));
}

TEST_CASE("og_card's bad arguments", "[mcp][tools]") {
  Harness h;
  CHECK(errorText(h.call("og_card", {{"layout", "single"}})) ==
        "og_card failed: layout single needs \"ids\": [ID] or \"seed\"");
  core::OgOptions tooMany;
  tooMany.layout = core::OgLayout::compare;
  tooMany.bots.assign(7, core::decodeId(core::Catalog::service(), "2156"));
  std::string libraryMessage;
  try {
    core::renderOg(h.pack, tooMany);
  } catch (const core::Error& e) {
    libraryMessage = e.what();
  }
  REQUIRE_FALSE(libraryMessage.empty());
  CHECK(errorText(h.call("og_card", {{"layout", "compare"}, {"ids", Json(std::vector<std::string>(7, "2156"))}})) ==
        "og_card failed: " + libraryMessage);
  CHECK_THAT(
      errorText(h.call("og_card", {{"ids", Json(std::vector<std::string>(19, "2156"))}})),
      Catch::Contains("$.ids: 19 items, more than 18 (ids: the bots, as IDs: single 1, compare 1..6, grid 0..18"));
  CHECK_THAT(errorText(h.call("og_card", {{"layout", "wide"}})),
             Catch::Contains("$.layout: \"wide\" is not one of \"grid\", \"single\", \"compare\""));
  CHECK_THAT(errorText(h.call("og_card", {{"ids", {"zzzz"}}})),
             Catch::StartsWith("og_card failed: invalid ID \"zzzz\": eyes index 35 is out of range 0..15"));
}

TEST_CASE("describe_pixabot: parts, combo index, neighbours", "[mcp][tools]") {
  Harness h;
  const Json result = h.call("describe_pixabot", {{"id", "2156"}});
  const Json doc = result.at("structuredContent");
  CHECK(Json::parse(textOf(result)) == doc);
  Options metadata{.format = Format::metadataJson};
  const Json library = Json::parse(h.ctx.renderText("2156", metadata));
  for (const char* key : {"id", "combo", "parts", "png", "gif"}) CHECK(doc.at(key) == library.at(key));
  CHECK(doc.at("combo") == Json{{"eyes", 2}, {"heads", 1}, {"body", 5}, {"top", 6}});
  CHECK(doc.at("index") == h.ctx.comboIndex("2156"));
  CHECK(doc.at("combinations") == h.ctx.comboCount());
  CHECK(doc.at("previous") == h.ctx.previousId("2156"));
  CHECK(doc.at("next") == h.ctx.nextId("2156"));
  CHECK(doc.at("ticks") == h.ctx.tickCount("2156"));
  CHECK(doc.at("animated") == (h.ctx.tickCount("2156") == 16));
  const core::Part& eyes = h.pack.catalog().part(core::Category::eyes, 2);
  CHECK(doc.at("sprites").at("eyes") == Json{{"frames", eyes.frames}, {"kind", core::partKindName(eyes.kind)}});

  CHECK(h.call("describe_pixabot", {{"seed", "alice"}}).at("structuredContent").at("id") == "3409");
  CHECK(errorText(h.call("describe_pixabot", Json::object())) ==
        "describe_pixabot failed: give \"id\" (4 characters of [0-9a-z]) or \"seed\" (any text)");
  CHECK(errorText(h.call("describe_pixabot", {{"id", "2z56"}})) ==
        "describe_pixabot failed: invalid ID \"2z56\": heads index 35 is out of range 0..7 ('0'..'7')");
}

TEST_CASE("list_parts is the catalog", "[mcp][tools]") {
  Harness h;
  const Json doc = h.call("list_parts", Json::object()).at("structuredContent");
  const core::Catalog& catalog = h.pack.catalog();
  CHECK(doc.at("combinations") == catalog.combinations());
  for (core::Category c : core::kEncodingOrder) {
    const Json& list = doc.at("categories").at(std::string(core::categoryName(c)));
    REQUIRE(list.size() == static_cast<std::size_t>(catalog.count(c)));
    for (int i = 0; i < catalog.count(c); ++i) {
      CHECK(list[static_cast<std::size_t>(i)].at("name") == catalog.part(c, i).name);
      CHECK(list[static_cast<std::size_t>(i)].at("index") == i);
    }
  }
  CHECK(doc.at("categories").at("eyes").at(10).at("digit") == "a");
  CHECK_THAT(errorText(h.call("list_parts", {{"x", 1}})),
             Catch::Contains("$.x: property is not allowed (additionalProperties: false) (the arguments are: none)"));
}

TEST_CASE("seeded_id matches the service's seeded IDs", "[mcp][tools]") {
  Harness h;
  CHECK(h.call("seeded_id", {{"seed", "alice"}}).at("structuredContent") == Json{{"seed", "alice"}, {"id", "3409"}});
  CHECK(h.call("seeded_id", {{"seed", "bob@example.com"}}).at("structuredContent").at("id") ==
        h.ctx.seededId("bob@example.com"));
  CHECK(errorText(h.call("seeded_id", Json::object())) ==
        "invalid arguments for seeded_id:\n$: missing required property \"seed\"");
}

TEST_CASE("random_ids: count, and a seed for the same list every time", "[mcp][tools]") {
  Harness h;
  const Json five = h.call("random_ids", {{"count", 5}}).at("structuredContent").at("ids");
  REQUIRE(five.size() == 5);
  for (const Json& id : five) CHECK(h.ctx.isValid(id.get<std::string>()));
  CHECK(h.call("random_ids", Json::object()).at("structuredContent").at("ids").size() == 10);

  const Json seeded = h.call("random_ids", {{"count", 3}, {"seed", "team"}}).at("structuredContent");
  std::vector<std::string> expected;
  for (const core::Combo& combo : core::seededCombos(core::Catalog::service(), "team", 3)) {
    expected.push_back(core::encodeId(core::Catalog::service(), combo));
  }
  CHECK(seeded == Json{{"seed", "team"}, {"ids", expected}});
  CHECK(h.call("random_ids", {{"count", 3}, {"seed", "team"}}).at("structuredContent") == seeded);

  CHECK(errorText(h.call("random_ids", {{"count", 0}})) ==
        "invalid arguments for random_ids:\n$.count: 0 is below the minimum 1 (count: how many, an integer 1..100 "
        "(default 10))");
  CHECK_THAT(errorText(h.call("random_ids", {{"count", 101}})), Catch::Contains("101 is above the maximum 100"));
}

TEST_CASE("frames is the library's timeline document", "[mcp][tools]") {
  Harness h;
  Options frames{.format = Format::framesJson};
  CHECK(h.call("frames", {{"id", "2156"}}).at("structuredContent") == Json::parse(h.ctx.renderText("2156", frames)));
  frames.origin = "http://localhost:8080";
  CHECK(h.call("frames", {{"id", "2156"}, {"origin", "http://localhost:8080"}}).at("structuredContent") ==
        Json::parse(h.ctx.renderText("2156", frames)));
  CHECK(h.call("frames", {{"seed", "alice"}}).at("structuredContent").at("id") == "3409");
  CHECK(errorText(h.call("frames", {{"id", "g000"}})) ==
        "frames failed: invalid ID \"g000\": eyes index 16 is out of range 0..15 ('0'..'f')");
  // Only web origins, in the words pixabots serve uses for its own setting.
  const std::vector<std::string> refused = {"javascript:alert(1)", "data:text/html,x", "file:///etc", "//example.com",
                                            ""};
  for (const std::string& origin : refused) {
    CHECK(errorText(h.call("frames", {{"id", "2156"}, {"origin", origin}})) ==
          "frames failed: origin \"" + origin + "\" is not valid: must start with http:// or https://");
  }
  frames.origin = "https://bots.example";
  CHECK(h.call("frames", {{"id", "2156"}, {"origin", "https://bots.example//"}}).at("structuredContent") ==
        Json::parse(h.ctx.renderText("2156", frames)));
}
