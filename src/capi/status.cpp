// Status text, versions and the library's free.
#include <cstdlib>

#include "capi/guard.hpp"

extern "C" {

const char* pxb_strerror(int32_t status) {
  switch (status) {
    case PXB_OK: return "success";
    case PXB_ERR_INVALID_ID: return "invalid pixabot ID";
    case PXB_ERR_INVALID_OPTION: return "invalid option";
    case PXB_ERR_INVALID_PACK: return "invalid sprite pack";
    case PXB_ERR_IO: return "file could not be read";
    case PXB_ERR_CODEC: return "image could not be decoded or encoded";
    case PXB_ERR_INVALID_ARGUMENT: return "invalid argument";
    case PXB_ERR_BUFFER_TOO_SMALL: return "buffer too small";
    case PXB_ERR_OUT_OF_MEMORY: return "out of memory";
    case PXB_ERR_VERSION_MISMATCH: return "options struct this library cannot read";
    case PXB_ERR_INTERNAL: return "internal error";
  }
  return "unknown status";
}

const char* pxb_last_error(void) { return pixabots::capi::lastErrorMessage(); }

void pxb_free(void* buffer) { std::free(buffer); }

const char* pxb_version(void) { return PIXABOTS_VERSION_STRING; }

uint32_t pxb_version_number(void) { return PIXABOTS_VERSION_NUMBER; }

}  // extern "C"
