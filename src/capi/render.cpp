// pxb_render and pxb_render_into: options checked, then one format dispatch.
#include "capi/render.hpp"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "capi/buffer.hpp"
#include "capi/context.hpp"
#include "capi/guard.hpp"
#include "capi/ids.hpp"
#include "pixabots/core/animation.hpp"
#include "pixabots/core/apng.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/gif.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/render.hpp"
#include "pixabots/core/sheet.hpp"
#include "pixabots/core/svg.hpp"
#include "pixabots/core/webp.hpp"

namespace pixabots::capi {
namespace {

// pxb_options translated into the core's option structs.
struct Request {
  core::RenderOptions render;
  int format = PXB_FORMAT_PNG;
  int tick = PXB_TICK_STILL;
  bool compactSvg = false;
  core::SheetOptions sheet;
  core::JsonOptions json;
};

constexpr int kMaxSheetColumns = 16;

[[noreturn]] void badOption(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

Request requestOf(const pxb_options* given) {
  pxb_options defaults;
  if (given == nullptr) {
    pxb_options_init(&defaults);
    given = &defaults;
  }
  const pxb_options& o = *given;
  Request r;
  r.render.size = o.size;
  r.render.hue = o.hue;
  r.render.saturate = o.saturate;
  r.render.speed = o.speed;
  if (o.bg != nullptr) r.render.bg = core::parseColor(o.bg);
  core::validate(r.render);

  if (o.format < PXB_FORMAT_PNG || o.format > PXB_FORMAT_SHEET_JSON) {
    throw InvalidArgument{"format " + std::to_string(o.format) + " is not a pxb_format (0..9)"};
  }
  r.format = o.format;

  r.tick = o.tick;
  if (r.tick != PXB_TICK_STILL && r.tick != PXB_TICK_ALL && (r.tick < 0 || r.tick >= core::kLoopTicks)) {
    badOption("tick " + std::to_string(r.tick) + " is out of range: must be -1 (still), -2 (all) or 0..15");
  }
  if (r.tick != PXB_TICK_STILL && r.format != PXB_FORMAT_PNG && r.format != PXB_FORMAT_RGBA) {
    badOption("tick " + std::to_string(r.tick) +
              " applies only to png and rgba: the other formats are the still image or the whole animation");
  }

  r.compactSvg = o.compact_svg != 0;
  if (o.sheet_columns < 0 || o.sheet_columns > kMaxSheetColumns) {
    badOption("sheet_columns " + std::to_string(o.sheet_columns) + " is out of range: must be 0 (one row) or 1..16");
  }
  if (o.sheet_columns > 0) {
    r.sheet.layout = core::SheetLayout::grid;
    r.sheet.columns = o.sheet_columns;
  }
  r.sheet.mergeRepeats = o.merge_repeats != 0;
  if (o.sheet_image != nullptr) r.sheet.imageName = o.sheet_image;
  if (o.origin != nullptr) r.json.origin = o.origin;
  r.json.size = o.size;
  return r;
}

std::size_t rgbaBytes(const core::Pack& pack, const core::Combo& combo, const Request& r) {
  const auto side = static_cast<std::size_t>(r.render.size);
  const std::size_t frames = r.tick == PXB_TICK_ALL ? static_cast<std::size_t>(core::timeline(pack, combo).ticks) : 1;
  return side * side * 4 * frames;
}

void renderRgba(const core::Pack& pack, const core::Combo& combo, const Request& r, std::span<std::uint8_t> out) {
  if (r.tick == PXB_TICK_STILL) {
    core::renderInto(pack, combo, r.render, out);
  } else if (r.tick == PXB_TICK_ALL) {
    core::renderTicksInto(pack, combo, r.render, out);
  } else {
    core::renderTickInto(pack, combo, r.render, r.tick, out);
  }
}

std::vector<std::uint8_t> bytesOf(const std::string& text) { return {text.begin(), text.end()}; }

// Every format but RGBA, which goes straight into its destination.
std::vector<std::uint8_t> encode(const core::Pack& pack, const core::Combo& combo, const Request& r) {
  switch (r.format) {
    case PXB_FORMAT_PNG:
      if (r.tick == PXB_TICK_STILL) return core::renderPng(pack, combo, r.render);
      if (r.tick == PXB_TICK_ALL) return core::encodePng(core::renderTicks(pack, combo, r.render).view());
      return core::encodePng(core::renderTick(pack, combo, r.render, r.tick).view());
    case PXB_FORMAT_GIF: return core::renderGif(pack, combo, r.render);
    case PXB_FORMAT_WEBP: return core::renderWebp(pack, combo, r.render);
    case PXB_FORMAT_APNG: return core::renderApng(pack, combo, r.render);
    case PXB_FORMAT_SVG: return bytesOf(core::renderSvg(pack, combo, r.render, core::SvgOptions{r.compactSvg}));
    case PXB_FORMAT_METADATA_JSON: return bytesOf(core::metadataJson(pack, combo, r.json));
    case PXB_FORMAT_FRAMES_JSON: return bytesOf(core::framesJson(pack, combo, r.json));
    case PXB_FORMAT_SHEET_PNG: return core::renderSpriteSheet(pack, combo, r.render, r.sheet).png;
    case PXB_FORMAT_SHEET_JSON: return bytesOf(core::renderSpriteSheet(pack, combo, r.render, r.sheet).json);
    case PXB_FORMAT_RGBA: break;
  }
  throw std::logic_error("encode() called for raw RGBA");
}

// Options from other headers are refused before anything else is read.
pxb_status checkVersion(const pxb_options* options) {
  if (options != nullptr && options->version != PXB_OPTIONS_VERSION) {
    return fail(PXB_ERR_VERSION_MISMATCH, "pxb_options version " + std::to_string(options->version) +
                                              " does not match the library's " + std::to_string(PXB_OPTIONS_VERSION) +
                                              ": initialise options with pxb_options_init");
  }
  return PXB_OK;
}

}  // namespace

std::vector<std::uint8_t> renderBytes(const core::Pack& pack, const core::Combo& combo, const pxb_options& options) {
  const Request r = requestOf(&options);
  if (r.format != PXB_FORMAT_RGBA) return encode(pack, combo, r);
  std::vector<std::uint8_t> pixels(rgbaBytes(pack, combo, r));
  renderRgba(pack, combo, r, pixels);
  return pixels;
}

}  // namespace pixabots::capi

extern "C" {

using namespace pixabots;

pxb_status pxb_render(const pxb_ctx* ctx, const char* id, const pxb_options* options, uint8_t** out, size_t* out_size) {
  return capi::guarded([&] {
    capi::require(out, "out");
    capi::require(out_size, "out_size");
    *out = nullptr;
    *out_size = 0;
    if (const pxb_status s = capi::checkVersion(options); s != PXB_OK) return s;
    const core::Pack& pack = capi::packOf(ctx);
    const core::Combo combo = capi::comboOf(pack.catalog(), id);
    const capi::Request r = capi::requestOf(options);
    if (r.format == PXB_FORMAT_RGBA) {
      const std::size_t n = capi::rgbaBytes(pack, combo, r);
      auto* buffer = static_cast<std::uint8_t*>(std::malloc(n));
      if (buffer == nullptr) throw std::bad_alloc();
      try {
        capi::renderRgba(pack, combo, r, {buffer, n});
      } catch (...) {
        std::free(buffer);
        throw;
      }
      *out = buffer;
      *out_size = n;
      return PXB_OK;
    }
    const std::vector<std::uint8_t> bytes = capi::encode(pack, combo, r);
    *out = capi::callerCopy(bytes);
    *out_size = bytes.size();
    return PXB_OK;
  });
}

pxb_status pxb_render_into(const pxb_ctx* ctx, const char* id, const pxb_options* options, uint8_t* buffer,
                           size_t capacity, size_t* out_size) {
  return capi::guarded([&] {
    capi::require(out_size, "out_size");
    if (capacity > 0) capi::require(buffer, "buffer");
    if (const pxb_status s = capi::checkVersion(options); s != PXB_OK) return s;
    const core::Pack& pack = capi::packOf(ctx);
    const core::Combo combo = capi::comboOf(pack.catalog(), id);
    const capi::Request r = capi::requestOf(options);
    auto tooSmall = [&](std::size_t needed) {
      *out_size = needed;
      return capi::fail(PXB_ERR_BUFFER_TOO_SMALL, "the output needs " + std::to_string(needed) +
                                                      " bytes; the buffer holds " + std::to_string(capacity));
    };
    if (r.format == PXB_FORMAT_RGBA) {
      const std::size_t n = capi::rgbaBytes(pack, combo, r);
      if (capacity < n) return tooSmall(n);
      capi::renderRgba(pack, combo, r, {buffer, n});
      *out_size = n;
      return PXB_OK;
    }
    const std::vector<std::uint8_t> bytes = capi::encode(pack, combo, r);
    if (capacity < bytes.size()) return tooSmall(bytes.size());
    std::memcpy(buffer, bytes.data(), bytes.size());
    *out_size = bytes.size();
    return PXB_OK;
  });
}

}  // extern "C"
