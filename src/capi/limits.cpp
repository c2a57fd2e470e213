// pxb_limits_init_size, and pxb_limits as the core's PngLimits and PackLimits.
#include "capi/limits.hpp"

#include <cstdint>
#include <string>

#include "capi/guard.hpp"
#include "capi/sized_struct.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::capi {
namespace {

// The layout of the first release that had pxb_limits.
constexpr std::size_t kLimitsFirstSize = sizeof(pxb_limits);

pxb_limits defaultLimits() {
  const core::PngLimits png;
  const core::PackLimits pack;
  pxb_limits l{};
  l.struct_size = sizeof(pxb_limits);
  l.png_max_width = static_cast<std::uint32_t>(png.maxWidth);
  l.png_max_height = static_cast<std::uint32_t>(png.maxHeight);
  l.png_max_pixels = png.maxPixels;
  l.pack_max_sheet_frames = static_cast<std::uint32_t>(pack.maxFramesPerSheet);
  l.pack_max_file_bytes = pack.maxFileBytes;
  l.pack_max_total_bytes = pack.maxTotalBytes;
  return l;
}

// `given`, or `fallback` for 0; above `ceiling` refused, naming the field.
template <class T>
T limit(std::uint64_t given, T fallback, T ceiling, const char* field) {
  if (given == 0) return fallback;
  const auto top = static_cast<std::uint64_t>(ceiling);
  if (given > top) {
    throw core::Error(core::Errc::invalid_option, std::string("pxb_limits.") + field + " " + std::to_string(given) +
                                                      " is above what this library allows: 1.." + std::to_string(top) +
                                                      ", or 0 for the default " + std::to_string(fallback));
  }
  return static_cast<T>(given);
}

}  // namespace

Limits limitsOf(const pxb_limits* given) {
  const pxb_limits l = readSized(given, defaultLimits(), kLimitsFirstSize, "pxb_limits");
  const core::PngLimits png;
  const core::PackLimits pack;
  const core::PngLimits& pngTop = core::kPngLimitsCeiling;
  const core::PackLimits& packTop = core::kPackLimitsCeiling;
  Limits out;
  out.png.maxWidth = limit(l.png_max_width, png.maxWidth, pngTop.maxWidth, "png_max_width");
  out.png.maxHeight = limit(l.png_max_height, png.maxHeight, pngTop.maxHeight, "png_max_height");
  out.png.maxPixels = limit(l.png_max_pixels, png.maxPixels, pngTop.maxPixels, "png_max_pixels");
  out.pack.maxFramesPerSheet =
      limit(l.pack_max_sheet_frames, pack.maxFramesPerSheet, packTop.maxFramesPerSheet, "pack_max_sheet_frames");
  out.pack.maxFileBytes = limit(l.pack_max_file_bytes, pack.maxFileBytes, packTop.maxFileBytes, "pack_max_file_bytes");
  out.pack.maxTotalBytes =
      limit(l.pack_max_total_bytes, pack.maxTotalBytes, packTop.maxTotalBytes, "pack_max_total_bytes");
  return out;
}

}  // namespace pixabots::capi

extern "C" {

pxb_status pxb_limits_init_size(pxb_limits* limits, size_t struct_size) {
  using namespace pixabots;
  return capi::guarded([&] {
    capi::initSized(limits, struct_size, capi::defaultLimits(), capi::kLimitsFirstSize, "pxb_limits");
    return PXB_OK;
  });
}

}  // extern "C"
