// pixabots_embedded_compact_bench: what the compact embedded art
// (pixabots_embed_sprites --compact) costs at startup. First the process's
// first embeddedArt(): the one-time expansion into untouched static storage,
// page faults included; then Google Benchmark's figure for expanding every
// sheet into memory already touched.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <vector>

#include "pack/embedded_art.hpp"
#include "pack/embedded_compact.hpp"

namespace {

using namespace pixabots::core;
using namespace pixabots::core::detail;

void BM_ExpandCompactArt(benchmark::State& state) {
  std::size_t bytes = 0;
  for (const CompactSheet& sheet : compactSheets()) bytes += static_cast<std::size_t>(sheet.frames) * kFrameBytes;
  std::vector<std::uint8_t> out(bytes);
  for (auto _ : state) {
    expand(compactSheets(), out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(bytes / 4));  // pixels expanded
}
BENCHMARK(BM_ExpandCompactArt)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  const EmbeddedArt& art = embeddedArt();
  const std::chrono::duration<double, std::micro> first = std::chrono::steady_clock::now() - start;
  benchmark::DoNotOptimize(&art);
  std::printf("first embeddedArt() in this process: %.1f us\n", first.count());
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
