// Chunk layout and limits from the WebP container specification; where it
// leaves a choice (a still stays a still), libwebp's mux is followed so the
// files did not change when we stopped using it.
#include "codecs/webp/webp_container.hpp"

#include <cstring>
#include <string>

#include "pixabots/core/error.hpp"

namespace pixabots::core::detail {
namespace {

constexpr std::size_t kChunkHeader = 8;  // fourcc, size
constexpr std::size_t kVp8xPayload = 10;
constexpr std::size_t kAnimPayload = 6;
constexpr std::size_t kAnmfHeader = 16;  // the ANMF fields before its VP8L chunk
constexpr std::uint8_t kAnimationFlag = 0x02;
constexpr std::uint8_t kAlphaFlag = 0x10;
constexpr std::uint8_t kNoBlendFlag = 0x02;
constexpr int kMaxCanvas = 1 << 24;    // VP8X stores size - 1 in 24 bits
constexpr int kMaxDuration = 1 << 24;  // ANMF's 24-bit duration

[[noreturn]] void fail(const std::string& what) { throw Error(Errc::codec, "WebP container: " + what); }

struct Vp8lInfo {
  int width = 0;
  int height = 0;
  bool alpha = false;
};

// The VP8L header: signature 0x2f, then 14 bits width - 1, 14 bits
// height - 1, 1 bit alpha used, 3 bits version (0).
Vp8lInfo vp8lInfo(std::span<const std::uint8_t> vp8l) {
  if (vp8l.size() < 5 || vp8l[0] != 0x2f || (vp8l[4] >> 5) != 0) fail("a frame is not a VP8L bitstream");
  const std::uint32_t bits = vp8l[1] | vp8l[2] << 8 | vp8l[3] << 16 | static_cast<std::uint32_t>(vp8l[4]) << 24;
  return {static_cast<int>(bits & 0x3fff) + 1, static_cast<int>(bits >> 14 & 0x3fff) + 1, (bits >> 28 & 1) != 0};
}

std::uint64_t padded(std::size_t n) { return n + (n & 1); }

class Writer {
 public:
  explicit Writer(std::uint8_t* at) : at_(at) {}
  void le(std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) *at_++ = static_cast<std::uint8_t>(v >> (8 * i));
  }
  void fourcc(const char (&tag)[5]) {
    std::memcpy(at_, tag, 4);
    at_ += 4;
  }
  void chunkHeader(const char (&tag)[5], std::uint64_t payload) {
    fourcc(tag);
    le(static_cast<std::uint32_t>(payload), 4);
  }
  // A VP8L chunk, with its padding byte when its size is odd.
  void vp8lChunk(std::span<const std::uint8_t> vp8l) {
    chunkHeader("VP8L", vp8l.size());
    std::memcpy(at_, vp8l.data(), vp8l.size());
    at_ += vp8l.size();
    if (vp8l.size() & 1) *at_++ = 0;
  }

 private:
  std::uint8_t* at_;
};

}  // namespace

std::vector<std::uint8_t> assembleAnimatedWebp(int canvasWidth, int canvasHeight, std::span<const WebpFrame> frames,
                                               std::uint32_t background, int loops) {
  if (canvasWidth < 1 || canvasHeight < 1 || canvasWidth > kMaxCanvas || canvasHeight > kMaxCanvas ||
      static_cast<std::uint64_t>(canvasWidth) * static_cast<std::uint64_t>(canvasHeight) >= std::uint64_t{1} << 32) {
    fail("canvas " + std::to_string(canvasWidth) + "x" + std::to_string(canvasHeight) + " out of range");
  }
  if (frames.empty()) fail("no frames");
  if (loops < 0 || loops > 0xffff) fail("loop count " + std::to_string(loops) + " out of range");
  bool alpha = false;
  std::uint64_t framesSize = 0;  // every ANMF chunk, on disk (64-bit: no wrap on 32-bit targets)
  for (const WebpFrame& f : frames) {
    const Vp8lInfo info = vp8lInfo(f.vp8l);
    if (f.x < 0 || f.y < 0 || (f.x & 1) || (f.y & 1) || info.width > canvasWidth - f.x ||
        info.height > canvasHeight - f.y) {
      fail("a " + std::to_string(info.width) + "x" + std::to_string(info.height) + " frame at (" + std::to_string(f.x) +
           ", " + std::to_string(f.y) + ") does not fit the canvas on even offsets");
    }
    if (f.durationMs < 0 || f.durationMs >= kMaxDuration) {
      fail("frame duration " + std::to_string(f.durationMs) + " ms out of range");
    }
    alpha |= info.alpha;
    framesSize += 2 * kChunkHeader + kAnmfHeader + padded(f.vp8l.size());
  }

  // One frame over the whole canvas is a still: RIFF and its VP8L chunk.
  const Vp8lInfo first = vp8lInfo(frames[0].vp8l);
  const bool still = frames.size() == 1 && first.width == canvasWidth && first.height == canvasHeight;
  const std::uint64_t size = 4 + (still ? kChunkHeader + padded(frames[0].vp8l.size())
                                        : 2 * kChunkHeader + kVp8xPayload + kAnimPayload + framesSize);
  if (size > 0xffffffffu - kChunkHeader) fail("file past RIFF's 4 GiB");
  std::vector<std::uint8_t> out(static_cast<std::size_t>(kChunkHeader + size));
  Writer w(out.data());
  w.chunkHeader("RIFF", size);
  w.fourcc("WEBP");
  if (still) {
    w.vp8lChunk(frames[0].vp8l);
    return out;
  }
  w.chunkHeader("VP8X", kVp8xPayload);
  w.le(kAnimationFlag | (alpha ? kAlphaFlag : 0), 4);  // flags, then 3 reserved bytes
  w.le(static_cast<std::uint32_t>(canvasWidth - 1), 3);
  w.le(static_cast<std::uint32_t>(canvasHeight - 1), 3);
  w.chunkHeader("ANIM", kAnimPayload);
  w.le(background, 4);
  w.le(static_cast<std::uint32_t>(loops), 2);
  for (const WebpFrame& f : frames) {
    const Vp8lInfo info = vp8lInfo(f.vp8l);
    w.chunkHeader("ANMF", kAnmfHeader + kChunkHeader + padded(f.vp8l.size()));
    w.le(static_cast<std::uint32_t>(f.x / 2), 3);
    w.le(static_cast<std::uint32_t>(f.y / 2), 3);
    w.le(static_cast<std::uint32_t>(info.width - 1), 3);
    w.le(static_cast<std::uint32_t>(info.height - 1), 3);
    w.le(static_cast<std::uint32_t>(f.durationMs), 3);
    w.le(f.blend ? 0 : kNoBlendFlag, 1);  // dispose bit 0: frames stay
    w.vp8lChunk(f.vp8l);
  }
  return out;
}

}  // namespace pixabots::core::detail
