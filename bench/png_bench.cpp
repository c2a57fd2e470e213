// PNG encoder benchmarks: the renderer's path (encodeMappedPng from the 32x32
// source), encodePng on the materialised upscale, and plain libpng baselines.
#include <benchmark/benchmark.h>

#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include "codecs/png/png_encode.hpp"
#include "libpng_baseline.hpp"
#include "pixabots/core/png.hpp"

namespace {

using pixabots::core::Image;

constexpr int kSpriteSize = 32;
// Background (transparent) + 15 opaque colours, like a sprite pack part.
constexpr std::uint8_t kColors[16][4] = {
    {0, 0, 0, 0},         {20, 20, 28, 255},    {240, 240, 232, 255}, {94, 129, 172, 255},
    {129, 161, 193, 255}, {191, 97, 106, 255},  {208, 135, 112, 255}, {235, 203, 139, 255},
    {163, 190, 140, 255}, {180, 142, 173, 255}, {76, 86, 106, 255},   {216, 222, 233, 255},
    {46, 52, 64, 255},    {143, 188, 187, 255}, {136, 192, 208, 255}, {255, 255, 255, 255}};

// A deterministic robot-ish sprite: outlined head, eyes, antenna, body stripes.
int spriteColor(int x, int y) {
  const int dx = 2 * x - 31;
  const int dy = 2 * y - 27;
  const int r2 = dx * dx + dy * dy;
  if (y < 5) return (x == 15 || x == 16) ? (y < 2 ? 5 : 12) : 0;
  if (r2 > 26 * 26) return y > 26 && x > 6 && x < 25 ? 10 + (x / 3) % 3 : 0;
  if (r2 > 23 * 23) return 1;  // outline
  if (y >= 11 && y <= 14 && ((x >= 9 && x <= 12) || (x >= 19 && x <= 22))) return y == 11 ? 15 : 14;
  if (y == 19 && x >= 12 && x <= 19) return 6 + (x % 2);
  return 3 + ((x / 4) + (y / 5)) % 3 + (y > 22 ? 5 : 0);
}

struct Fixture {
  Image sprite{kSpriteSize, kSpriteSize};
  Image full;                         // naive upscale, for encodePng and libpng
  std::vector<std::uint32_t> map;     // output -> source row/column
  std::vector<std::uint8_t> indices;  // palette index per full-size pixel
  std::uint8_t rgb[16 * 3] = {};
  std::uint8_t alpha[1] = {0};
};

const Fixture& fixture(int size) {
  static std::map<int, std::unique_ptr<Fixture>> cache;
  auto& slot = cache[size];
  if (slot) return *slot;
  slot = std::make_unique<Fixture>();
  Fixture& f = *slot;
  for (int i = 0; i < 16; ++i) std::memcpy(f.rgb + 3 * i, kColors[i], 3);
  std::vector<std::uint8_t> spriteIdx(kSpriteSize * kSpriteSize);
  for (int y = 0; y < kSpriteSize; ++y) {
    for (int x = 0; x < kSpriteSize; ++x) {
      const int c = spriteColor(x, y);
      spriteIdx[static_cast<std::size_t>(y * kSpriteSize + x)] = static_cast<std::uint8_t>(c);
      std::memcpy(f.sprite.row(y) + x * 4, kColors[c], 4);
    }
  }
  for (int i = 0; i < size; ++i) f.map.push_back(static_cast<std::uint32_t>(i * kSpriteSize / size));
  f.full = Image(size, size);
  f.indices.resize(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      const std::size_t s = f.map[static_cast<std::size_t>(y)] * kSpriteSize + f.map[static_cast<std::size_t>(x)];
      f.indices[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)] =
          spriteIdx[s];
      std::memcpy(f.full.row(y) + x * 4, f.sprite.pixels().data() + s * 4, 4);
    }
  }
  return f;
}

void report(benchmark::State& state, std::size_t bytes) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_EncodeMapped(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<int>(state.range(0)));
  std::vector<std::uint8_t> out;
  for (auto _ : state) {
    pixabots::core::detail::encodeMappedPng(f.sprite.pixels().data(), f.sprite.rowBytes(), kSpriteSize, kSpriteSize,
                                            f.map, f.map, out);
    benchmark::DoNotOptimize(out.data());
  }
  report(state, out.size());
}

void BM_EncodePngFull(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto png = pixabots::core::encodePng(f.full.view());
    bytes = png.size();
    benchmark::DoNotOptimize(png.data());
  }
  report(state, bytes);
}

void BM_LibpngDefaultRgba(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<int>(state.range(0)));
  std::vector<std::uint8_t> out;
  for (auto _ : state) {
    bench::libpngWriteRgba(f.full.pixels().data(), f.full.width(), f.full.height(), out);
    benchmark::DoNotOptimize(out.data());
  }
  report(state, out.size());
}

// Palette indices are precomputed outside the timing: this is libpng's cost alone.
void BM_LibpngFastPalette(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<int>(state.range(0)));
  const bench::LibpngPalette palette{f.rgb, f.alpha, 16, 1, 4};
  std::vector<std::uint8_t> out;
  for (auto _ : state) {
    bench::libpngWritePalette(f.indices.data(), f.full.width(), f.full.height(), palette, out);
    benchmark::DoNotOptimize(out.data());
  }
  report(state, out.size());
}

// A 2000x2000 gallery-like image: many sprite tiles, either within 256 colours
// (palette built over 4M pixels) or with a colour per tile (> 256: RGBA).
void BM_EncodePngGallery(benchmark::State& state) {
  const bool manyColors = state.range(0) != 0;
  constexpr int kSize = 2000;
  Image img(kSize, kSize);
  for (int y = 0; y < kSize; ++y) {
    for (int x = 0; x < kSize; ++x) {
      const int c = spriteColor(x % kSpriteSize, y % kSpriteSize);
      std::uint8_t* p = img.row(y) + x * 4;
      std::memcpy(p, kColors[c], 4);
      if (manyColors && c != 0) p[2] = static_cast<std::uint8_t>((x / kSpriteSize) * 4 + (y / kSpriteSize));
    }
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto png = pixabots::core::encodePng(img.view());
    bytes = png.size();
    benchmark::DoNotOptimize(png.data());
  }
  report(state, bytes);
}

void sizes(benchmark::internal::Benchmark* b) { b->Arg(128)->Arg(480)->Arg(1920)->Unit(benchmark::kMicrosecond); }

BENCHMARK(BM_EncodeMapped)->Apply(sizes);
BENCHMARK(BM_EncodePngFull)->Apply(sizes);
BENCHMARK(BM_LibpngDefaultRgba)->Apply(sizes);
BENCHMARK(BM_LibpngFastPalette)->Apply(sizes);
BENCHMARK(BM_EncodePngGallery)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
