#pragma once
// Buffers the library hands to the caller, who releases them with pxb_free.
#include <cstdint>
#include <span>
#include <string_view>

namespace pixabots::capi {

// A malloc'ed copy of `bytes` plus a NUL after them (not part of the size),
// so JSON and SVG also read as C strings. Throws std::bad_alloc.
std::uint8_t* callerCopy(std::span<const std::uint8_t> bytes);
std::uint8_t* callerCopy(std::string_view text);

}  // namespace pixabots::capi
