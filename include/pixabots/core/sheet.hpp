#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "pixabots/core/id.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::core {

// strip: all frames in one row; grid: `columns` frames per row, rows filled
// left to right, top to bottom (cells past the last frame stay transparent).
enum class SheetLayout { strip, grid };

struct SheetOptions {
  SheetLayout layout = SheetLayout::strip;
  int columns = 0;                      // grid only: 1..16, 0 = ceil(sqrt(frames)); never more than the frames
  bool mergeRepeats = false;            // merge identical consecutive ticks into one longer frame
  std::string imageName = "sheet.png";  // meta.image in the JSON: non-empty UTF-8
};

struct SpriteSheetOutput {
  std::vector<std::uint8_t> png;  // every frame, options.size square, laid out as asked
  std::string json;               // TexturePacker / Aseprite "JSON Array" (docs/formats.md)
  int frameCount = 0;
};

// The animation as a sprite sheet for game engines: every encoded tick (8 or
// 16; or the merged frames with mergeRepeats), each exactly renderTick() of
// its first tick, with its duration in milliseconds in the JSON. Throws
// Error(invalid_option) for bad render or sheet options, Error(invalid_id)
// for a combo outside the pack.
SpriteSheetOutput renderSpriteSheet(const Pack& pack, const Combo& combo, const RenderOptions& options,
                                    const SheetOptions& sheet = {});

}  // namespace pixabots::core
