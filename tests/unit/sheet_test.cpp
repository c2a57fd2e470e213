// Sprite sheet tests: the PNG is decoded, each frame cut at its JSON rect and
// compared with renderTick; the JSON is checked field by field and as bytes.
#include <catch2/catch.hpp>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "pixabots/core/animation.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/sheet.hpp"
#include "pixabots/version.h"
#include "support/conformance.hpp"
#include "support/files.hpp"
#include "support/options.hpp"

using namespace pixabots::core;
using nlohmann::json;
using testing::conformancePack;

namespace {

using testing::sized;

Combo combo(const char* id) { return decodeId(conformancePack().catalog(), id); }

SheetOptions grid(int columns = 0) {
  SheetOptions sheet;
  sheet.layout = SheetLayout::grid;
  sheet.columns = columns;
  return sheet;
}

bool sameAt(const Image& sheet, int x, int y, const Image& frame) {
  for (int row = 0; row < frame.height(); ++row) {
    if (std::memcmp(sheet.row(y + row) + static_cast<std::size_t>(x) * 4, frame.row(row), frame.rowBytes()) != 0)
      return false;
  }
  return true;
}

// Decodes the sheet, checks every frame against renderTick and the JSON's
// geometry; returns the parsed JSON.
json checkSheet(const char* id, const RenderOptions& options, const SheetOptions& sheet, int columns, int rows) {
  const SpriteSheetOutput out = renderSpriteSheet(conformancePack(), combo(id), options, sheet);
  const Image image = decodePng(out.png);
  const json j = json::parse(out.json);
  const int s = options.size;
  CHECK(image.width() == columns * s);
  CHECK(image.height() == rows * s);
  CHECK(j["meta"]["size"] == json{{"w", image.width()}, {"h", image.height()}});
  REQUIRE(j["frames"].size() == static_cast<std::size_t>(out.frameCount));
  const int delay = frameDelayMs(options.speed);
  int tick = 0;
  for (int i = 0; i < out.frameCount; ++i) {
    INFO(id << " frame " << i);
    const json& f = j["frames"][static_cast<std::size_t>(i)];
    CHECK(f["filename"] == std::string(id) + "-" + std::to_string(i));
    CHECK(f["frame"] == json{{"x", i % columns * s}, {"y", i / columns * s}, {"w", s}, {"h", s}});
    CHECK(f["spriteSourceSize"] == json{{"x", 0}, {"y", 0}, {"w", s}, {"h", s}});
    CHECK(f["sourceSize"] == json{{"w", s}, {"h", s}});
    CHECK(f["rotated"] == false);
    CHECK(f["trimmed"] == false);
    CHECK(sameAt(image, f["frame"]["x"].get<int>(), f["frame"]["y"].get<int>(),
                 renderTick(conformancePack(), combo(id), options, tick)));
    const int duration = f["duration"].get<int>();
    CHECK(duration % delay == 0);
    tick += duration / delay;
  }
  CHECK(tick == timeline(conformancePack(), combo(id)).ticks);  // the durations add up to the loop
  CHECK(j["meta"]["loopLength"] == tick);
  CHECK(j["meta"]["frameTags"] == json::parse(R"([{"name":"loop","from":0,"to":)" + std::to_string(out.frameCount - 1) +
                                              R"(,"direction":"forward"}])"));
  // Cells past the last frame are transparent.
  for (int cell = out.frameCount; cell < columns * rows; ++cell) {
    const Image empty(s, s);
    CHECK(sameAt(image, cell % columns * s, cell / columns * s, empty));
  }
  return j;
}

}  // namespace

TEST_CASE("a strip sheet holds every encoded tick in one row", "[sheet]") {
  for (const int size : {32, 100}) {
    checkSheet("2156", sized(size), {}, 16, 1);
    checkSheet("0000", sized(size), {}, 8, 1);
    checkSheet("d000", sized(size), {}, 16, 1);
  }
}

TEST_CASE("a grid sheet is ceil(sqrt(n)) columns unless told, never wider than the frames", "[sheet]") {
  checkSheet("2156", sized(64), grid(), 4, 4);
  checkSheet("0000", sized(64), grid(), 3, 3);    // 8 frames: one empty cell
  checkSheet("2156", sized(50), grid(5), 5, 4);   // 16 frames: four empty cells
  checkSheet("0000", sized(50), grid(16), 8, 1);  // 8 frames
  checkSheet("2156", sized(480), grid(), 4, 4);   // a 1920x1920 sheet
  checkSheet("2156", sized(33), grid(1), 1, 16);
}

TEST_CASE("mergeRepeats writes the merged frames, their durations adding up to the loop", "[sheet]") {
  SheetOptions merged;
  merged.mergeRepeats = true;
  const json j = checkSheet("2156", sized(64), merged, 15, 1);
  CHECK(j["frames"][8]["duration"] == 144);
  merged.layout = SheetLayout::grid;
  checkSheet("0000", sized(64), merged, 3, 3);  // 7 frames
  RenderOptions fast = sized(64);
  fast.speed = 2;
  checkSheet("f76a", fast, merged, 4, 4);
  RenderOptions styled = sized(48);
  styled.hue = 120;
  styled.bg = Rgb{10, 20, 30};
  checkSheet("2156", styled, merged, 4, 4);
}

TEST_CASE("the sheet JSON is the JSON Array convention with keys in a fixed order", "[sheet]") {
  SheetOptions sheet;
  sheet.imageName = "bot.png";
  const std::string text = renderSpriteSheet(conformancePack(), combo("0000"), sized(32), sheet).json;
  const std::string first =
      R"({"frames":[{"filename":"0000-0","frame":{"x":0,"y":0,"w":32,"h":32},"rotated":false,"trimmed":false,)"
      R"("spriteSourceSize":{"x":0,"y":0,"w":32,"h":32},"sourceSize":{"w":32,"h":32},"duration":72},)"
      R"({"filename":"0000-1","frame":{"x":32,"y":0,"w":32,"h":32},)";
  const std::string meta = R"(],"meta":{"app":"pixabots","version":")" + std::string(PIXABOTS_VERSION_STRING) +
                           R"(","image":"bot.png","format":"RGBA8888","size":{"w":256,"h":32},"scale":"1",)"
                           R"("frameTags":[{"name":"loop","from":0,"to":7,"direction":"forward"}],"loopLength":8}})";
  CHECK(text.substr(0, first.size()) == first);
  REQUIRE(text.size() > meta.size());
  CHECK(text.substr(text.size() - meta.size()) == meta);
  // Deterministic: the same call gives the same bytes.
  CHECK(renderSpriteSheet(conformancePack(), combo("0000"), sized(32), sheet).json == text);

  sheet.imageName = "bots/\"ünïcode\".png";
  CHECK(json::parse(renderSpriteSheet(conformancePack(), combo("0000"), sized(32), sheet).json)["meta"]["image"] ==
        sheet.imageName);
}

TEST_CASE("renderSpriteSheet rejects bad options", "[sheet][errors]") {
  auto message = [](const RenderOptions& options, const SheetOptions& sheet, const Combo& c = combo("2156")) {
    try {
      renderSpriteSheet(conformancePack(), c, options, sheet);
    } catch (const Error& e) {
      return std::to_string(static_cast<int>(e.code())) + " " + e.what();
    }
    return std::string("no error");
  };
  const std::string option = std::to_string(static_cast<int>(Errc::invalid_option)) + " ";
  CHECK(message(sized(64), grid(-1)) ==
        option + "sheet columns -1 is out of range: must be between 0 (automatic) and 16");
  CHECK(message(sized(64), grid(17)) ==
        option + "sheet columns 17 is out of range: must be between 0 (automatic) and 16");
  SheetOptions strip;
  strip.columns = 4;
  CHECK(message(sized(64), strip) ==
        option + "sheet columns 4 applies to the grid layout only: leave it 0 for a strip");
  SheetOptions layout;
  layout.layout = static_cast<SheetLayout>(7);
  CHECK(message(sized(64), layout) == option + "sheet layout 7 is neither strip nor grid");
  SheetOptions name;
  name.imageName = "";
  CHECK(message(sized(64), name) == option + "the sheet image name is empty: it names the PNG in the JSON");
  name.imageName = "bad\xff.png";
  CHECK(message(sized(64), name) == option + "the sheet image name is not valid UTF-8");
  CHECK_THAT(message(sized(20), {}), Catch::StartsWith(option + "size 20"));
  RenderOptions fast = sized(64);
  fast.speed = 9;
  CHECK_THAT(message(fast, {}), Catch::StartsWith(option + "speed 9"));
  Combo outside = combo("2156");
  outside.parts[3] = 999;
  CHECK_THAT(message(sized(64), {}, outside), Catch::StartsWith(std::to_string(static_cast<int>(Errc::invalid_id))));
}
