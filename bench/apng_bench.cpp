// APNG benchmarks with the embedded art: the whole renderApng path
// (composite every tick, merge, one palette, changed rectangles, deflate) and
// the encoder alone on frames composed once, to show where the time goes.
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "animation/frames.hpp"
#include "codecs/apng/apng_encode.hpp"
#include "pixabots/core/apng.hpp"
#include "pixabots/core.hpp"
#include "render/scale.hpp"
#include "support/options.hpp"

namespace {

using testing::sized;

using namespace pixabots::core;

void BM_RenderApng(benchmark::State& state) {
  const Pack& pack = Pack::embedded();
  const RenderOptions options = sized(static_cast<int>(state.range(0)));
  Combo combo{};
  std::size_t bytes = 0;
  for (auto _ : state) {
    combo = nextCombo(pack.catalog(), combo);  // a different bot every iteration
    auto apng = renderApng(pack, combo, options);
    bytes += apng.size();
    benchmark::DoNotOptimize(apng.data());
  }
  state.counters["apng_bytes"] = static_cast<double>(bytes) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RenderApng)->Arg(128)->Arg(480);

void BM_EncodeApng(benchmark::State& state) {
  const Pack& pack = Pack::embedded();
  const RenderOptions options = sized(static_cast<int>(state.range(0)));
  auto frames = std::make_unique<detail::AnimationFrames>();
  detail::composeAnimation(pack, decodeId(pack.catalog(), "2156"), options, *frames);
  const detail::ScaleMaps maps(options.size);
  std::vector<std::uint8_t> out;
  for (auto _ : state) {
    detail::encodeApng(*frames, maps, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["apng_bytes"] = static_cast<double>(out.size());
  state.counters["frames"] = frames->count;
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EncodeApng)->Arg(128)->Arg(480);

}  // namespace
