// The C++ layer (pixabots.hpp): RAII over the C ABI, exceptions carrying the
// status and the library's message.
#include <catch2/catch.hpp>

#include <string>

#include "pixabots/core.hpp"
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
