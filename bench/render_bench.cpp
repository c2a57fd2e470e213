// Static render benchmarks with the embedded art: the whole request path
// (composite, filters, scale, PNG) and raw RGBA into a reused buffer, against
// a baseline in the same process that renders RGBA and writes it with a fresh
// libpng writer (how a straightforward implementation would do it).
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

void BM_RenderPng(benchmark::State& state) {
  const Pack& pack = Pack::embedded();
  const RenderOptions options = sized(static_cast<int>(state.range(0)));
  Bots bots;
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto png = renderPng(pack, bots.next(), options);
    bytes = png.size();
    benchmark::DoNotOptimize(png.data());
  }
  state.counters["png_bytes"] = static_cast<double>(bytes);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RenderPng)->Arg(32)->Arg(128)->Arg(480)->Arg(1920);

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

void BM_RenderRgbaInto(benchmark::State& state) {
  const Pack& pack = Pack::embedded();
  const RenderOptions options = sized(static_cast<int>(state.range(0)));
  std::vector<std::uint8_t> buffer(static_cast<std::size_t>(options.size) * options.size * 4);
  Bots bots;
  for (auto _ : state) {
    renderInto(pack, bots.next(), options, buffer);
    benchmark::DoNotOptimize(buffer.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(buffer.size()));
}
BENCHMARK(BM_RenderRgbaInto)->Arg(32)->Arg(128)->Arg(1920);

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
