// The Open Graph card: placement by SPEC's formulas, the label box, limits, errors.
#include <catch2/catch.hpp>

#include <string>

#include "og/label.hpp"
#include "og/layout.hpp"
#include "pixabots/core.hpp"
#include "pixabots/core/og.hpp"
#include "text/pixel_font.hpp"

using namespace pixabots::core;

namespace {

Rgb at(const Image& img, int x, int y) {
  const std::uint8_t* p = img.row(y) + static_cast<std::size_t>(x) * 4;
  return {p[0], p[1], p[2]};
}

// The bot's render flattened on `bg`, as the card must show it at (x, y).
void checkBotAt(const Image& card, const Pack& pack, const Combo& combo, int x, int y, int size, Rgb bg) {
  RenderOptions options;
  options.size = size;
  options.bg = bg;
  const Image bot = render(pack, combo, options);
  INFO("bot at " << x << "," << y << " size " << size);
  int mismatches = 0;
  for (int by = 0; by < size; ++by) {
    for (int bx = 0; bx < size; ++bx) mismatches += !(at(card, x + bx, y + by) == at(bot, bx, by));
  }
  CHECK(mismatches == 0);
}

const Pack& pack() { return Pack::embedded(); }
Combo id(std::string_view text) { return decodeId(pack().catalog(), text); }
constexpr Rgb kBg{0x12, 0x34, 0x56};

}  // namespace

TEST_CASE("og compare: n bots of min(380, floor((1040 - 20(n-1)) / n)) px, 20 px apart, centred") {
  CHECK(detail::ogCompareSize(1) == 380);
  CHECK(detail::ogCompareSize(4) == 245);
  CHECK(detail::ogCompareSize(6) == 156);
  OgOptions options;
  options.layout = OgLayout::compare;
  options.bots = {id("2156"), id("3409"), id("0000"), id("1234")};
  options.title = "";
  options.bg = kBg;
  const Image card = renderOg(pack(), options);
  REQUIRE(card.width() == 1200);
  REQUIRE(card.height() == 630);
  // 4*245 + 3*20 = 1040 wide, from x 80; no label: the row centred, (630-245)/2 = 192.
  for (int i = 0; i < 4; ++i)
    checkBotAt(card, pack(), options.bots[static_cast<std::size_t>(i)], 80 + i * 265, 192, 245, kBg);
  CHECK(at(card, 79, 300) == kBg);
  CHECK(at(card, 1120, 300) == kBg);
  CHECK(at(card, 600, 191) == kBg);
}

TEST_CASE("og single: one 380 px bot centred, the label box under it") {
  OgOptions options;
  options.layout = OgLayout::single;
  options.bots = {id("2156")};
  const Image card = renderOg(pack(), options);
  // Default title "Pixabots": 8 glyphs at 5x = 235 px; box 235+56 x 40+40-5.
  const detail::OgLabel label = detail::layoutLabel("Pixabots", "");
  CHECK(label.titleScale == 5);
  CHECK(label.width == 291);
  CHECK(label.height == 75);
  const int top = (630 - (380 + 24 + 75)) / 2;  // 75
  checkBotAt(card, pack(), options.bots[0], 410, top, 380, Rgb{});
  CHECK(detail::ogLabelRect(OgLayout::single, 1, 291, 75) == detail::OgRect{454, top + 404, 291, 75});
}

TEST_CASE("og grid: 6x3 bots picked by the seed, 160 px cells, 24 px gaps, the label centred over them") {
  CHECK(detail::ogGridCell() == 160);  // min(164, 162) down to 5x the art
  OgOptions options;
  options.seed = "launch";
  options.title = "";
  const Image card = renderOg(pack(), options);
  const auto bots = seededCombos(pack().catalog(), "launch", 18);
  // 6*160 + 5*24 = 1080 wide from x 60; 3*160 + 2*24 = 528 high from y 51.
  for (int i = 0; i < 18; ++i) {
    checkBotAt(card, pack(), bots[static_cast<std::size_t>(i)], 60 + (i % 6) * 184, 51 + (i / 6) * 184, 160, Rgb{});
  }
  // Given bots come first, the seed fills the rest.
  options.bots = {id("2156")};
  const Image mixed = renderOg(pack(), options);
  checkBotAt(mixed, pack(), id("2156"), 60, 51, 160, Rgb{});
  checkBotAt(mixed, pack(), bots[0], 244, 51, 160, Rgb{});
  // The seed decides; the same seed draws the same card.
  CHECK(seededCombos(pack().catalog(), "launch", 18) == bots);
  CHECK(seededCombos(pack().catalog(), "other", 18) != bots);
}

TEST_CASE("og label: rounded black box, white title, grey subtitle, on the given bg") {
  const OgOptions options{
      .layout = OgLayout::compare, .bots = {id("0000")}, .title = "HI", .subtitle = "ok", .bg = Rgb{0xff, 0x00, 0xff}};
  const Image card = renderOg(pack(), options);
  const detail::OgLabel label = detail::layoutLabel("HI", "ok");
  CHECK(label.titleScale == 5);
  CHECK(label.subtitleScale == 3);
  // Box: 11 px of text at 5x = 55 + 56 wide; 40 + 12 + 24 + 40 - 3 high.
  REQUIRE(label.width == 111);
  REQUIRE(label.height == 113);
  // One 380 px bot and the box 24 px under it, centred together: (630 - 517) / 2 = 56.
  const detail::OgRect box = detail::ogLabelRect(OgLayout::compare, 1, label.width, label.height);
  CHECK(box == detail::OgRect{544, 56 + 380 + 24, 111, 113});
  CHECK(detail::ogLabelRect(OgLayout::grid, 18, label.width, label.height) == detail::OgRect{544, 258, 111, 113});
  CHECK(at(card, box.x + 2, box.y + 58) == Rgb{});           // inside, left edge
  CHECK(at(card, box.x + 16, box.y) == Rgb{});               // top edge, past the corner
  CHECK(at(card, box.x, box.y) == (Rgb{0xff, 0x00, 0xff}));  // rounded corner: the canvas
  CHECK(at(card, box.x + box.w - 1, box.y + box.h - 1) == (Rgb{0xff, 0x00, 0xff}));
  // 'H' at 5x: its left stem starts at the title's origin (28, 20) inside the box.
  CHECK(at(card, box.x + 28, box.y + 20) == (Rgb{0xff, 0xff, 0xff}));
  CHECK(at(card, box.x + 28 + 5, box.y + 20) == Rgb{});  // between the stems
  // 'o' at 3x: 17 px of text centred, row 2 of the glyph is " ### ".
  const int subX = box.x + (111 - 33) / 2, subY = box.y + 20 + 40 + 12;
  CHECK(at(card, subX + 3, subY + 6) == (Rgb{0xa3, 0xa3, 0xa3}));
  CHECK(at(card, subX, subY + 6) == Rgb{});
  CHECK(at(card, 0, 0) == (Rgb{0xff, 0x00, 0xff}));
}

TEST_CASE("og text is cut at 60 / 100 characters, one glyph per UTF-8 code point") {
  const std::string seventy(70, 'x');
  CHECK(detail::layoutLabel(seventy, "").title == std::string(60, 'x'));
  CHECK(detail::layoutLabel(seventy, "").titleScale == 3);  // 60 glyphs fit at 3x
  CHECK(detail::layoutLabel("", std::string(120, 's')).subtitle.size() == 100);
  OgOptions a, b;
  a.title = seventy;
  b.title = std::string(60, 'x');
  CHECK(renderOg(pack(), a) == renderOg(pack(), b));
  b.title = std::string(59, 'x');
  CHECK(renderOg(pack(), a) != renderOg(pack(), b));
  CHECK(detail::glyphText("caf\xc3\xa9 \xe2\x9c\x93!", 60) == "caf\x7f \x7f!");
  CHECK(detail::glyphText("\t\xf0\x9f\xa4\x96", 1) == "\x7f");
  CHECK(detail::layoutLabel("", "").width == 0);  // no text: no box
}

TEST_CASE("og refuses bot counts the layout cannot show, and unknown layouts") {
  OgOptions options;
  options.layout = OgLayout::compare;
  CHECK_THROWS_WITH(renderOg(pack(), options), "og compare takes 1..6 bots, got 0");
  options.bots = std::vector<Combo>(7, id("2156"));
  CHECK_THROWS_WITH(renderOg(pack(), options), "og compare takes 1..6 bots, got 7");
  options.layout = OgLayout::single;
  CHECK_THROWS_WITH(renderOg(pack(), options), "og single takes exactly 1 bots, got 7");
  options.layout = OgLayout::grid;
  options.bots = std::vector<Combo>(19, id("2156"));
  CHECK_THROWS_WITH(renderOg(pack(), options), "og grid takes 0..18 bots, got 19");
  options.bots = {Combo{{99, 0, 0, 0}}};
  CHECK_THROWS_AS(renderOg(pack(), options), Error);
  try {
    parseOgLayout("mosaic");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Errc::invalid_option);
    CHECK(std::string(e.what()) == "og type \"mosaic\" is not valid: expected grid, single or compare");
  }
  CHECK(parseOgLayout("compare") == OgLayout::compare);
}

TEST_CASE("og text: the pixel font has every printable ASCII character") {
  // A missing glyph is a hollow box: its top-left corner is inked. No printable
  // character's glyph is that box, so drawing each must differ from the box.
  Image box(5, 8), glyph(5, 8);
  detail::drawText(box, 0, 0, "\x7f", Rgb{255, 255, 255}, 1);
  for (char c = ' '; c < '\x7f'; ++c) {
    glyph = Image(5, 8);
    detail::drawText(glyph, 0, 0, std::string(1, c), Rgb{255, 255, 255}, 1);
    INFO("character '" << c << "'");
    CHECK(glyph != box);
  }
}
