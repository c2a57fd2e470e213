// SVG: the service's one-rect-per-pixel form and the compact form, with bytes.
#include <benchmark/benchmark.h>

#include "pixabots/core.hpp"

namespace {

using namespace pixabots::core;

void BM_RenderSvg(benchmark::State& state) {
  const Pack& pack = Pack::embedded();
  const SvgOptions svg{state.range(0) != 0};
  RenderOptions options;
  Combo combo{};
  std::size_t bytes = 0, renders = 0;
  for (auto _ : state) {
    combo = nextCombo(pack.catalog(), combo);
    const std::string out = renderSvg(pack, combo, options, svg);
    bytes += out.size();
    ++renders;
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["svg_bytes"] = static_cast<double>(bytes) / static_cast<double>(renders);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RenderSvg)->ArgName("compact")->Arg(0)->Arg(1);

}  // namespace
