#pragma once
#include <string>

#include "pixabots/core/id.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::core {

struct SvgOptions {
  // false: byte for byte the service's SVG, one 1x1 rect per visible pixel
  // (its own CLI parses that form). true: same-colour runs merged into larger
  // rects, same picture in far fewer bytes.
  bool compact = false;
};

// The static composite as SVG: width/height options.size, viewBox 0 0 32 32,
// a full-size rect of options.bg when set, then the visible pixels with
// fill-opacity for partial alpha. As in the service, hue and saturate do not
// apply to SVG (the options are still validated).
std::string renderSvg(const Pack& pack, const Combo& combo, const RenderOptions& options, const SvgOptions& svg = {});

}  // namespace pixabots::core
