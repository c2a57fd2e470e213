#include <catch2/catch.hpp>

#include "filters/palette.hpp"
#include "pixabots/core/color.hpp"

using namespace pixabots::core;
using namespace pixabots::core::detail;

namespace {
// Channels within 1 of the reference (the service's own LCh conversion rounds slightly differently).
bool near(Rgb a, Rgb b) {
  auto d = [](int x, int y) { return x > y ? x - y : y - x; };
  return d(a.r, b.r) <= 1 && d(a.g, b.g) <= 1 && d(a.b, b.b) <= 1;
}
}  // namespace

TEST_CASE("the LCh palette transform matches the service's examples") {
  struct Case {
    const char* in;
    int hue;
    double saturate;
    const char* out;
  };
  for (const Case& c :
       {Case{"#ff0000", 90, 1, "#009700"}, Case{"#ff0000", 200, 1, "#009eff"}, Case{"#ff0000", 0, 0, "#7f7f7f"},
        Case{"#ff0000", 0, 0.5, "#c96048"}, Case{"#3366cc", 90, 1, "#c3344e"}, Case{"#3366cc", 0, 1.5, "#0066ff"}}) {
    Rgb got = transformColor(parseColor(c.in), c.hue, c.saturate);
    INFO(c.in << " hue " << c.hue << " saturate " << c.saturate << " -> " << formatColor(got));
    CHECK(near(got, parseColor(c.out)));
  }
}

TEST_CASE("greys, black and white never change") {
  for (int v : {0, 1, 127, 128, 254, 255}) {
    Rgb grey{static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v)};
    CHECK(transformColor(grey, 200, 1.5) == grey);
    CHECK(transformColor(grey, 0, 4) == grey);
  }
}

TEST_CASE("hue 0 and saturate 1 give every colour back") {
  for (int r = 0; r < 256; r += 15) {
    for (int g = 0; g < 256; g += 15) {
      for (int b = 0; b < 256; b += 15) {
        Rgb c{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g), static_cast<std::uint8_t>(b)};
        REQUIRE(transformColor(c, 0, 1) == c);
      }
    }
  }
}

TEST_CASE("the canvas transform changes RGB at every alpha and leaves alpha alone") {
  Canvas canvas{};
  const std::uint8_t px[8] = {255, 0, 0, 255, 255, 0, 0, 64};
  std::copy(px, px + 8, canvas.begin());
  applyPalette(canvas, 200, 1);
  const Rgb expected = transformColor({255, 0, 0}, 200, 1);
  CHECK(Rgb{canvas[0], canvas[1], canvas[2]} == expected);
  CHECK(canvas[3] == 255);
  CHECK(Rgb{canvas[4], canvas[5], canvas[6]} == expected);
  CHECK(canvas[7] == 64);
  CHECK(canvas[8] == 0);  // transparent black stays (0,0,0,0)
  CHECK(canvas[11] == 0);
}
