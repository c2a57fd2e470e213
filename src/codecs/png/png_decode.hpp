#pragma once
// What decodePng reads of a PNG before decoding it, for callers that check
// the size first (pack sheets).
#include <cstdint>
#include <optional>
#include <span>

namespace pixabots::core::detail {

struct PngSize {
  std::uint32_t width;
  std::uint32_t height;
};

// The size the IHDR claims, when `png` starts with the signature and a
// well-formed IHDR chunk (length 13, CRC matching); nothing otherwise, and
// then decodePng names the problem.
std::optional<PngSize> pngHeaderSize(std::span<const std::uint8_t> png);

}  // namespace pixabots::core::detail
