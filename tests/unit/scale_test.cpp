#include <catch2/catch.hpp>

#include "render/scale.hpp"

using namespace pixabots::core;
using namespace pixabots::core::detail;

namespace {
bool differsFromFloor(const AxisMap& map) {
  for (int i = 0; i < map.size; ++i) {
    if (map.source[static_cast<std::size_t>(i)] != static_cast<std::uint32_t>(i * 32 / map.size)) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("multiples of 32 scale by floor(i*32/size)") {
  for (int size : {32, 64, 96, 128, 1920}) {
    CHECK_FALSE(differsFromFloor(rowMap(size)));
    CHECK_FALSE(differsFromFloor(columnMap(size)));
  }
  CHECK(columnMap(96).source[3] == 1);
}

TEST_CASE("other sizes follow the service's affine walk, rounding errors included") {
  // At 48 px, column 3 reads source 1 where floor would say 2.
  CHECK(columnMap(48).source[3] == 1);
  CHECK(3 * 32 / 48 == 2);
  int columnSizes = 0, rowSizes = 0;
  for (int size = kMinSize; size <= kMaxSize; ++size) {
    columnSizes += differsFromFloor(columnMap(size));
    rowSizes += differsFromFloor(rowMap(size));
  }
  CHECK(columnSizes == 592);
  CHECK(rowSizes == 78);
  for (int size : {98, 196, 230, 242}) CHECK(differsFromFloor(rowMap(size)));
}

TEST_CASE("every map starts at 0, ends at 31 and never goes back") {
  for (int size = kMinSize; size <= kMaxSize; ++size) {
    for (const AxisMap& m : {rowMap(size), columnMap(size)}) {
      REQUIRE(m.source[0] == 0);
      REQUIRE(m.source[static_cast<std::size_t>(size - 1)] == 31);
      for (int i = 1; i < size; ++i)
        REQUIRE(m.source[static_cast<std::size_t>(i)] >= m.source[static_cast<std::size_t>(i - 1)]);
    }
  }
}

TEST_CASE("scaling replicates pixels and rows") {
  Canvas canvas{};
  for (std::size_t i = 0; i < canvas.size(); ++i) canvas[i] = static_cast<std::uint8_t>(i * 7);
  const int size = 100;
  std::vector<std::uint8_t> out(static_cast<std::size_t>(size) * 104 * 4 + 16, 0xee);
  ScaleMaps maps(size);
  const std::size_t stride = 104 * 4;
  scaleInto(canvas, maps, out.data(), stride);
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      const std::uint8_t* px = out.data() + static_cast<std::size_t>(y) * stride + static_cast<std::size_t>(x) * 4;
      const std::uint8_t* src = canvas.data() + maps.rows.source[static_cast<std::size_t>(y)] * 128 +
                                maps.cols.source[static_cast<std::size_t>(x)] * 4;
      REQUIRE(std::equal(px, px + 4, src));
    }
    // Padding between rows is left alone.
    REQUIRE(out[static_cast<std::size_t>(y) * stride + 400] == 0xee);
  }
}

TEST_CASE("premultiplied round trip truncates partially transparent colour") {
  Canvas canvas{};
  const std::uint8_t px[4] = {22, 163, 74, 200};
  std::copy(px, px + 4, canvas.begin());
  const std::uint8_t opaque[4] = {1, 2, 3, 255};
  std::copy(opaque, opaque + 4, canvas.begin() + 4);
  roundTripPremultiplied(canvas);
  // 163*200/255 = 127 (127.8), 127*255/200 = 161 (161.9)
  CHECK(canvas[1] == 161);
  CHECK(canvas[0] == 21);
  CHECK(canvas[3] == 200);
  CHECK(canvas[4] == 1);
  CHECK(canvas[7] == 255);
}
