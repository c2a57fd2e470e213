// decodePng with the libpng backend (native) and the stb_image one (the
// WebAssembly build's), through the same shared checks: every image decodes
// to the same RGBA with both, and broken files fail the same way, with the
// same message wherever the shared checks decide and the same category
// ("corrupt PNG: ...") where a backend does.
#include <zlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "codecs/png/png_decode_backend.hpp"
#include "codecs/png/png_encode.hpp"
#include "pixabots/core/error.hpp"
#include "support/files.hpp"
#include "support/png_build.hpp"

namespace {

namespace png = pixabots::core::detail::png;
using Bytes = std::vector<std::uint8_t>;
using pixabots::core::Errc;
using pixabots::core::Error;
using pixabots::core::Image;
using pixabots::core::PngLimits;

struct Outcome {
  std::optional<Image> image;
  std::string error;
};

Outcome decodeWith(const Bytes& file, png::PngBackend backend, const PngLimits& limits = {}) {
  try {
    return {png::decodePngWith(file, limits, backend), {}};
  } catch (const Error& e) {
    REQUIRE(e.code() == Errc::codec);
    return {std::nullopt, e.what()};
  }
}

// Decodes with both backends and requires the same pixels or the same error;
// returns the error ("" when both decoded).
std::string requireSameOutcome(const Bytes& file, const PngLimits& limits = {}) {
  const Outcome lib = decodeWith(file, png::decodeWithLibpng, limits);
  const Outcome stb = decodeWith(file, png::decodeWithStb, limits);
  INFO("libpng: " << (lib.image ? "decoded" : lib.error) << "; stb: " << (stb.image ? "decoded" : stb.error));
  REQUIRE(lib.image.has_value() == stb.image.has_value());
  if (lib.image) {
    REQUIRE(*lib.image == *stb.image);
    return {};
  }
  // The backends word their own failures ("corrupt PNG: <their words>").
  if (lib.error != stb.error) {
    REQUIRE(lib.error.rfind("corrupt PNG: ", 0) == 0);
    REQUIRE(stb.error.rfind("corrupt PNG: ", 0) == 0);
  }
  return lib.error;
}

// Width and height of each pass: the whole image, or Adam7's seven (some empty).
std::vector<std::pair<std::size_t, std::size_t>> passes(std::size_t width, std::size_t height, bool interlaced) {
  if (!interlaced) return {{width, height}};
  const std::size_t x0[7] = {0, 4, 0, 2, 0, 1, 0}, y0[7] = {0, 0, 4, 0, 2, 0, 1};
  const std::size_t dx[7] = {8, 8, 4, 4, 2, 2, 1}, dy[7] = {8, 8, 8, 4, 4, 2, 2};
  std::vector<std::pair<std::size_t, std::size_t>> sizes;
  for (int p = 0; p < 7; ++p) {
    sizes.emplace_back(width > x0[p] ? (width - x0[p] + dx[p] - 1) / dx[p] : 0,
                       height > y0[p] ? (height - y0[p] + dy[p] - 1) / dy[p] : 0);
  }
  return sizes;
}

// Bytes the image data of a width x height image with `pixelBits` bits a
// pixel inflates to: filter byte and packed row for each row of each pass.
std::size_t rawSize(std::size_t width, std::size_t height, std::size_t pixelBits, bool interlaced) {
  std::size_t total = 0;
  for (const auto& [w, h] : passes(width, height, interlaced)) total += w == 0 ? 0 : h * (1 + (w * pixelBits + 7) / 8);
  return total;
}

Bytes ihdr(std::uint32_t width, std::uint32_t height, int depth, int colorType, bool interlaced) {
  Bytes data;
  testing::appendU32(data, width);
  testing::appendU32(data, height);
  data.insert(data.end(), {static_cast<std::uint8_t>(depth), static_cast<std::uint8_t>(colorType), 0, 0,
                           static_cast<std::uint8_t>(interlaced ? 1 : 0)});
  return data;
}

struct Spec {
  std::uint32_t width, height;
  int depth, colorType;
  bool interlaced;
  Bytes palette, trns;
};

// A PNG of `s` whose IDAT run holds the zlib stream `z`, split across two
// chunks: the backends must read the whole run.
Bytes buildStream(const Spec& s, const Bytes& z) {
  Bytes file{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  testing::appendChunk(file, "IHDR", ihdr(s.width, s.height, s.depth, s.colorType, s.interlaced));
  if (!s.palette.empty()) testing::appendChunk(file, "PLTE", s.palette);
  if (!s.trns.empty()) testing::appendChunk(file, "tRNS", s.trns);
  const std::size_t half = z.size() / 2;
  testing::appendChunk(file, "IDAT", Bytes(z.begin(), z.begin() + static_cast<long>(half)));
  testing::appendChunk(file, "IDAT", Bytes(z.begin() + static_cast<long>(half), z.end()));
  testing::appendChunk(file, "IEND", {});
  return file;
}

Bytes build(const Spec& s, const Bytes& raw) { return buildStream(s, testing::zlibOf(raw)); }

int channelsOf(int colorType) { return colorType == 2 ? 3 : colorType == 4 ? 2 : colorType == 6 ? 4 : 1; }

// Image data of random filter types over bytes from a few values, so that
// tRNS key colours do occur; every filter type is a valid one.
Bytes randomRaw(std::mt19937& rng, const Spec& s) {
  Bytes raw(rawSize(s.width, s.height, static_cast<std::size_t>(s.depth * channelsOf(s.colorType)), s.interlaced));
  const std::uint8_t alphabet[4] = {0x00, 0x12, 0xff, 0x80};
  for (auto& b : raw) b = alphabet[rng() % 4];
  // A random filter type at the start of each row of each pass.
  const std::size_t bits = static_cast<std::size_t>(s.depth * channelsOf(s.colorType));
  std::size_t at = 0;
  for (const auto& [w, h] : passes(s.width, s.height, s.interlaced)) {
    if (w == 0) continue;
    for (std::size_t y = 0; y < h; ++y, at += 1 + (w * bits + 7) / 8) raw[at] = static_cast<std::uint8_t>(rng() % 5);
  }
  return raw;
}

}  // namespace

TEST_CASE("both backends decode every conformance PNG and sprite to the same RGBA", "[png][decode][backends]") {
  int checked = 0;
  for (const auto& dir :
       {testing::dataPath("conformance"), std::filesystem::path(PIXABOTS_TEST_DATA) / ".." / ".." / "sprites"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != ".png") continue;
      INFO(entry.path());
      CHECK(requireSameOutcome(testing::readBytes(entry.path())).empty());
      ++checked;
    }
  }
  CHECK(checked >= 150);
}

TEST_CASE("both backends decode every colour type, bit depth and interlacing alike", "[png][decode][backends]") {
  std::mt19937 rng(42);
  const std::pair<int, std::vector<int>> formats[] = {
      {0, {1, 2, 4, 8, 16}}, {2, {8, 16}}, {3, {1, 2, 4, 8}}, {4, {8, 16}}, {6, {8, 16}}};
  const std::pair<std::uint32_t, std::uint32_t> sizes[] = {{1, 1}, {3, 2}, {7, 5}, {9, 9}, {17, 3}, {33, 12}};
  for (const auto& [colorType, depths] : formats) {
    for (const int depth : depths) {
      for (const bool interlaced : {false, true}) {
        for (const auto& [w, h] : sizes) {
          for (int variant = 0; variant < 3; ++variant) {
            Spec s{w, h, depth, colorType, interlaced, {}, {}};
            const int sampleBytes = depth == 16 ? 2 : 1;
            if (colorType == 3) {
              s.palette.resize(3u << depth);  // every index valid
              for (auto& b : s.palette) b = static_cast<std::uint8_t>(rng());
              if (variant > 0) s.trns = Bytes(1 + rng() % (1u << depth), static_cast<std::uint8_t>(rng()));
            } else if ((colorType == 0 || colorType == 2) && variant > 0) {
              // A key colour from the alphabet (it occurs), or with bits past the depth (libpng masks them).
              for (int k = 0; k < channelsOf(colorType); ++k) {
                const std::uint8_t v = variant == 1 ? 0x12 : 0xff;
                s.trns.insert(s.trns.end(),
                              {static_cast<std::uint8_t>(sampleBytes == 2 ? v : (variant == 2 ? 0x01 : 0)),
                               depth < 8 ? static_cast<std::uint8_t>(0xf0 | (v & ((1 << depth) - 1))) : v});
              }
            }
            INFO("type " << colorType << " depth " << depth << (interlaced ? " interlaced " : " ") << w << "x" << h
                         << " variant " << variant);
            CHECK(requireSameOutcome(build(s, randomRaw(rng, s))).empty());
          }
        }
      }
    }
  }
}

TEST_CASE("both backends refuse broken files alike", "[png][decode][backends][errors]") {
  Image img(33, 7);
  for (std::size_t i = 0; i < img.pixels().size(); ++i) img.pixels()[i] = static_cast<std::uint8_t>(i % 5 * 60);
  const Bytes good = pixabots::core::encodePng(img.view());
  REQUIRE(requireSameOutcome(good).empty());

  CHECK(requireSameOutcome({}) == "not a PNG (empty input)");
  CHECK(requireSameOutcome({'G', 'I', 'F'}) == "not a PNG (bad signature)");
  for (std::size_t len = 1; len < good.size(); ++len) {
    INFO("prefix " << len);
    CHECK(requireSameOutcome(Bytes(good.begin(), good.begin() + static_cast<long>(len))) == "truncated PNG data");
  }
  CHECK(requireSameOutcome(good, {32, 100, 1000}) == "PNG is 33x7, wider than the 32x100 limit");

  // A CRC byte of each chunk: a critical one is refused, an ancillary one
  // (tRNS) skipped, as libpng does.
  std::size_t pos = 8;
  while (pos < good.size()) {
    const std::size_t length = (std::size_t{good[pos + 2]} << 8) | good[pos + 3];
    const std::string type(good.begin() + static_cast<long>(pos + 4), good.begin() + static_cast<long>(pos + 8));
    Bytes bad = good;
    bad[pos + 8 + length] ^= 1;
    const bool critical = (type[0] & 0x20) == 0;
    CHECK(requireSameOutcome(bad) == (critical ? "corrupt PNG: " + type + ": CRC error" : ""));
    pos += 12 + length;
  }

  const Spec rgba{64, 32, 8, 6, false, {}, {}};
  const std::size_t size = rawSize(64, 32, 32, false);
  CHECK(requireSameOutcome(build(rgba, Bytes(size, 0))).empty());
  CHECK(requireSameOutcome(build(rgba, Bytes(size + 1, 0))) ==
        "corrupt PNG: the image data inflates to more than 8224 bytes, the size of a 64x32 8-bit RGBA image (its "
        "IHDR); inflating stopped there");
  const Bytes bomb = buildStream(rgba, testing::zerosStream(200));
  CHECK(requireSameOutcome(bomb).rfind("corrupt PNG: the image data inflates to more than 8224 bytes", 0) == 0);
  CHECK(requireSameOutcome(build(rgba, Bytes(size - 1, 0))).rfind("corrupt PNG: ", 0) == 0);  // too little
  Bytes badFilter(size, 0);
  badFilter[0] = 5;
  CHECK(requireSameOutcome(build(rgba, badFilter)).rfind("corrupt PNG: ", 0) == 0);
  Bytes badZlib = testing::zlibOf(Bytes(size, 0));
  badZlib[0] = 0xff;  // the zlib header
  CHECK(requireSameOutcome(buildStream(rgba, badZlib)).rfind("corrupt PNG: ", 0) == 0);

  // Palette index 2 of two entries; the palette check is shared.
  const Spec indexed{4, 1, 8, 3, false, {10, 20, 30, 40, 50, 60}, {}};
  CHECK(requireSameOutcome(build(indexed, {0, 0, 1, 2, 0})) ==
        "corrupt PNG: pixel (2, 0) uses palette index 2 but PLTE has 2 entries (indices 0..1)");
  // Structure the shared walk names: no PLTE, IHDR not first, bad IHDR values.
  CHECK(requireSameOutcome(build({4, 1, 8, 3, false, {}, {}}, {0, 0, 0, 0, 0})) ==
        "corrupt PNG: no PLTE before the image data");
  CHECK(requireSameOutcome(build({4, 1, 3, 2, false, {}, {}}, {0, 0, 0, 0, 0})) ==
        "corrupt PNG: IHDR: bit depth 3 with colour type 2 is not a PNG format");
}

TEST_CASE("both backends agree on randomly damaged files", "[png][decode][backends][errors]") {
  std::mt19937 rng(3);
  const Spec specs[] = {{21, 13, 8, 6, true, {}, {}},
                        {19, 6, 4, 3, false, Bytes(3 * 12, 0x40), Bytes(5, 0x80)},
                        {9, 11, 16, 0, true, {}, {0x00, 0x12}}};
  int decoded = 0;
  for (const Spec& s : specs) {
    const Bytes good = build(s, randomRaw(rng, s));
    for (int i = 0; i < 2000; ++i) {
      Bytes bad = good;
      for (int k = 1 + static_cast<int>(rng() % 3); k > 0; --k)
        bad[rng() % bad.size()] = static_cast<std::uint8_t>(rng());
      // Fix every CRC so the damage reaches the parsers.
      for (std::size_t pos = 8; pos + 12 <= bad.size();) {
        const std::uint32_t length = (std::uint32_t{bad[pos]} << 24) | (std::uint32_t{bad[pos + 1]} << 16) |
                                     (std::uint32_t{bad[pos + 2]} << 8) | bad[pos + 3];
        if (length > bad.size() - pos - 12) break;
        const auto crc = static_cast<std::uint32_t>(crc32(0L, &bad[pos + 4], 4 + length));
        for (int b = 0; b < 4; ++b)
          bad[pos + 8 + length + static_cast<std::size_t>(b)] = static_cast<std::uint8_t>(crc >> (24 - 8 * b));
        pos += 12 + length;
      }
      INFO("type " << s.colorType << ", case " << i);
      decoded += requireSameOutcome(bad).empty() ? 1 : 0;
    }
  }
  CHECK(decoded > 0);
}
