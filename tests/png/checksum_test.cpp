// Our CRC-32 and Adler-32 (src/codecs/png/checksum.hpp) against the published
// check values and against zlib's, which the encoder used before.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <random>
#include <string_view>
#include <vector>

#include "codecs/png/checksum.hpp"

namespace {

namespace png = pixabots::core::detail::png;
using Bytes = std::vector<std::uint8_t>;

const std::uint8_t* bytesOf(std::string_view s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

std::uint32_t zlibCrc(const Bytes& b) {
  return static_cast<std::uint32_t>(crc32(0L, b.data(), static_cast<uInt>(b.size())));
}
std::uint32_t zlibAdler(std::uint32_t start, const Bytes& b) {
  return static_cast<std::uint32_t>(adler32(start, b.data(), static_cast<uInt>(b.size())));
}

Bytes randomBytes(std::mt19937& rng, std::size_t size) {
  Bytes b(size);
  for (auto& v : b) v = static_cast<std::uint8_t>(rng());
  return b;
}

}  // namespace

TEST_CASE("CRC-32 and Adler-32 give the published check values", "[png][checksum]") {
  CHECK(png::crc32(0, bytesOf("123456789"), 9) == 0xCBF43926u);
  CHECK(png::crc32(0, nullptr, 0) == 0u);
  CHECK(png::crc32(0, bytesOf("IEND"), 4) == 0xAE426082u);  // every PNG ends with it
  CHECK(png::adler32(1, bytesOf("Wikipedia"), 9) == 0x11E60398u);
  CHECK(png::adler32(1, nullptr, 0) == 1u);
}

TEST_CASE("CRC-32 and Adler-32 equal zlib's on random buffers, whole and in pieces", "[png][checksum]") {
  std::mt19937 rng(20240611);
  // Short tails, the 8-byte steps, and Adler's 5552-byte blocks and beyond.
  for (const std::size_t size : {1u, 7u, 8u, 9u, 15u, 16u, 17u, 63u, 5551u, 5552u, 5553u, 11104u, 100000u, 1u << 20}) {
    INFO("size " << size);
    const Bytes b = randomBytes(rng, size);
    CHECK(png::crc32(0, b.data(), b.size()) == zlibCrc(b));
    CHECK(png::adler32(1, b.data(), b.size()) == zlibAdler(1, b));
    const std::size_t cut = rng() % size;
    CHECK(png::crc32(png::crc32(0, b.data(), cut), b.data() + cut, size - cut) == zlibCrc(b));
    CHECK(png::adler32(png::adler32(1, b.data(), cut), b.data() + cut, size - cut) == zlibAdler(1, b));
  }
  // Worst case for Adler's sums: all 0xff, which a lazy reduction would overflow.
  const Bytes ones(200000, 0xff);
  CHECK(png::adler32(1, ones.data(), ones.size()) == zlibAdler(1, ones));
  CHECK(png::adler32(0xfff0fff0u, ones.data(), ones.size()) == zlibAdler(0xfff0fff0u, ones));
}

TEST_CASE("Adler-32 over repeated rows equals zlib's over the bytes", "[png][checksum]") {
  std::mt19937 rng(7);
  for (const std::size_t rowSize : {1u, 2u, 17u, 961u, 7681u, 70000u}) {
    for (const std::size_t count : {0u, 1u, 2u, 5u, 100u}) {
      INFO("rows of " << rowSize << " bytes, " << count << " repeats");
      const Bytes first = randomBytes(rng, 1 + rng() % 100);
      const std::uint32_t start = zlibAdler(1, first);
      Bytes rows;
      for (std::size_t i = 0; i < count; ++i) {
        rows.push_back(2);  // filter Up, then zeros
        rows.insert(rows.end(), rowSize - 1, 0);
      }
      // (zlib's adler32 answers 1 for a null buffer, not `start`.)
      CHECK(png::adler32RepeatedRows(start, count, rowSize) == (rows.empty() ? start : zlibAdler(start, rows)));
    }
  }
}
