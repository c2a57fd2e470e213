// pxb_remote_* in a library built without remote generation: the ABI is the
// same in every build, and each call says why it cannot work.
#include "capi/guard.hpp"

namespace {

pxb_status unsupported(uint8_t** out = nullptr, size_t* out_size = nullptr) {
  if (out != nullptr) *out = nullptr;
  if (out_size != nullptr) *out_size = 0;
  return pixabots::capi::guarded([] {
    return pixabots::capi::fail(PXB_ERR_UNSUPPORTED,
                                "pixabots was built without remote generation (PIXABOTS_REMOTE=OFF or no libcurl)");
  });
}

}  // namespace

extern "C" {

pxb_status pxb_remote_new(const pxb_remote_options*, pxb_remote** out) {
  if (out != nullptr) *out = nullptr;
  return unsupported();
}

void pxb_remote_free(pxb_remote*) {}

void pxb_remote_cancel(pxb_remote*) {}

pxb_status pxb_remote_models(pxb_remote*, uint8_t** out, size_t* out_size) { return unsupported(out, out_size); }

pxb_status pxb_remote_schema(pxb_remote*, const char*, uint8_t** out, size_t* out_size) {
  return unsupported(out, out_size);
}

pxb_status pxb_remote_submit(pxb_remote*, const char*, const char*, int32_t, uint8_t** out, size_t* out_size) {
  return unsupported(out, out_size);
}

pxb_status pxb_remote_poll(pxb_remote*, const char*, uint8_t** out, size_t* out_size) {
  return unsupported(out, out_size);
}

pxb_status pxb_remote_wait(pxb_remote*, const char*, int64_t, uint8_t** out, size_t* out_size) {
  return unsupported(out, out_size);
}

pxb_status pxb_remote_fetch(pxb_remote*, const char*, const char*, uint8_t** out, size_t* out_size) {
  return unsupported(out, out_size);
}

}  // extern "C"
