#include "capi/buffer.hpp"
#include "capi/guard.hpp"
#include "capi/limits.hpp"
#include "pixabots/core/png.hpp"

extern "C" {

pxb_status pxb_decode_png(const uint8_t* data, size_t size, uint8_t** out_rgba, int32_t* out_width,
                          int32_t* out_height) {
  return pxb_decode_png_with_limits(data, size, nullptr, out_rgba, out_width, out_height);
}

pxb_status pxb_decode_png_with_limits(const uint8_t* data, size_t size, const pxb_limits* limits, uint8_t** out_rgba,
                                      int32_t* out_width, int32_t* out_height) {
  using namespace pixabots;
  return capi::guarded([&] {
    if (size > 0) capi::require(data, "data");
    capi::require(out_rgba, "out_rgba");
    capi::require(out_width, "out_width");
    capi::require(out_height, "out_height");
    const core::Image image = core::decodePng({data, size}, capi::limitsOf(limits).png);
    *out_rgba = capi::callerCopy(image.pixels());
    *out_width = image.width();
    *out_height = image.height();
    return PXB_OK;
  });
}

}  // extern "C"
