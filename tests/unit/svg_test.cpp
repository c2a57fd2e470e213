#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "pixabots/core/svg.hpp"
#include "support/conformance.hpp"
#include "support/files.hpp"

using namespace pixabots::core;
using testing::conformancePack;

namespace {

// Paints an SVG of ours back onto a 32x32 RGBA grid: rects in order, each
// pixel covered at most once (besides the bg rect), flattened onto the bg rect
// with the service's integer rule when there is one.
Image rasterise(const std::string& svg) {
  static const std::regex rect(
      R"re(<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)" fill="#([0-9a-f]{6})"(?: fill-opacity="([0-9.]+)")?/>)re");
  Image image(32, 32);
  std::vector<int> covered(32 * 32, 0);
  bool first = true, hasBg = false;
  std::size_t rects = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator(); ++it, ++rects) {
    const auto& m = *it;
    const int x = std::stoi(m[1]), y = std::stoi(m[2]), w = std::stoi(m[3]), h = std::stoi(m[4]);
    const unsigned rgb = static_cast<unsigned>(std::stoul(m[5], nullptr, 16));
    const int a = m[6].matched ? static_cast<int>(std::lround(std::stod(m[6]) * 255)) : 255;
    const bool bgRect = first && x == 0 && y == 0 && w == 32 && h == 32;
    first = false;
    hasBg |= bgRect;
    for (int j = y; j < y + h; ++j) {
      for (int i = x; i < x + w; ++i) {
        REQUIRE((i < 32 && j < 32));
        if (!bgRect) REQUIRE(++covered[static_cast<std::size_t>(j * 32 + i)] == 1);
        std::uint8_t* p = image.row(j) + i * 4;
        const int c[3] = {int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)};
        for (int k = 0; k < 3; ++k) {
          p[k] = static_cast<std::uint8_t>(hasBg && !bgRect ? (c[k] * a + p[k] * (255 - a)) / 255 : c[k]);
        }
        p[3] = static_cast<std::uint8_t>(hasBg ? 255 : a);
      }
    }
  }
  // Nothing but rects between the opening and closing tags.
  REQUIRE(svg.rfind("<svg ", 0) == 0);
  REQUIRE(svg.substr(svg.size() - 6) == "</svg>");
  REQUIRE(rects == static_cast<std::size_t>(std::count(svg.begin(), svg.end(), '<')) - 2);
  return image;
}

}  // namespace

TEST_CASE("SVGs are byte for byte the service's") {
  int checked = 0;
  for (const auto& c : testing::conformanceCases("svg")) {
    INFO(c["file"].get<std::string>());
    RenderOptions options;
    options.size = c["size"].get<int>();
    if (c.contains("bg")) options.bg = parseColor(c["bg"].get<std::string>());
    const Combo combo = decodeId(conformancePack().catalog(), c["id"].get<std::string>());
    CHECK(renderSvg(conformancePack(), combo, options) ==
          testing::readText(testing::dataPath("conformance/" + c["file"].get<std::string>())));
    ++checked;
  }
  CHECK(checked == 24);
}

TEST_CASE("both SVG forms paint exactly the PNG render's pixels, compact in under half the bytes") {
  for (const char* id : {"0000", "2156", "f76a", "8755", "b766", "6352"}) {
    for (bool withBg : {false, true}) {
      INFO(id << (withBg ? " with bg" : ""));
      RenderOptions options;
      options.size = 32;
      if (withBg) options.bg = Rgb{0xfd, 0xe6, 0x8a};
      const Combo combo = decodeId(Catalog::service(), id);
      const Image png = render(conformancePack(), combo, options);
      const std::string service = renderSvg(conformancePack(), combo, options);
      const std::string compact = renderSvg(conformancePack(), combo, options, SvgOptions{true});
      CHECK(rasterise(service) == png);
      CHECK(rasterise(compact) == png);
      CHECK(compact.size() * 2 <= service.size());
      CHECK(renderSvg(Pack::embedded(), combo, options, SvgOptions{true}).size() * 2 <=
            renderSvg(Pack::embedded(), combo, options).size());
    }
  }
}

TEST_CASE("SVG ignores hue and saturate, as the service does, but validates them") {
  RenderOptions plain, tinted;
  tinted.hue = 200;
  tinted.saturate = 1.5;
  const Combo combo = decodeId(Catalog::service(), "2156");
  CHECK(renderSvg(conformancePack(), combo, plain) == renderSvg(conformancePack(), combo, tinted));
  tinted.saturate = 9;
  CHECK_THROWS_WITH(renderSvg(conformancePack(), combo, tinted), Catch::Contains("saturate 9 is out of range"));
  plain.size = 2000;
  CHECK_THROWS_WITH(renderSvg(conformancePack(), combo, plain), Catch::Contains("size 2000 is out of range"));
}
