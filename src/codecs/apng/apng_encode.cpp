// APNG encoder: the frames are one tall source for the PNG writer, so one
// analysis gives the shared palette and each frame is a map cut from it.
#include "codecs/apng/apng_encode.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <span>
#include <string>

#include "codecs/png/png_writer.hpp"
#include "pixabots/core/apng.hpp"

namespace pixabots::core::detail {
namespace {

// The canvases lie back to back, so frame f is rows 32f..32f+31 of one
// 32 x (32*count) source.
static_assert(sizeof(Canvas) == kFrameBytes);
static_assert(sizeof(AnimationFrames::canvases) == kLoopTicks * kFrameBytes);

constexpr std::uint8_t kDisposeNone = 0;
constexpr std::uint8_t kBlendSource = 0;
constexpr std::uint16_t kDelayDenominator = 1000;  // delays in milliseconds

struct Rect {
  std::uint32_t x = 0, y = 0, width = 0, height = 0;
};

// Equal as encoded: the writer turns every fully transparent pixel into (0,0,0,0).
bool samePixel(const std::uint8_t* a, const std::uint8_t* b) {
  return (a[3] == 0 && b[3] == 0) || std::memcmp(a, b, 4) == 0;
}

// The output positions whose source index is in [lo, hi], as [first, end).
// Min and max over the whole map, so it holds for any map, monotonic or not.
void outputSpan(std::span<const std::uint32_t> map, std::uint32_t lo, std::uint32_t hi, std::uint32_t& first,
                std::uint32_t& length) {
  std::size_t begin = map.size();
  std::size_t end = 0;
  for (std::size_t i = 0; i < map.size(); ++i) {
    if (map[i] >= lo && map[i] <= hi) {
      begin = std::min(begin, i);
      end = i + 1;
    }
  }
  first = static_cast<std::uint32_t>(begin);
  length = static_cast<std::uint32_t>(end - begin);
}

// The output rectangle covering every pixel whose source differs between the
// frames. Outside it the previous frame stays (dispose NONE); inside, blend
// SOURCE rewrites unchanged pixels with their own values, so the result is exact.
Rect changedRect(const Canvas& before, const Canvas& after, const ScaleMaps& maps) {
  std::uint32_t minX = kNativeSize, minY = kNativeSize, maxX = 0, maxY = 0;
  bool changed = false;
  for (std::uint32_t y = 0; y < kNativeSize; ++y) {
    const std::uint8_t* a = before.data() + y * kCanvasStride;
    const std::uint8_t* b = after.data() + y * kCanvasStride;
    // Most rows do not change between ticks: skip them without a per-pixel branch.
    if (std::memcmp(a, b, kCanvasStride) == 0) continue;
    for (std::uint32_t x = 0; x < kNativeSize; ++x) {
      if (samePixel(a + x * 4, b + x * 4)) continue;
      changed = true;
      minX = std::min(minX, x);
      maxX = std::max(maxX, x);
      minY = std::min(minY, y);
      maxY = std::max(maxY, y);
    }
  }
  // Merged frames always differ; should identical ones come, a frame cannot
  // be empty, and rewriting one pixel with itself changes nothing.
  if (!changed) return {0, 0, 1, 1};
  Rect r;
  outputSpan(maps.cols.entries(), minX, maxX, r.x, r.width);
  outputSpan(maps.rows.entries(), minY, maxY, r.y, r.height);
  return r;
}

void appendActl(std::vector<std::uint8_t>& out, int frames) {
  std::uint8_t data[8];
  png::putU32(data, static_cast<std::uint32_t>(frames));
  png::putU32(data + 4, 0);  // num_plays: loop forever
  png::appendChunk(out, "acTL", data, sizeof data);
}

void appendFctl(std::vector<std::uint8_t>& out, std::uint32_t sequence, const Rect& r, int delayMs) {
  if (delayMs < 0 || delayMs > 0xffff)
    png::fail("APNG frame delay " + std::to_string(delayMs) + " ms is out of range 0..65535");
  std::uint8_t data[26];
  png::putU32(data, sequence);
  png::putU32(data + 4, r.width);
  png::putU32(data + 8, r.height);
  png::putU32(data + 12, r.x);
  png::putU32(data + 16, r.y);
  png::putU16(data + 20, static_cast<std::uint16_t>(delayMs));
  png::putU16(data + 22, kDelayDenominator);
  data[24] = kDisposeNone;
  data[25] = kBlendSource;
  png::appendChunk(out, "fcTL", data, sizeof data);
}

}  // namespace

void encodeApng(const AnimationFrames& frames, const ScaleMaps& maps, std::vector<std::uint8_t>& out) {
  const int count = frames.count;
  if (count < 1 || count > kLoopTicks) png::fail("an APNG needs 1..16 frames, not " + std::to_string(count));
  const auto size = static_cast<std::size_t>(maps.rows.size);
  if (size == 0 || maps.cols.size != maps.rows.size) png::fail("APNG frames must be square and not empty");

  // Row y of frame f reads source row 32f + rows[y] of the stacked canvases.
  thread_local std::vector<std::uint32_t> stacked;
  stacked.resize(static_cast<std::size_t>(count) * size);
  for (std::size_t f = 0; f < static_cast<std::size_t>(count); ++f) {
    for (std::size_t y = 0; y < size; ++y) {
      stacked[f * size + y] = static_cast<std::uint32_t>(f * kNativeSize) + maps.rows.source[y];
    }
  }
  const std::span<const std::uint32_t> rows(stacked);
  const std::span<const std::uint32_t> cols = maps.cols.entries();

  png::MappedWriter writer(reinterpret_cast<const std::uint8_t*>(frames.canvases.data()), kCanvasStride, kNativeSize,
                           kNativeSize * count);
  writer.analyse(cols, rows);
  writer.writeHeader(out, size, size);
  appendActl(out, count);
  writer.writePalette(out);

  std::uint32_t sequence = 0;  // fcTL and fdAT share one counter
  for (int f = 0; f < count; ++f) {
    const auto i = static_cast<std::size_t>(f);
    const Rect r = f == 0 ? Rect{0, 0, static_cast<std::uint32_t>(size), static_cast<std::uint32_t>(size)}
                          : changedRect(frames.canvases[i - 1], frames.canvases[i], maps);
    appendFctl(out, sequence++, r, frames.delayMs[i]);
    // Frame 0 is the default image (IDAT), so viewers without APNG show it.
    writer.writeImageData(cols.subspan(r.x, r.width), rows.subspan(i * size + r.y, r.height), out,
                          f == 0 ? nullptr : &sequence);
  }
  png::appendChunk(out, "IEND", nullptr, 0);
}

}  // namespace pixabots::core::detail

namespace pixabots::core {

std::vector<std::uint8_t> renderApng(const Pack& pack, const Combo& combo, const RenderOptions& options) {
  // 64 KiB of canvases per thread, allocated on first use rather than in
  // every thread's static TLS block.
  thread_local std::unique_ptr<detail::AnimationFrames> frames;
  if (!frames) frames = std::make_unique<detail::AnimationFrames>();
  detail::composeAnimation(pack, combo, options, *frames);
  const detail::ScaleMaps maps(options.size);
  std::vector<std::uint8_t> out;
  detail::encodeApng(*frames, maps, out);
  return out;
}

}  // namespace pixabots::core
