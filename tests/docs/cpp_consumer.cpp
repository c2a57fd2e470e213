// A program using pixabots.hpp, compiled as C++17 and as C++20 with GCC and
// Clang under -Wall -Wextra -Werror -pedantic (tests/docs/CMakeLists.txt):
// the header promises C++17 (docs/cpp-api.md says why). Exits non-zero,
// saying what differed, if the C++ layer misbehaves in either language level.
#include <pixabots/pixabots.hpp>

#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace {

int failures = 0;

void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "cpp_consumer (C++ %ld): %s\n", static_cast<long>(__cplusplus), what);
    ++failures;
  }
}

}  // namespace

int main() {
  const pixabots::Context ctx;
  pixabots::Options options;
  options.size = 64;

  // A PNG decoded is the RGBA render of the same options, into a vector, a
  // C array and a pointer + size: every way into pixabots::Span.
  const pixabots::Rgba png = pixabots::decodePng(ctx.render("2156", options));
  options.format = pixabots::Format::rgba;
  std::vector<std::uint8_t> pixels(ctx.requiredSize("2156", options));
  static std::array<std::uint8_t, 64 * 64 * 4> array{};
  static std::uint8_t raw[64 * 64 * 4];
  expect(pixels.size() == sizeof raw, "requiredSize for 64x64 RGBA is not 16384");
  expect(ctx.renderInto("2156", options, pixels) == pixels.size(), "renderInto(vector) wrote a short count");
  expect(ctx.renderInto("2156", options, array) == array.size(), "renderInto(std::array) wrote a short count");
  expect(ctx.renderInto("2156", options, {raw, sizeof raw}) == sizeof raw, "renderInto(pointer, size) short");
  expect(png.width == 64 && png.height == 64, "decodePng's size is not 64x64");
  expect(png.pixels == pixels, "the decoded PNG differs from the RGBA render");
  expect(std::vector<std::uint8_t>(array.begin(), array.end()) == pixels, "std::array render differs");
  expect(std::vector<std::uint8_t>(raw, raw + sizeof raw) == pixels, "pointer + size render differs");

  const pixabots::Combo combo = ctx.decode("2156");
  expect(ctx.encode(combo) == "2156", "decode then encode is not the ID");
  expect(combo == ctx.decode("2156") && combo != ctx.decode("2157"), "Combo == / != disagree with the parts");

  options.size = 4000;
  try {
    ctx.render("2156", options);
    expect(false, "size 4000 did not throw");
  } catch (const pixabots::Error& e) {
    expect(e.status() == PXB_ERR_INVALID_OPTION, "size 4000 is not PXB_ERR_INVALID_OPTION");
    expect(std::string(e.what()).find("1920") != std::string::npos, "the message does not name the range");
  }
  return failures == 0 ? 0 : 1;
}
