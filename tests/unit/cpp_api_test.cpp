// The C++ layer (pixabots.hpp): RAII over the C ABI, exceptions carrying the
// status and the library's message.
#include <catch2/catch.hpp>

#include <string>

#include "pixabots/core.hpp"
#include "pixabots/core/contact_sheet.hpp"
#include "pixabots/pixabots.hpp"
#include "support/files.hpp"

TEST_CASE("C++ API: renders what the core renders, in every option") {
  const pixabots::Context ctx;
  pixabots::Options options;
  options.size = 100;
  options.hue = 120;
  options.bg = "#203040";
  const auto png = ctx.render("2156", options);

  const pixabots::core::Pack& pack = pixabots::core::Pack::embedded();
  pixabots::core::RenderOptions r;
  r.size = 100;
  r.hue = 120;
  r.bg = pixabots::core::Rgb{0x20, 0x30, 0x40};
  CHECK(png == pixabots::core::renderPng(pack, pixabots::core::decodeId(pack.catalog(), "2156"), r));

  options.format = pixabots::Format::rgba;
  std::vector<std::uint8_t> pixels(ctx.requiredSize("2156", options));
  CHECK(pixels.size() == 100u * 100u * 4u);
  CHECK(ctx.renderInto("2156", options, pixels) == pixels.size());
  const pixabots::Rgba decoded = pixabots::decodePng(png);
  CHECK(decoded.width == 100);
  CHECK(decoded.pixels == pixels);

  options.format = pixabots::Format::svg;
  options.compactSvg = true;
  CHECK(ctx.renderText("2156", options).starts_with("<svg"));
}

TEST_CASE("C++ API: failures throw pixabots::Error with the status and the detail") {
  const pixabots::Context ctx;
  try {
    ctx.render("zz!z");
    FAIL("no exception");
  } catch (const pixabots::Error& e) {
    CHECK(e.status() == PXB_ERR_INVALID_ID);
    CHECK(std::string(e.what()).find("character 3") != std::string::npos);
  }
  pixabots::Options options;
  options.size = 4000;
  CHECK_THROWS_WITH(ctx.render("2156", options), Catch::Contains("between 32 and 1920"));
  std::vector<std::uint8_t> small(8);
  options.size = 64;
  options.format = pixabots::Format::rgba;
  CHECK_THROWS_WITH(ctx.renderInto("2156", options, small), Catch::Contains("needs 16384 bytes"));
  CHECK_THROWS_AS(pixabots::Context::fromDirectory("/nonexistent"), pixabots::Error);
  CHECK_FALSE(ctx.isValid("zzzz"));
  CHECK_THROWS_WITH(ctx.checkId("zzzz"), Catch::Contains("out of range"));
}

TEST_CASE("C++ API: IDs, catalog and moves") {
  pixabots::Context ctx;
  CHECK(ctx.decode("2156") == pixabots::Combo{2, 1, 5, 6});
  CHECK(ctx.encode({2, 1, 5, 6}) == "2156");
  CHECK(ctx.seededId("alice") == "3409");
  CHECK(ctx.comboCount() == 10752);
  CHECK(ctx.idAt(ctx.comboIndex("2156")) == "2156");
  CHECK(ctx.previousId(ctx.nextId("2156")) == "2156");
  CHECK(ctx.isValid(ctx.randomId()));
  CHECK(ctx.partCount(pixabots::Category::heads) == 8);
  CHECK(ctx.partName(pixabots::Category::body, 5) ==
        pixabots::core::Catalog::service().part(pixabots::core::Category::body, 5).name);
  CHECK((ctx.tickCount("2156") == 8 || ctx.tickCount("2156") == 16));

  pixabots::Context moved = std::move(ctx);
  CHECK(moved.get() != nullptr);
  CHECK(ctx.get() == nullptr);  // NOLINT(bugprone-use-after-move): the moved-from state is documented
  const auto dir = testing::dataPath("conformance/pack");
  moved = pixabots::Context::fromDirectory(dir);
  CHECK(moved.isValid("2156"));
  CHECK(pixabots::version() == PIXABOTS_VERSION_STRING);
}

TEST_CASE("C++ API: renderTo streams the render's bytes, and the writer's exception comes out") {
  const pixabots::Context ctx;
  pixabots::Options options;
  options.format = pixabots::Format::rgba;
  options.size = 40;
  options.tick = pixabots::kAllTicks;
  std::vector<std::uint8_t> streamed;
  int pieces = 0;
  ctx.renderTo("2156", options, [&](pixabots::Span<const std::uint8_t> piece) {
    ++pieces;
    streamed.insert(streamed.end(), piece.begin(), piece.end());
  });
  CHECK(streamed == ctx.render("2156", options));
  CHECK(pieces == ctx.tickCount("2156"));

  struct Full : std::runtime_error {
    Full() : std::runtime_error("disk full") {}
  };
  int calls = 0;
  CHECK_THROWS_AS(ctx.renderTo("2156", options,
                               [&](pixabots::Span<const std::uint8_t>) {
                                 ++calls;
                                 throw Full();
                               }),
                  Full);
  CHECK(calls == 1);
  options.size = 10;
  calls = 0;
  CHECK_THROWS_WITH(ctx.renderTo("2156", options, [&](pixabots::Span<const std::uint8_t>) { ++calls; }),
                    Catch::Contains("size 10"));
  CHECK(calls == 0);
}

TEST_CASE("C++ API: tick and loop durations") {
  const pixabots::Context ctx;
  CHECK(pixabots::tickDurationMs() == 72);
  CHECK(pixabots::tickDurationMs(0.25) == 288);
  CHECK(pixabots::tickDurationMs(4) == 20);
  CHECK(pixabots::tickDurationMs(2.5) == 29);
  CHECK_THROWS_WITH(pixabots::tickDurationMs(5), Catch::Contains("between 0.25 and 4"));
  CHECK(ctx.loopDurationMs("2156", 2) == ctx.tickCount("2156") * 36);
  CHECK(ctx.loopDurationMs("2156") == ctx.tickCount("2156") * 72);
}

TEST_CASE("C++ API: OG cards, contact sheets and the catalog are the core's") {
  namespace core = pixabots::core;
  const pixabots::Context ctx;
  const core::Pack& pack = core::Pack::embedded();
  const auto combo = [&](const char* id) { return core::decodeId(pack.catalog(), id); };

  pixabots::OgOptions og;
  og.layout = pixabots::OgLayout::compare;
  og.ids = {"2156", "a153"};
  og.title = "";
  og.bg = "#112233";
  core::OgOptions coreOg;
  coreOg.layout = core::OgLayout::compare;
  coreOg.bots = {combo("2156"), combo("a153")};
  coreOg.title = "";
  coreOg.bg = core::Rgb{0x11, 0x22, 0x33};
  CHECK(ctx.renderOg(og) == core::encodePng(core::renderOg(pack, coreOg).view()));
  CHECK(ctx.renderOg() == core::encodePng(core::renderOg(pack, core::OgOptions{}).view()));
  og.layout = pixabots::OgLayout::single;
  try {
    ctx.renderOg(og);
    FAIL("no exception");
  } catch (const pixabots::Error& e) {
    CHECK(e.status() == PXB_ERR_INVALID_OPTION);
  }

  const std::vector<std::string> ids = {"2156", "a153", "0000"};
  pixabots::ContactSheetOptions sheet;
  sheet.size = 48;
  sheet.columns = 3;
  sheet.labels = true;
  core::ContactSheetOptions coreSheet;
  coreSheet.bots = {combo("2156"), combo("a153"), combo("0000")};
  coreSheet.size = 48;
  coreSheet.columns = 3;
  coreSheet.labels = true;
  const auto png = ctx.renderContactSheet(ids, sheet);
  CHECK(png == core::encodePng(core::renderContactSheet(pack, coreSheet).view()));
  CHECK(pixabots::decodePng(png).width == 16 + 3 * (48 + 16));
  CHECK_THROWS_WITH(ctx.renderContactSheet(std::vector<std::string>{}), "number of IDs 0 is out of range 1..1024");

  CHECK(ctx.catalogJson() == core::catalogJson(pack));
}

TEST_CASE("C++ API: limits on packs and PNG decoding") {
  const auto dir = testing::dataPath("conformance/pack");
  pixabots::Limits limits;
  CHECK(pixabots::Context::fromDirectory(dir, limits).isValid("2156"));
  limits.packMaxTotalBytes = 500;
  try {
    pixabots::Context::fromDirectory(dir, limits);
    FAIL("no exception");
  } catch (const pixabots::Error& e) {
    CHECK(e.status() == PXB_ERR_INVALID_PACK);
    CHECK(std::string(e.what()).find("the limit is 500 for them all") != std::string::npos);
  }
  limits = {};
  limits.packMaxFileBytes = std::uint64_t{1} << 27;
  CHECK_THROWS_WITH(pixabots::Context::fromDirectory(dir, limits),
                    Catch::StartsWith("pxb_limits.pack_max_file_bytes 134217728 is above"));

  const pixabots::Context ctx;
  pixabots::Options options;
  options.size = 64;
  const auto png = ctx.render("2156", options);
  CHECK(pixabots::decodePng(png).width == 64);
  limits = {};
  limits.pngMaxPixels = 64 * 64 - 1;
  CHECK_THROWS_WITH(pixabots::decodePng(png, limits), "PNG is 64x64, more than the 4095-pixel limit");
}
