#pragma once
// Canonical prefix (Huffman) codes as VP8L stores them.
#include <cstdint>
#include <span>

#include "codecs/webp/bit_writer.hpp"

namespace pixabots::detail {

inline constexpr int kMaxCodeLength = 15;       // VP8L's limit for symbol codes
inline constexpr int kMaxCodeLengthCode = 7;    // lengths of the code-length code are 3 bits
inline constexpr int kMaxAlphabet = 256 + 24;   // green + length prefixes, no colour cache

// Optimal code lengths for `counts` with none longer than `maxBits`; unused
// symbols get 0. With one used symbol it gets length 1 (VP8L reads it with 0
// bits). Raises small counts until the tree fits, so deep trees only lose a
// little density.
void huffmanLengths(std::span<const std::uint32_t> counts, int maxBits, std::span<std::uint8_t> lengths);

// One prefix code ready to write symbols with: bit-reversed canonical codes,
// since VP8L reads codes most-significant bit first from an LSB-first stream.
struct PrefixCode {
  int size = 0;
  std::uint8_t lengths[kMaxAlphabet] = {};
  std::uint16_t codes[kMaxAlphabet] = {};
  void put(BitWriter& w, int symbol) const {
    w.put(codes[symbol], lengths[symbol]);
  }
};

// Builds the code for `counts` (alphabet counts.size() <= kMaxAlphabet) and
// writes its description: the simple form for one or two symbols below 256,
// else code lengths run-length coded with symbols 16/17/18.
void writePrefixCode(BitWriter& w, std::span<const std::uint32_t> counts, PrefixCode& code);

}  // namespace pixabots::detail
