#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "animation/frames.hpp"
#include "pixabots/core/animation.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"
#include "support/conformance.hpp"
#include "support/files.hpp"

using namespace pixabots::core;
using testing::conformancePack;

namespace {
Combo combo(const char* id) { return decodeId(Catalog::service(), id); }
}  // namespace

TEST_CASE("every tick matches the service's *_ticks_32.png exactly") {
  int checked = 0;
  for (const auto& c : testing::conformanceCases("ticks")) {
    INFO(c["file"].get<std::string>());
    RenderOptions options;
    options.size = 32;
    const Image ours = renderTicks(conformancePack(), combo(c["id"].get<std::string>().c_str()), options);
    CHECK(ours.height() == 32 * c["ticks"].get<int>());
    CHECK(ours == decodePng(testing::readBytes(testing::dataPath("conformance/" + c["file"].get<std::string>()))));
    ++checked;
  }
  CHECK(checked == 12);
}

TEST_CASE("the timeline is the service's bounce, played twice, with blink and sequence frames") {
  const Timeline t = timeline(conformancePack(), combo("2156"));  // glasses blink
  CHECK(t.ticks == 16);
  const TickFrame& five = t.frames[5];
  CHECK(five.offset(Category::top) == 2.5);
  CHECK(five.shift[static_cast<std::size_t>(Category::top)] == 3);  // Math.round(2.5)
  CHECK(five.offset(Category::heads) == 2);
  CHECK(five.offset(Category::body) == 1);
  CHECK(t.frames[13].offsets == five.offsets);
  const int blink[16] = {0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  for (int tick = 0; tick < 16; ++tick)
    CHECK(t.frames[static_cast<std::size_t>(tick)].spriteIndex(Category::eyes) == blink[tick]);

  const Timeline visor = timeline(conformancePack(), combo("d000"));  // 8-frame sequence
  for (int tick = 0; tick < 16; ++tick) {
    CHECK(visor.frames[static_cast<std::size_t>(tick)].spriteIndex(Category::eyes) == tick % 8);
    CHECK(visor.frames[static_cast<std::size_t>(tick)].spriteIndex(Category::top) == 0);
  }
  CHECK(timeline(conformancePack(), combo("0000")).ticks == 8);  // nothing animates
}

TEST_CASE("frame delay is max(20, round(72 / speed)) for speeds 0.25..4") {
  CHECK(frameDelayMs(1) == 72);
  CHECK(frameDelayMs(0.25) == 288);
  CHECK(frameDelayMs(2) == 36);
  CHECK(frameDelayMs(3) == 24);
  CHECK(frameDelayMs(4) == 20);
  CHECK(frameDelayMs(1.6) == 45);
  CHECK_THROWS_WITH(frameDelayMs(5), "speed 5 is out of range: must be between 0.25 and 4");
  CHECK_THROWS_WITH(frameDelayMs(0), Catch::Contains("speed 0 is out of range"));
}

TEST_CASE("identical consecutive frames merge into one longer frame, as the service's encoders do") {
  int checked = 0;
  for (const auto& c : testing::conformanceCases("webp")) {  // WebP keeps milliseconds
    INFO(c["file"].get<std::string>());
    RenderOptions options;
    options.size = c["size"].get<int>();
    auto frames = std::make_unique<detail::AnimationFrames>();
    detail::composeAnimation(conformancePack(), combo(c["id"].get<std::string>().c_str()), options, *frames);
    const auto delays = c["delay"].get<std::vector<int>>();
    REQUIRE(frames->count == static_cast<int>(delays.size()));
    for (int i = 0; i < frames->count; ++i)
      CHECK(frames->delayMs[static_cast<std::size_t>(i)] == delays[static_cast<std::size_t>(i)]);
    ++checked;
  }
  CHECK(checked == 13);
}

TEST_CASE("renderTick and renderTickInto draw one tick and check their input") {
  RenderOptions options;
  options.size = 100;
  const Image strip = renderTicks(conformancePack(), combo("2156"), options);
  const Image five = renderTick(conformancePack(), combo("2156"), options, 5);
  CHECK(std::equal(five.pixels().begin(), five.pixels().end(), strip.row(500)));
  CHECK_THROWS_WITH(renderTick(conformancePack(), combo("2156"), options, 16), "tick 16 is out of range 0..15");
  std::vector<std::uint8_t> stripBuffer(100 * 100 * 4 * 16 - 1);
  CHECK_THROWS_WITH(renderTicksInto(conformancePack(), combo("2156"), options, stripBuffer),
                    "output buffer holds 639999 bytes; 16 ticks of 100 px need 640000");
  stripBuffer.push_back(0);
  renderTicksInto(conformancePack(), combo("2156"), options, stripBuffer);
  CHECK(std::equal(stripBuffer.begin(), stripBuffer.end(), strip.pixels().begin()));
  std::vector<std::uint8_t> small(10);
  CHECK_THROWS_WITH(renderTickInto(conformancePack(), combo("2156"), options, 0, small),
                    Catch::Contains("output buffer holds 10 bytes"));
}
