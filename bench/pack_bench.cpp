// What a pack costs to load from PNG sheets. The embedded art is decoded at
// build time instead; startup_bench.cpp times what a context costs now.
#include <benchmark/benchmark.h>

#include <string>

#include "pixabots/core/pack.hpp"
#include "support/sprite_files.hpp"

namespace {

int sheetPixels(const pixabots::core::Pack& pack) {
  int pixels = 0;
  for (pixabots::core::Category c : pixabots::core::kEncodingOrder) {
    for (int i = 0; i < pack.catalog().count(c); ++i) pixels += pack.sheet(c, i).frames() * 32 * 32;
  }
  return pixels;
}

// sprites/ from memory: the manifest parsed and every PNG decoded into sheets
// (what Pack::embedded() did on first use before the art was embedded decoded).
void BM_FromFiles(benchmark::State& state) {
  const testing::SpriteFiles sprites = testing::readSpriteFiles(PIXABOTS_SPRITES_DIR);
  const auto files = sprites.files();
  int pixels = 0;
  for (auto _ : state) {
    const auto pack = pixabots::core::Pack::fromFiles(files, {}, "sprites");
    pixels = sheetPixels(pack);
    benchmark::DoNotOptimize(pack);
  }
  state.SetItemsProcessed(state.iterations() * pixels);  // sprite pixels decoded
  state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_FromFiles)->Unit(benchmark::kMicrosecond);

// The same art read from disk (page-cached), for comparison.
void BM_FromDirectory(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(pixabots::core::Pack::fromDirectory(PIXABOTS_SPRITES_DIR));
}
BENCHMARK(BM_FromDirectory)->Unit(benchmark::kMicrosecond);

}  // namespace
