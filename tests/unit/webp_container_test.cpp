// The WebP container writer: its exact bytes, read back by libwebp's demuxer,
// and equal to what libwebp's mux (the writer it replaced) assembles.
#include <webp/demux.h>
#include <webp/mux.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "codecs/webp/webp_container.hpp"
#include "pixabots/core/error.hpp"

using namespace pixabots::core;
using detail::assembleAnimatedWebp;
using detail::WebpFrame;

namespace {

// A VP8L header (all the writer reads) for a width x height image, then `tail`
// stand-in bytes: the container never looks past the header.
std::vector<std::uint8_t> vp8lStub(int width, int height, bool alpha, std::size_t tail) {
  const std::uint32_t bits =
      static_cast<std::uint32_t>(width - 1) | static_cast<std::uint32_t>(height - 1) << 14 | (alpha ? 1u : 0u) << 28;
  std::vector<std::uint8_t> v{0x2f};
  for (int i = 0; i < 4; ++i) v.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
  for (std::size_t i = 0; i < tail; ++i) v.push_back(static_cast<std::uint8_t>(0xa0 + i));
  return v;
}

// libwebp's mux assembling the same frames, as the library did before.
std::vector<std::uint8_t> muxAssembled(int width, int height, const std::vector<WebpFrame>& frames,
                                       std::uint32_t background, int loops) {
  std::unique_ptr<WebPMux, void (*)(WebPMux*)> mux(WebPMuxNew(), WebPMuxDelete);
  REQUIRE(mux);
  for (const WebpFrame& f : frames) {
    WebPMuxFrameInfo info{};
    info.bitstream = {f.vp8l.data(), f.vp8l.size()};
    info.x_offset = f.x;
    info.y_offset = f.y;
    info.duration = f.durationMs;
    info.id = WEBP_CHUNK_ANMF;
    info.dispose_method = WEBP_MUX_DISPOSE_NONE;
    info.blend_method = f.blend ? WEBP_MUX_BLEND : WEBP_MUX_NO_BLEND;
    REQUIRE(WebPMuxPushFrame(mux.get(), &info, 0) == WEBP_MUX_OK);
  }
  REQUIRE(WebPMuxSetCanvasSize(mux.get(), width, height) == WEBP_MUX_OK);
  const WebPMuxAnimParams params{background, loops};
  REQUIRE(WebPMuxSetAnimationParams(mux.get(), &params) == WEBP_MUX_OK);
  WebPData assembled{};
  REQUIRE(WebPMuxAssemble(mux.get(), &assembled) == WEBP_MUX_OK);
  std::vector<std::uint8_t> out(assembled.bytes, assembled.bytes + assembled.size);
  WebPDataClear(&assembled);
  return out;
}

void checkRejected(int width, int height, const std::vector<WebpFrame>& frames, const char* message, int loops = 0) {
  CHECK_THROWS_MATCHES(assembleAnimatedWebp(width, height, frames, 0, loops), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == Errc::codec; }));
  CHECK_THROWS_WITH(assembleAnimatedWebp(width, height, frames, 0, loops), Catch::Contains(message));
}

}  // namespace

TEST_CASE("a two-frame animation is RIFF, VP8X, ANIM and two padded ANMF chunks, byte for byte") {
  const auto first = vp8lStub(4, 2, true, 2);    // 7 bytes: padded
  const auto second = vp8lStub(2, 2, false, 3);  // 8 bytes
  const std::vector<WebpFrame> frames{{.vp8l = first, .x = 0, .y = 0, .durationMs = 100, .blend = false},
                                      {.vp8l = second, .x = 4, .y = 2, .durationMs = 70000, .blend = true}};
  const auto bytes = assembleAnimatedWebp(6, 4, frames, 0x80112233u, 3);
  const std::vector<std::uint8_t> expected{
      'R',  'I',  'F',  'F',  116,  0,    0,    0,   'W', 'E', 'B', 'P',  //
      'V',  'P',  '8',  'X',  10,   0,    0,    0,                        //
      0x12, 0,    0,    0,                                              // animation + alpha (the first frame's header)
      5,    0,    0,    3,    0,    0,                                  // canvas 6x4, minus one
      'A',  'N',  'I',  'M',  6,    0,    0,    0,                      //
      0x33, 0x22, 0x11, 0x80, 3,    0,                                  // background B, G, R, A; 3 loops
      'A',  'N',  'M',  'F',  32,   0,    0,    0,                      //
      0,    0,    0,    0,    0,    0,    3,    0,   0,   1,   0,   0,  // at (0, 0)/2, 4x2 minus one
      100,  0,    0,    0x02,                                           // 100 ms, no blending
      'V',  'P',  '8',  'L',  7,    0,    0,    0,                      //
      0x2f, 0x03, 0x40, 0x00, 0x10, 0xa0, 0xa1, 0,                      // the bitstream, one padding byte
      'A',  'N',  'M',  'F',  32,   0,    0,    0,                      //
      2,    0,    0,    1,    0,    0,    1,    0,   0,   1,   0,   0,  // at (4, 2)/2, 2x2 minus one
      0x70, 0x11, 0x01, 0x00,                                           // 70000 ms, blended
      'V',  'P',  '8',  'L',  8,    0,    0,    0,                      //
      0x2f, 0x01, 0x40, 0x00, 0x00, 0xa0, 0xa1, 0xa2};                  // even: no padding
  CHECK(bytes == expected);
  CHECK(bytes == muxAssembled(6, 4, frames, 0x80112233u, 3));

  // libwebp's demuxer reads back every field and finds each bitstream.
  const WebPData data{bytes.data(), bytes.size()};
  std::unique_ptr<WebPDemuxer, void (*)(WebPDemuxer*)> demux(WebPDemux(&data), WebPDemuxDelete);
  REQUIRE(demux);
  CHECK(WebPDemuxGetI(demux.get(), WEBP_FF_CANVAS_WIDTH) == 6);
  CHECK(WebPDemuxGetI(demux.get(), WEBP_FF_CANVAS_HEIGHT) == 4);
  CHECK(WebPDemuxGetI(demux.get(), WEBP_FF_FORMAT_FLAGS) == static_cast<std::uint32_t>(ANIMATION_FLAG | ALPHA_FLAG));
  CHECK(WebPDemuxGetI(demux.get(), WEBP_FF_LOOP_COUNT) == 3);
  CHECK(WebPDemuxGetI(demux.get(), WEBP_FF_BACKGROUND_COLOR) == 0x80112233u);
  CHECK(WebPDemuxGetI(demux.get(), WEBP_FF_FRAME_COUNT) == 2);
  WebPIterator it;
  REQUIRE(WebPDemuxGetFrame(demux.get(), 1, &it));
  for (const WebpFrame& f : frames) {
    CHECK(it.x_offset == f.x);
    CHECK(it.y_offset == f.y);
    CHECK(it.duration == f.durationMs);
    CHECK(it.blend_method == (f.blend ? WEBP_MUX_BLEND : WEBP_MUX_NO_BLEND));
    CHECK(it.dispose_method == WEBP_MUX_DISPOSE_NONE);
    // The fragment is the frame's VP8L chunk, padded.
    REQUIRE(it.fragment.size == 8 + f.vp8l.size() + f.vp8l.size() % 2);
    CHECK(std::equal(f.vp8l.begin(), f.vp8l.end(), it.fragment.bytes + 8));
    WebPDemuxNextFrame(&it);
  }
  WebPDemuxReleaseIterator(&it);
}

TEST_CASE("one frame covering the canvas is a still: RIFF and its VP8L chunk, as libwebp's mux writes it") {
  const auto image = vp8lStub(3, 5, true, 0);  // 5 bytes: padded
  const std::vector<WebpFrame> frames{{.vp8l = image, .durationMs = 80}};
  const auto bytes = assembleAnimatedWebp(3, 5, frames, 0, 0);
  const std::vector<std::uint8_t> expected{'R', 'I', 'F', 'F', 18, 0, 0, 0,    'W',  'E',  'B',  'P',  'V',
                                           'P', '8', 'L', 5,   0,  0, 0, 0x2f, 0x02, 0x00, 0x01, 0x10, 0};
  CHECK(bytes == expected);
  CHECK(bytes == muxAssembled(3, 5, frames, 0, 0));
  // Smaller than the canvas it stays an animation.
  CHECK(assembleAnimatedWebp(4, 5, frames, 0, 0) == muxAssembled(4, 5, frames, 0, 0));
}

TEST_CASE("the container equals libwebp's mux for random frames") {
  std::mt19937 rng(42);
  const auto below = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint32_t>(n)); };
  for (int round = 0; round < 500; ++round) {
    const int width = 1 + below(round % 5 == 0 ? 3000 : 64);
    const int height = 1 + below(round % 7 == 0 ? 3000 : 64);
    std::vector<std::vector<std::uint8_t>> bitstreams;
    std::vector<WebpFrame> frames;
    const int count = 1 + below(round % 3 == 0 ? 2 : 20);
    for (int i = 0; i < count; ++i) {
      const int x = below(width) & ~1;
      const int y = below(height) & ~1;
      // A third of the frames cover the canvas, so single ones are often stills.
      const bool whole = below(3) == 0;
      const int w = whole ? width : 1 + below(width - x);
      const int h = whole ? height : 1 + below(height - y);
      bitstreams.push_back(vp8lStub(w, h, below(4) == 0, static_cast<std::size_t>(below(40))));
      frames.push_back({.vp8l = {},  // set below, once `bitstreams` stops moving
                        .x = whole ? 0 : x,
                        .y = whole ? 0 : y,
                        .durationMs = below(3) == 0 ? below(1 << 24) : below(1000),
                        .blend = below(2) == 0});
    }
    for (std::size_t i = 0; i < frames.size(); ++i) frames[i].vp8l = bitstreams[i];
    const auto background = static_cast<std::uint32_t>(rng());
    const int loops = below(3) == 0 ? 0 : below(0x10000);
    INFO("round " << round << ": " << count << " frames on " << width << "x" << height);
    CHECK(assembleAnimatedWebp(width, height, frames, background, loops) ==
          muxAssembled(width, height, frames, background, loops));
  }
}

TEST_CASE("the container rejects what WebP cannot store, with a codec error") {
  const auto image = vp8lStub(4, 4, false, 3);
  auto frame = [&](int x, int y, int duration = 10) {
    return std::vector<WebpFrame>{{.vp8l = image, .x = x, .y = y, .durationMs = duration}};
  };
  checkRejected(8, 8, {}, "no frames");
  checkRejected(0, 8, frame(0, 0), "canvas 0x8 out of range");
  checkRejected((1 << 24) + 1, 1, frame(0, 0), "out of range");  // VP8X holds up to 2^24
  checkRejected(70000, 70000, frame(0, 0), "out of range");      // area past 2^32
  checkRejected(8, 8, frame(1, 0), "does not fit");              // odd offset
  checkRejected(8, 8, frame(6, 0), "does not fit");
  checkRejected(8, 8, frame(0, -2), "does not fit");
  checkRejected(8, 8, frame(0, 0, -1), "duration -1 ms out of range");
  checkRejected(8, 8, frame(0, 0, 1 << 24), "out of range");
  checkRejected(8, 8, frame(0, 0), "loop count 65536 out of range", 0x10000);

  std::vector<std::uint8_t> bad = image;
  bad[0] = 0x2e;  // signature
  checkRejected(8, 8, {{.vp8l = bad}}, "not a VP8L bitstream");
  bad = image;
  bad[4] |= 0x20;  // version 1
  checkRejected(8, 8, {{.vp8l = bad}}, "not a VP8L bitstream");
  bad.resize(4);  // shorter than the header
  checkRejected(8, 8, {{.vp8l = bad}}, "not a VP8L bitstream");
}
