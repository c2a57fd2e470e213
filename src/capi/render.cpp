// pxb_render, pxb_render_into and pxb_render_to: pxb_options translated into
// the core's request; the core checks it and produces every format.
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
#include "capi/sized_struct.hpp"
#include "pixabots/core/color.hpp"

namespace pixabots::capi {
namespace {

// The layout of the first release: callers built against it pass this size.
constexpr std::size_t kOptionsFirstSize = sizeof(pxb_options);

pxb_options defaultOptions() {
  pxb_options o{};
  o.struct_size = sizeof(pxb_options);
  o.size = core::kDefaultSize;
  o.saturate = 1;
  o.speed = 1;
  o.format = PXB_FORMAT_PNG;
  o.tick = PXB_TICK_STILL;
  return o;
}

}  // namespace

core::Request requestOf(const core::Pack& pack, const char* id, const pxb_options* given) {
  const pxb_options o = readSized(given, defaultOptions(), kOptionsFirstSize, "pxb_options");
  if (o.format < 0 || o.format >= core::kFormatCount) {
    throw InvalidArgument{"format " + std::to_string(o.format) + " is not a pxb_format (0..9)"};
  }
  core::Request r;
  r.combo = comboOf(pack.catalog(), id);
  r.render.size = o.size;
  r.render.hue = o.hue;
  r.render.saturate = o.saturate;
  r.render.speed = o.speed;
  if (o.bg != nullptr) r.render.bg = core::parseColor(o.bg);
  r.format = static_cast<core::Format>(o.format);
  r.tick = o.tick;
  r.compactSvg = o.compact_svg != 0;
  r.sheetColumns = o.sheet_columns;
  r.mergeRepeats = o.merge_repeats != 0;
  if (o.origin != nullptr) r.origin = o.origin;
  if (o.sheet_image != nullptr) r.sheetImage = o.sheet_image;
  core::validate(pack, r);
  return r;
}

}  // namespace pixabots::capi

extern "C" {

using namespace pixabots;

pxb_status pxb_options_init_size(pxb_options* options, size_t struct_size) {
  return capi::guarded([&] {
    capi::initSized(options, struct_size, capi::defaultOptions(), capi::kOptionsFirstSize, "pxb_options");
    return PXB_OK;
  });
}

pxb_status pxb_render(const pxb_ctx* ctx, const char* id, const pxb_options* options, uint8_t** out, size_t* out_size) {
  return capi::guarded([&] {
    capi::clearOutput(out, out_size);
    const core::Pack& pack = capi::packOf(ctx);
    const core::Request r = capi::requestOf(pack, id, options);
    if (const auto n = core::fixedOutputSize(pack, r)) {
      auto* buffer = static_cast<std::uint8_t*>(std::malloc(*n));
      if (buffer == nullptr) throw std::bad_alloc();
      try {
        core::renderRgbaInto(pack, r, {buffer, *n});
      } catch (...) {
        std::free(buffer);
        throw;
      }
      *out = buffer;
      *out_size = *n;
      return PXB_OK;
    }
    capi::handOver(core::renderOutput(pack, r), out, out_size);
    return PXB_OK;
  });
}

pxb_status pxb_render_into(const pxb_ctx* ctx, const char* id, const pxb_options* options, uint8_t* buffer,
                           size_t capacity, size_t* out_size) {
  return capi::guarded([&] {
    capi::require(out_size, "out_size");
    if (capacity > 0) capi::require(buffer, "buffer");
    const core::Pack& pack = capi::packOf(ctx);
    const core::Request r = capi::requestOf(pack, id, options);
    auto tooSmall = [&](std::size_t needed) {
      *out_size = needed;
      return capi::fail(PXB_ERR_BUFFER_TOO_SMALL, "the output needs " + std::to_string(needed) +
                                                      " bytes; the buffer holds " + std::to_string(capacity));
    };
    // Fixed-size outputs are measured without rendering, so a size query costs nothing.
    if (const auto n = core::fixedOutputSize(pack, r)) {
      if (capacity < *n) return tooSmall(*n);
      core::renderRgbaInto(pack, r, {buffer, *n});
      *out_size = *n;
      return PXB_OK;
    }
    const std::vector<std::uint8_t> bytes = core::renderOutput(pack, r);
    if (capacity < bytes.size()) return tooSmall(bytes.size());
    std::memcpy(buffer, bytes.data(), bytes.size());
    *out_size = bytes.size();
    return PXB_OK;
  });
}

pxb_status pxb_render_to(const pxb_ctx* ctx, const char* id, const pxb_options* options, pxb_write_fn write,
                         void* user) {
  // The writer's refusal unwinds the render as this, then becomes PXB_ERR_IO.
  struct WriterStopped {};
  return capi::guarded([&] {
    capi::require(reinterpret_cast<const void*>(write), "write");
    const core::Pack& pack = capi::packOf(ctx);
    const core::Request r = capi::requestOf(pack, id, options);
    try {
      core::renderOutputTo(pack, r, [&](std::span<const std::uint8_t> piece) {
        if (write(user, piece.data(), piece.size()) != 0) throw WriterStopped{};
      });
    } catch (const WriterStopped&) {
      return capi::fail(PXB_ERR_IO, "the write callback returned nonzero: the render stopped");
    }
    return PXB_OK;
  });
}

}  // extern "C"
