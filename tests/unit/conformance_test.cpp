// The service's renderer output for a synthetic pack (tests/data/conformance,
// copied from ../shared/conformance): static renders must match exactly, and
// palette-transformed ones within 1 per channel.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "pixabots/core/png.hpp"
#include "pixabots/core/render.hpp"
#include "support/conformance.hpp"
#include "support/files.hpp"

using namespace pixabots::core;
using testing::conformancePack;

namespace {

struct Difference {
  int worst = 0;      // largest channel difference
  long channels = 0;  // channels that differ at all
};

// Compares our RGBA with the reference, which stores RGB only when bg is set.
Difference compare(const Image& ours, const Image& reference, int channels) {
  Difference d;
  REQUIRE(ours.width() == reference.width());
  REQUIRE(ours.height() == reference.height());
  auto a = ours.pixels();
  auto b = reference.pixels();
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (channels == 3 && i % 4 == 3) {
      REQUIRE(a[i] == 255);
      continue;
    }
    int diff = std::abs(int{a[i]} - int{b[i]});
    d.worst = std::max(d.worst, diff);
    d.channels += diff != 0;
  }
  return d;
}

}  // namespace

TEST_CASE("static renders match every reference PNG of the service") {
  int checked = 0;
  for (const auto& c : testing::conformanceCases("png")) {
    const std::string file = c["file"].get<std::string>();
    INFO(file);
    const RenderOptions options = testing::caseOptions(c);
    const Image reference = decodePng(testing::readBytes(testing::dataPath("conformance/" + file)));
    const Image ours =
        render(conformancePack(), decodeId(conformancePack().catalog(), c["id"].get<std::string>()), options);
    const Difference d = compare(ours, reference, c["channels"].get<int>());
    const bool paletteTransformed = options.hue != 0 || options.saturate != 1;
    if (paletteTransformed) {
      CHECK(d.worst <= 1);
    } else {
      CHECK(d.channels == 0);
    }
    ++checked;
  }
  CHECK(checked == 102);
}

TEST_CASE("the PNG of a render decodes to exactly the rendered pixels") {
  for (const auto& c : testing::conformanceCases("png")) {
    INFO(c["file"].get<std::string>());
    const RenderOptions options = testing::caseOptions(c);
    const Combo combo = decodeId(conformancePack().catalog(), c["id"].get<std::string>());
    const Image decoded = decodePng(renderPng(conformancePack(), combo, options));
    CHECK(decoded == render(conformancePack(), combo, options));
  }
}

TEST_CASE("renderInto writes into a caller buffer with any stride and checks its size") {
  const Combo combo = decodeId(Catalog::service(), "2156");
  RenderOptions options;
  options.size = 100;
  const Image whole = render(conformancePack(), combo, options);
  const std::size_t stride = 100 * 4 + 12;
  std::vector<std::uint8_t> buffer(stride * 100, 0x5a);
  renderInto(conformancePack(), combo, options, buffer, stride);
  for (int y = 0; y < 100; ++y) {
    const std::uint8_t* row = buffer.data() + static_cast<std::size_t>(y) * stride;
    REQUIRE(std::equal(row, row + 400, whole.row(y)));
    REQUIRE(row[400] == 0x5a);
  }
  std::vector<std::uint8_t> small(100 * 100 * 4 - 1);
  CHECK_THROWS_WITH(renderInto(conformancePack(), combo, options, small),
                    "output buffer holds 39999 bytes; a 100 px render needs 40000");
  CHECK_THROWS_WITH(renderInto(conformancePack(), combo, options, buffer, 399),
                    "stride 399 is smaller than a row (400 bytes)");
  options.size = 2000;
  CHECK_THROWS_WITH(render(conformancePack(), combo, options), Catch::Contains("size 2000 is out of range"));
}

TEST_CASE("a combo outside the pack's catalog is rejected") {
  RenderOptions options;
  CHECK_THROWS_WITH(render(conformancePack(), Combo{{0, 8, 0, 0}}, options),
                    Catch::Contains("heads index 8 is out of range"));
}

TEST_CASE("renderPart draws one frame of one part alone") {
  const Pack& pack = conformancePack();
  RenderOptions options;
  options.size = 32;
  const Image visor = renderPart(pack, Category::eyes, 13, 5, options);
  // Frame 5 of the visor sheet, with transparent pixels as (0,0,0,0).
  const std::uint8_t* frame = pack.sheet(Category::eyes, 13).frame(5);
  for (int i = 0; i < 32 * 32; ++i) {
    const std::uint8_t* p = visor.pixels().data() + i * 4;
    if (frame[i * 4 + 3] == 0) {
      REQUIRE(p[3] == 0);
    } else {
      REQUIRE(p[3] == frame[i * 4 + 3]);
    }
  }
  CHECK_THROWS_WITH(renderPart(pack, Category::eyes, 13, 8, options), "eyes/visor frame 8 is out of range 0..7");
  CHECK_THROWS_WITH(renderPart(pack, Category::top, 12, 0, options), "top part 12 is out of range 0..11");
}
