#pragma once
// Buffers the library hands to the caller, who releases them with pxb_free.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace pixabots::capi {

// A malloc'ed copy of `bytes` plus a NUL after them (not part of the size),
// so JSON and SVG also read as C strings. Throws std::bad_alloc.
std::uint8_t* callerCopy(std::span<const std::uint8_t> bytes);
std::uint8_t* callerCopy(std::string_view text);

// The (out, out_size) pair of a call that hands over a new buffer: both
// required, and NULL and 0 until it succeeds. Throws InvalidArgument for NULL.
void clearOutput(std::uint8_t** out, std::size_t* out_size);
// A caller copy of `bytes` (or `text`) into that pair.
void handOver(std::span<const std::uint8_t> bytes, std::uint8_t** out, std::size_t* out_size);
void handOver(std::string_view text, std::uint8_t** out, std::size_t* out_size);

}  // namespace pixabots::capi
