// PNG codec tests: our encoder's output is read back with libpng's own
// simplified API (independent of decodePng), decodePng is checked against
// inputs written by libpng's write API and against the conformance fixtures,
// and malformed input must throw Error(codec), never crash.
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <csetjmp>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "codecs/png/png_encode.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"
#include "support/files.hpp"
#include "support/png_build.hpp"
#include "support/sha256.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;
using pixabots::core::Errc;
using pixabots::core::Error;
using pixabots::core::Image;

// ---- building test images ------------------------------------------------

// Colour i of a test palette: distinct for i < 65536; with `alpha`, colour 0 is
// transparent and some others are partially transparent.
std::array<std::uint8_t, 4> testColor(int i, bool alpha) {
  if (alpha && i == 0) return {0, 0, 0, 0};
  const auto r = static_cast<std::uint8_t>(i % 256);
  const auto g = static_cast<std::uint8_t>((i / 256) * 97 + 1);
  const auto b = static_cast<std::uint8_t>((i * 13) % 256);
  std::uint8_t a = 255;
  if (alpha && i % 3 != 0) a = static_cast<std::uint8_t>(1 + (i * 5) % 254);
  return {r, g, b, a};
}

// A w x h image using exactly min(n, w*h) colours, scrambled so rows differ.
Image paletteImage(int w, int h, int n, bool alpha) {
  Image img(w, h);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const int k = y * w + x;
      const int i =
          k < n ? k : static_cast<int>((static_cast<unsigned>(k) * 2654435761u >> 7) % static_cast<unsigned>(n));
      const auto c = testColor(i, alpha);
      std::memcpy(img.row(y) + x * 4, c.data(), 4);
    }
  }
  return img;
}

// A 32x32 pixel-art-like sprite: transparent background, 16 colours in blocks.
Image spriteImage() {
  Image img(32, 32);
  for (int y = 0; y < 32; ++y) {
    for (int x = 0; x < 32; ++x) {
      const int dx = x - 16;
      const int dy = y - 16;
      if (dx * dx + dy * dy > 14 * 14) continue;  // background stays (0,0,0,0)
      const int i = 1 + ((x / 4) * 3 + (y / 3)) % 15;
      const auto c = testColor(i, false);
      std::memcpy(img.row(y) + x * 4, c.data(), 4);
    }
  }
  return img;
}

std::vector<std::uint32_t> scaleMap(int srcSize, int dstSize) {
  std::vector<std::uint32_t> map(static_cast<std::size_t>(dstSize));
  for (int i = 0; i < dstSize; ++i)
    map[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(i * srcSize / dstSize);
  return map;
}

Image naiveMap(const Image& src, const std::vector<std::uint32_t>& cols, const std::vector<std::uint32_t>& rows) {
  Image out(static_cast<int>(cols.size()), static_cast<int>(rows.size()));
  for (std::size_t y = 0; y < rows.size(); ++y) {
    for (std::size_t x = 0; x < cols.size(); ++x) {
      std::memcpy(out.row(static_cast<int>(y)) + x * 4, src.row(static_cast<int>(rows[y])) + cols[x] * 4, 4);
    }
  }
  return out;
}

Bytes encodeMapped(const Image& src, const std::vector<std::uint32_t>& cols, const std::vector<std::uint32_t>& rows) {
  Bytes out;
  pixabots::core::detail::encodeMappedPng(src.pixels().data(), src.rowBytes(), src.width(), src.height(), cols, rows,
                                          out);
  return out;
}

// ---- reading PNG structure -------------------------------------------------

struct Chunk {
  std::string type;
  std::size_t offset;  // of the length field
  Bytes data;
};

std::vector<Chunk> chunks(const Bytes& png) {
  std::vector<Chunk> list;
  std::size_t pos = 8;
  while (pos + 12 <= png.size()) {
    const std::size_t len = (std::size_t{png[pos]} << 24) | (std::size_t{png[pos + 1]} << 16) |
                            (std::size_t{png[pos + 2]} << 8) | png[pos + 3];
    REQUIRE(pos + 12 + len <= png.size());
    list.push_back({std::string(png.begin() + static_cast<long>(pos) + 4, png.begin() + static_cast<long>(pos) + 8),
                    pos,
                    Bytes(png.begin() + static_cast<long>(pos) + 8, png.begin() + static_cast<long>(pos + 8 + len))});
    pos += 12 + len;
  }
  REQUIRE(pos == png.size());
  return list;
}

const Chunk* findChunk(const std::vector<Chunk>& list, const std::string& type) {
  for (const Chunk& c : list) {
    if (c.type == type) return &c;
  }
  return nullptr;
}

int ihdrDepth(const Bytes& png) { return png.at(24); }
int ihdrColorType(const Bytes& png) { return png.at(25); }

// The inflated IDAT stream: filter byte + row bytes per row.
Bytes inflateIdat(const Bytes& png, std::size_t expectedSize) {
  Bytes z;
  for (const Chunk& c : chunks(png)) {
    if (c.type == "IDAT") z.insert(z.end(), c.data.begin(), c.data.end());
  }
  Bytes raw(expectedSize + 1);
  uLongf rawLen = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(raw.data(), &rawLen, z.data(), static_cast<uLong>(z.size())) == Z_OK);
  raw.resize(rawLen);
  return raw;
}

void fixCrc(Bytes& png, const Chunk& c) {
  const std::size_t len = c.data.size();
  const uLong crc = crc32(0L, png.data() + c.offset + 4, static_cast<uInt>(len + 4));
  for (int i = 0; i < 4; ++i)
    png[c.offset + 8 + len + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(crc >> (24 - 8 * i));
}

// ---- libpng, independently of decodePng ----------------------------------

struct Simplified {
  bool ok = false;
  std::string error;
  Image image;
};

Simplified readWithLibpng(const Bytes& png) {
  Simplified result;
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&img, png.data(), png.size())) {
    result.error = img.message;
    return result;
  }
  img.format = PNG_FORMAT_RGBA;
  result.image = Image(static_cast<int>(img.width), static_cast<int>(img.height));
  if (!png_image_finish_read(&img, nullptr, result.image.pixels().data(), 0, nullptr)) {
    result.error = img.message;
    png_image_free(&img);
    return result;
  }
  result.ok = true;
  return result;
}

// Checks `png` decodes, with real libpng and with decodePng, to `expected`.
void requireDecodesTo(const Bytes& png, const Image& expected) {
  const Simplified lib = readWithLibpng(png);
  INFO(lib.error);
  REQUIRE(lib.ok);
  REQUIRE(lib.image.width() == expected.width());
  REQUIRE(lib.image.height() == expected.height());
  REQUIRE(lib.image == expected);
  REQUIRE(pixabots::core::decodePng(png) == expected);
}

struct WriteSpec {
  int width = 0;
  int height = 0;
  int bitDepth = 8;
  int colorType = PNG_COLOR_TYPE_RGBA;
  bool interlace = false;
  std::vector<png_color> palette;
  std::vector<png_byte> trnsAlpha;  // palette alpha
  bool trnsColor = false;
  png_color_16 trnsValue{};  // grey / RGB key colour
  std::vector<Bytes> rows;   // raw PNG-format rows (big-endian 16-bit, packed sub-byte)
};

WriteSpec makeSpec(int width, int height, int bitDepth, int colorType, bool interlace = false) {
  WriteSpec spec;
  spec.width = width;
  spec.height = height;
  spec.bitDepth = bitDepth;
  spec.colorType = colorType;
  spec.interlace = interlace;
  return spec;
}

void appendToVector(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<Bytes*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + length);
}

// Only trivially destructible locals here: libpng errors longjmp to this frame.
bool writeSteps(png_structp png, png_infop info, const WriteSpec* spec, png_bytepp rows) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_IHDR(png, info, static_cast<png_uint_32>(spec->width), static_cast<png_uint_32>(spec->height), spec->bitDepth,
               spec->colorType, spec->interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (!spec->palette.empty()) png_set_PLTE(png, info, spec->palette.data(), static_cast<int>(spec->palette.size()));
  if (!spec->trnsAlpha.empty() || spec->trnsColor) {
    png_set_tRNS(png, info, spec->trnsAlpha.empty() ? nullptr : spec->trnsAlpha.data(),
                 static_cast<int>(spec->trnsAlpha.size()), spec->trnsColor ? &spec->trnsValue : nullptr);
  }
  png_write_info(png, info);
  png_write_image(png, rows);
  png_write_end(png, nullptr);
  return true;
}

Bytes writeWithLibpng(const WriteSpec& spec) {
  Bytes out;
  std::vector<png_bytep> rows;
  for (const Bytes& r : spec.rows) rows.push_back(const_cast<png_bytep>(r.data()));
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  REQUIRE(png != nullptr);
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(png, &out, appendToVector, nullptr);
  const bool ok = writeSteps(png, info, &spec, rows.data());
  png_destroy_write_struct(&png, &info);
  REQUIRE(ok);
  return out;
}

Image imageOf(int w, int h, std::initializer_list<std::array<std::uint8_t, 4>> pixels) {
  Image img(w, h);
  std::size_t i = 0;
  for (const auto& p : pixels) {
    std::memcpy(img.pixels().data() + i, p.data(), 4);
    i += 4;
  }
  REQUIRE(i == img.pixels().size());
  return img;
}

std::string decodeError(const Bytes& png, const pixabots::core::PngLimits& limits = {}) {
  try {
    (void)pixabots::core::decodePng(png, limits);
  } catch (const Error& e) {
    CHECK(e.code() == Errc::codec);
    return e.what();
  }
  FAIL("decodePng accepted the input");
  return {};
}

// Decodes or throws Error(codec): anything else fails the test.
void decodeOrThrow(const Bytes& png) {
  try {
    (void)pixabots::core::decodePng(png);
  } catch (const Error& e) {
    REQUIRE(e.code() == Errc::codec);
  }
}

std::uint32_t lcg(std::uint32_t& state) {
  state = state * 1664525u + 1013904223u;
  return state >> 8;
}

}  // namespace

// ---- SHA-256 helper --------------------------------------------------------

TEST_CASE("sha256 helper matches the FIPS 180-2 vectors", "[png][sha256]") {
  CHECK(testing::sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(testing::sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(testing::sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(testing::sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// ---- encoder ----------------------------------------------------------------

TEST_CASE("indexed PNGs use the smallest bit depth and round-trip exactly", "[png][encode]") {
  const int n = GENERATE(1, 2, 3, 4, 5, 16, 17, 200, 256);
  const bool alpha = GENERATE(false, true);
  const Image img = paletteImage(33, 17, n, alpha);
  const Bytes png = pixabots::core::encodePng(img.view());
  INFO("colours " << n << (alpha ? " with alpha" : " opaque"));

  CHECK(ihdrColorType(png) == 3);
  CHECK(ihdrDepth(png) == (n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8));
  const auto list = chunks(png);
  REQUIRE(findChunk(list, "PLTE") != nullptr);
  CHECK(findChunk(list, "PLTE")->data.size() == 3u * static_cast<std::size_t>(n));
  const Chunk* trns = findChunk(list, "tRNS");
  if (!alpha) {
    CHECK(trns == nullptr);
  } else {
    // Non-opaque entries come first, so tRNS holds exactly those.
    REQUIRE(trns != nullptr);
    int translucent = 0;
    for (int i = 0; i < n; ++i) translucent += testColor(i, true)[3] != 255 ? 1 : 0;
    CHECK(trns->data.size() == static_cast<std::size_t>(translucent));
    CHECK(std::none_of(trns->data.begin(), trns->data.end(), [](std::uint8_t a) { return a == 255; }));
  }
  requireDecodesTo(png, img);
}

TEST_CASE("more than 256 colours use RGB when opaque, RGBA otherwise", "[png][encode]") {
  const bool alpha = GENERATE(false, true);
  const int n = GENERATE(257, 5000);
  const Image img = paletteImage(97, 61, n, alpha);
  const Bytes png = pixabots::core::encodePng(img.view());
  CHECK(ihdrColorType(png) == (alpha ? 6 : 2));
  CHECK(ihdrDepth(png) == 8);
  CHECK(findChunk(chunks(png), "PLTE") == nullptr);
  requireDecodesTo(png, img);
}

TEST_CASE("partially transparent pixels round-trip in every colour type", "[png][encode]") {
  // 4 colours -> 2-bit indexed, 300 -> RGBA.
  for (const int n : {4, 300}) {
    Image img = paletteImage(40, 40, n, true);
    img.row(5)[3] = 1;
    img.row(6)[3] = 254;
    const Bytes png = pixabots::core::encodePng(img.view());
    CHECK(ihdrColorType(png) == (n == 4 ? 3 : 6));
    requireDecodesTo(png, img);
  }
}

TEST_CASE("fully transparent pixels are written as (0,0,0,0)", "[png][encode]") {
  Image img = imageOf(3, 1, {{{10, 20, 30, 0}}, {{0, 0, 0, 0}}, {{1, 2, 3, 255}}});
  const Bytes png = pixabots::core::encodePng(img.view());
  CHECK(ihdrColorType(png) == 3);
  CHECK(ihdrDepth(png) == 1);  // the two transparent pixels share one entry
  requireDecodesTo(png, imageOf(3, 1, {{{0, 0, 0, 0}}, {{0, 0, 0, 0}}, {{1, 2, 3, 255}}}));
}

TEST_CASE("odd sizes round-trip at every bit depth", "[png][encode]") {
  const auto size = GENERATE(std::pair{33, 7}, std::pair{1, 1}, std::pair{7, 33}, std::pair{1, 300}, std::pair{300, 1},
                             std::pair{9, 9});
  const int n = GENERATE(1, 2, 4, 16, 256, 1000);
  const bool alpha = GENERATE(false, true);
  const Image img = paletteImage(size.first, size.second, n, alpha);
  INFO(size.first << "x" << size.second << " colours " << n);
  requireDecodesTo(pixabots::core::encodePng(img.view()), img);
}

TEST_CASE("a view with a padded stride encodes only its pixels", "[png][encode]") {
  const Image wide = paletteImage(20, 10, 50, true);
  const pixabots::core::ImageView view{wide.pixels().data() + 8, 13, 10, wide.rowBytes()};
  Image expected(13, 10);
  for (int y = 0; y < 10; ++y) std::memcpy(expected.row(y), view.row(y), 13 * 4);
  requireDecodesTo(pixabots::core::encodePng(view), expected);
}

TEST_CASE("mapped encoding equals encoding the naive upscale", "[png][encode]") {
  const Image sprite = spriteImage();
  const int size = GENERATE(32, 33, 64, 96, 100, 128, 230, 480, 1000);
  const auto map = scaleMap(32, size);
  const Image expected = naiveMap(sprite, map, map);
  const Bytes mapped = encodeMapped(sprite, map, map);
  INFO("size " << size);
  CHECK(ihdrColorType(mapped) == 3);
  CHECK(ihdrDepth(mapped) == 4);  // 15 colours + transparent
  requireDecodesTo(mapped, expected);
  const Bytes full = pixabots::core::encodePng(expected.view());
  requireDecodesTo(full, expected);

  // Repeated rows (same map entry or same bytes as the row above) are filter
  // Up, all zeros; the others filter None. Both encoders agree on that.
  const std::size_t rowBytes = (static_cast<std::size_t>(size) * 4 + 7) / 8;
  const Bytes raw = inflateIdat(mapped, (rowBytes + 1) * static_cast<std::size_t>(size));
  REQUIRE(raw.size() == (rowBytes + 1) * static_cast<std::size_t>(size));
  int repeats = 0;
  for (int y = 0; y < size; ++y) {
    const std::uint8_t* row = raw.data() + static_cast<std::size_t>(y) * (rowBytes + 1);
    const bool same = y > 0 && std::memcmp(expected.row(y), expected.row(y - 1), expected.rowBytes()) == 0;
    if (y > 0 && map[static_cast<std::size_t>(y)] == map[static_cast<std::size_t>(y) - 1]) REQUIRE(same);
    REQUIRE(row[0] == (same ? 2 : 0));
    if (same) REQUIRE(std::all_of(row + 1, row + 1 + rowBytes, [](std::uint8_t b) { return b == 0; }));
    repeats += same ? 1 : 0;
  }
  CHECK(repeats >= size - 32);
  const Bytes fullRaw = inflateIdat(full, raw.size());
  REQUIRE(fullRaw.size() == raw.size());
  for (int y = 0; y < size; ++y) {
    const std::uint8_t* row = fullRaw.data() + static_cast<std::size_t>(y) * (rowBytes + 1);
    const bool same = y > 0 && std::memcmp(expected.row(y), expected.row(y - 1), expected.rowBytes()) == 0;
    REQUIRE(row[0] == (same ? 2 : 0));
    if (same) REQUIRE(std::all_of(row + 1, row + 1 + rowBytes, [](std::uint8_t b) { return b == 0; }));
  }
}

TEST_CASE("mapped encoding of arbitrary maps", "[png][encode]") {
  SECTION("the palette only counts referenced pixels") {
    Image src = paletteImage(40, 40, 1000, false);  // > 256 colours overall
    for (int y = 0; y < 40; ++y) {
      const auto c = testColor(y % 3, false);
      std::memcpy(src.row(y) + 7 * 4, c.data(), 4);  // column 7: 3 colours
    }
    const std::vector<std::uint32_t> cols{7, 7, 7};
    const std::vector<std::uint32_t> rows = scaleMap(40, 90);
    const Bytes png = encodeMapped(src, cols, rows);
    CHECK(ihdrColorType(png) == 3);
    CHECK(ihdrDepth(png) == 2);
    requireDecodesTo(png, naiveMap(src, cols, rows));
  }
  SECTION("unordered, mirrored and many-colour maps") {
    const bool alpha = GENERATE(false, true);
    const int n = GENERATE(3, 100, 2000);
    const Image src = paletteImage(21, 13, n, alpha);
    std::vector<std::uint32_t> cols;
    for (int x = 20; x >= 0; --x)
      cols.insert(cols.end(), {static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(x)});
    const std::vector<std::uint32_t> rows{0, 0, 12, 5, 5, 5, 0, 1, 2, 3, 3};
    requireDecodesTo(encodeMapped(src, cols, rows), naiveMap(src, cols, rows));
  }
}

TEST_CASE("a 1920x1920 image round-trips", "[png][encode]") {
  SECTION("upscaled sprite, mapped") {
    const Image sprite = spriteImage();
    const auto map = scaleMap(32, 1920);
    requireDecodesTo(encodeMapped(sprite, map, map), naiveMap(sprite, map, map));
  }
  SECTION("a gradient with alpha, full image") {
    Image img(1920, 1920);
    for (int y = 0; y < 1920; ++y) {
      for (int x = 0; x < 1920; ++x) {
        std::uint8_t* p = img.row(y) + x * 4;
        p[0] = static_cast<std::uint8_t>(x);
        p[1] = static_cast<std::uint8_t>(y);
        p[2] = static_cast<std::uint8_t>(x ^ y);
        p[3] = static_cast<std::uint8_t>((x + y) % 7 == 0 ? 0 : 255 - (x % 3));
        if (p[3] == 0) std::memset(p, 0, 4);
      }
    }
    const Bytes png = pixabots::core::encodePng(img.view());
    CHECK(ihdrColorType(png) == 6);
    requireDecodesTo(png, img);
  }
}

// The deflate stream is written by RowDeflater (src/codecs/png/row_deflate.cpp),
// not zlib: these exercise its blocks, matches and Huffman tables.
TEST_CASE("upscales at sizes that are and are not multiples of 32 round-trip in every colour type",
          "[png][encode][deflate]") {
  const int size = GENERATE(33, 47, 1000, 1920, 1921);
  const int n = GENERATE(3, 16, 200, 2000);  // 2, 4 and 8 bits, then RGB(A) with 3- and 4-byte runs
  const bool alpha = GENERATE(false, true);
  Image sprite = paletteImage(32, 32, n, alpha);
  // Runs of a colour along each row, so matches at one pixel's distance occur.
  for (int y = 0; y < 32; ++y) {
    for (int x = 1; x < 32; ++x) {
      if ((x + y) % 5 != 0) std::memcpy(sprite.row(y) + x * 4, sprite.row(y) + (x - 1) * 4, 4);
    }
  }
  const auto map = scaleMap(32, size);
  INFO("size " << size << " colours " << n << " alpha " << alpha);
  requireDecodesTo(encodeMapped(sprite, map, map), naiveMap(sprite, map, map));
}

TEST_CASE("a stream of many deflate blocks round-trips", "[png][encode][deflate]") {
  // Noise: about one symbol per byte, so the stream is cut into several blocks.
  Image img(700, 300);
  std::uint32_t state = 12345;
  for (int y = 0; y < img.height(); ++y) {
    for (int x = 0; x < img.width(); ++x) {
      state = state * 1664525u + 1013904223u;
      std::uint8_t* p = img.row(y) + x * 4;
      std::memcpy(p, &state, 4);
      if (p[3] == 0) std::memset(p, 0, 4);
    }
  }
  requireDecodesTo(pixabots::core::encodePng(img.view()), img);
  // And one dominant symbol (a single colour): the smallest Huffman tables.
  const Image flat = paletteImage(1, 1, 1, false);
  const auto map = scaleMap(1, 1920);
  requireDecodesTo(encodeMapped(flat, map, map), naiveMap(flat, map, map));
}

TEST_CASE("an upscaled sprite at 1920 px is smaller than zlib's default level on the same rows",
          "[png][encode][deflate]") {
  const Image sprite = spriteImage();
  const auto map = scaleMap(32, 1920);
  const Bytes png = encodeMapped(sprite, map, map);
  std::size_t idat = 0;
  for (const Chunk& c : chunks(png)) idat += c.type == "IDAT" ? c.data.size() : 0;
  const std::size_t rowBytes = 1920 / 2 + 1;  // 4-bit indices and the filter byte
  const Bytes raw = inflateIdat(png, rowBytes * 1920);
  REQUIRE(raw.size() == rowBytes * 1920);
  Bytes z(compressBound(static_cast<uLong>(raw.size())));
  uLongf zLen = static_cast<uLongf>(z.size());
  REQUIRE(compress2(z.data(), &zLen, raw.data(), static_cast<uLong>(raw.size()), Z_DEFAULT_COMPRESSION) == Z_OK);
  INFO("ours " << idat << " B, zlib level 6 " << zLen << " B");
  CHECK(idat <= zLen);
}

TEST_CASE("the reused output vector and scratch buffers give identical results", "[png][encode]") {
  const Image big = paletteImage(300, 200, 200, true);
  const Image small = paletteImage(5, 3, 4, false);
  const Image many = paletteImage(64, 64, 3000, true);
  const Bytes bigRef = pixabots::core::encodePng(big.view());
  const Bytes smallRef = pixabots::core::encodePng(small.view());
  const Bytes manyRef = pixabots::core::encodePng(many.view());
  Bytes out;
  for (int i = 0; i < 3; ++i) {
    for (const auto* pair : {&big, &small, &many}) {
      const Image& img = *pair;
      std::vector<std::uint32_t> cols(static_cast<std::size_t>(img.width()));
      std::vector<std::uint32_t> rows(static_cast<std::size_t>(img.height()));
      for (std::size_t k = 0; k < cols.size(); ++k) cols[k] = static_cast<std::uint32_t>(k);
      for (std::size_t k = 0; k < rows.size(); ++k) rows[k] = static_cast<std::uint32_t>(k);
      pixabots::core::detail::encodeMappedPng(img.pixels().data(), img.rowBytes(), img.width(), img.height(), cols,
                                              rows, out);
      CHECK(out == (pair == &big ? bigRef : pair == &small ? smallRef : manyRef));
    }
  }
}

TEST_CASE("concurrent encodes are independent", "[png][encode]") {
  const Image sprite = spriteImage();
  const Image many = paletteImage(100, 100, 3000, true);
  const auto map = scaleMap(32, 480);
  const Bytes spriteRef = encodeMapped(sprite, map, map);
  const Bytes manyRef = pixabots::core::encodePng(many.view());
  std::vector<int> failures(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      Bytes out;
      for (int i = 0; i < 30; ++i) {
        pixabots::core::detail::encodeMappedPng(sprite.pixels().data(), sprite.rowBytes(), 32, 32, map, map, out);
        if (out != spriteRef) ++failures[t];
        if (pixabots::core::encodePng(many.view()) != manyRef) ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(std::all_of(failures.begin(), failures.end(), [](int f) { return f == 0; }));
}

TEST_CASE("encoding rejects what it cannot encode", "[png][encode]") {
  const Image img = paletteImage(4, 4, 3, false);
  Bytes out;
  const std::vector<std::uint32_t> ok{0, 1, 2, 3};
  const std::vector<std::uint32_t> bad{0, 4};
  const std::vector<std::uint32_t> none;
  auto encode = [&](const std::vector<std::uint32_t>& cols, const std::vector<std::uint32_t>& rows) {
    pixabots::core::detail::encodeMappedPng(img.pixels().data(), img.rowBytes(), 4, 4, cols, rows, out);
  };
  CHECK_THROWS_MATCHES(encode(bad, ok), Error, Catch::Matchers::Predicate<Error>([](const Error& e) {
                         return e.code() == Errc::codec && std::string(e.what()).find("outside") != std::string::npos;
                       }));
  CHECK_THROWS_AS(encode(ok, bad), Error);
  CHECK_THROWS_AS(encode(none, ok), Error);
  CHECK_THROWS_AS(pixabots::core::encodePng(pixabots::core::ImageView{}), Error);
  CHECK_THROWS_AS(pixabots::core::encodePng(pixabots::core::ImageView{img.pixels().data(), 4, 4, 8}),
                  Error);  // stride < width*4
}

// ---- decoder ----------------------------------------------------------------

TEST_CASE("decodePng matches every conformance PNG", "[png][decode][conformance]") {
  const auto cases = nlohmann::json::parse(testing::readText(testing::dataPath("conformance/cases.json")));
  int checked = 0;
  for (const auto& c : cases.at("cases")) {
    const std::string kind = c.at("kind");
    if (kind != "png" && kind != "ticks") continue;
    const std::string file = c.at("file");
    INFO(file);
    const Image img = pixabots::core::decodePng(testing::readBytes(testing::dataPath("conformance/" + file)));
    REQUIRE(img.width() == c.at("width").get<int>());
    REQUIRE(img.height() == c.at("height").get<int>());
    Bytes pixels(img.pixels().begin(), img.pixels().end());
    if (c.at("channels").get<int>() == 3) {
      Bytes rgb;
      for (std::size_t i = 0; i < pixels.size(); i += 4) {
        REQUIRE(pixels[i + 3] == 255);
        rgb.insert(rgb.end(), pixels.begin() + static_cast<long>(i), pixels.begin() + static_cast<long>(i) + 3);
      }
      pixels = rgb;
    }
    CHECK(testing::sha256Hex(pixels) == c.at("pixelsSha256").get<std::string>());
    ++checked;
  }
  CHECK(checked >= 100);
}

TEST_CASE("decodePng converts every colour type and bit depth to RGBA", "[png][decode]") {
  WriteSpec spec;
  SECTION("grey 1/2/4/8-bit") {
    const int depth = GENERATE(1, 2, 4, 8);
    const int maxV = (1 << depth) - 1;
    spec = makeSpec(3, 1, depth, PNG_COLOR_TYPE_GRAY);
    // Values 0, max, max/2 packed MSB first.
    const unsigned v[3] = {0u, static_cast<unsigned>(maxV), static_cast<unsigned>(maxV / 2)};
    unsigned bits = 0;
    Bytes row;
    int filled = 0;
    for (const unsigned x : v) {
      bits = (bits << depth) | x;
      filled += depth;
      if (filled == 8) {
        row.push_back(static_cast<std::uint8_t>(bits));
        bits = 0;
        filled = 0;
      }
    }
    if (filled) row.push_back(static_cast<std::uint8_t>(bits << (8 - filled)));
    spec.rows = {row};
    const auto g = [&](unsigned x) { return static_cast<std::uint8_t>(x * 255 / static_cast<unsigned>(maxV)); };
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) ==
          imageOf(3, 1, {{{0, 0, 0, 255}}, {{255, 255, 255, 255}}, {{g(v[2]), g(v[2]), g(v[2]), 255}}}));
  }
  SECTION("grey 16-bit rounds to 8 bits") {
    spec = makeSpec(4, 1, 16, PNG_COLOR_TYPE_GRAY);
    spec.rows = {{0x00, 0x00, 0xff, 0xff, 0x80, 0x7f, 0x12, 0x34}};
    const auto g = [](unsigned v) { return static_cast<std::uint8_t>((v * 255 + 32767) / 65535); };
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) == imageOf(4, 1,
                                                                      {{{0, 0, 0, 255}},
                                                                       {{255, 255, 255, 255}},
                                                                       {{g(0x807f), g(0x807f), g(0x807f), 255}},
                                                                       {{g(0x1234), g(0x1234), g(0x1234), 255}}}));
  }
  SECTION("grey with a tRNS key colour") {
    spec = makeSpec(3, 1, 8, PNG_COLOR_TYPE_GRAY);
    spec.trnsColor = true;
    spec.trnsValue.gray = 50;
    spec.rows = {{50, 51, 200}};
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) ==
          imageOf(3, 1, {{{0, 0, 0, 0}}, {{51, 51, 51, 255}}, {{200, 200, 200, 255}}}));
  }
  SECTION("grey + alpha 8 and 16-bit") {
    spec = makeSpec(2, 1, 8, PNG_COLOR_TYPE_GRAY_ALPHA);
    spec.rows = {{90, 128, 77, 0}};
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) == imageOf(2, 1, {{{90, 90, 90, 128}}, {{0, 0, 0, 0}}}));
    spec = makeSpec(1, 1, 16, PNG_COLOR_TYPE_GRAY_ALPHA);
    spec.rows = {{0xff, 0xff, 0x80, 0x00}};
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) == imageOf(1, 1, {{{255, 255, 255, 128}}}));
  }
  SECTION("RGB 8-bit with a tRNS key colour, RGB 16-bit") {
    spec = makeSpec(2, 1, 8, PNG_COLOR_TYPE_RGB);
    spec.trnsColor = true;
    spec.trnsValue.red = 1;
    spec.trnsValue.green = 2;
    spec.trnsValue.blue = 3;
    spec.rows = {{1, 2, 3, 1, 2, 4}};
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) == imageOf(2, 1, {{{0, 0, 0, 0}}, {{1, 2, 4, 255}}}));
    spec = makeSpec(1, 1, 16, PNG_COLOR_TYPE_RGB);
    spec.rows = {{0xff, 0xff, 0x00, 0x00, 0x7f, 0xff}};
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) == imageOf(1, 1, {{{255, 0, 127, 255}}}));
  }
  SECTION("RGBA 16-bit") {
    spec = makeSpec(2, 1, 16, PNG_COLOR_TYPE_RGBA);
    spec.rows = {{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x7f}};
    const auto s = [](unsigned v) { return static_cast<std::uint8_t>((v * 255 + 32767) / 65535); };
    // The second pixel's alpha rounds to 0: transparent, so colour is dropped.
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) ==
          imageOf(2, 1, {{{s(0x1234), s(0x5678), s(0x9abc), 255}}, {{0, 0, 0, 0}}}));
  }
  SECTION("palette 1/2/4/8-bit with a short tRNS") {
    const int depth = GENERATE(1, 2, 4, 8);
    spec = makeSpec(2, 2, depth, PNG_COLOR_TYPE_PALETTE);
    spec.palette = {{10, 20, 30}, {40, 50, 60}};
    spec.trnsAlpha = {100};  // entry 1 is opaque by omission
    // Indices [0 1] / [1 0], packed MSB first.
    auto pack = [&](unsigned a, unsigned b) {
      if (depth == 8) return Bytes{static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(b)};
      return Bytes{static_cast<std::uint8_t>((a << (8 - depth)) | (b << (8 - 2 * depth)))};
    };
    spec.rows = {pack(0, 1), pack(1, 0)};
    const std::array<std::uint8_t, 4> e0{10, 20, 30, 100};
    const std::array<std::uint8_t, 4> e1{40, 50, 60, 255};
    const Image expected = imageOf(2, 2, {e0, e1, e1, e0});
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) == expected);
  }
  SECTION("Adam7 interlaced RGBA") {
    const Image img = paletteImage(37, 21, 4000, true);
    spec = makeSpec(37, 21, 8, PNG_COLOR_TYPE_RGBA, true);
    for (int y = 0; y < 21; ++y) spec.rows.emplace_back(img.row(y), img.row(y) + img.rowBytes());
    const Bytes png = writeWithLibpng(spec);
    CHECK(png.at(28) == 1);  // interlace method in IHDR
    CHECK(pixabots::core::decodePng(png) == img);
  }
}

TEST_CASE("decodePng reads what encodePng writes", "[png][decode]") {
  for (const int n : {2, 4, 16, 256, 257, 5000}) {
    const Image img = paletteImage(45, 31, n, n % 2 == 0);
    CHECK(pixabots::core::decodePng(pixabots::core::encodePng(img.view())) == img);
  }
}

TEST_CASE("decodePng names what is wrong with bad input", "[png][decode][errors]") {
  const Image img = paletteImage(33, 7, 5, true);
  const Bytes good = pixabots::core::encodePng(img.view());

  CHECK(decodeError({}) == "not a PNG (empty input)");
  CHECK(decodeError({'G', 'I', 'F', '8', '9', 'a'}) == "not a PNG (bad signature)");
  CHECK(decodeError({0x89, 'P', 'N'}) == "truncated PNG data");

  SECTION("random bytes") {
    std::uint32_t seed = 1;
    for (int i = 0; i < 200; ++i) {
      Bytes junk(static_cast<std::size_t>(lcg(seed) % 200));
      for (auto& b : junk) b = static_cast<std::uint8_t>(lcg(seed));
      decodeOrThrow(junk);
      junk.insert(junk.begin(), good.begin(), good.begin() + 8);  // past the signature check
      decodeOrThrow(junk);
    }
  }
  SECTION("every truncation of a valid PNG") {
    WriteSpec spec = makeSpec(37, 21, 16, PNG_COLOR_TYPE_RGBA, true);
    const Image src = paletteImage(37, 21, 4000, true);
    for (int y = 0; y < 21; ++y) {
      Bytes row;
      for (std::size_t i = 0; i < src.rowBytes(); ++i) row.insert(row.end(), {src.row(y)[i], src.row(y)[i]});
      spec.rows.push_back(row);
    }
    for (const Bytes& png : {good, writeWithLibpng(spec)}) {
      for (std::size_t len = 1; len < png.size(); ++len) {
        INFO("prefix " << len << " of " << png.size());
        CHECK(decodeError(Bytes(png.begin(), png.begin() + static_cast<long>(len))) == "truncated PNG data");
      }
      CHECK_NOTHROW(pixabots::core::decodePng(png));
    }
  }
  SECTION("bad CRC") {
    const auto list = chunks(good);
    for (const char* type : {"IHDR", "PLTE", "IDAT"}) {
      const Chunk* chunk = findChunk(list, type);
      Bytes png = good;
      png[chunk->offset + 8 + chunk->data.size()] ^= 0x10;  // the CRC field itself
      const std::string message = decodeError(png);
      CHECK(message == std::string("corrupt PNG: ") + type + ": CRC error");
    }
    // Damaged data under a stale CRC: whichever check fires first, it is corrupt.
    const Chunk* idat = findChunk(list, "IDAT");
    Bytes png = good;
    png[idat->offset + 8 + idat->data.size() / 2] ^= 0x10;
    CHECK(decodeError(png).rfind("corrupt PNG: ", 0) == 0);
  }
  SECTION("corrupt deflate data with a valid CRC") {
    Bytes png = good;
    const auto list = chunks(png);
    const Chunk* idat = findChunk(list, "IDAT");
    png[idat->offset + 8] = 0xff;  // zlib header byte
    fixCrc(png, *idat);
    const std::string message = decodeError(png);
    CHECK(message.rfind("corrupt PNG: ", 0) == 0);
    CHECK(message.size() > 13);
  }
  SECTION("too little image data") {
    Bytes png = good;
    const auto list = chunks(png);
    const Chunk* idat = findChunk(list, "IDAT");
    Bytes raw(20, 0);  // 7 rows of 17 bytes needed
    Bytes z(compressBound(20));
    uLongf zLen = static_cast<uLongf>(z.size());
    REQUIRE(compress(z.data(), &zLen, raw.data(), 20) == Z_OK);
    z.resize(zLen);
    Bytes head(png.begin(), png.begin() + static_cast<long>(idat->offset));
    Bytes tail(png.begin() + static_cast<long>(idat->offset + 12 + idat->data.size()), png.end());
    Bytes chunk{0, 0, 0, static_cast<std::uint8_t>(z.size()), 'I', 'D', 'A', 'T'};
    chunk.insert(chunk.end(), z.begin(), z.end());
    chunk.insert(chunk.end(), 4, 0);
    png = head;
    png.insert(png.end(), chunk.begin(), chunk.end());
    png.insert(png.end(), tail.begin(), tail.end());
    fixCrc(png, Chunk{"IDAT", head.size(), z});
    CHECK(decodeError(png).rfind("corrupt PNG: ", 0) == 0);
  }
  SECTION("random byte damage never crashes") {
    const auto goodChunks = chunks(good);
    std::uint32_t seed = 7;
    for (int i = 0; i < 3000; ++i) {
      Bytes png = good;
      const int hits = 1 + static_cast<int>(lcg(seed) % 4);
      for (int k = 0; k < hits; ++k) png[lcg(seed) % png.size()] = static_cast<std::uint8_t>(lcg(seed));
      if (i % 2 == 0) {
        for (const Chunk& c : goodChunks) fixCrc(png, c);  // let the damage reach the parsers
      }
      decodeOrThrow(png);
    }
  }
}

TEST_CASE("decodePng refuses images over the limits before allocating", "[png][decode][errors]") {
  // A header-only PNG: signature + IHDR (valid CRC), no data at all.
  auto header = [](std::uint32_t w, std::uint32_t h) {
    Bytes png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (const std::uint32_t v : {w, h}) {
      for (int i = 3; i >= 0; --i) png.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    png.insert(png.end(), {8, 6, 0, 0, 0, 0, 0, 0, 0});
    fixCrc(png, Chunk{"IHDR", 8, Bytes(13)});
    return png;
  };
  CHECK(decodeError(header(100000, 100000)) == "PNG is 100000x100000, wider and taller than the 8192x8192 limit");
  CHECK(decodeError(header(9000, 32)) == "PNG is 9000x32, wider than the 8192x8192 limit");
  CHECK(decodeError(header(32, 0xffffffffu)) == "PNG is 32x4294967295, taller than the 8192x8192 limit");
  CHECK(decodeError(header(8192, 8192)) == "PNG is 8192x8192, more than the 16777216-pixel limit");
  CHECK(decodeError(header(100, 100)) == "truncated PNG data");  // within limits: libpng reads on

  const Bytes good = pixabots::core::encodePng(paletteImage(33, 7, 5, true).view());
  CHECK(decodeError(good, {32, 100, 1000}) == "PNG is 33x7, wider than the 32x100 limit");
  CHECK(decodeError(good, {64, 6, 1000}) == "PNG is 33x7, taller than the 64x6 limit");
  CHECK(decodeError(good, {100, 100, 200}) == "PNG is 33x7, more than the 200-pixel limit");
  CHECK_NOTHROW(pixabots::core::decodePng(good, {33, 7, 231}));
}

TEST_CASE("decodePng stops inflating at the first byte past what the header calls for", "[png][decode][errors]") {
  // 64x32 8-bit RGBA: 32 rows of a filter byte and 256 bytes.
  constexpr std::size_t kImageBytes = 32 * (1 + 64 * 4);
  const Bytes exact(kImageBytes, 0);
  CHECK(pixabots::core::decodePng(testing::pngFile(64, 32, 8, PNG_COLOR_TYPE_RGBA, testing::zlibOf(exact))) ==
        Image(64, 32));

  const std::string refused =
      "corrupt PNG: the image data inflates to more than 8224 bytes, the size of a 64x32 8-bit RGBA image (its "
      "IHDR); inflating stopped there";
  Bytes oneMore(kImageBytes + 1, 0);
  CHECK(decodeError(testing::pngFile(64, 32, 8, PNG_COLOR_TYPE_RGBA, testing::zlibOf(oneMore))) == refused);

  // About 1 MB that inflates to 1000 MiB. libpng alone decodes the rows, then
  // inflates all the rest only to warn about it; the message naming the
  // header's size shows the count stopped there, long before the end.
  const Bytes bomb = testing::pngFile(64, 32, 8, PNG_COLOR_TYPE_RGBA, testing::zerosStream(1000));
  CHECK(bomb.size() < 1'050'000);
  CHECK(decodeError(bomb) == refused);

  // The size comes from the file's own format: 16-bit grey+alpha, interlaced.
  WriteSpec spec = makeSpec(5, 3, 16, PNG_COLOR_TYPE_GRAY_ALPHA, true);
  spec.rows.assign(3, Bytes(5 * 4, 0x80));
  Bytes png = writeWithLibpng(spec);
  const auto list = chunks(png);
  const Chunk* idat = findChunk(list, "IDAT");
  // Passes 1 to 7: 1x1, 1x1, empty, 1x1, 3x1, 2x2, 5x1; 4 bytes a pixel.
  Bytes raw = inflateIdat(png, 200);
  REQUIRE(raw.size() == 3 * (1 + 4) + (1 + 12) + 2 * (1 + 8) + (1 + 20));
  raw.push_back(0);
  Bytes rebuilt(png.begin(), png.begin() + static_cast<long>(idat->offset));
  testing::appendChunk(rebuilt, "IDAT", testing::zlibOf(raw));
  rebuilt.insert(rebuilt.end(), png.begin() + static_cast<long>(idat->offset + 12 + idat->data.size()), png.end());
  CHECK(decodeError(rebuilt) ==
        "corrupt PNG: the image data inflates to more than 67 bytes, the size of a 5x3 16-bit grey+alpha interlaced "
        "image (its IHDR); inflating stopped there");
}

TEST_CASE("decodePng reads every interlaced size, empty passes included", "[png][decode]") {
  for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1, 1}, {2, 3}, {3, 2}, {5, 9}, {9, 1}, {1, 9}, {33, 7}}) {
    INFO(w << "x" << h);
    const Image img = paletteImage(w, h, 300, true);
    WriteSpec spec = makeSpec(w, h, 8, PNG_COLOR_TYPE_RGBA, true);
    for (int y = 0; y < h; ++y) spec.rows.emplace_back(img.row(y), img.row(y) + img.rowBytes());
    CHECK(pixabots::core::decodePng(writeWithLibpng(spec)) == img);
  }
}

TEST_CASE("decodePng refuses palette indices past the palette", "[png][decode][errors]") {
  const Bytes palette{10, 20, 30, 40, 50, 60};  // two entries
  // One row of four 8-bit indices after filter byte 0.
  const auto indexed = [&](std::initializer_list<std::uint8_t> indices) {
    Bytes raw{0};
    raw.insert(raw.end(), indices);
    return testing::pngFile(4, 1, 8, PNG_COLOR_TYPE_PALETTE, testing::zlibOf(raw), palette);
  };
  CHECK(pixabots::core::decodePng(indexed({0, 1, 1, 0})) ==
        imageOf(4, 1, {{{10, 20, 30, 255}}, {{40, 50, 60, 255}}, {{40, 50, 60, 255}}, {{10, 20, 30, 255}}}));
  CHECK(decodeError(indexed({0, 1, 7, 0})) ==
        "corrupt PNG: pixel (2, 0) uses palette index 7 but PLTE has 2 entries (indices 0..1)");
  // One past the last entry, which libpng's own check (when it runs) misses.
  CHECK(decodeError(indexed({0, 2, 1, 0})) ==
        "corrupt PNG: pixel (1, 0) uses palette index 2 but PLTE has 2 entries (indices 0..1)");

  // 1-bit: index 1 with a one-entry palette.
  CHECK(decodeError(testing::pngFile(8, 1, 1, PNG_COLOR_TYPE_PALETTE, testing::zlibOf({0, 0x01}), {1, 2, 3})) ==
        "corrupt PNG: pixel (7, 0) uses palette index 1 but PLTE has 1 entry (indices 0..0)");
  // 4-bit, interlaced rows included: the pass rows are checked too.
  WriteSpec spec = makeSpec(3, 3, 4, PNG_COLOR_TYPE_PALETTE, true);
  spec.palette = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  spec.rows = {{0x01, 0x20}, {0x12, 0x00}, {0x21, 0x10}};
  Bytes png = writeWithLibpng(spec);
  CHECK_NOTHROW(pixabots::core::decodePng(png));
  spec.rows[2] = {0x21, 0xc0};  // index 12 in the last pixel, read in pass 5
  png = writeWithLibpng(spec);
  CHECK(decodeError(png) == "corrupt PNG: pixel (2, 2) uses palette index 12 but PLTE has 3 entries (indices 0..2)");
}
