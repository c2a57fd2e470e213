#include "capi/context.hpp"

#include <string>
#include <vector>

#include "capi/guard.hpp"
#include "capi/limits.hpp"

namespace pixabots::capi {

const core::Pack& packOf(const pxb_ctx* ctx) {
  require(ctx, "ctx");
  return ctx->owned ? *ctx->owned : core::Pack::embedded();
}

}  // namespace pixabots::capi

extern "C" {

using namespace pixabots;

pxb_status pxb_ctx_new(pxb_ctx** out) {
  return capi::guarded([&] {
    capi::require(out, "out");
    (void)core::Pack::embedded();  // decoded here, once, so a failure shows at creation
    *out = new pxb_ctx{};
    return PXB_OK;
  });
}

pxb_status pxb_ctx_new_from_dir(const char* dir, pxb_ctx** out) {
  return pxb_ctx_new_from_dir_with_limits(dir, nullptr, out);
}

pxb_status pxb_ctx_new_from_dir_with_limits(const char* dir, const pxb_limits* limits, pxb_ctx** out) {
  return capi::guarded([&] {
    capi::require(dir, "dir");
    capi::require(out, "out");
    *out = new pxb_ctx{core::Pack::fromDirectory(dir, capi::limitsOf(limits).pack)};
    return PXB_OK;
  });
}

pxb_status pxb_ctx_new_from_memory(const pxb_pack_file* files, size_t count, pxb_ctx** out) {
  return pxb_ctx_new_from_memory_with_limits(files, count, nullptr, out);
}

pxb_status pxb_ctx_new_from_memory_with_limits(const pxb_pack_file* files, size_t count, const pxb_limits* limits,
                                               pxb_ctx** out) {
  return capi::guarded([&] {
    if (count > 0) capi::require(files, "files");
    capi::require(out, "out");
    const core::PackLimits packLimits = capi::limitsOf(limits).pack;
    std::vector<core::PackFile> view;
    view.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      capi::require(files[i].path, "files[].path");
      if (files[i].size > 0) capi::require(files[i].data, "files[].data");
      view.push_back({files[i].path, {files[i].data, files[i].size}});
    }
    *out = new pxb_ctx{core::Pack::fromFiles(view, packLimits)};
    return PXB_OK;
  });
}

void pxb_ctx_free(pxb_ctx* ctx) { delete ctx; }

}  // extern "C"
