#pragma once
// Canonical prefix (Huffman) codes as VP8L stores them.
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>

#include "codecs/webp/bit_writer.hpp"

namespace pixabots::core::detail {

inline constexpr int kMaxCodeLength = 15;      // VP8L's limit for symbol codes
inline constexpr int kMaxCodeLengthCode = 7;   // lengths of the code-length code are 3 bits
inline constexpr int kMaxAlphabet = 256 + 24;  // green + length prefixes, no colour cache
inline constexpr int kCodeLengthSymbols = 19;  // 0..15, and 16/17/18 for runs

// Optimal code lengths for `counts` with none longer than `maxBits`; unused
// symbols get 0. With one used symbol it gets length 1 (VP8L reads it with 0
// bits). Raises small counts until the tree fits, so deep trees only lose a
// little density.
void huffmanLengths(std::span<const std::uint32_t> counts, int maxBits, std::span<std::uint8_t> lengths);

// Symbol counts of one alphabet that also track which symbols occur, so
// that codes are built, and counts cleared, in time that grows with the
// symbols used rather than the alphabet (256 or 280 for a handful of colours).
template <std::size_t N>
class SymbolCounts {
 public:
  void add(std::size_t symbol, std::uint32_t n = 1) {
    counts_[symbol] += n;
    present_[symbol >> 6] |= std::uint64_t{1} << (symbol & 63);
  }
  std::uint32_t operator[](std::size_t symbol) const { return counts_[symbol]; }
  std::span<const std::uint32_t> counts() const { return counts_; }
  void clear() {
    forEach([&](std::size_t s) { counts_[s] = 0; });
    present_.fill(0);
  }
  // The symbols that occur, ascending; returns how many.
  std::size_t used(std::span<std::uint16_t> out) const {
    std::size_t n = 0;
    forEach([&](std::size_t s) { out[n++] = static_cast<std::uint16_t>(s); });
    return n;
  }

 private:
  template <typename F>
  void forEach(F&& f) const {
    for (std::size_t w = 0; w < present_.size(); ++w) {
      for (std::uint64_t bits = present_[w]; bits != 0; bits &= bits - 1) {
        f(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
      }
    }
  }
  std::array<std::uint32_t, N> counts_{};
  std::array<std::uint64_t, (N + 63) / 64> present_{};
};

// One prefix code: its lengths, how they are described, and (once the
// description is written) the bit-reversed canonical codes, since VP8L reads
// codes most-significant bit first from an LSB-first stream. Sizes can be
// asked before anything is written, to compare alternatives cheaply.
class PrefixCode {
 public:
  // Fits the code to `counts` (alphabet counts.size() <= kMaxAlphabet) and
  // plans its description: the simple form for one or two symbols below 256,
  // else code lengths run-length coded with 16/17/18, trailing zeros cut
  // (max_symbol) when that is shorter.
  void build(std::span<const std::uint32_t> counts);
  template <std::size_t N>
  void build(const SymbolCounts<N>& counts) {
    std::array<std::uint16_t, N> used;  // (not cleared: `n` entries are written)
    const std::size_t n = counts.used(used);
    build(counts.counts(), {used.data(), n});
  }
  // `used`: the symbols with a non-zero count, ascending.
  void build(std::span<const std::uint32_t> counts, std::span<const std::uint16_t> used);

  std::size_t descriptionBits() const { return descriptionBits_; }
  // Code bits of one symbol: 0 when it is the only one.
  int length(int symbol) const { return lengths_[static_cast<std::size_t>(symbol)]; }
  // What the counts it was built from cost with this code.
  std::size_t dataBits(std::span<const std::uint32_t> counts) const;

  void writeDescription(BitWriter& w);
  void put(BitWriter& w, int symbol) const {
    w.put(codes_[static_cast<std::size_t>(symbol)], lengths_[static_cast<std::size_t>(symbol)]);
  }

  struct LengthToken {
    std::uint8_t symbol;
    std::uint8_t extra;
  };

 private:
  int size_ = 0;
  std::array<std::uint8_t, kMaxAlphabet> lengths_{};
  std::array<std::uint16_t, kMaxAlphabet> codes_{};
  std::array<std::uint16_t, kMaxAlphabet> usedList_{};  // symbols with a non-zero count, ascending
  std::size_t used_ = 0;
  std::size_t descriptionBits_ = 0;
  // The simple form: how many symbols (1 or 2) and which.
  int simple_ = 0;
  std::array<int, 2> simpleSymbols_{};
  // The normal form: the run-length tokens, how many are written, and the
  // code-length code that codes them.
  bool partner_ = false;  // a lone length symbol, given symbol 0 as a one-bit partner
  std::array<LengthToken, kMaxAlphabet> tokens_{};
  int written_ = 0;
  bool trimmed_ = false;
  int lengthCodeCount_ = 0;  // code-length code lengths written, in the spec's order
  std::array<std::uint8_t, kCodeLengthSymbols> lengthCodeLengths_{};
};

}  // namespace pixabots::core::detail
