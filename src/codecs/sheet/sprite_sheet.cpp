// Sprite sheet: the frames are laid out at 32x32 and the whole sheet goes
// through the mapped PNG encoder, so the upscaled sheet (up to 30720 px wide)
// is never materialised.
#include <algorithm>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "animation/frames.hpp"
#include "codecs/png/png_encode.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/json_input.hpp"
#include "pixabots/core/sheet.hpp"
#include "pixabots/version.h"
#include "render/scale.hpp"

namespace pixabots::core {
namespace {

using Json = nlohmann::ordered_json;  // keys in the order written: the output is deterministic

[[noreturn]] void bad(const std::string& message) { throw Error(Errc::invalid_option, message); }

void validate(const SheetOptions& sheet) {
  if (sheet.layout != SheetLayout::strip && sheet.layout != SheetLayout::grid) {
    bad("sheet layout " + std::to_string(static_cast<int>(sheet.layout)) + " is neither strip nor grid");
  }
  if (sheet.columns < 0 || sheet.columns > kLoopTicks) {
    bad("sheet columns " + std::to_string(sheet.columns) + " is out of range: must be between 0 (automatic) and " +
        std::to_string(kLoopTicks));
  }
  if (sheet.layout == SheetLayout::strip && sheet.columns != 0) {
    bad("sheet columns " + std::to_string(sheet.columns) + " applies to the grid layout only: leave it 0 for a strip");
  }
  if (sheet.imageName.empty()) bad("the sheet image name is empty: it names the PNG in the JSON");
  requireUtf8(sheet.imageName, "the sheet image name");
}

// Smallest c with c*c >= n: a grid as close to square as the frames allow.
int autoColumns(int n) {
  int c = 1;
  while (c * c < n) ++c;
  return c;
}

Json rect(int x, int y, int w, int h) { return Json{{"x", x}, {"y", y}, {"w", w}, {"h", h}}; }
Json extent(int w, int h) { return Json{{"w", w}, {"h", h}}; }

}  // namespace

SpriteSheetOutput renderSpriteSheet(const Pack& pack, const Combo& combo, const RenderOptions& options,
                                    const SheetOptions& sheet) {
  validate(options);
  const int delay = frameDelayMs(options.speed);
  validate(sheet);
  const Timeline t = timeline(pack, combo);  // checks the combo

  auto frames = std::make_unique<detail::AnimationFrames>();  // 64 KiB
  if (sheet.mergeRepeats) {
    detail::composeAnimation(pack, combo, options, *frames);
  } else {
    for (int tick = 0; tick < t.ticks; ++tick) {
      const auto i = static_cast<std::size_t>(tick);
      detail::composeTick(pack, combo, t.frames[i], options, frames->canvases[i]);
      frames->delayMs[i] = delay;
      frames->firstTick[i] = tick;
    }
    frames->count = t.ticks;
  }
  const int n = frames->count;
  const int columns = sheet.layout == SheetLayout::strip ? n
                      : sheet.columns > 0                ? std::min(sheet.columns, n)
                                                         : autoColumns(n);
  const int rows = (n + columns - 1) / columns;

  // The sheet at 32x32 per frame; cells past the last frame stay transparent.
  const auto nativeWidth = static_cast<std::size_t>(columns) * kNativeSize;
  const std::size_t stride = nativeWidth * 4;
  std::vector<std::uint8_t> native(stride * static_cast<std::size_t>(rows) * kNativeSize, 0);
  for (int i = 0; i < n; ++i) {
    const detail::Canvas& canvas = frames->canvases[static_cast<std::size_t>(i)];
    std::uint8_t* cell = native.data() + static_cast<std::size_t>(i / columns) * kNativeSize * stride +
                         static_cast<std::size_t>(i % columns) * detail::kCanvasStride;
    for (std::size_t y = 0; y < kNativeSize; ++y) {
      std::memcpy(cell + y * stride, canvas.data() + y * detail::kCanvasStride, detail::kCanvasStride);
    }
  }
  // Each cell is upscaled exactly as a render is: the per-frame maps, offset per cell.
  const detail::ScaleMaps maps(options.size);
  const auto size = static_cast<std::size_t>(options.size);
  std::vector<std::uint32_t> colMap(static_cast<std::size_t>(columns) * size);
  std::vector<std::uint32_t> rowMap(static_cast<std::size_t>(rows) * size);
  for (std::size_t i = 0; i < colMap.size(); ++i) {
    colMap[i] = static_cast<std::uint32_t>(i / size * kNativeSize) + maps.cols.source[i % size];
  }
  for (std::size_t i = 0; i < rowMap.size(); ++i) {
    rowMap[i] = static_cast<std::uint32_t>(i / size * kNativeSize) + maps.rows.source[i % size];
  }

  SpriteSheetOutput out;
  out.frameCount = n;
  detail::encodeMappedPng(native.data(), stride, static_cast<int>(nativeWidth), rows * kNativeSize, colMap, rowMap,
                          out.png);

  const std::string id = encodeId(pack.catalog(), combo);
  const int s = options.size;
  Json list = Json::array();
  for (int i = 0; i < n; ++i) {
    list.push_back(Json{{"filename", id + "-" + std::to_string(i)},
                        {"frame", rect(i % columns * s, i / columns * s, s, s)},
                        {"rotated", false},
                        {"trimmed", false},
                        {"spriteSourceSize", rect(0, 0, s, s)},
                        {"sourceSize", extent(s, s)},
                        {"duration", frames->delayMs[static_cast<std::size_t>(i)]}});
  }
  Json tags = Json::array();
  tags.push_back(Json{{"name", "loop"}, {"from", 0}, {"to", n - 1}, {"direction", "forward"}});
  Json meta{{"app", "pixabots"},
            {"version", PIXABOTS_VERSION_STRING},
            {"image", sheet.imageName},
            {"format", "RGBA8888"},
            {"size", extent(columns * s, rows * s)},
            {"scale", "1"},
            {"frameTags", tags},
            {"loopLength", t.ticks}};
  out.json = Json{{"frames", list}, {"meta", meta}}.dump();
  return out;
}

}  // namespace pixabots::core
