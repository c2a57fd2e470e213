#include "capi/context.hpp"

#include <memory>
#include <string>
#include <vector>

#include "capi/guard.hpp"

namespace pixabots::capi {

const core::Pack& packOf(const pxb_ctx* ctx) {
  require(ctx, "ctx");
  return *ctx->pack;
}

namespace {

pxb_status hand(std::unique_ptr<pxb_ctx> ctx, pxb_ctx** out) {
  ctx->pack = ctx->owned ? &*ctx->owned : ctx->pack;
  *out = ctx.release();
  return PXB_OK;
}

}  // namespace
}  // namespace pixabots::capi

extern "C" {

using namespace pixabots;

pxb_status pxb_ctx_new(pxb_ctx** out) {
  return capi::guarded([&] {
    capi::require(out, "out");
    auto ctx = std::make_unique<pxb_ctx>();
    ctx->pack = &core::Pack::embedded();
    return capi::hand(std::move(ctx), out);
  });
}

pxb_status pxb_ctx_new_from_dir(const char* dir, pxb_ctx** out) {
  return capi::guarded([&] {
    capi::require(dir, "dir");
    capi::require(out, "out");
    auto ctx = std::make_unique<pxb_ctx>();
    ctx->owned = core::Pack::fromDirectory(dir);
    return capi::hand(std::move(ctx), out);
  });
}

pxb_status pxb_ctx_new_from_memory(const pxb_pack_file* files, size_t count, pxb_ctx** out) {
  return capi::guarded([&] {
    if (count > 0) capi::require(files, "files");
    capi::require(out, "out");
    std::vector<core::PackFile> view;
    view.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      capi::require(files[i].path, "files[].path");
      if (files[i].size > 0) capi::require(files[i].data, "files[].data");
      view.push_back({files[i].path, {files[i].data, files[i].size}});
    }
    auto ctx = std::make_unique<pxb_ctx>();
    ctx->owned = core::Pack::fromFiles(view);
    return capi::hand(std::move(ctx), out);
  });
}

void pxb_ctx_free(pxb_ctx* ctx) { delete ctx; }

}  // extern "C"
