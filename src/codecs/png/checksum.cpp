#include "codecs/png/checksum.hpp"

#include <array>

namespace pixabots::core::detail::png {
namespace {

// Slice-by-8: kCrcTables[k][b] is the CRC of byte b followed by k zero bytes,
// so eight bytes fold in with eight independent lookups instead of a chain.
using CrcTables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr CrcTables makeCrcTables() {
  CrcTables t{};
  for (std::uint32_t b = 0; b < 256; ++b) {
    std::uint32_t c = b;
    for (int bit = 0; bit < 8; ++bit) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][b] = c;
  }
  for (std::size_t k = 1; k < t.size(); ++k) {
    for (std::size_t b = 0; b < 256; ++b) t[k][b] = (t[k - 1][b] >> 8) ^ t[0][t[k - 1][b] & 0xffu];
  }
  return t;
}

constexpr CrcTables kCrcTables = makeCrcTables();

constexpr std::uint32_t kAdlerMod = 65521;
// The most bytes whose sums cannot overflow 32 bits before reducing (zlib's NMAX).
constexpr std::size_t kAdlerBlock = 5552;

}  // namespace

std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t size) {
  const auto& t = kCrcTables;
  std::uint32_t c = ~crc;
  for (; size >= 8; size -= 8, data += 8) {
    // Byte loads, not a word load: no alignment or byte-order assumptions.
    const std::uint32_t low = c ^ (std::uint32_t{data[0]} | std::uint32_t{data[1]} << 8 | std::uint32_t{data[2]} << 16 |
                                   std::uint32_t{data[3]} << 24);
    c = t[7][low & 0xffu] ^ t[6][(low >> 8) & 0xffu] ^ t[5][(low >> 16) & 0xffu] ^ t[4][low >> 24] ^ t[3][data[4]] ^
        t[2][data[5]] ^ t[1][data[6]] ^ t[0][data[7]];
  }
  for (; size > 0; --size, ++data) c = t[0][(c ^ *data) & 0xffu] ^ (c >> 8);
  return ~c;
}

std::uint32_t adler32(std::uint32_t adler, const std::uint8_t* data, std::size_t size) {
  std::uint32_t a = adler & 0xffffu;
  std::uint32_t b = adler >> 16;
  while (size > 0) {
    std::size_t n = size < kAdlerBlock ? size : kAdlerBlock;
    size -= n;
    // Eight at a time, which compilers unroll: the loop overhead is most of the cost.
    for (; n >= 8; n -= 8, data += 8) {
      for (int k = 0; k < 8; ++k) {
        a += data[k];
        b += a;
      }
    }
    for (; n > 0; --n, ++data) {
      a += *data;
      b += a;
    }
    a %= kAdlerMod;
    b %= kAdlerMod;
  }
  return (b << 16) | a;
}

std::uint32_t adler32RepeatedRows(std::uint32_t adler, std::size_t count, std::size_t rowSize) {
  // Per row: a += 2, b += a, then b += a for each zero byte.
  const std::uint64_t zeros = (rowSize - 1) % kAdlerMod;
  std::uint64_t a = adler & 0xffffu;
  std::uint64_t b = adler >> 16;
  for (std::size_t i = 0; i < count; ++i) {
    a = (a + 2) % kAdlerMod;
    b = (b + a + zeros * a) % kAdlerMod;
  }
  return static_cast<std::uint32_t>((b << 16) | a);
}

}  // namespace pixabots::core::detail::png
