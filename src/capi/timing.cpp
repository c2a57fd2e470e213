// pxb_tick_duration_ms and pxb_loop_duration_ms: the animation's clock for
// engines that play the ticks themselves.
#include "capi/context.hpp"
#include "capi/guard.hpp"
#include "capi/ids.hpp"
#include "pixabots/core/animation.hpp"

extern "C" {

using namespace pixabots;

pxb_status pxb_tick_duration_ms(double speed, int32_t* out) {
  return capi::guarded([&] {
    capi::require(out, "out");
    *out = core::frameDelayMs(speed);
    return PXB_OK;
  });
}

pxb_status pxb_loop_duration_ms(const pxb_ctx* ctx, const char* id, double speed, int32_t* out) {
  return capi::guarded([&] {
    capi::require(out, "out");
    const core::Pack& pack = capi::packOf(ctx);
    const int delay = core::frameDelayMs(speed);
    *out = core::timeline(pack, capi::comboOf(pack.catalog(), id)).ticks * delay;
    return PXB_OK;
  });
}

}  // extern "C"
