// One dispatch from a validated request to the bytes of its format.
#include <string>

#include "pixabots/core/animation.hpp"
#include "pixabots/core/apng.hpp"
#include "pixabots/core/gif.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/request.hpp"
#include "pixabots/core/svg.hpp"
#include "pixabots/core/webp.hpp"

namespace pixabots::core {
namespace {

std::vector<std::uint8_t> bytesOf(const std::string& text) { return {text.begin(), text.end()}; }

SheetOptions sheetOptions(const Request& r) {
  SheetOptions sheet;
  if (r.sheetColumns > 0) {
    sheet.layout = SheetLayout::grid;
    sheet.columns = r.sheetColumns;
  }
  sheet.mergeRepeats = r.mergeRepeats;
  sheet.imageName = r.sheetImage;
  return sheet;
}

JsonOptions jsonOptions(const Request& r) { return {r.origin, r.render.size}; }

std::size_t tickBytes(const Request& r) {
  const auto side = static_cast<std::size_t>(r.render.size);
  return side * side * 4;
}

// Every format but RGBA, which goes straight into its destination.
std::vector<std::uint8_t> encode(const Pack& pack, const Request& r) {
  const Combo& c = r.combo;
  switch (r.format) {
    case Format::png:
      if (r.tick == kTickStill) return renderPng(pack, c, r.render);
      if (r.tick == kTickAll) return encodePng(renderTicks(pack, c, r.render).view());
      return encodePng(renderTick(pack, c, r.render, r.tick).view());
    case Format::gif: return renderGif(pack, c, r.render);
    case Format::webp: return renderWebp(pack, c, r.render);
    case Format::apng: return renderApng(pack, c, r.render);
    case Format::svg: return bytesOf(renderSvg(pack, c, r.render, SvgOptions{r.compactSvg}));
    case Format::metadataJson: return bytesOf(metadataJson(pack, c, jsonOptions(r)));
    case Format::framesJson: return bytesOf(framesJson(pack, c, jsonOptions(r)));
    case Format::sheetPng: return renderSpriteSheet(pack, c, r.render, sheetOptions(r)).png;
    case Format::sheetJson: return bytesOf(renderSpriteSheet(pack, c, r.render, sheetOptions(r)).json);
    case Format::rgba: break;
  }
  throw std::logic_error("encode() called for raw RGBA");
}

}  // namespace

std::optional<std::size_t> fixedOutputSize(const Pack& pack, const Request& request) {
  if (request.format != Format::rgba) return std::nullopt;
  const std::size_t ticks =
      request.tick == kTickAll ? static_cast<std::size_t>(timeline(pack, request.combo).ticks) : 1;
  return tickBytes(request) * ticks;
}

void renderRgbaInto(const Pack& pack, const Request& request, std::span<std::uint8_t> out) {
  validate(pack, request);
  if (request.format != Format::rgba) throw Error(Errc::invalid_option, "renderRgbaInto needs format rgba");
  if (request.tick == kTickStill) {
    renderInto(pack, request.combo, request.render, out);
  } else if (request.tick == kTickAll) {
    renderTicksInto(pack, request.combo, request.render, out);
  } else {
    renderTickInto(pack, request.combo, request.render, request.tick, out);
  }
}

std::vector<std::uint8_t> renderOutput(const Pack& pack, const Request& request) {
  validate(pack, request);
  if (request.format != Format::rgba) return encode(pack, request);
  std::vector<std::uint8_t> pixels(*fixedOutputSize(pack, request));
  renderRgbaInto(pack, request, pixels);
  return pixels;
}

void renderOutputTo(const Pack& pack, const Request& request, const OutputWriter& write) {
  validate(pack, request);
  if (request.format != Format::rgba || request.tick != kTickAll) {
    write(renderOutput(pack, request));
    return;
  }
  std::vector<std::uint8_t> tick(tickBytes(request));
  const int ticks = timeline(pack, request.combo).ticks;
  for (int t = 0; t < ticks; ++t) {
    renderTickInto(pack, request.combo, request.render, t, tick);
    write(tick);
  }
}

}  // namespace pixabots::core
