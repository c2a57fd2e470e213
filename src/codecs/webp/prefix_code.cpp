#include "codecs/webp/prefix_code.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>

namespace pixabots::core::detail {
namespace {

using LengthToken = PrefixCode::LengthToken;

constexpr std::array<int, kCodeLengthSymbols> kCodeLengthOrder = {17, 18, 0, 1,  2,  3,  4,  5,  16, 6,
                                                                  7,  8,  9, 10, 11, 12, 13, 14, 15};
constexpr int kRepeatPrevious = 16;           // 3..6 copies of the previous non-zero length, 2 extra bits
constexpr int kRepeatZeros = 17;              // 3..10 zeros, 3 extra bits
constexpr int kRepeatZerosLong = 18;          // 11..138 zeros, 7 extra bits
constexpr std::uint8_t kInitialPrevious = 8;  // what 16 repeats before any non-zero length

// Huffman tree depths for the used symbols with every count raised to at least
// `floor`; false when a depth exceeds maxBits.
bool buildLengths(std::span<const std::uint32_t> counts, std::span<const std::uint16_t> used, std::uint32_t floor,
                  int maxBits, std::span<std::uint8_t> lengths) {
  const std::size_t m = used.size();
  // Leaves sorted by (weight, symbol): one key each, so the order (and the
  // code) never depends on the sort's stability.
  std::array<std::uint64_t, kMaxAlphabet> keys;  // (not cleared: only m entries are used)
  for (std::size_t i = 0; i < m; ++i) {
    keys[i] = std::max<std::uint64_t>(counts[used[i]], floor) << 16 | used[i];
  }
  std::sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(m));
  // Nodes 0..m-1 are the leaves in weight order; internal nodes follow in the
  // order they are made, which is also non-decreasing weight (two queues).
  std::array<std::uint64_t, 2 * kMaxAlphabet> weight;
  std::array<std::uint16_t, 2 * kMaxAlphabet> parent;
  std::array<std::uint8_t, 2 * kMaxAlphabet> depth;
  for (std::size_t i = 0; i < m; ++i) weight[i] = keys[i] >> 16;
  std::size_t leaf = 0, inner = m, next = m;
  auto takeSmallest = [&]() {
    if (leaf < m && (inner == next || weight[leaf] <= weight[inner])) return leaf++;
    return inner++;
  };
  while (next < 2 * m - 1) {
    const std::size_t a = takeSmallest();
    const std::size_t b = takeSmallest();
    weight[next] = weight[a] + weight[b];
    parent[a] = parent[b] = static_cast<std::uint16_t>(next);
    ++next;
  }
  depth[2 * m - 2] = 0;
  for (std::size_t i = 2 * m - 2; i-- > 0;) {
    depth[i] = static_cast<std::uint8_t>(depth[parent[i]] + 1);
    if (i < m && depth[i] > maxBits) return false;
  }
  for (std::size_t i = 0; i < m; ++i) lengths[keys[i] & 0xffff] = depth[i];
  return true;
}

std::uint16_t reverseBits(std::uint32_t code, int length) {
  std::uint32_t r = 0;
  for (int i = 0; i < length; ++i) {
    r = (r << 1) | (code & 1u);
    code >>= 1;
  }
  return static_cast<std::uint16_t>(r);
}

// Canonical codes, numbered in symbol order within each length, for the
// symbols `used` (ascending; others keep whatever they had: they are never written).
void canonicalCodes(const std::uint8_t* lengths, std::span<const std::uint16_t> used, std::uint16_t* codes) {
  std::array<std::uint32_t, kMaxCodeLength + 2> count{};
  for (const std::uint16_t s : used) ++count[lengths[s]];
  count[0] = 0;
  std::array<std::uint32_t, kMaxCodeLength + 2> next{};
  std::uint32_t code = 0;
  for (int bits = 1; bits <= kMaxCodeLength; ++bits) {
    code = (code + count[static_cast<std::size_t>(bits) - 1]) << 1;
    next[static_cast<std::size_t>(bits)] = code;
  }
  for (const std::uint16_t s : used) {
    const int len = lengths[s];
    codes[s] = len == 0 ? 0 : reverseBits(next[static_cast<std::size_t>(len)]++, len);
  }
}

void canonicalCodes(const std::uint8_t* lengths, int size, std::uint16_t* codes) {
  std::array<std::uint16_t, kCodeLengthSymbols> all{};
  for (int s = 0; s < size; ++s) all[static_cast<std::size_t>(s)] = static_cast<std::uint16_t>(s);
  canonicalCodes(lengths, {all.data(), static_cast<std::size_t>(size)}, codes);
}

// Run-length codes the code lengths of a `size`-symbol alphabet whose
// non-zero lengths are those of `used` (ascending): zero runs are the gaps.
int lengthTokens(const std::uint8_t* lengths, std::span<const std::uint16_t> used, int size,
                 std::array<LengthToken, kMaxAlphabet>& tokens) {
  int n = 0;
  std::uint8_t previous = kInitialPrevious;
  const auto zeros = [&](int run) {
    while (run >= 11) {
      const int r = std::min(run, 138);
      tokens[static_cast<std::size_t>(n++)] = {kRepeatZerosLong, static_cast<std::uint8_t>(r - 11)};
      run -= r;
    }
    if (run >= 3) {
      tokens[static_cast<std::size_t>(n++)] = {kRepeatZeros, static_cast<std::uint8_t>(run - 3)};
      run = 0;
    }
    while (run-- > 0) tokens[static_cast<std::size_t>(n++)] = {0, 0};
  };
  int at = 0;
  for (std::size_t i = 0; i < used.size();) {
    const int start = used[i];
    const std::uint8_t v = lengths[start];
    std::size_t run = 1;
    while (i + run < used.size() && used[i + run] == start + static_cast<int>(run) && lengths[used[i + run]] == v)
      ++run;
    zeros(start - at);
    at = start + static_cast<int>(run);
    i += run;
    int left = static_cast<int>(run);
    if (v != previous) {
      tokens[static_cast<std::size_t>(n++)] = {v, 0};
      previous = v;
      --left;
    }
    while (left >= 3) {
      const int r = std::min(left, 6);
      tokens[static_cast<std::size_t>(n++)] = {kRepeatPrevious, static_cast<std::uint8_t>(r - 3)};
      left -= r;
    }
    while (left-- > 0) tokens[static_cast<std::size_t>(n++)] = {v, 0};
  }
  zeros(size - at);
  return n;
}

bool isZeros(int symbol) { return symbol == 0 || symbol == kRepeatZeros || symbol == kRepeatZerosLong; }

int extraBits(int symbol) {
  return symbol == kRepeatPrevious ? 2 : symbol == kRepeatZeros ? 3 : symbol == kRepeatZerosLong ? 7 : 0;
}

// max_symbol counts the code-length tokens to read: 2 + a number of 2..16
// bits, given as a count of bit pairs.
int maxSymbolPairs(int tokens) {
  const int bits = std::max(1, static_cast<int>(std::bit_width(static_cast<std::uint32_t>(tokens - 2))));
  return (bits + 1) / 2;
}

// The code-length code for the first `n` tokens and what writing them with it costs.
struct LengthCode {
  std::array<std::uint8_t, kCodeLengthSymbols> lengths{};
  int count = 0;  // code-length code lengths written, in kCodeLengthOrder
  std::size_t bits = 0;
};
LengthCode fitLengthCode(const std::array<LengthToken, kMaxAlphabet>& tokens, int n, bool maxSymbol) {
  std::array<std::uint32_t, kCodeLengthSymbols> histogram{};
  for (int i = 0; i < n; ++i) ++histogram[tokens[static_cast<std::size_t>(i)].symbol];
  LengthCode c;
  huffmanLengths(histogram, kMaxCodeLengthCode, c.lengths);
  int used = 0;
  for (const std::uint8_t len : c.lengths) used += len != 0;
  if (used == 1) {
    // Two one-bit codes rather than a lone zero-bit one, which is a corner
    // case decoders handle less uniformly.
    *std::find(c.lengths.begin(), c.lengths.end(), std::uint8_t{0}) = 1;
  }
  c.count = kCodeLengthSymbols;
  while (c.count > 4 &&
         c.lengths[static_cast<std::size_t>(kCodeLengthOrder[static_cast<std::size_t>(c.count - 1)])] == 0) {
    --c.count;
  }
  c.bits = 1 + 4 + 3 * static_cast<std::size_t>(c.count) + 1 +
           (maxSymbol ? 3 + 2 * static_cast<std::size_t>(maxSymbolPairs(n)) : 0);
  for (int i = 0; i < n; ++i) {
    const int symbol = tokens[static_cast<std::size_t>(i)].symbol;
    c.bits += static_cast<std::size_t>(c.lengths[static_cast<std::size_t>(symbol)] + extraBits(symbol));
  }
  return c;
}

}  // namespace

namespace {

// huffmanLengths for the symbols `used` (ascending, counts non-zero).
void lengthsOf(std::span<const std::uint32_t> counts, std::span<const std::uint16_t> used, int maxBits,
               std::span<std::uint8_t> lengths) {
  std::fill(lengths.begin(), lengths.end(), std::uint8_t{0});
  if (used.empty()) return;
  if (used.size() == 1) {
    lengths[used[0]] = 1;
    return;
  }
  // Raising the smallest counts flattens the tree; it fits once every count is
  // equal at the latest (depth ceil(log2 m) <= 9 for 280 symbols).
  for (std::uint32_t floor = 1;; floor *= 2) {
    if (buildLengths(counts, used, floor, maxBits, lengths)) return;
  }
}

std::size_t usedSymbols(std::span<const std::uint32_t> counts, std::array<std::uint16_t, kMaxAlphabet>& used) {
  std::size_t m = 0;
  for (std::size_t s = 0; s < counts.size(); ++s) {
    if (counts[s] != 0) used[m++] = static_cast<std::uint16_t>(s);
  }
  return m;
}

}  // namespace

void huffmanLengths(std::span<const std::uint32_t> counts, int maxBits, std::span<std::uint8_t> lengths) {
  std::array<std::uint16_t, kMaxAlphabet> used;
  const std::size_t m = usedSymbols(counts, used);
  lengthsOf(counts, {used.data(), m}, maxBits, lengths);
}

void PrefixCode::build(std::span<const std::uint32_t> counts) {
  std::array<std::uint16_t, kMaxAlphabet> used;
  const std::size_t n = usedSymbols(counts, used);
  build(counts, {used.data(), n});
}

void PrefixCode::build(std::span<const std::uint32_t> counts, std::span<const std::uint16_t> used) {
  size_ = static_cast<int>(counts.size());
  used_ = used.size();
  std::copy(used.begin(), used.end(), usedList_.begin());
  lengthsOf(counts, {usedList_.data(), used_}, kMaxCodeLength, {lengths_.data(), counts.size()});
  simpleSymbols_ = {};
  for (std::size_t i = 0; i < std::min<std::size_t>(used_, 2); ++i) simpleSymbols_[i] = usedList_[i];
  if (used_ <= 2 && simpleSymbols_[0] < 256 && simpleSymbols_[1] < 256) {
    // Simple code: one symbol costs no bits at all, two cost one bit each.
    simple_ = std::max(static_cast<int>(used_), 1);
    partner_ = false;
    if (simple_ == 1) lengths_[static_cast<std::size_t>(simpleSymbols_[0])] = 0;
    descriptionBits_ = 3 + (simpleSymbols_[0] < 2 ? 1 : 8) + (simple_ == 2 ? 8 : 0);
    return;
  }
  simple_ = 0;
  partner_ = used_ == 1;
  std::array<std::uint16_t, kMaxAlphabet + 1> listed{};
  std::size_t count = used_;
  std::copy_n(usedList_.begin(), count, listed.begin());
  if (used_ == 1) {
    // A lone length symbol (>= 256): give it a one-bit partner, symbol 0.
    lengths_[0] = 1;
    std::copy_backward(listed.begin(), listed.begin() + 1, listed.begin() + 2);
    listed[0] = 0;
    count = 2;
  }
  const int n = lengthTokens(lengths_.data(), {listed.data(), count}, size_, tokens_);
  // Either every token, or (max_symbol) all but the trailing zero runs:
  // whichever is shorter once the code-length code is fitted to it.
  int trimmed = n;
  while (trimmed > 2 && isZeros(tokens_[static_cast<std::size_t>(trimmed) - 1].symbol)) --trimmed;
  const LengthCode all = fitLengthCode(tokens_, n, false);
  const LengthCode cut = trimmed < n ? fitLengthCode(tokens_, trimmed, true) : all;
  trimmed_ = cut.bits < all.bits;
  const LengthCode& best = trimmed_ ? cut : all;
  written_ = trimmed_ ? trimmed : n;
  lengthCodeLengths_ = best.lengths;
  lengthCodeCount_ = best.count;
  descriptionBits_ = best.bits;
}

std::size_t PrefixCode::dataBits(std::span<const std::uint32_t> counts) const {
  std::size_t bits = 0;
  for (std::size_t i = 0; i < used_; ++i)
    bits += static_cast<std::size_t>(counts[usedList_[i]]) * lengths_[usedList_[i]];
  return bits;
}

void PrefixCode::writeDescription(BitWriter& w) {
  if (partner_) {
    std::array<std::uint16_t, 2> pair{0, usedList_[0]};
    canonicalCodes(lengths_.data(), {pair.data(), 2}, codes_.data());
  } else {
    canonicalCodes(lengths_.data(), {usedList_.data(), used_}, codes_.data());
  }
  if (simple_ != 0) {
    const int first = simpleSymbols_[0];
    w.put(1, 1);
    w.put(simple_ == 2 ? 1u : 0u, 1);
    if (first < 2) {
      w.put(0, 1);
      w.put(static_cast<std::uint32_t>(first), 1);
    } else {
      w.put(1, 1);
      w.put(static_cast<std::uint32_t>(first), 8);
    }
    if (simple_ == 2) w.put(static_cast<std::uint32_t>(simpleSymbols_[1]), 8);
    return;
  }
  std::array<std::uint16_t, kCodeLengthSymbols> lengthCodes{};
  canonicalCodes(lengthCodeLengths_.data(), kCodeLengthSymbols, lengthCodes.data());
  w.put(0, 1);
  w.put(static_cast<std::uint32_t>(lengthCodeCount_ - 4), 4);
  for (int i = 0; i < lengthCodeCount_; ++i) {
    w.put(lengthCodeLengths_[static_cast<std::size_t>(kCodeLengthOrder[static_cast<std::size_t>(i)])], 3);
  }
  if (trimmed_) {
    const int pairs = maxSymbolPairs(written_);
    w.put(1, 1);
    w.put(static_cast<std::uint32_t>(pairs - 1), 3);
    w.put(static_cast<std::uint32_t>(written_ - 2), 2 * pairs);
  } else {
    w.put(0, 1);  // lengths for the whole alphabet follow
  }
  for (int i = 0; i < written_; ++i) {
    const LengthToken t = tokens_[static_cast<std::size_t>(i)];
    w.put(lengthCodes[t.symbol], lengthCodeLengths_[t.symbol]);
    w.put(t.extra, extraBits(t.symbol));
  }
}

}  // namespace pixabots::core::detail
