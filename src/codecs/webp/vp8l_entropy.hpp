#pragma once
// Entropy coding of a token stream: its symbol statistics, the five prefix
// codes built from them (one prefix-code group), writing codes and tokens, and
// the cost model a parse is priced with.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "codecs/webp/bit_writer.hpp"
#include "codecs/webp/prefix_code.hpp"
#include "codecs/webp/vp8l_symbols.hpp"

namespace pixabots::core::detail::vp8l {

inline constexpr float kBanned = 1e6f;  // a cost no parse pays

struct Histograms {
  SymbolCounts<kGreenSymbols> green;
  SymbolCounts<kLiteralSymbols> red, blue, alpha;
  SymbolCounts<kDistanceSymbols> distance;
  std::size_t extraBits = 0;  // raw bits after length and distance symbols

  void literal(std::uint32_t argb) {
    green.add((argb >> 8) & 0xff);
    red.add((argb >> 16) & 0xff);
    blue.add(argb & 0xff);
    alpha.add(argb >> 24);
  }
  void clear() {
    green.clear();
    red.clear();
    blue.clear();
    alpha.clear();
    distance.clear();
    extraBits = 0;
  }
};

void histogramsOf(std::span<const Token> tokens, Histograms& h);

// The five prefix codes of one image (one prefix-code group).
struct Codes {
  PrefixCode green, red, blue, alpha, distance;

  void build(const Histograms& h) {
    green.build(h.green);
    red.build(h.red);
    blue.build(h.blue);
    alpha.build(h.alpha);
    distance.build(h.distance);
  }

  // The codes' descriptions plus the tokens the histograms count.
  std::size_t bits(const Histograms& h) const {
    return green.descriptionBits() + red.descriptionBits() + blue.descriptionBits() + alpha.descriptionBits() +
           distance.descriptionBits() + green.dataBits(h.green.counts()) + red.dataBits(h.red.counts()) +
           blue.dataBits(h.blue.counts()) + alpha.dataBits(h.alpha.counts()) + distance.dataBits(h.distance.counts()) +
           h.extraBits;
  }

  void writeDescriptions(BitWriter& w) {
    green.writeDescription(w);
    red.writeDescription(w);
    blue.writeDescription(w);
    alpha.writeDescription(w);
    distance.writeDescription(w);
  }

  void literal(BitWriter& w, std::uint32_t argb) const {
    green.put(w, static_cast<int>((argb >> 8) & 0xff));
    red.put(w, static_cast<int>((argb >> 16) & 0xff));
    blue.put(w, static_cast<int>(argb & 0xff));
    alpha.put(w, static_cast<int>(argb >> 24));
  }
};

// The codes built for the tokens, then the tokens.
void writeTokens(BitWriter& w, std::span<const Token> tokens, Codes& codes);

// Estimated bits of each token from the prefix-code lengths a parse would
// get, used to choose among parses.
struct CostModel {
  std::array<float, kGreenSymbols> green{};
  std::array<float, kLiteralSymbols> red{}, blue{}, alpha{};
  std::array<float, kDistanceSymbols> distance{};

  // Before any statistics: literals about a byte, copies by their extra bits.
  void setDefault() {
    green.fill(6);
    red.fill(0);
    blue.fill(0);
    alpha.fill(0);
    distance.fill(5);
    for (std::size_t i = 0; i < 4; ++i) distance[i] = 2;
    tabulate();
  }

  // The code lengths of a parse; unused symbols priced as rare ones.
  void fromCodes(const Codes& c, const Histograms& h) {
    set(c.green, h.green, green);
    set(c.red, h.red, red);
    set(c.blue, h.blue, blue);
    set(c.alpha, h.alpha, alpha);
    set(c.distance, h.distance, distance);
    tabulate();
  }

  float literal(std::uint32_t argb) const {
    return green[(argb >> 8) & 0xff] + red[(argb >> 16) & 0xff] + blue[argb & 0xff] + alpha[argb >> 24];
  }
  float lengthBits(std::uint32_t length) const {
    if (length < kTabulated) return lengthTable[length];
    const Prefix l = prefixOf(length);
    return green[static_cast<std::size_t>(kLiteralSymbols + l.symbol)] + static_cast<float>(l.extraBits);
  }
  float distanceBits(std::uint32_t value) const {
    const Prefix d = prefixOf(value);
    return distance[static_cast<std::size_t>(d.symbol)] + static_cast<float>(d.extraBits);
  }

  // Short copy lengths looked up rather than split into prefix and extra bits.
  static constexpr std::uint32_t kTabulated = 64;
  std::array<float, kTabulated> lengthTable{};
  void tabulate() {
    for (std::uint32_t len = 1; len < kTabulated; ++len) {
      const Prefix l = prefixOf(len);
      lengthTable[len] = green[static_cast<std::size_t>(kLiteralSymbols + l.symbol)] + static_cast<float>(l.extraBits);
    }
  }

 private:
  template <std::size_t N>
  static void set(const PrefixCode& code, const SymbolCounts<N>& counts, std::array<float, N>& bits) {
    int longest = 1;
    for (std::size_t i = 0; i < N; ++i) longest = std::max(longest, code.length(static_cast<int>(i)));
    for (std::size_t i = 0; i < N; ++i) {
      // A lone symbol is read with zero bits; an unused one would lengthen the code.
      bits[i] = static_cast<float>(counts[i] != 0 ? code.length(static_cast<int>(i)) : longest + 2);
    }
  }
};

}  // namespace pixabots::core::detail::vp8l
