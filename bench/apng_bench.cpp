// The APNG encoder alone on frames composed once, to read against the whole
// path in Render/apng/<size> (render_api_bench.cpp) and see where time goes.
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
