// Animated GIF baseline with the embedded art, to read against Render/gif/<size>
// (render_api_bench.cpp, bot 2156 by default): giflib writing that bot's 15 frames full size
// with no rectangles (what a straightforward encoder, like the service's,
// writes). The baseline is given its frames already as palette indices, so
// its time is encoding only; Render/gif's includes rendering.
#include <benchmark/benchmark.h>
#include <gif_lib.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <vector>

#include "pixabots/core.hpp"
#include "pixabots/core/gif.hpp"
#include "support/options.hpp"

namespace {

using testing::sized;

using namespace pixabots::core;

// A bounce with a blink: 16 ticks, 15 frames (ticks 8 and 9 merge), 11 colours.
constexpr const char* kBot = "2156";

// ---- baseline: giflib, full frames ------------------------------------------

struct IndexedFrames {
  int size = 0;
  int depth = 1;
  std::vector<GifColorType> palette;  // index 0 is the transparent one
  std::vector<std::vector<GifByteType>> frames;
  std::vector<int> delaysCs;
};

// The bot's merged frames as palette indices (alpha >= 128 opaque), prepared
// once outside the timed loop.
IndexedFrames prepare(int size) {
  const Pack& pack = Pack::embedded();
  const Combo combo = decodeId(pack.catalog(), kBot);
  const RenderOptions options = sized(size);
  IndexedFrames out;
  out.size = size;
  out.palette.push_back({0, 0, 0});
  std::map<std::uint32_t, GifByteType> index;
  Image previous;
  for (int tick = 0; tick < timeline(pack, combo).ticks; ++tick) {
    Image frame = renderTick(pack, combo, options, tick);
    if (tick > 0 && frame == previous) {
      out.delaysCs.back() += 7;
      continue;
    }
    std::vector<GifByteType> indices;
    const auto px = frame.pixels();
    for (std::size_t i = 0; i < px.size(); i += 4) {
      if (px[i + 3] < 128) {
        indices.push_back(0);
        continue;
      }
      const std::uint32_t rgb = px[i] | (std::uint32_t{px[i + 1]} << 8) | (std::uint32_t{px[i + 2]} << 16);
      auto [it, added] = index.emplace(rgb, static_cast<GifByteType>(out.palette.size()));
      if (added) out.palette.push_back({px[i], px[i + 1], px[i + 2]});
      indices.push_back(it->second);
    }
    out.frames.push_back(std::move(indices));
    out.delaysCs.push_back(7);
    previous = std::move(frame);
  }
  while ((std::size_t{1} << out.depth) < out.palette.size()) ++out.depth;
  out.palette.resize(std::size_t{1} << out.depth, GifColorType{0, 0, 0});
  return out;
}

int appendOutput(GifFileType* gif, const GifByteType* data, int n) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(gif->UserData);
  out->insert(out->end(), data, data + n);
  return n;
}

void check(int status) {
  if (status != GIF_OK) throw std::runtime_error("giflib failed");
}

void giflibFullFrames(const IndexedFrames& in, std::vector<std::uint8_t>& out) {
  out.clear();
  int error = 0;
  GifFileType* gif = EGifOpen(&out, appendOutput, &error);
  if (gif == nullptr) throw std::runtime_error("EGifOpen failed");
  EGifSetGifVersion(gif, true);
  ColorMapObject* map = GifMakeMapObject(static_cast<int>(in.palette.size()), in.palette.data());
  check(EGifPutScreenDesc(gif, in.size, in.size, in.depth, 0, map));
  GifFreeMapObject(map);
  GifByteType loop[3] = {1, 0, 0};
  check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE));
  check(EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0"));
  check(EGifPutExtensionBlock(gif, 3, loop));
  check(EGifPutExtensionTrailer(gif));
  for (std::size_t f = 0; f < in.frames.size(); ++f) {
    GraphicsControlBlock gcb{DISPOSE_BACKGROUND, false, in.delaysCs[f], 0};
    GifByteType extension[4];
    EGifGCBToExtension(&gcb, extension);
    check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, extension));
    check(EGifPutImageDesc(gif, 0, 0, in.size, in.size, false, nullptr));
    // EGifPutLine takes a non-const pointer; it does not write through it.
    auto* pixels = const_cast<GifByteType*>(in.frames[f].data());
    for (int y = 0; y < in.size; ++y)
      check(EGifPutLine(gif, pixels + static_cast<std::size_t>(y) * static_cast<std::size_t>(in.size), in.size));
  }
  check(EGifCloseFile(gif, &error));
}

void BM_BaselineGiflibFullFrames(benchmark::State& state) {
  const IndexedFrames frames = prepare(static_cast<int>(state.range(0)));
  std::vector<std::uint8_t> gif;
  for (auto _ : state) {
    giflibFullFrames(frames, gif);
    benchmark::DoNotOptimize(gif.data());
  }
  state.counters["gif_bytes"] = static_cast<double>(gif.size());
  state.counters["frames"] = static_cast<double>(frames.frames.size());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BaselineGiflibFullFrames)->Arg(64)->Arg(128)->Arg(480)->Unit(benchmark::kMicrosecond);

}  // namespace
