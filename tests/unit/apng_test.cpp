// APNG tests: our files are read back with the independent reader in
// tests/support/apng_reader.hpp (libpng 1.6 ignores APNG chunks), every frame
// compared with renderTick, and frame 0 with what plain libpng decodes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "animation/frames.hpp"
#include "codecs/apng/apng_encode.hpp"
#include "pixabots/core/animation.hpp"
#include "pixabots/core/apng.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"
#include "render/scale.hpp"
#include "support/apng_reader.hpp"
#include "support/conformance.hpp"
#include "support/files.hpp"
#include "support/sha256.hpp"
#include "support/options.hpp"

using namespace pixabots::core;
using testing::conformancePack;

namespace {

using testing::sized;

Combo combo(const char* id) { return decodeId(conformancePack().catalog(), id); }

std::unique_ptr<detail::AnimationFrames> frames(const Combo& c, const RenderOptions& options) {
  auto f = std::make_unique<detail::AnimationFrames>();
  detail::composeAnimation(conformancePack(), c, options, *f);
  return f;
}

bool samePixels(const std::vector<std::uint8_t>& canvas, const Image& image) {
  return std::equal(canvas.begin(), canvas.end(), image.pixels().begin(), image.pixels().end());
}

// Reads the APNG and checks it is the animation of `c`: frames, delays, loop.
testing::Apng checkAnimation(const Combo& c, const RenderOptions& options) {
  const auto bytes = renderApng(conformancePack(), c, options);
  const testing::Apng apng = testing::readApng(bytes);
  const auto expected = frames(c, options);
  CHECK(apng.width == static_cast<std::uint32_t>(options.size));
  CHECK(apng.height == static_cast<std::uint32_t>(options.size));
  CHECK(apng.numPlays == 0);
  CHECK(apng.defaultImageIsFrame0);
  REQUIRE(apng.frames.size() == static_cast<std::size_t>(expected->count));
  for (std::size_t i = 0; i < apng.frames.size(); ++i) {
    INFO("frame " << i);
    const testing::ApngFrameControl& fc = apng.frames[i].control;
    CHECK(fc.delayNum == expected->delayMs[i]);
    CHECK(fc.delayDen == 1000);
    CHECK(fc.dispose == 0);  // NONE: the next frame draws over this one
    CHECK(fc.blend == 0);    // SOURCE: exact whatever the alpha
    CHECK(samePixels(apng.frames[i].canvas, renderTick(conformancePack(), c, options, expected->firstTick[i])));
  }
  return apng;
}

}  // namespace

TEST_CASE("every APNG frame is renderTick of its first tick, with the merged frames' delays", "[apng]") {
  const char* ids[] = {"0000", "2156", "f76a", "1000", "e36b", "5700", "b766",
                       "3409", "8755", "7211", "f247", "6352", "d000"};
  for (const char* id : ids) {
    for (const int size : {32, 64, 100, 128, 333}) {
      INFO(id << " at " << size);
      checkAnimation(combo(id), sized(size));
    }
  }
}

TEST_CASE("APNG honours palette, background and speed", "[apng]") {
  RenderOptions options = sized(96);
  options.hue = 200;
  options.saturate = 1.5;
  checkAnimation(combo("2156"), options);
  options.bg = Rgb{0xfd, 0xe6, 0x8a};
  checkAnimation(combo("2156"), options);
  options.speed = 2.5;
  const testing::Apng fast = checkAnimation(combo("f76a"), options);
  CHECK(fast.frames.front().control.delayNum == 29);  // round(72 / 2.5)
  options.speed = 0.25;
  const testing::Apng slow = checkAnimation(combo("0000"), options);
  CHECK(slow.frames.front().control.delayNum == 2 * 288);  // the two identical first ticks merged
}

TEST_CASE("APNG frames are the service's animation, page for page", "[apng][conformance]") {
  int checked = 0;
  for (const auto& c : testing::conformanceCases("webp")) {
    // The reference is lossless WebP; with a palette transform the service's
    // WebP differs from its own PNG renders by one step, so those are left out.
    if (c.contains("hue") || c.contains("saturate")) continue;
    INFO(c["file"].get<std::string>());
    RenderOptions options = sized(c["size"].get<int>());
    if (c.contains("bg")) options.bg = parseColor(c["bg"].get<std::string>());
    const testing::Apng apng =
        testing::readApng(renderApng(conformancePack(), combo(c["id"].get<std::string>().c_str()), options));
    testing::Sha256 sha;  // the fixture hashes the pages stacked
    std::vector<int> delays;
    for (const auto& frame : apng.frames) {
      sha.update(frame.canvas);
      delays.push_back(frame.control.delayNum);
    }
    std::string hex;
    for (const std::uint8_t b : sha.finish()) hex += "0123456789abcdef"[b >> 4], hex += "0123456789abcdef"[b & 15];
    CHECK(hex == c["pixelsSha256"].get<std::string>());
    CHECK(delays == c["delay"].get<std::vector<int>>());
    ++checked;
  }
  CHECK(checked == 12);
}

TEST_CASE("plain libpng shows the APNG's first frame", "[apng]") {
  for (const char* id : {"2156", "0000", "d000"}) {
    for (const int size : {32, 128, 200}) {
      INFO(id << " at " << size);
      const Image first = decodePng(renderApng(conformancePack(), combo(id), sized(size)));
      CHECK(first == renderTick(conformancePack(), combo(id), sized(size), 0));
    }
  }
}

TEST_CASE("APNG chunks: acTL before the data, one palette, fdAT after the first frame", "[apng]") {
  const testing::Apng apng = checkAnimation(combo("2156"), sized(128));
  CHECK(apng.colorType == 3);
  std::vector<std::string> expected = {"IHDR", "acTL", "PLTE", "tRNS", "fcTL", "IDAT"};
  for (std::size_t i = 1; i < apng.frames.size(); ++i) {
    expected.emplace_back("fcTL");
    expected.emplace_back("fdAT");
  }
  expected.emplace_back("IEND");
  CHECK(apng.chunks == expected);
  // The palette is exactly the colours all frames use together.
  std::set<std::uint32_t> colors;
  for (const auto& frame : apng.frames) {
    for (std::size_t p = 0; p < frame.canvas.size(); p += 4) {
      std::uint32_t key;
      std::memcpy(&key, frame.canvas.data() + p, 4);
      colors.insert(key);
    }
  }
  CHECK(apng.paletteSize == colors.size());
  CHECK(apng.bitDepth == (colors.size() <= 16 ? 4 : 8));
}

TEST_CASE("later APNG frames cover only what changed", "[apng]") {
  const testing::Apng apng = checkAnimation(combo("2156"), sized(128));
  const auto& first = apng.frames.front().control;
  CHECK((first.x == 0 && first.y == 0 && first.width == 128 && first.height == 128));
  std::uint64_t area = 0;
  for (std::size_t i = 1; i < apng.frames.size(); ++i) {
    const auto& fc = apng.frames[i].control;
    area += std::uint64_t{fc.width} * fc.height;
    // The rectangle is tight: its border rows and columns hold a changed pixel.
    const auto& before = apng.frames[i - 1].canvas;
    const auto& after = apng.frames[i].canvas;
    auto changed = [&](std::uint32_t x, std::uint32_t y) {
      const std::size_t at = (std::size_t{y} * 128 + x) * 4;
      return std::memcmp(before.data() + at, after.data() + at, 4) != 0;
    };
    auto anyInRow = [&](std::uint32_t y) {
      for (std::uint32_t x = fc.x; x < fc.x + fc.width; ++x)
        if (changed(x, y)) return true;
      return false;
    };
    auto anyInCol = [&](std::uint32_t x) {
      for (std::uint32_t y = fc.y; y < fc.y + fc.height; ++y)
        if (changed(x, y)) return true;
      return false;
    };
    INFO("frame " << i);
    CHECK(anyInRow(fc.y));
    CHECK(anyInRow(fc.y + fc.height - 1));
    CHECK(anyInCol(fc.x));
    CHECK(anyInCol(fc.x + fc.width - 1));
  }
  CHECK(area < std::uint64_t{128} * 128 * (apng.frames.size() - 1));
}

TEST_CASE("APNG frames with more than 256 colours together use RGB or RGBA", "[apng]") {
  for (const bool translucent : {false, true}) {
    INFO((translucent ? "translucent" : "opaque"));
    auto anim = std::make_unique<detail::AnimationFrames>();
    anim->count = 3;
    // Hundreds of colours, some translucent when asked: too many for a palette.
    for (std::size_t f = 0; f < 3; ++f) {
      detail::Canvas& canvas = anim->canvases[f];
      for (std::size_t p = 0; p < kNativeSize * kNativeSize; ++p) {
        const std::size_t k = p % 100 + 100 * f;
        canvas[p * 4] = static_cast<std::uint8_t>(k);
        canvas[p * 4 + 1] = static_cast<std::uint8_t>(k >> 8);
        canvas[p * 4 + 2] = static_cast<std::uint8_t>(p / 7);
        canvas[p * 4 + 3] = translucent && p % 5 == 0 ? static_cast<std::uint8_t>(p % 256) : 255;
        if (canvas[p * 4 + 3] == 0) std::memset(&canvas[p * 4], 0, 4);
      }
      anim->delayMs[f] = 50 + static_cast<int>(f);
    }
    for (const int size : {32, 75}) {
      const detail::ScaleMaps maps(size);
      std::vector<std::uint8_t> bytes;
      detail::encodeApng(*anim, maps, bytes);
      const testing::Apng apng = testing::readApng(bytes);
      CHECK(apng.colorType == (translucent ? 6 : 2));
      REQUIRE(apng.frames.size() == 3);
      for (std::size_t f = 0; f < 3; ++f) {
        Image expected(size, size);
        detail::scaleInto(anim->canvases[f], maps, expected.row(0), expected.rowBytes());
        CHECK(samePixels(apng.frames[f].canvas, expected));
        CHECK(apng.frames[f].control.delayNum == 50 + f);
      }
    }
  }
}

TEST_CASE("the test's APNG reader catches broken sequence numbers and CRCs", "[apng]") {
  auto bytes = renderApng(conformancePack(), combo("2156"), sized(64));
  REQUIRE_NOTHROW(testing::readApng(bytes));
  // The second fcTL's sequence number (1) becomes 2, CRC fixed up.
  const std::string fctl = "fcTL";
  auto at = std::search(bytes.begin(), bytes.end(), fctl.begin(), fctl.end());
  at = std::search(at + 4, bytes.end(), fctl.begin(), fctl.end());
  REQUIRE(at != bytes.end());
  auto broken = bytes;
  const auto offset = static_cast<std::size_t>(at - bytes.begin());
  broken[offset + 7] = 2;
  const auto crc = static_cast<std::uint32_t>(crc32(0L, broken.data() + offset, 4 + 26));
  for (int k = 0; k < 4; ++k)
    broken[offset + 30 + static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(crc >> (24 - 8 * k));
  CHECK_THROWS_WITH(testing::readApng(broken), Catch::Contains("out of order"));
  broken = bytes;
  broken[offset + 10] ^= 1;  // data changed, CRC not
  CHECK_THROWS_WITH(testing::readApng(broken), Catch::Contains("bad CRC"));
}

TEST_CASE("renderApng's bytes are stable", "[apng][golden]") {
  // The deflate stream is our own (src/codecs/png/row_deflate.cpp), so only a
  // change to that encoder changes this hash; every decoded pixel stays the same.
  RenderOptions options = sized(64);
  options.hue = 40;
  const auto bytes = renderApng(conformancePack(), combo("2156"), options);
  CHECK(testing::sha256Hex(bytes) == "dc218c183a140f5772e7cab8a044ee26427ee49c6d096927a9bf78c4aa868593");
}

TEST_CASE("renderApng rejects bad options and combos", "[apng][errors]") {
  auto code = [](auto&& call) {
    try {
      call();
    } catch (const Error& e) {
      return e.code();
    }
    FAIL("no error");
    return Errc::io;
  };
  RenderOptions options = sized(20);
  CHECK_THROWS_WITH(renderApng(conformancePack(), combo("2156"), options), Catch::Contains("size 20"));
  CHECK(code([&] { renderApng(conformancePack(), combo("2156"), options); }) == Errc::invalid_option);
  options = sized(64);
  options.speed = 5;
  CHECK_THROWS_WITH(renderApng(conformancePack(), combo("2156"), options), Catch::Contains("speed 5"));
  options = sized(64);
  options.saturate = -1;
  CHECK(code([&] { renderApng(conformancePack(), combo("2156"), options); }) == Errc::invalid_option);
  Combo outside = combo("2156");
  outside.parts[0] = 999;
  CHECK(code([&] { renderApng(conformancePack(), outside, sized(64)); }) == Errc::invalid_id);
}
