#pragma once
// VP8L's LZ77 symbols: the alphabets, the 2-D distance codes, lengths and
// distances as a prefix symbol plus extra bits, and the token stream a parse
// produces. Inline: the match finder and the parser call these per pixel.
#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace pixabots::core::detail::vp8l {

inline constexpr int kLiteralSymbols = 256;
inline constexpr int kGreenSymbols = kLiteralSymbols + 24;  // + length prefixes; no colour cache
inline constexpr int kDistanceSymbols = 40;
inline constexpr std::uint32_t kMaxCopy = 4096;
inline constexpr int kPlaneCodes = 120;

// The spec's neighbourhood: distance code i + 1 copies from xi pixels to the
// left (negative: right) and yi rows up.
inline constexpr std::int8_t kDistanceMap[kPlaneCodes][2] = {
    {0, 1},  {1, 0},  {1, 1},  {-1, 1}, {0, 2},  {2, 0},  {1, 2},  {-1, 2}, {2, 1},  {-2, 1}, {2, 2}, {-2, 2},
    {0, 3},  {3, 0},  {1, 3},  {-1, 3}, {3, 1},  {-3, 1}, {2, 3},  {-2, 3}, {3, 2},  {-3, 2}, {0, 4}, {4, 0},
    {1, 4},  {-1, 4}, {4, 1},  {-4, 1}, {3, 3},  {-3, 3}, {2, 4},  {-2, 4}, {4, 2},  {-4, 2}, {0, 5}, {3, 4},
    {-3, 4}, {4, 3},  {-4, 3}, {5, 0},  {1, 5},  {-1, 5}, {5, 1},  {-5, 1}, {2, 5},  {-2, 5}, {5, 2}, {-5, 2},
    {4, 4},  {-4, 4}, {3, 5},  {-3, 5}, {5, 3},  {-5, 3}, {0, 6},  {6, 0},  {1, 6},  {-1, 6}, {6, 1}, {-6, 1},
    {2, 6},  {-2, 6}, {6, 2},  {-6, 2}, {4, 5},  {-4, 5}, {5, 4},  {-5, 4}, {3, 6},  {-3, 6}, {6, 3}, {-6, 3},
    {0, 7},  {7, 0},  {1, 7},  {-1, 7}, {5, 5},  {-5, 5}, {7, 1},  {-7, 1}, {4, 6},  {-4, 6}, {6, 4}, {-6, 4},
    {2, 7},  {-2, 7}, {7, 2},  {-7, 2}, {3, 7},  {-3, 7}, {7, 3},  {-7, 3}, {5, 6},  {-5, 6}, {6, 5}, {-6, 5},
    {8, 0},  {4, 7},  {-4, 7}, {7, 4},  {-7, 4}, {8, 1},  {8, 2},  {6, 6},  {-6, 6}, {8, 3},  {5, 7}, {-5, 7},
    {7, 5},  {-7, 5}, {8, 4},  {6, 7},  {-6, 7}, {7, 6},  {-7, 6}, {8, 5},  {7, 7},  {-7, 7}, {8, 6}, {8, 7}};

// kDistanceMap inverted: [yi][xi + 8] -> code, 0 where there is none.
struct PlaneCodeTable {
  std::array<std::array<std::uint8_t, 17>, 8> code{};
  constexpr PlaneCodeTable() {
    for (int i = 0; i < kPlaneCodes; ++i) {
      code[static_cast<std::size_t>(kDistanceMap[i][1])][static_cast<std::size_t>(kDistanceMap[i][0] + 8)] =
          static_cast<std::uint8_t>(i + 1);
    }
  }
};
inline constexpr PlaneCodeTable kPlane;

// What VP8L stores for a copy from `yi` rows up and `xi` pixels left (0 <=
// xi < width) in an image `width` pixels wide: a neighbourhood code when the
// source is close, else the distance + 120.
inline std::uint32_t distanceValue(std::uint32_t yi, std::uint32_t xi, std::uint32_t width) {
  std::uint32_t best = yi * width + xi + kPlaneCodes;
  if (yi < 8 && xi <= 8) {
    const std::uint32_t c = kPlane.code[yi][xi + 8];
    if (c != 0) best = std::min(best, c);
  }
  if (yi + 1 < 8 && width - xi <= 8) {  // the same pixel seen as up one more row, to the right
    const std::uint32_t c = kPlane.code[yi + 1][8 - (width - xi)];
    if (c != 0) best = std::min(best, c);
  }
  return best;
}

// The same for a copy `distance` pixels back.
inline std::uint32_t distanceValue(std::uint32_t distance, std::uint32_t width) {
  return distanceValue(distance / width, distance % width, width);
}

// Lengths and distances: a prefix symbol plus raw extra bits.
struct Prefix {
  int symbol;
  int extraBits;
  std::uint32_t extra;
};

inline Prefix prefixOf(std::uint32_t value) {
  const std::uint32_t n = value - 1;
  if (n < 4) return {static_cast<int>(n), 0, 0};
  const int high = std::bit_width(n) - 1;
  const int second = static_cast<int>((n >> (high - 1)) & 1u);
  const int extraBits = high - 1;
  return {2 * high + second, extraBits, n & ((1u << extraBits) - 1)};
}

struct Token {
  std::uint32_t argb;      // a literal pixel (length 0)
  std::uint32_t length;    // a copy: any length, split into <= 4096 when written
  std::uint32_t distance;  // the stored distance value
};

template <typename F>
void forEachCopy(std::uint32_t length, F&& f) {
  while (length > 0) {
    const std::uint32_t chunk = std::min(length, kMaxCopy);
    f(chunk);
    length -= chunk;
  }
}

}  // namespace pixabots::core::detail::vp8l
