// GIF tests: our files are read back with giflib (DGifSlurp) and composited
// the way a browser shows them (disposal, transparency, looping), then
// compared with renderTick's frames and with the service's reference GIFs.
#include <gif_lib.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstring>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "codecs/gif/lzw.hpp"
#include "pixabots/core/animation.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/gif.hpp"
#include "pixabots/core/png.hpp"
#include "render/scale.hpp"
#include "support/conformance.hpp"
#include "support/files.hpp"
#include "support/sha256.hpp"

using namespace pixabots::core;
using testing::conformancePack;

namespace {

using Bytes = std::vector<std::uint8_t>;
using Colour = std::array<std::uint8_t, 3>;

// ---- decoding and compositing --------------------------------------------

struct FrameInfo {
  int left = 0, top = 0, width = 0, height = 0;
  int disposal = 0;
  int delayCs = 0;
  std::vector<Colour> palette;  // the local table, else the global one
};

struct DecodedGif {
  int width = 0;
  int height = 0;
  int loopCount = -1;           // from NETSCAPE2.0; -1 when absent
  std::vector<Colour> palette;  // global
  std::vector<FrameInfo> info;
  std::vector<Image> frames;  // what a viewer shows for each frame
  Image replayedFirst;        // frame 0 drawn again over what the last frame left
};

struct Reader {
  const Bytes* bytes;
  std::size_t at = 0;
};

int readBytes(GifFileType* gif, GifByteType* out, int n) {
  auto* r = static_cast<Reader*>(gif->UserData);
  const std::size_t take = std::min(static_cast<std::size_t>(n), r->bytes->size() - r->at);
  std::memcpy(out, r->bytes->data() + r->at, take);
  r->at += take;
  return static_cast<int>(take);
}

void findLoop(const ExtensionBlock* blocks, int count, int& loopCount) {
  for (int i = 0; i + 1 < count; ++i) {
    if (blocks[i].Function == APPLICATION_EXT_FUNC_CODE && blocks[i].ByteCount == 11 &&
        std::memcmp(blocks[i].Bytes, "NETSCAPE2.0", 11) == 0 && blocks[i + 1].ByteCount == 3 &&
        blocks[i + 1].Bytes[0] == 1) {
      loopCount = blocks[i + 1].Bytes[1] | (blocks[i + 1].Bytes[2] << 8);
    }
  }
}

// Draws image `i` onto `canvas`: palette colours opaque, the transparent index skipped.
void draw(const GifFileType* gif, int i, Image& canvas) {
  const SavedImage& image = gif->SavedImages[i];
  GraphicsControlBlock gcb;
  DGifSavedExtensionToGCB(const_cast<GifFileType*>(gif), i, &gcb);
  const ColorMapObject* map = image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : gif->SColorMap;
  REQUIRE(map != nullptr);
  const GifImageDesc& d = image.ImageDesc;
  REQUIRE(d.Left + d.Width <= canvas.width());
  REQUIRE(d.Top + d.Height <= canvas.height());
  for (int y = 0; y < d.Height; ++y) {
    for (int x = 0; x < d.Width; ++x) {
      const int index = image.RasterBits[y * d.Width + x];
      if (index == gcb.TransparentColor) continue;
      REQUIRE(index < map->ColorCount);
      std::uint8_t* px = canvas.row(d.Top + y) + (d.Left + x) * 4;
      px[0] = map->Colors[index].Red;
      px[1] = map->Colors[index].Green;
      px[2] = map->Colors[index].Blue;
      px[3] = 255;
    }
  }
}

DecodedGif decodeGif(const Bytes& bytes) {
  Reader reader{&bytes};
  int error = 0;
  GifFileType* gif = DGifOpen(&reader, readBytes, &error);
  REQUIRE(gif != nullptr);
  const std::unique_ptr<GifFileType, void (*)(GifFileType*)> owner(gif, [](GifFileType* g) {
    int e = 0;
    DGifCloseFile(g, &e);
  });
  REQUIRE(DGifSlurp(gif) == GIF_OK);
  DecodedGif out;
  out.width = gif->SWidth;
  out.height = gif->SHeight;
  if (gif->SColorMap) {
    for (int i = 0; i < gif->SColorMap->ColorCount; ++i) {
      const GifColorType c = gif->SColorMap->Colors[i];
      out.palette.push_back({c.Red, c.Green, c.Blue});
    }
  }
  findLoop(gif->ExtensionBlocks, gif->ExtensionBlockCount, out.loopCount);
  REQUIRE(gif->ImageCount > 0);
  findLoop(gif->SavedImages[0].ExtensionBlocks, gif->SavedImages[0].ExtensionBlockCount, out.loopCount);

  // Disposal 2 clears to transparent (what browsers do); 3 restores the
  // canvas as it was before the frame.
  Image canvas(out.width, out.height);
  const auto dispose = [&](int i, const Image& before) {
    const FrameInfo& f = out.info[static_cast<std::size_t>(i)];
    for (int y = f.top; y < f.top + f.height; ++y) {
      std::uint8_t* row = canvas.row(y) + f.left * 4;
      if (f.disposal == DISPOSE_BACKGROUND) std::memset(row, 0, static_cast<std::size_t>(f.width) * 4);
      if (f.disposal == DISPOSE_PREVIOUS)
        std::memcpy(row, before.row(y) + f.left * 4, static_cast<std::size_t>(f.width) * 4);
    }
  };
  for (int i = 0; i < gif->ImageCount; ++i) {
    GraphicsControlBlock gcb;
    REQUIRE(DGifSavedExtensionToGCB(gif, i, &gcb) == GIF_OK);
    const GifImageDesc& d = gif->SavedImages[i].ImageDesc;
    out.info.push_back({d.Left, d.Top, d.Width, d.Height, gcb.DisposalMode, gcb.DelayTime, out.palette});
    if (d.ColorMap) {
      out.info.back().palette.clear();
      for (int k = 0; k < d.ColorMap->ColorCount; ++k) {
        out.info.back().palette.push_back(
            {d.ColorMap->Colors[k].Red, d.ColorMap->Colors[k].Green, d.ColorMap->Colors[k].Blue});
      }
    }
    const Image before = canvas;
    draw(gif, i, canvas);
    out.frames.push_back(canvas);
    dispose(i, before);
  }
  // A viewer that does not clear between loops draws frame 0 over this.
  draw(gif, 0, canvas);
  out.replayedFirst = canvas;
  return out;
}

// "n pixels differ, first at (x, y): ours r,g,b,a vs r,g,b,a" for failure messages.
std::string difference(const Image& a, const Image& b) {
  if (a.width() != b.width() || a.height() != b.height()) return "sizes differ";
  int n = 0;
  std::string first;
  for (int y = 0; y < a.height(); ++y) {
    for (int x = 0; x < a.width(); ++x) {
      const std::uint8_t* p = a.row(y) + x * 4;
      const std::uint8_t* q = b.row(y) + x * 4;
      if (std::memcmp(p, q, 4) == 0) continue;
      if (n++ == 0) {
        first = " first at (" + std::to_string(x) + ", " + std::to_string(y) + "): ";
        for (int c = 0; c < 4; ++c) first += std::to_string(p[c]) + (c < 3 ? "," : " vs ");
        for (int c = 0; c < 4; ++c) first += std::to_string(q[c]) + (c < 3 ? "," : "");
      }
    }
  }
  return std::to_string(n) + " pixels differ" + first;
}

// ---- expectations ----------------------------------------------------------

// GIF keeps alpha >= 128 as opaque with the same colour; the rest is transparent.
Image thresholded(Image image) {
  auto px = image.pixels();
  for (std::size_t i = 0; i < px.size(); i += 4) {
    if (px[i + 3] >= 128) {
      px[i + 3] = 255;
    } else {
      std::memset(&px[i], 0, 4);
    }
  }
  return image;
}

struct Expected {
  std::vector<Image> frames;
  std::vector<int> delaysCs;
};

// renderTick's frames, identical consecutive ticks merged; each tick lasts
// round(tickMs / 10) centiseconds.
Expected expectedAnimation(const Pack& pack, const Combo& combo, const RenderOptions& options) {
  Expected e;
  const int tickCs = (frameDelayMs(options.speed) + 5) / 10;
  Image previous;
  for (int tick = 0; tick < timeline(pack, combo).ticks; ++tick) {
    Image frame = renderTick(pack, combo, options, tick);
    if (tick > 0 && frame == previous) {
      e.delaysCs.back() += tickCs;
      continue;
    }
    e.frames.push_back(thresholded(frame));
    e.delaysCs.push_back(tickCs);
    previous = std::move(frame);
  }
  return e;
}

void checkShowsAnimation(const Pack& pack, const char* id, const RenderOptions& options) {
  INFO(id << " at " << options.size << " px, speed " << options.speed << ", hue " << options.hue << ", saturate "
          << options.saturate << (options.bg ? ", bg" : ""));
  const Combo combo = decodeId(pack.catalog(), id);
  const DecodedGif gif = decodeGif(renderGif(pack, combo, options));
  const Expected expected = expectedAnimation(pack, combo, options);
  CHECK(gif.width == options.size);
  CHECK(gif.height == options.size);
  CHECK(gif.loopCount == 0);
  REQUIRE(gif.frames.size() == expected.frames.size());
  for (std::size_t i = 0; i < gif.frames.size(); ++i) {
    INFO("frame " << i << ": " << difference(gif.frames[i], expected.frames[i]));
    CHECK(gif.frames[i] == expected.frames[i]);
    CHECK(gif.info[i].delayCs == expected.delaysCs[i]);
  }
  CHECK(gif.replayedFirst == expected.frames[0]);
}

std::string hex(const std::array<std::uint8_t, 32>& digest) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (const std::uint8_t b : digest) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

std::string sha256(std::span<const std::uint8_t> bytes) {
  testing::Sha256 h;
  h.update(bytes);
  return hex(h.finish());
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.code() == Errc::invalid_option);
    return e.what();
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("every GIF frame is the rendered tick with alpha thresholded at 128") {
  const Pack& art = Pack::embedded();
  RenderOptions options;
  for (const int size : {32, 48, 64, 98, 128, 200}) {
    options.size = size;
    for (const char* id : {"2156", "0000", "f76a", "3409", "e36b"}) checkShowsAnimation(art, id, options);
  }
  // The conformance pack has partially transparent pixels on both sides of 128.
  for (const char* id : {"2156", "1000", "e36b", "f76a", "b766"}) {
    options.size = 64;
    checkShowsAnimation(conformancePack(), id, options);
    options.size = 37;
    checkShowsAnimation(conformancePack(), id, options);
  }
}

TEST_CASE("GIF frames at large sizes, with palette, background and speed options") {
  RenderOptions options;
  options.size = 480;
  checkShowsAnimation(Pack::embedded(), "2156", options);
  options.size = 1000;
  checkShowsAnimation(conformancePack(), "e36b", options);
  options.size = 96;
  options.bg = Rgb{0xfd, 0xe6, 0x8a};
  checkShowsAnimation(conformancePack(), "2156", options);
  options.bg.reset();
  options.hue = 200;
  options.saturate = 1.5;
  options.speed = 3;
  checkShowsAnimation(conformancePack(), "b766", options);
  options.speed = 0.25;
  checkShowsAnimation(Pack::embedded(), "3409", options);
}

TEST_CASE("GIF delays are whole centiseconds per tick: round(ms / 10), merged frames add up") {
  const Combo combo = decodeId(conformancePack().catalog(), "2156");  // ticks 8 and 9 merge
  const auto delays = [&](double speed) {
    RenderOptions options;
    options.size = 32;
    options.speed = speed;
    std::vector<int> cs;
    for (const FrameInfo& f : decodeGif(renderGif(conformancePack(), combo, options)).info) cs.push_back(f.delayCs);
    return cs;
  };
  CHECK(delays(1) == std::vector<int>{7, 7, 7, 7, 7, 7, 7, 7, 14, 7, 7, 7, 7, 7, 7});                   // 72 ms
  CHECK(delays(0.25) == std::vector<int>{29, 29, 29, 29, 29, 29, 29, 29, 58, 29, 29, 29, 29, 29, 29});  // 288 ms
  CHECK(delays(3) == std::vector<int>{2, 2, 2, 2, 2, 2, 2, 2, 4, 2, 2, 2, 2, 2, 2});  // 24 ms; 48 ms would round to 5
  CHECK(delays(4) == std::vector<int>{2, 2, 2, 2, 2, 2, 2, 2, 4, 2, 2, 2, 2, 2, 2});  // max(20, 18) ms
}

TEST_CASE("GIFs match every reference GIF of the service, page by page") {
  int checked = 0;
  for (const auto& c : testing::conformanceCases("gif")) {
    const std::string file = c["file"].get<std::string>();
    INFO(file);
    const DecodedGif reference = decodeGif(testing::readBytes(testing::dataPath("conformance/" + file)));
    // Our compositing of the reference reproduces the fixture's decoded pixels.
    testing::Sha256 h;
    for (const Image& page : reference.frames) h.update(page.pixels());
    REQUIRE(hex(h.finish()) == c["pixelsSha256"].get<std::string>());

    RenderOptions options;
    options.size = c["size"].get<int>();
    options.speed = c["speed"].get<double>();
    const DecodedGif ours = decodeGif(
        renderGif(conformancePack(), decodeId(conformancePack().catalog(), c["id"].get<std::string>()), options));
    CHECK(ours.width == c["width"].get<int>());
    CHECK(ours.loopCount == reference.loopCount);
    REQUIRE(ours.frames.size() == c["pages"].get<std::size_t>());
    REQUIRE(ours.frames.size() == reference.frames.size());
    std::vector<int> delaysMs;
    // The service quantises (libimagequant, dithered) even below 256 colours
    // and sometimes leaves a rare colour out of a page's palette or moves it
    // by a few levels. Ours are exact, so pages agree pixel for pixel wherever
    // the reference palette holds our colour, and transparency everywhere.
    long substituted = 0;
    long opaque = 0;
    for (std::size_t i = 0; i < ours.frames.size(); ++i) {
      INFO("page " << i << ": " << difference(ours.frames[i], reference.frames[i]));
      const auto a = ours.frames[i].pixels();
      const auto b = reference.frames[i].pixels();
      REQUIRE(a.size() == b.size());
      const std::vector<Colour>& palette = reference.info[i].palette;
      const std::set<Colour> expressible(palette.begin(), palette.end());
      long transparencyDiffers = 0;
      long colourDiffers = 0;
      for (std::size_t p = 0; p < a.size(); p += 4) {
        transparencyDiffers += a[p + 3] != b[p + 3];
        if (a[p + 3] == 0) continue;
        ++opaque;
        const Colour mine{a[p], a[p + 1], a[p + 2]};
        if (mine == Colour{b[p], b[p + 1], b[p + 2]}) continue;
        ++substituted;
        colourDiffers += expressible.count(mine) != 0;
      }
      CHECK(transparencyDiffers == 0);
      CHECK(colourDiffers == 0);
      delaysMs.push_back(ours.info[i].delayCs * 10);
    }
    CHECK(substituted * 50 < opaque);  // under 2% of the opaque pixels
    CHECK(delaysMs == c["delay"].get<std::vector<int>>());
    ++checked;
  }
  CHECK(checked == 15);
}

TEST_CASE("GIF frames after the first store only what changed") {
  RenderOptions options;
  options.size = 64;
  const DecodedGif gif = decodeGif(renderGif(Pack::embedded(), decodeId(Catalog::service(), "2156"), options));
  REQUIRE(gif.info.size() == 15);
  CHECK(gif.info[0].width == 64);
  CHECK(gif.info[0].height == 64);
  // Tick 1 only blinks: the rows of the eyes.
  CHECK(gif.info[1].width == 64);
  CHECK(gif.info[1].height == 18);
  for (const FrameInfo& f : gif.info) CHECK((f.disposal == DISPOSE_DO_NOT || f.disposal == DISPOSE_BACKGROUND));
  // One global palette: the bot's 11 colours plus the transparent index, in a table of 16.
  CHECK(gif.palette.size() == 16);
  for (const FrameInfo& f : gif.info) CHECK(f.palette == gif.palette);
}

TEST_CASE("renderGif rejects bad options with clear messages") {
  const Combo combo = decodeId(Catalog::service(), "2156");
  RenderOptions options;
  options.speed = 5;
  CHECK(errorOf([&] { renderGif(Pack::embedded(), combo, options); }) ==
        "speed 5 is out of range: must be between 0.25 and 4");
  options.speed = 1;
  options.size = 20;
  CHECK(errorOf([&] { renderGif(Pack::embedded(), combo, options); }) ==
        "size 20 is out of range: must be an integer between 32 and 1920");
  options.size = 64;
  options.saturate = -1;
  CHECK_THROWS_AS(renderGif(Pack::embedded(), combo, options), Error);
}

TEST_CASE("renderGif's bytes are fixed: encoder changes show here") {
  RenderOptions options;
  options.size = 64;
  const Bytes gif = renderGif(conformancePack(), decodeId(conformancePack().catalog(), "2156"), options);
  CHECK(gif.size() == 6335);
  CHECK(sha256(gif) == "208b34788c072a57562bbb5712c56ccbd400ad98a1180a4fbbc9da5aa51cf06d");
}

// ---- quantisation ----------------------------------------------------------

namespace {

// A pack whose body holds 1024 distinct colours, more than a GIF palette.
Pack manyColourPack() {
  const auto sheet = [](int frames, auto&& colour) {
    Image img(32 * frames, 32);
    for (int y = 0; y < 32; ++y) {
      for (int x = 0; x < 32 * frames; ++x) {
        const auto c = colour(x, y);
        std::memcpy(img.row(y) + x * 4, c.data(), 4);
      }
    }
    return encodePng(img.view());
  };
  using Px = std::array<std::uint8_t, 4>;
  const Bytes body = sheet(1, [](int x, int y) {
    return y < 6 ? Px{0, 0, 0, 0}
                 : Px{static_cast<std::uint8_t>(x * 8), static_cast<std::uint8_t>(y * 8),
                      static_cast<std::uint8_t>((x * y) % 256), 255};
  });
  const Bytes eyes = sheet(2, [](int x, int y) {
    const bool on = y >= 10 && y < 13 && (x % 32) >= 8 && (x % 32) < 24 && (x < 32 || y == 11);
    return on ? Px{250, 250, 250, 200} : Px{0, 0, 0, 0};
  });
  const Bytes head = sheet(1, [](int x, int y) {
    return (y >= 4 && y < 16 && x >= 6 && x < 26) ? Px{30, 90, 200, static_cast<std::uint8_t>(x < 16 ? 255 : 100)}
                                                  : Px{0, 0, 0, 0};
  });
  const Bytes top = sheet(1, [](int x, int y) {
    return (y < 4 && x >= 14 && x < 18) ? Px{220, 40, 40, 255} : Px{0, 0, 0, 0};
  });
  const nlohmann::json manifest = {{"format", "pixabots-pack"},
                                   {"version", 1},
                                   {"name", "many-colours"},
                                   {"categories",
                                    {{"eyes", {{{"name", "wink"}, {"frames", 2}, {"kind", "blink"}}}},
                                     {"heads", {{{"name", "round"}}}},
                                     {"body", {{{"name", "gradient"}}}},
                                     {"top", {{{"name", "pin"}}}}}}};
  const std::string manifestText = manifest.dump();
  const Bytes manifestBytes(manifestText.begin(), manifestText.end());
  const std::vector<PackFile> files = {{"manifest.json", manifestBytes},
                                       {"eyes/wink.png", eyes},
                                       {"heads/round.png", head},
                                       {"body/gradient.png", body},
                                       {"top/pin.png", top}};
  return Pack::fromFiles(files);
}

int distance(const std::uint8_t* a, const std::array<std::uint8_t, 3>& b) {
  int d = 0;
  for (std::size_t c = 0; c < 3; ++c) d += (a[c] - b[c]) * (a[c] - b[c]);
  return d;
}

}  // namespace

TEST_CASE("more than 255 colours are quantised: every pixel gets its nearest palette colour") {
  const Pack pack = manyColourPack();
  const Combo combo{};
  RenderOptions options;
  options.size = 32;
  const Bytes bytes = renderGif(pack, combo, options);
  CHECK(renderGif(pack, combo, options) == bytes);  // deterministic
  CHECK(sha256(bytes) == "9413274b947cee1b21da238745d0b527d2456021b93f82a56bbc254dba2ce9f2");
  const DecodedGif gif = decodeGif(bytes);
  REQUIRE(gif.palette.size() == 256);
  const Timeline t = timeline(pack, combo);
  std::set<std::array<std::uint8_t, 3>> used;
  std::size_t frame = 0;
  Image previous;
  for (int tick = 0; tick < t.ticks; ++tick) {
    const Image rendered = renderTick(pack, combo, options, tick);
    if (tick > 0 && rendered == previous) continue;
    REQUIRE(frame < gif.frames.size());
    const Image& shown = gif.frames[frame++];
    for (int y = 0; y < 32; ++y) {
      for (int x = 0; x < 32; ++x) {
        const std::uint8_t* want = rendered.row(y) + x * 4;
        const std::uint8_t* got = shown.row(y) + x * 4;
        if (want[3] < 128) {
          REQUIRE(got[3] == 0);
          continue;
        }
        REQUIRE(got[3] == 255);
        const std::array<std::uint8_t, 3> colour{got[0], got[1], got[2]};
        used.insert(colour);
        int best = 1 << 30;
        for (std::size_t i = 1; i < gif.palette.size(); ++i) best = std::min(best, distance(want, gif.palette[i]));
        REQUIRE(distance(want, colour) == best);
      }
    }
    previous = rendered;
  }
  CHECK(frame == gif.frames.size());
  CHECK(used.size() > 200);  // the palette is spent on the colours, not wasted
}

// ---- LZW -------------------------------------------------------------------

namespace {

// One-image GIF around our LZW stream, for decoding with giflib.
Bytes singleImageGif(const std::vector<std::uint8_t>& pixels, int width, int height, int bits, std::size_t piece) {
  Bytes out = {'G', 'I', 'F', '8', '9', 'a'};
  const auto u16 = [&](int v) {
    out.push_back(static_cast<std::uint8_t>(v & 0xff));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
  };
  u16(width);
  u16(height);
  out.push_back(static_cast<std::uint8_t>(0x80 | (bits - 1)));
  out.push_back(0);
  out.push_back(0);
  for (int i = 0; i < (1 << bits); ++i) {
    out.push_back(static_cast<std::uint8_t>(i));
    out.push_back(static_cast<std::uint8_t>(i * 7));
    out.push_back(static_cast<std::uint8_t>(i * 13));
  }
  out.push_back(0x2c);
  u16(0);
  u16(0);
  u16(width);
  u16(height);
  out.push_back(0);
  pixabots::core::detail::LzwEncoder lzw;
  lzw.begin(std::max(2, bits));
  std::vector<std::uint16_t> runEnds(piece);
  for (std::size_t at = 0; at < pixels.size(); at += piece) {
    const std::size_t n = std::min(piece, pixels.size() - at);
    pixabots::core::detail::LzwEncoder::runEndsOf(pixels.data() + at, n, runEnds.data());
    lzw.write(pixels.data() + at, runEnds.data(), n);
  }
  lzw.finish(out);
  out.push_back(0x3b);
  return out;
}

}  // namespace

TEST_CASE("LZW streams decode exactly for every code size, across dictionary resets") {
  std::uint32_t seed = 12345;
  const auto next = [&] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int bits = 1; bits <= 8; ++bits) {
    const int width = 300;
    const int height = 200;
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width * height));
    // Noise, then runs of random lengths, then repeated rows: every path of the encoder.
    for (std::size_t i = 0; i < pixels.size();) {
      const std::uint8_t symbol = static_cast<std::uint8_t>(next() % (1u << bits));
      const std::size_t run = i < pixels.size() / 3 ? 1 : 1 + next() % 40;
      for (std::size_t k = 0; k < run && i < pixels.size(); ++k) pixels[i++] = symbol;
    }
    for (int y = 150; y < height; ++y) {
      std::memcpy(&pixels[static_cast<std::size_t>(y * width)], &pixels[static_cast<std::size_t>(149 * width)], width);
    }
    for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{300}, pixels.size()}) {
      INFO("bits " << bits << ", pieces of " << piece);
      const Bytes gif = singleImageGif(pixels, width, height, bits, std::min<std::size_t>(piece, 65535));
      Reader reader{&gif};
      int error = 0;
      GifFileType* g = DGifOpen(&reader, readBytes, &error);
      REQUIRE(g != nullptr);
      REQUIRE(DGifSlurp(g) == GIF_OK);
      REQUIRE(g->ImageCount == 1);
      CHECK(std::equal(pixels.begin(), pixels.end(), g->SavedImages[0].RasterBits));
      DGifCloseFile(g, &error);
    }
  }
}

TEST_CASE("scale maps cover every native row and column (GIF rectangles rely on it)") {
  for (int size = kMinSize; size <= kMaxSize; ++size) {
    const pixabots::core::detail::ScaleMaps maps(size);
    std::array<bool, kNativeSize> rows{}, cols{};
    for (const std::uint32_t r : maps.rows.entries()) rows[r] = true;
    for (const std::uint32_t c : maps.cols.entries()) cols[c] = true;
    INFO(size);
    CHECK(std::all_of(rows.begin(), rows.end(), [](bool b) { return b; }));
    CHECK(std::all_of(cols.begin(), cols.end(), [](bool b) { return b; }));
  }
}
