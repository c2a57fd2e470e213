#include <catch2/catch.hpp>

#include "render/composite.hpp"

using namespace pixabots::core;
using namespace pixabots::core::detail;

namespace {
Canvas filled(std::array<std::uint8_t, 4> px) {
  Canvas c{};
  for (std::size_t i = 0; i < c.size(); i += 4)
    std::copy(px.begin(), px.end(), c.begin() + static_cast<std::ptrdiff_t>(i));
  return c;
}
std::array<std::uint8_t, 4> at(const Canvas& c, int x, int y) {
  const std::size_t o = static_cast<std::size_t>(y) * kCanvasStride + static_cast<std::size_t>(x) * 4;
  return {c[o], c[o + 1], c[o + 2], c[o + 3]};
}
}  // namespace

TEST_CASE("a partially transparent pixel over nothing goes through float premultiplication") {
  // Integer or double arithmetic would keep 163; the service's float path gives 162.
  const Canvas layer = filled({22, 163, 74, 200});
  Canvas out;
  const Layer stack[] = {{layer.data()}};
  composite(stack, out);
  CHECK(at(out, 5, 5) == std::array<std::uint8_t, 4>{22, 162, 74, 200});
}

TEST_CASE("opaque pixels hide what is under them, transparent ones change nothing") {
  const Canvas bottom = filled({10, 20, 30, 255});
  const Canvas clear = filled({99, 99, 99, 0});
  const Canvas half = filled({200, 100, 50, 128});
  const Canvas top = filled({1, 2, 3, 255});
  Canvas out;
  const Layer a[] = {{half.data()}, {bottom.data()}, {clear.data()}};
  composite(a, out);
  CHECK(at(out, 0, 0) == std::array<std::uint8_t, 4>{10, 20, 30, 255});
  const Layer b[] = {{bottom.data()}, {half.data()}, {top.data()}};
  composite(b, out);
  CHECK(at(out, 31, 31) == std::array<std::uint8_t, 4>{1, 2, 3, 255});
  const Layer c[] = {{clear.data()}};
  composite(c, out);
  CHECK(at(out, 3, 3) == std::array<std::uint8_t, 4>{0, 0, 0, 0});
}

TEST_CASE("a half-transparent layer over an opaque one blends") {
  const Canvas bottom = filled({0, 0, 255, 255});
  const Canvas half = filled({255, 0, 0, 128});
  Canvas out;
  const Layer stack[] = {{bottom.data()}, {half.data()}};
  composite(stack, out);
  // Worked through the spec's float formula: blue keeps 1 - 128/255 of 255,
  // 126.99999 in float, truncated to 126.
  auto px = at(out, 0, 0);
  CHECK(px[3] == 255);
  CHECK(px[0] == 128);
  CHECK(px[1] == 0);
  CHECK(px[2] == 126);
}

TEST_CASE("layers shift down by dy and draw only their row range, cropped at row 31") {
  Canvas layer{};
  for (int y = 0; y < 32; ++y) {
    const std::size_t o = static_cast<std::size_t>(y) * kCanvasStride;
    layer[o] = static_cast<std::uint8_t>(y);
    layer[o + 3] = 255;
  }
  Canvas out;
  const Layer shifted[] = {{layer.data(), 2, 0, 31}, {layer.data(), 0, 31, 32}};
  composite(shifted, out);
  CHECK(at(out, 0, 0)[3] == 0);
  CHECK(at(out, 0, 1)[3] == 0);
  CHECK(at(out, 0, 2)[0] == 0);
  CHECK(at(out, 0, 30)[0] == 28);
  CHECK(at(out, 0, 31)[0] == 31);  // the split-off bottom row, drawn last
}
