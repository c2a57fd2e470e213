#include "codecs/png/row_deflate.hpp"

#include <algorithm>
#include <numeric>

namespace pixabots::core::detail::png {
namespace {

// RFC 1951 3.2.5: length codes 257..285 and distance codes 0..29.
constexpr std::array<std::uint16_t, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                       31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                       2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistBase = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                                     33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                                     1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistExtra = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                     6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order code length code lengths are stored in (3.2.7).
constexpr std::array<std::uint8_t, 19> kClOrder = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
constexpr std::size_t kMaxMatch = 258;
constexpr std::size_t kBlockTokens = std::size_t{1} << 15;
constexpr int kEndOfBlock = 256;

// Index into kLengthBase for a match length 3..258.
constexpr std::array<std::uint8_t, kMaxMatch + 1> kLengthIndex = [] {
  std::array<std::uint8_t, kMaxMatch + 1> t{};
  std::size_t code = 0;
  for (std::size_t len = 3; len <= kMaxMatch; ++len) {
    while (code + 1 < kLengthBase.size() && kLengthBase[code + 1] <= len) ++code;
    t[len] = static_cast<std::uint8_t>(code);
  }
  return t;
}();

int distIndex(std::uint32_t dist) {
  const auto* it = std::upper_bound(kDistBase.begin(), kDistBase.end(), dist);
  return static_cast<int>(it - kDistBase.begin()) - 1;
}

// Huffman code lengths for freq[0..n), none longer than maxBits, 0 for unused
// symbols. At least two symbols get a code: inflate rejects an incomplete
// code-length code, and two 1-bit codes are always complete. Too deep a tree
// is rebuilt with halved weights, which flattens it; all-equal weights give a
// depth of at most 9 for 286 symbols, so this ends.
template <std::size_t N>
void huffmanLengths(const std::array<std::uint64_t, N>& freqIn, int maxBits, std::array<std::uint8_t, N>& lengths) {
  std::array<std::uint64_t, N> freq = freqIn;
  std::size_t used = 0;
  for (const std::uint64_t f : freq) used += f != 0 ? 1 : 0;
  for (std::size_t s = 0; used < 2; ++s) {
    if (freq[s] == 0) {
      freq[s] = 1;
      ++used;
    }
  }
  std::array<std::uint16_t, N> leaves{};
  std::array<std::uint64_t, 2 * N> weight{};
  std::array<std::uint16_t, 2 * N> parent{};
  std::array<std::uint8_t, 2 * N> depth{};
  for (;;) {
    std::size_t m = 0;
    for (std::size_t s = 0; s < N; ++s) {
      if (freq[s] != 0) leaves[m++] = static_cast<std::uint16_t>(s);
    }
    std::sort(leaves.begin(), leaves.begin() + static_cast<std::ptrdiff_t>(m),
              [&](std::uint16_t a, std::uint16_t b) { return freq[a] < freq[b] || (freq[a] == freq[b] && a < b); });
    // Nodes 0..m-1 are the sorted leaves; internal nodes are made in
    // non-decreasing weight order, so two queues replace a heap.
    for (std::size_t i = 0; i < m; ++i) weight[i] = freq[leaves[i]];
    std::size_t nextLeaf = 0;
    std::size_t nextInner = m;
    auto take = [&](std::size_t made) {
      const bool leaf = nextLeaf < m && (nextInner >= made || weight[nextLeaf] <= weight[nextInner]);
      return leaf ? nextLeaf++ : nextInner++;
    };
    for (std::size_t k = m; k < 2 * m - 1; ++k) {
      const std::size_t a = take(k);
      const std::size_t b = take(k);
      weight[k] = weight[a] + weight[b];
      parent[a] = parent[b] = static_cast<std::uint16_t>(k);
    }
    depth[2 * m - 2] = 0;
    int deepest = 0;
    for (std::size_t k = 2 * m - 2; k-- > 0;) {
      depth[k] = static_cast<std::uint8_t>(depth[parent[k]] + 1);
      deepest = std::max<int>(deepest, depth[k]);
    }
    if (deepest <= maxBits) {
      lengths.fill(0);
      for (std::size_t i = 0; i < m; ++i) lengths[leaves[i]] = depth[i];
      return;
    }
    for (std::uint64_t& f : freq) f = f == 0 ? 0 : (f + 1) / 2;
  }
}

// Canonical codes (3.2.2), bit-reversed because deflate packs bits LSB first
// but Huffman codes MSB first.
template <std::size_t N>
void canonicalCodes(const std::array<std::uint8_t, N>& lengths, std::array<std::uint16_t, N>& codes) {
  std::array<std::uint16_t, 16> count{};
  for (const std::uint8_t l : lengths) ++count[l];
  count[0] = 0;
  std::array<std::uint16_t, 16> next{};
  unsigned code = 0;
  for (std::size_t bits = 1; bits < 16; ++bits) {
    code = (code + count[bits - 1]) << 1;
    next[bits] = static_cast<std::uint16_t>(code);
  }
  for (std::size_t s = 0; s < N; ++s) {
    const int l = lengths[s];
    if (l == 0) continue;
    unsigned c = next[static_cast<std::size_t>(l)]++;
    unsigned reversed = 0;
    for (int i = 0; i < l; ++i, c >>= 1) reversed = (reversed << 1) | (c & 1u);
    codes[s] = static_cast<std::uint16_t>(reversed);
  }
}

}  // namespace

// Matches covering exactly `length` (>= 3) bytes at `dist`, in pieces of
// 3..258 (the last two pieces are balanced so neither is under 3).
void RowDeflater::matches(std::size_t length, std::uint32_t dist, std::vector<Token>& to) {
  while (length > 0) {
    const std::size_t take = length <= kMaxMatch ? length : length - kMaxMatch < 3 ? length - 3 : kMaxMatch;
    to.push_back({static_cast<std::uint32_t>(take), dist});
    length -= take;
  }
}

void RowDeflater::begin(std::size_t rowSize, std::size_t pixelBytes) {
  rowSize_ = rowSize;
  pixelBytes_ = pixelBytes;
  tokens_.clear();
  litFreq_.fill(0);
  distFreq_.fill(0);
  bits_ = 0;
  bitCount_ = 0;
  out_.clear();
  // A repeated row is filter Up (2) and zeros: the first zero follows the 2
  // and is a literal, the rest are a run at distance 1.
  repeatRow_.assign({{2, 0}});
  if (rowSize > 1) repeatRow_.push_back({0, 0});
  if (rowSize > 4) {
    matches(rowSize - 2, 1, repeatRow_);
  } else {
    for (std::size_t i = 2; i < rowSize; ++i) repeatRow_.push_back({0, 0});
  }
}

void RowDeflater::count(const Token& t, std::uint64_t times) {
  if (t.dist == 0) {
    litFreq_[t.len] += times;
  } else {
    litFreq_[257 + static_cast<std::size_t>(kLengthIndex[t.len])] += times;
    distFreq_[static_cast<std::size_t>(distIndex(t.dist))] += times;
  }
}

void RowDeflater::row(const std::uint8_t* data) {
  // Greedy: wherever at least 3 bytes repeat those one pixel back, a match.
  // Matches stay inside the row, so the window always holds what they copy.
  const std::size_t d = pixelBytes_;
  const std::size_t n = rowSize_;
  const std::size_t first = tokens_.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t j = i;
    if (i >= d) {
      while (j < n && data[j] == data[j - d]) ++j;
    }
    if (j - i >= 3) {
      matches(j - i, static_cast<std::uint32_t>(d), tokens_);
      i = j;
    } else {
      tokens_.push_back({data[i], 0});
      ++i;
    }
  }
  for (std::size_t k = first; k < tokens_.size(); ++k) count(tokens_[k], 1);
  if (tokens_.size() >= kBlockTokens) writeBlock(false);
}

void RowDeflater::repeatedRows(std::size_t rows) {
  if (rows == 0) return;
  tokens_.push_back({static_cast<std::uint32_t>(rows), kRepeat});
  for (const Token& t : repeatRow_) count(t, rows);
  if (tokens_.size() >= kBlockTokens) writeBlock(false);
}

void RowDeflater::finish() {
  writeBlock(true);
  if (bitCount_ > 0) {
    out_.push_back(static_cast<std::uint8_t>(bits_));
    bits_ = 0;
    bitCount_ = 0;
  }
}

void RowDeflater::put(std::uint32_t bits, int n) {
  bits_ |= std::uint64_t{bits} << bitCount_;
  bitCount_ += n;
  while (bitCount_ >= 8) {
    out_.push_back(static_cast<std::uint8_t>(bits_));
    bits_ >>= 8;
    bitCount_ -= 8;
  }
}

void RowDeflater::writeToken(const Token& t) {
  if (t.dist == 0) {
    put(litCode_[t.len], litLen_[t.len]);
    return;
  }
  const std::size_t li = kLengthIndex[t.len];
  put(litCode_[257 + li], litLen_[257 + li]);
  put(t.len - kLengthBase[li], kLengthExtra[li]);
  const auto di = static_cast<std::size_t>(distIndex(t.dist));
  put(distCode_[di], distLen_[di]);
  put(t.dist - kDistBase[di], kDistExtra[di]);
}

// One dynamic-Huffman block of the tokens so far (3.2.7).
void RowDeflater::writeBlock(bool last) {
  ++litFreq_[kEndOfBlock];
  huffmanLengths(litFreq_, 15, litLen_);
  huffmanLengths(distFreq_, 15, distLen_);
  canonicalCodes(litLen_, litCode_);
  canonicalCodes(distLen_, distCode_);

  std::size_t hlit = kLitLenSymbols;
  while (hlit > 257 && litLen_[hlit - 1] == 0) --hlit;
  std::size_t hdist = kDistSymbols;
  while (hdist > 1 && distLen_[hdist - 1] == 0) --hdist;
  // Both length lists as one sequence, run-length coded with 16/17/18.
  std::array<std::uint8_t, kLitLenSymbols + kDistSymbols> seq{};
  std::copy_n(litLen_.begin(), hlit, seq.begin());
  std::copy_n(distLen_.begin(), hdist, seq.begin() + static_cast<std::ptrdiff_t>(hlit));
  const std::size_t n = hlit + hdist;
  struct ClSym {
    std::uint8_t sym, extra;
  };
  std::array<ClSym, kLitLenSymbols + kDistSymbols> cl{};
  std::size_t ncl = 0;
  std::array<std::uint64_t, 19> clFreq{};
  for (std::size_t i = 0; i < n;) {
    const std::uint8_t v = seq[i];
    std::size_t r = 1;
    while (i + r < n && seq[i + r] == v) ++r;
    if (v == 0 && r >= 3) {
      r = std::min<std::size_t>(r, 138);
      cl[ncl++] = r >= 11 ? ClSym{18, static_cast<std::uint8_t>(r - 11)} : ClSym{17, static_cast<std::uint8_t>(r - 3)};
    } else if (v != 0 && r >= 4) {
      r = std::min<std::size_t>(r, 7);  // the value once, then 16 repeats it 3..6 times
      cl[ncl++] = {v, 0};
      cl[ncl++] = {16, static_cast<std::uint8_t>(r - 4)};
    } else {
      r = 1;
      cl[ncl++] = {v, 0};
    }
    i += r;
  }
  for (std::size_t i = 0; i < ncl; ++i) ++clFreq[cl[i].sym];
  std::array<std::uint8_t, 19> clLen{};
  std::array<std::uint16_t, 19> clCode{};
  huffmanLengths(clFreq, 7, clLen);
  canonicalCodes(clLen, clCode);
  std::size_t hclen = 19;
  while (hclen > 4 && clLen[kClOrder[hclen - 1]] == 0) --hclen;

  put(last ? 1u : 0u, 1);
  put(2, 2);  // dynamic Huffman
  put(static_cast<std::uint32_t>(hlit - 257), 5);
  put(static_cast<std::uint32_t>(hdist - 1), 5);
  put(static_cast<std::uint32_t>(hclen - 4), 4);
  for (std::size_t i = 0; i < hclen; ++i) put(clLen[kClOrder[i]], 3);
  for (std::size_t i = 0; i < ncl; ++i) {
    put(clCode[cl[i].sym], clLen[cl[i].sym]);
    if (cl[i].sym >= 16) put(cl[i].extra, cl[i].sym == 16 ? 2 : cl[i].sym == 17 ? 3 : 7);
  }
  for (const Token& t : tokens_) {
    if (t.dist != kRepeat) {
      writeToken(t);
      continue;
    }
    for (std::uint32_t r = 0; r < t.len; ++r) {
      for (const Token& s : repeatRow_) writeToken(s);
    }
  }
  put(litCode_[kEndOfBlock], litLen_[kEndOfBlock]);

  tokens_.clear();
  litFreq_.fill(0);
  distFreq_.fill(0);
}

}  // namespace pixabots::core::detail::png
