#pragma once
// The two checksums a PNG file carries: CRC-32 over each chunk and Adler-32
// over the zlib stream in IDAT. Our own so that the encoder needs no zlib at
// all, which the WebAssembly build does not have.
#include <cstddef>
#include <cstdint>

namespace pixabots::core::detail::png {

// CRC-32 as PNG and zlib define it (ISO-HDLC: reflected 0xEDB88320, inverted
// in and out), continued from `crc`; 0 starts a new one.
std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t size);

// Adler-32 continued from `adler`; 1 starts a new one.
std::uint32_t adler32(std::uint32_t adler, const std::uint8_t* data, std::size_t size);

// Adler-32 continued over `count` rows of filter byte 2 (Up) followed by
// rowSize-1 zero bytes, without reading them: what repeated rows deflate from.
std::uint32_t adler32RepeatedRows(std::uint32_t adler, std::size_t count, std::size_t rowSize);

}  // namespace pixabots::core::detail::png
