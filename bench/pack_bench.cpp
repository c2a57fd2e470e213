// What a pack costs to load. Pack::embedded() pays BM_EmbeddedDecode exactly
// once per process, on first use; renders never pay it again.
#include <benchmark/benchmark.h>

#include <string>

#include "pack/embedded_files.hpp"
#include "pixabots/core/pack.hpp"

namespace {

int sheetPixels(const pixabots::core::Pack& pack) {
  int pixels = 0;
  for (pixabots::core::Category c : pixabots::core::kEncodingOrder) {
    for (int i = 0; i < pack.catalog().count(c); ++i) pixels += pack.sheet(c, i).frames() * 32 * 32;
  }
  return pixels;
}

// The work behind embedded(): decode every compiled-in PNG into sheets.
void BM_EmbeddedDecode(benchmark::State& state) {
  const auto files = pixabots::core::detail::embeddedSpriteFiles();
  int pixels = 0;
  for (auto _ : state) {
    const auto pack = pixabots::core::Pack::fromFiles(files, {}, "sprites");
    pixels = sheetPixels(pack);
    benchmark::DoNotOptimize(pack);
  }
  state.SetItemsProcessed(state.iterations() * pixels);  // sprite pixels decoded
  state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_EmbeddedDecode)->Unit(benchmark::kMicrosecond);

// The same art read from disk (page-cached), for comparison.
void BM_FromDirectory(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(pixabots::core::Pack::fromDirectory(PIXABOTS_SPRITES_DIR));
}
BENCHMARK(BM_FromDirectory)->Unit(benchmark::kMicrosecond);

}  // namespace
