// The C ABI's render entry points on arbitrary IDs and option structs: every
// call must return a known status, hand over a buffer exactly when it succeeds,
// explain every failure, and never crash or leak (ASan's leak check runs too).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "fuzz_input.hpp"
#include "pixabots/pixabots.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static pxb_ctx* ctx = [] {
    pxb_ctx* c = nullptr;
    check(pxb_ctx_new(&c) == PXB_OK);
    return c;
  }();
  FuzzInput in{data, size};
  const std::string id = in.text(6);
  // The options inside a bigger caller struct, as a caller built against newer
  // headers has it: struct_size may then run into `tail`, never past it.
  struct {
    pxb_options o;
    std::uint8_t tail[64];
  } caller{};
  pxb_options& o = caller.o;
  check(pxb_options_init(&o) == PXB_OK);
  // Mostly small sizes so each input stays fast; out-of-range values are tried too.
  o.size = 20 + in.take<std::uint8_t>();
  o.hue = in.take<std::int16_t>() / 3.0;
  o.saturate = in.take<std::int8_t>() / 25.0;
  o.speed = in.take<std::int8_t>() / 30.0;
  o.format = in.take<std::int8_t>() % 12;
  o.tick = in.take<std::int8_t>() % 20;
  o.sheet_columns = in.take<std::int8_t>() % 20;
  o.compact_svg = in.take<std::uint8_t>() & 1;
  o.merge_repeats = in.take<std::uint8_t>() & 1;
  const std::string bg = in.text(9);
  const std::uint8_t flags = in.take<std::uint8_t>();
  if (flags & 1) o.bg = bg.c_str();
  if (flags & 2) {
    o.struct_size = static_cast<std::uint32_t>(sizeof(pxb_options) - 8 + in.take<std::uint8_t>() % 73);
    caller.tail[in.take<std::uint8_t>() % sizeof caller.tail] = in.take<std::uint8_t>();
  }
  if (flags & 4) o.origin = bg.c_str();

  std::uint8_t* out = nullptr;
  std::size_t outSize = 0;
  const pxb_status status = pxb_render(ctx, id.c_str(), &o, &out, &outSize);
  check(status >= PXB_OK && status <= PXB_ERR_INTERNAL && status != PXB_ERR_INTERNAL);
  if (status == PXB_OK) {
    check(out != nullptr && outSize > 0);
  } else {
    check(out == nullptr && outSize == 0 && std::strlen(pxb_last_error()) > 0);
  }

  // The same through a caller buffer that may be too small.
  const std::size_t capacity = in.take<std::uint16_t>();
  std::string buffer(capacity, '\0');
  std::size_t written = 0;
  const pxb_status into =
      pxb_render_into(ctx, id.c_str(), &o, reinterpret_cast<std::uint8_t*>(buffer.data()), capacity, &written);
  if (status == PXB_OK) {
    check(into == (capacity >= outSize ? PXB_OK : PXB_ERR_BUFFER_TOO_SMALL) && written == outSize);
    check(into != PXB_OK || std::memcmp(buffer.data(), out, outSize) == 0);
  } else {
    check(into == status);
  }
  pxb_free(out);
  return 0;
}
