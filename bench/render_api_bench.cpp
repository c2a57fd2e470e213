// Render/<format>/<size>: one request end to end through the public C++ API
// (pixabots::Context, so through the C ABI as a user would call it): compose,
// filters, scale and encode, for every output format at 32, 128, 480 and
// 1920 px. These are the cases bench/compare runs against the service's
// pipeline (bench/peer).
//
//   PIXABOTS_BENCH_PACK  a sprite pack directory (default: the embedded art);
//                        bench/compare passes tests/data/conformance/pack,
//                        the art the peer can load too.
//   PIXABOTS_BENCH_IDS   comma-separated bot IDs the iterations cycle through
//                        (default 2156, the reference bot).
//
// Counter `bytes`: the mean output size over those IDs.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "pixabots/pixabots.hpp"

namespace {

const pixabots::Context& context() {
  static const pixabots::Context ctx = [] {
    const char* dir = std::getenv("PIXABOTS_BENCH_PACK");
    return dir != nullptr && *dir != '\0' ? pixabots::Context::fromDirectory(dir) : pixabots::Context();
  }();
  return ctx;
}

const std::vector<std::string>& ids() {
  static const std::vector<std::string> list = [] {
    const char* env = std::getenv("PIXABOTS_BENCH_IDS");
    const std::string text = env != nullptr && *env != '\0' ? env : "2156";
    std::vector<std::string> v;
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      if (comma > start) v.push_back(text.substr(start, comma - start));
      start = comma + 1;
    }
    for (const std::string& id : v) context().checkId(id);  // a bad ID fails here, not mid-benchmark
    return v;
  }();
  return list;
}

struct Case {
  const char* name;
  pixabots::Format format;
  bool compactSvg;
};

constexpr Case kCases[] = {
    {"png", pixabots::Format::png, false},   {"gif", pixabots::Format::gif, false},
    {"webp", pixabots::Format::webp, false}, {"apng", pixabots::Format::apng, false},
    {"svg", pixabots::Format::svg, false},   {"svg_compact", pixabots::Format::svg, true},
    {"rgba", pixabots::Format::rgba, false},
};
constexpr int kSizes[] = {32, 128, 480, 1920};

void renderCase(benchmark::State& state, const Case& c, int size) {
  const pixabots::Context& ctx = context();
  pixabots::Options options;
  options.size = size;
  options.format = c.format;
  options.compactSvg = c.compactSvg;
  double bytes = 0;
  for (const std::string& id : ids()) bytes += static_cast<double>(ctx.requiredSize(id, options));
  // Raw RGBA goes into a reused buffer (renderInto allocates nothing for it);
  // the encoded formats return a fresh vector, as a caller gets them.
  std::vector<std::uint8_t> buffer(c.format == pixabots::Format::rgba ? ctx.requiredSize(ids().front(), options) : 0);
  std::size_t next = 0;
  for (auto _ : state) {
    const std::string& id = ids()[next];
    next = next + 1 == ids().size() ? 0 : next + 1;
    if (c.format == pixabots::Format::rgba) {
      benchmark::DoNotOptimize(ctx.renderInto(id, options, buffer));
      benchmark::ClobberMemory();
    } else {
      const std::vector<std::uint8_t> out = ctx.render(id, options);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.counters["bytes"] = bytes / static_cast<double>(ids().size());
  state.SetItemsProcessed(state.iterations());
}

const bool registered = [] {
  for (const Case& c : kCases) {
    for (const int size : kSizes) {
      const std::string name = std::string("Render/") + c.name + "/" + std::to_string(size);
      benchmark::RegisterBenchmark(name.c_str(), [&c, size](benchmark::State& state) {
        renderCase(state, c, size);
      })->Unit(benchmark::kMicrosecond);
    }
  }
  return true;
}();

}  // namespace
