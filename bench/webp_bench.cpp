// Animated WebP: renderWebp against an in-process baseline that renders the
// same merged frames at full size and hands them to libwebp's WebPAnimEncoder
// (lossless), as a straightforward implementation (or the service's
// sharp/libvips) would. Both cycle through the same 16 bots; `bytes` is the
// mean output size over those bots, computed outside the timing.
#include <webp/encode.h>
#include <webp/mux.h>

#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "animation/frames.hpp"
#include "pixabots/core.hpp"
#include "pixabots/core/webp.hpp"
#include "render/scale.hpp"
#include "support/options.hpp"

namespace {

using testing::sized;

using namespace pixabots::core;

constexpr int kBots = 16;

// Bots spread over browse order, so the set mixes animated and still parts.
const std::vector<Combo>& bots() {
  static const std::vector<Combo> list = [] {
    const Catalog& catalog = Pack::embedded().catalog();
    std::vector<Combo> v;
    for (int i = 0; i < kBots; ++i) {
      v.push_back(comboAt(catalog, static_cast<std::uint32_t>(catalog.combinations() / kBots * i + 7 * i)));
    }
    return v;
  }();
  return list;
}

// The baseline: every merged frame scaled to full size, then WebPAnimEncoder
// with lossless `method` at the default quality (75).
std::vector<std::uint8_t> animEncoderWebp(const Combo& combo, const RenderOptions& options, int method) {
  thread_local const auto frames = std::make_unique<detail::AnimationFrames>();
  detail::composeAnimation(Pack::embedded(), combo, options, *frames);
  const detail::ScaleMaps maps(options.size);
  WebPAnimEncoderOptions encoderOptions;
  if (!WebPAnimEncoderOptionsInit(&encoderOptions)) throw std::runtime_error("libwebp ABI mismatch");
  encoderOptions.anim_params.loop_count = 0;
  std::unique_ptr<WebPAnimEncoder, void (*)(WebPAnimEncoder*)> encoder(
      WebPAnimEncoderNew(options.size, options.size, &encoderOptions), WebPAnimEncoderDelete);
  WebPConfig config;
  if (!WebPConfigInit(&config)) throw std::runtime_error("libwebp ABI mismatch");
  config.lossless = 1;
  config.method = method;
  WebPPicture picture;
  if (!WebPPictureInit(&picture)) throw std::runtime_error("libwebp ABI mismatch");
  picture.use_argb = 1;
  picture.width = options.size;
  picture.height = options.size;
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(options.size) * static_cast<std::size_t>(options.size) * 4);
  int timestamp = 0;
  for (int i = 0; i < frames->count; ++i) {
    detail::scaleInto(frames->canvases[static_cast<std::size_t>(i)], maps, rgba.data(),
                      static_cast<std::size_t>(options.size) * 4);
    if (!WebPPictureImportRGBA(&picture, rgba.data(), options.size * 4) ||
        !WebPAnimEncoderAdd(encoder.get(), &picture, timestamp, &config)) {
      throw std::runtime_error("WebPAnimEncoder failed");
    }
    timestamp += frames->delayMs[static_cast<std::size_t>(i)];
  }
  WebPPictureFree(&picture);
  WebPData data{};
  if (!WebPAnimEncoderAdd(encoder.get(), nullptr, timestamp, nullptr) ||
      !WebPAnimEncoderAssemble(encoder.get(), &data)) {
    throw std::runtime_error("WebPAnimEncoder failed");
  }
  std::vector<std::uint8_t> out(data.bytes, data.bytes + data.size);
  WebPDataClear(&data);
  return out;
}

// `bytes` is computed once per benchmark, not per repetition: the slow
// baselines would otherwise spend most of the run on it.
template <typename Encode>
void run(benchmark::State& state, const std::string& key, Encode&& encode) {
  static std::map<std::string, double> meanBytes;
  auto [slot, fresh] = meanBytes.try_emplace(key, 0.0);
  if (fresh) {
    for (const Combo& combo : bots()) slot->second += static_cast<double>(encode(combo).size()) / kBots;
  }
  std::size_t next = 0;
  for (auto _ : state) {
    const auto webp = encode(bots()[next]);
    next = (next + 1) % bots().size();
    benchmark::DoNotOptimize(webp.data());
  }
  state.counters["bytes"] = slot->second;
  state.SetItemsProcessed(state.iterations());
}

void BM_RenderWebp(benchmark::State& state) {
  const RenderOptions options = sized(static_cast<int>(state.range(0)));
  run(state, "ours/" + std::to_string(options.size),
      [&](const Combo& combo) { return renderWebp(Pack::embedded(), combo, options); });
}

// Args: size, method (4 is libwebp's default and sharp's default effort).
void BM_BaselineAnimEncoder(benchmark::State& state) {
  const RenderOptions options = sized(static_cast<int>(state.range(0)));
  const int method = static_cast<int>(state.range(1));
  run(state, "baseline/" + std::to_string(options.size) + "/" + std::to_string(method),
      [&](const Combo& combo) { return animEncoderWebp(combo, options, method); });
}

BENCHMARK(BM_RenderWebp)->Arg(64)->Arg(128)->Arg(480)->Arg(1920)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BaselineAnimEncoder)->ArgsProduct({{64, 128, 480}, {0, 1, 4}})->Unit(benchmark::kMillisecond);

}  // namespace
