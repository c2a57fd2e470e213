// Static render benchmarks with the embedded art beyond Render/<format>/<size>
// (render_api_bench.cpp): PNG with the palette filters, and a baseline in the
// same process that renders RGBA and writes it with a fresh libpng writer (how
// a straightforward implementation would do it).
#include <benchmark/benchmark.h>

#include <vector>

#include "libpng_baseline.hpp"
#include "pixabots/core.hpp"
#include "support/options.hpp"

namespace {

using testing::sized;

using namespace pixabots::core;

// Cycles through browse order so every iteration renders a different bot.
class Bots {
 public:
  Combo next() {
    combo_ = nextCombo(Catalog::service(), combo_);
    return combo_;
  }

 private:
  Combo combo_{};
};

void BM_RenderPngPalette(benchmark::State& state) {
  const Pack& pack = Pack::embedded();
  RenderOptions options = sized(128);
  options.hue = 200;
  options.saturate = 1.5;
  options.bg = Rgb{0xfd, 0xe6, 0x8a};
  Bots bots;
  for (auto _ : state) benchmark::DoNotOptimize(renderPng(pack, bots.next(), options).data());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RenderPngPalette);

void BM_BaselineRgbaThenLibpng(benchmark::State& state) {
  const Pack& pack = Pack::embedded();
  const RenderOptions options = sized(static_cast<int>(state.range(0)));
  Bots bots;
  std::vector<std::uint8_t> png;
  for (auto _ : state) {
    const Image image = render(pack, bots.next(), options);
    bench::libpngWriteRgba(image.pixels().data(), image.width(), image.height(), png);
    benchmark::DoNotOptimize(png.data());
  }
  state.counters["png_bytes"] = static_cast<double>(png.size());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BaselineRgbaThenLibpng)->Arg(128);

}  // namespace
