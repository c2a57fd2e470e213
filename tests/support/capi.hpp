#pragma once
// Helpers for tests of the C ABI: a context that frees itself, options from
// pxb_options_init, and pxb_render's buffer copied out and released.
#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <vector>

#include "pixabots/pixabots.h"

namespace testing {

struct CtxDeleter {
  void operator()(pxb_ctx* ctx) const { pxb_ctx_free(ctx); }
};
using Ctx = std::unique_ptr<pxb_ctx, CtxDeleter>;

inline Ctx embeddedCtx() {
  pxb_ctx* raw = nullptr;
  REQUIRE(pxb_ctx_new(&raw) == PXB_OK);
  return Ctx(raw);
}

inline pxb_options options(pxb_format format, int size = 64) {
  pxb_options o;
  REQUIRE(pxb_options_init(&o) == PXB_OK);
  o.format = format;
  o.size = size;
  return o;
}

// A buffer the library handed over (after a call that returned `status`),
// copied out and released with pxb_free.
inline std::vector<std::uint8_t> takeBuffer(pxb_status status, std::uint8_t* data, std::size_t size) {
  INFO(pxb_last_error());
  REQUIRE(status == PXB_OK);
  std::vector<std::uint8_t> bytes(data, data + size);
  pxb_free(data);
  return bytes;
}

inline std::vector<std::uint8_t> renderC(const pxb_ctx* ctx, const char* id, const pxb_options& o) {
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  const pxb_status status = pxb_render(ctx, id, &o, &data, &size);
  return takeBuffer(status, data, size);
}

}  // namespace testing
