// pxb_remote_options_init: the same in every build, so a caller can fill the
// options and learn from pxb_remote_new whether remote generation exists.
#include <string>

#include "capi/guard.hpp"

extern "C" {

pxb_status pxb_remote_options_init_version(pxb_remote_options* options, uint32_t version) {
  using namespace pixabots;
  return capi::guarded([&] {
    if (version != PXB_REMOTE_OPTIONS_VERSION) {
      return capi::fail(PXB_ERR_VERSION_MISMATCH,
                        "pxb_remote_options version " + std::to_string(version) + " does not match the library's " +
                            std::to_string(PXB_REMOTE_OPTIONS_VERSION) + ": rebuild against the library's headers");
    }
    capi::require(options, "options");
    *options = pxb_remote_options{};
    options->version = PXB_REMOTE_OPTIONS_VERSION;
    options->provider = PXB_PROVIDER_FROM_CONFIG;
    options->max_retries = -1;
    return PXB_OK;
  });
}

}  // extern "C"
