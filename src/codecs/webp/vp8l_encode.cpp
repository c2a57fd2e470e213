// VP8L written directly rather than through WebPEncode: libwebp analyses every
// output pixel (up to 1920x1920) to rediscover what the maps already say, that
// the picture is 32x32 blocks and most rows repeat. See docs/formats.md.
#include "codecs/webp/vp8l_encode.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

#include "codecs/webp/bit_writer.hpp"
#include "codecs/webp/prefix_code.hpp"

namespace pixabots::core::detail {
namespace {

constexpr std::uint32_t kSignature = 0x2f;
constexpr std::uint32_t kColorIndexingTransform = 3;
constexpr int kLiteralSymbols = 256;
constexpr int kGreenSymbols = kLiteralSymbols + 24;  // + length prefixes; no colour cache
constexpr int kDistanceSymbols = 40;
constexpr std::uint32_t kMaxCopy = 4096;
constexpr std::size_t kMaxPalette = 256;
constexpr std::size_t kCanvasPixels = kNativeSize * kNativeSize;
// Shorter matches cost more as a length + distance pair than as literals.
constexpr std::uint32_t kMinMatch = 2;
constexpr int kPlaneCodes = 120;
constexpr float kBanned = 1e6f;  // a cost no parse pays

// The spec's neighbourhood: distance code i + 1 copies from xi pixels to the
// left (negative: right) and yi rows up.
constexpr std::int8_t kDistanceMap[kPlaneCodes][2] = {
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
constexpr PlaneCodeTable kPlane;

// What VP8L stores for a copy from `yi` rows up and `xi` pixels left (0 <=
// xi < width) in an image `width` pixels wide: a neighbourhood code when the
// source is close, else the distance + 120.
std::uint32_t distanceValue(std::uint32_t yi, std::uint32_t xi, std::uint32_t width) {
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
std::uint32_t distanceValue(std::uint32_t distance, std::uint32_t width) {
  return distanceValue(distance / width, distance % width, width);
}

// Lengths and distances: a prefix symbol plus raw extra bits.
struct Prefix {
  int symbol;
  int extraBits;
  std::uint32_t extra;
};

Prefix prefixOf(std::uint32_t value) {
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

// The distinct colours of up to 1,024 pixels: an open-addressing hash set
// that remembers each colour's slot, so indexing a pixel is one lookup.
class ColorTable {
 public:
  void clear() {
    used_.fill(false);
    size_ = 0;
  }
  std::uint16_t insert(std::uint32_t argb) {
    std::size_t slot = (argb * 0x9e3779b1u) >> (32 - kSlotBits);
    while (used_[slot] && keys_[slot] != argb) slot = (slot + 1) & (kSlots - 1);
    if (!used_[slot]) {
      used_[slot] = true;
      keys_[slot] = argb;
      colors_[size_++] = argb;
    }
    return static_cast<std::uint16_t>(slot);
  }
  std::size_t size() const { return size_; }
  std::span<std::uint32_t> colors() { return {colors_.data(), size_}; }
  // Numbers the slots by the colours' current order.
  void numberSlots() {
    for (std::size_t i = 0; i < size_; ++i) {
      std::size_t slot = (colors_[i] * 0x9e3779b1u) >> (32 - kSlotBits);
      while (keys_[slot] != colors_[i]) slot = (slot + 1) & (kSlots - 1);
      index_[slot] = static_cast<std::uint16_t>(i);
    }
  }
  std::uint32_t index(std::uint16_t slot) const { return index_[slot]; }

 private:
  static constexpr int kSlotBits = 11;  // twice the most colours: short probe runs
  static constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;
  std::array<bool, kSlots> used_{};
  std::array<std::uint32_t, kSlots> keys_{};
  std::array<std::uint16_t, kSlots> index_{};
  std::array<std::uint32_t, kCanvasPixels> colors_{};
  std::size_t size_ = 0;
};

std::uint32_t argbAt(const Canvas& canvas, std::size_t pixel) {
  const std::uint8_t* p = canvas.data() + pixel * 4;
  return static_cast<std::uint32_t>(p[3]) << 24 | static_cast<std::uint32_t>(p[0]) << 16 |
         static_cast<std::uint32_t>(p[1]) << 8 | p[2];
}

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

template <typename F>
void forEachCopy(std::uint32_t length, F&& f) {
  while (length > 0) {
    const std::uint32_t chunk = std::min(length, kMaxCopy);
    f(chunk);
    length -= chunk;
  }
}

void histogramsOf(std::span<const Token> tokens, Histograms& h) {
  h.clear();
  for (const Token& t : tokens) {
    if (t.length == 0) {
      h.literal(t.argb);
      continue;
    }
    const Prefix d = prefixOf(t.distance);
    forEachCopy(t.length, [&](std::uint32_t chunk) {
      const Prefix l = prefixOf(chunk);
      h.green.add(static_cast<std::size_t>(kLiteralSymbols + l.symbol));
      h.distance.add(static_cast<std::size_t>(d.symbol));
      h.extraBits += static_cast<std::size_t>(l.extraBits + d.extraBits);
    });
  }
}

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
void writeTokens(BitWriter& w, std::span<const Token> tokens, Codes& codes) {
  codes.writeDescriptions(w);
  for (const Token& t : tokens) {
    if (t.length == 0) {
      codes.literal(w, t.argb);
      continue;
    }
    const Prefix d = prefixOf(t.distance);
    forEachCopy(t.length, [&](std::uint32_t chunk) {
      const Prefix l = prefixOf(chunk);
      codes.green.put(w, kLiteralSymbols + l.symbol);
      w.put(l.extra, l.extraBits);
      codes.distance.put(w, d.symbol);
      w.put(d.extra, d.extraBits);
    });
  }
}

// The colour table is stored as a 1-pixel-high image of per-channel
// differences from the previous entry, coded like any image.
struct ColorTableCoding {
  std::array<Token, kMaxPalette> deltas{};
  std::size_t size = 0;
  Histograms histograms;
  Codes codes;

  // Plans the table for `palette`; returns its size in bits.
  std::size_t plan(std::span<const std::uint32_t> palette) {
    std::uint32_t previous = 0;
    size = palette.size();
    for (std::size_t i = 0; i < size; ++i) {
      std::uint32_t delta = 0;
      for (int shift = 0; shift < 32; shift += 8) {
        delta |= (((palette[i] >> shift) - (previous >> shift)) & 0xffu) << shift;
      }
      deltas[i] = {delta, 0, 0};
      previous = palette[i];
    }
    histogramsOf({deltas.data(), size}, histograms);
    codes.build(histograms);
    return codes.bits(histograms);
  }

  void write(BitWriter& w) {
    w.put(0, 1);  // no colour cache
    writeTokens(w, {deltas.data(), size}, codes);
  }
};

// How far apart two colours are for delta coding: per channel, the distance
// around the byte circle (a delta of 255 is as cheap as one of 1).
std::uint32_t deltaDistance(std::uint32_t a, std::uint32_t b) {
  std::uint32_t sum = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    const std::uint32_t d = ((a >> shift) - (b >> shift)) & 0xffu;
    sum += std::min(d, 256 - d);
  }
  return sum;
}

// Any order of the palette is valid; the table's cost depends on it. Tries
// ascending ARGB and two greedy chains that always take the nearest
// remaining colour (by delta size, or first by how many channels change),
// and keeps whichever table is smallest, planned in `table`. (The image's
// cost barely changes: indices are only renamed.)
void choosePaletteOrder(std::span<std::uint32_t> palette, std::array<ColorTableCoding, 2>& tables,
                        ColorTableCoding*& chosen) {
  std::sort(palette.begin(), palette.end());
  ColorTableCoding* best = &tables[0];
  ColorTableCoding* trial = &tables[1];
  std::array<std::uint32_t, kMaxPalette> bestOrder{};
  std::copy(palette.begin(), palette.end(), bestOrder.begin());
  std::size_t bestBits = best->plan(palette);
  for (int metric = 0; metric < 2; ++metric) {
    std::array<std::uint32_t, kMaxPalette> chain{};
    std::copy(palette.begin(), palette.end(), chain.begin());
    std::uint32_t previous = 0;
    for (std::size_t i = 0; i < palette.size(); ++i) {
      std::size_t pick = i;
      std::uint32_t pickScore = ~0u;
      for (std::size_t k = i; k < palette.size(); ++k) {
        const std::uint32_t d = deltaDistance(chain[k], previous);
        std::uint32_t changed = 0;
        for (int shift = 0; shift < 32; shift += 8) changed += ((chain[k] ^ previous) >> shift & 0xffu) != 0;
        const std::uint32_t score = metric == 0 ? d : changed * 1024 + d;
        if (score < pickScore) {
          pickScore = score;
          pick = k;
        }
      }
      std::swap(chain[i], chain[pick]);
      previous = chain[i];
    }
    const std::size_t bits = trial->plan({chain.data(), palette.size()});
    if (bits < bestBits) {
      bestBits = bits;
      bestOrder = chain;
      std::swap(best, trial);
    }
  }
  std::copy_n(bestOrder.begin(), palette.size(), palette.begin());
  chosen = best;
}

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

// Where runs change colour in the distinct rows seen so far, found by the
// colours on both sides. A match can start anywhere in a run, so it is looked
// up by the run boundary ahead of it: what decides a match is what follows.
struct Boundary {
  std::uint32_t row;  // index of the distinct row
  std::uint32_t x;    // first pixel of the new run
  std::uint32_t run;  // length of the run before it
  std::int32_t next;  // older boundary with the same hash, or -1
};

// A copy that can start at some pixel of a distinct row.
struct Match {
  std::uint32_t length;
  std::uint32_t value;      // the stored distance
  std::uint16_t symbol;     // its prefix symbol
  std::uint16_t extraBits;  // and raw bits, so parses need not split it again
  Match(std::uint32_t len, std::uint32_t v) : length(len), value(v) {
    const Prefix p = prefixOf(v);
    symbol = static_cast<std::uint16_t>(p.symbol);
    extraBits = static_cast<std::uint16_t>(p.extraBits);
  }
};

// Where a distinct row's copies other than runs may start, and which.
struct Decision {
  std::uint32_t x;
  std::uint32_t first;  // its matches: [first, last) in MatchScratch::matches
  std::uint32_t last;
};

struct MatchScratch {
  static constexpr int kHashBits = 10;
  // Per output row: the distinct row it shows, and whether it starts one.
  std::vector<std::uint32_t> rowOf;
  std::vector<std::uint8_t> startsRow;
  // Per distinct row: its pixels, runs (per pixel, the run's length from
  // there), first output row, and its decisions [decisionBegin[r], decisionBegin[r + 1]).
  std::vector<const std::uint32_t*> distinct;
  std::vector<std::uint32_t> runs;
  std::vector<std::uint32_t> firstRow;
  std::vector<std::uint32_t> decisionBegin;
  std::vector<Decision> decisions;
  std::vector<Match> matches;
  std::vector<Boundary> boundaries;
  std::array<std::int32_t, std::size_t{1} << kHashBits> head{};
  // The parse of one row: cheapest cost to reach each pixel, and how.
  std::vector<float> cost;
  struct Step {
    std::uint32_t from;
    std::uint32_t value;  // 0 for a literal, else the copy's stored distance
  };
  std::vector<Step> step;
  std::vector<std::uint32_t> path;

  const std::uint32_t* runsOf(std::uint32_t row, std::uint32_t width) const {
    return runs.data() + static_cast<std::size_t>(row) * width;
  }
};

// Finds, once per image, every copy the parser may use: rows repeating the
// one above (one copy), and in each distinct row, from where the colour
// changes (or one pixel later, after a bundled pixel mixing two colours),
// copies from the two nearest distinct rows straight above, and through the
// boundary hash from any earlier distinct row or earlier in the row (which
// also finds shifted rows: trying shifts or short distances directly found
// nothing more on the art). Runs (copies of the pixel to the left) are left
// to the parser. Matches stop at row ends and are measured run by run, so the
// work per row grows with its runs, not its width.
class MatchFinder {
 public:
  MatchFinder(std::span<const std::uint32_t* const> lines, std::uint32_t width, MatchScratch& scratch)
      : lines_(lines), width_(width), s_(scratch) {
    s_.head.fill(-1);
    s_.boundaries.clear();
    s_.rowOf.clear();
    s_.startsRow.clear();
    s_.distinct.clear();
    s_.runs.clear();
    s_.firstRow.clear();
    s_.decisionBegin.assign(1, 0);
    s_.decisions.clear();
    s_.matches.clear();
    for (std::uint32_t y = 0; y < lines.size(); ++y) row(y);
  }

 private:
  // Pixel x copies pixel x of a distinct row above.
  struct Candidate {
    std::uint32_t row;
    std::uint32_t value;  // the stored distance
  };

  void row(std::uint32_t y) {
    const std::uint32_t* line = lines_[y];
    if (y > 0 && (line == lines_[y - 1] || std::memcmp(line, lines_[y - 1], width_ * 4) == 0)) {
      s_.rowOf.push_back(s_.rowOf.back());
      s_.startsRow.push_back(0);
      return;
    }
    const auto current = static_cast<std::uint32_t>(s_.distinct.size());
    s_.rowOf.push_back(current);
    s_.startsRow.push_back(1);
    s_.firstRow.push_back(y);
    s_.distinct.push_back(line);
    s_.runs.resize(s_.runs.size() + width_);
    std::uint32_t* runs = s_.runs.data() + static_cast<std::size_t>(current) * width_;
    for (std::uint32_t x = width_; x-- > 0;) runs[x] = x + 1 < width_ && line[x] == line[x + 1] ? runs[x + 1] + 1 : 1;
    candidates(y, current);
    inserted_ = 1;
    run_ = 1;
    for (std::uint32_t x = 0; x < width_; ++x) {
      const bool decision = x == 0 || line[x] != line[x - 1] || (x >= 2 && line[x - 1] != line[x - 2]);
      if (!decision) continue;
      insertBoundaries(line, current, x);
      const auto first = static_cast<std::uint32_t>(s_.matches.size());
      std::uint32_t longest = kMinMatch - 1;
      for (std::size_t i = 0; i < count_; ++i) {
        const std::uint32_t len = matchLength(current, x, candidates_[i].row, x);
        if (len >= kMinMatch) s_.matches.emplace_back(len, candidates_[i].value);
        longest = std::max(longest, len);
      }
      farMatch(y, current, x, longest);
      s_.decisions.push_back({x, first, static_cast<std::uint32_t>(s_.matches.size())});
    }
    insertBoundaries(line, current, width_ - 1);
    s_.decisionBegin.push_back(static_cast<std::uint32_t>(s_.decisions.size()));
  }

  // Equal pixels from x in the current row and from `from` in distinct row
  // `row`, compared a run at a time. (A copy overlapping its source writes
  // what it reads, so comparing the final pixels is exact.)
  std::uint32_t matchLength(std::uint32_t current, std::uint32_t x, std::uint32_t row, std::uint32_t from) const {
    const std::uint32_t* a = s_.distinct[current];
    const std::uint32_t* b = s_.distinct[row];
    const std::uint32_t* runsA = s_.runsOf(current, width_);
    const std::uint32_t* runsB = s_.runsOf(row, width_);
    std::uint32_t len = 0;
    std::uint32_t i = x, j = from;
    while (i < width_ && j < width_ && a[i] == b[j]) {
      const std::uint32_t step = std::min(runsA[i], runsB[j]);
      len += step;
      i += step;
      j += step;
    }
    return len;
  }

  static std::size_t hash(std::uint32_t before, std::uint32_t after) {
    const std::uint32_t h = (before * 0x9e3779b1u) ^ (after * 0x85ebca6bu);
    return h >> (32 - MatchScratch::kHashBits);
  }

  // Adds the boundaries of the current row up to x, so later pixels of the
  // same row can copy from it too.
  void insertBoundaries(const std::uint32_t* line, std::uint32_t row, std::uint32_t x) {
    for (; inserted_ <= x && inserted_ < width_; ++inserted_) {
      const std::uint32_t b = inserted_;
      if (line[b] == line[b - 1]) {
        ++run_;
        continue;
      }
      const std::size_t h = hash(line[b - 1], line[b]);
      s_.boundaries.push_back({row, b, run_, s_.head[h]});
      s_.head[h] = static_cast<std::int32_t>(s_.boundaries.size() - 1);
      run_ = 1;
    }
  }

  // The longest match that starts in a run like the one at x and continues
  // past the same colour change, in any earlier distinct row (at its last
  // output row, the nearest copy) or earlier in this row; only if longer than
  // `longest`, what a straight-above copy gets with a cheaper distance.
  void farMatch(std::uint32_t y, std::uint32_t current, std::uint32_t x, std::uint32_t longest) {
    const std::uint32_t* line = s_.distinct[current];
    const std::uint32_t run = s_.runsOf(current, width_)[x];
    const std::uint32_t at = x + run;
    if (at >= width_) return;
    std::uint32_t bestDistance = 0;  // as stored
    int steps = 0;
    for (std::int32_t i = s_.head[hash(line[x], line[at])]; i >= 0 && steps < kMaxChain; ++steps) {
      const Boundary& b = s_.boundaries[static_cast<std::size_t>(i)];
      i = b.next;
      const std::uint32_t* ref = s_.distinct[b.row];
      if (b.run < run || ref[b.x] != line[at] || ref[b.x - 1] != line[x]) continue;
      const std::uint32_t len = run + matchLength(current, at, b.row, b.x);
      if (len <= longest) continue;
      longest = len;
      const std::uint32_t refRow = b.row == current ? y : s_.firstRow[b.row + 1] - 1;
      // From (b.x - run, refRow) to (x, y), without dividing by the width.
      const std::uint32_t from = b.x - run;
      bestDistance = from <= x ? distanceValue(y - refRow, x - from, width_)
                               : distanceValue(y - refRow - 1, width_ + x - from, width_);
    }
    if (bestDistance != 0) s_.matches.emplace_back(longest, bestDistance);
  }

  void candidates(std::uint32_t y, std::uint32_t current) {
    count_ = 0;
    for (std::uint32_t k = 1; k <= 2 && k <= current; ++k) {
      const std::uint32_t row = current - k;
      const std::uint32_t lastRow = s_.firstRow[row + 1] - 1;
      candidates_[count_++] = {row, distanceValue(y - lastRow, 0, width_)};
    }
  }

  static constexpr int kMaxChain = 4;
  std::uint32_t inserted_ = 1;  // the next pixel of the current row to consider as a boundary
  std::uint32_t run_ = 1;       // the run ending just before it
  std::span<const std::uint32_t* const> lines_;
  std::uint32_t width_;
  MatchScratch& s_;
  std::array<Candidate, 2> candidates_{};
  std::size_t count_ = 0;
};

// Splits the rows into tokens with the matches found: rows repeating the one
// above are one copy, and each distinct row is parsed for the least estimated
// bits (a shortest path over its pixels) under a cost model, so several
// models can be tried on one set of matches.
class Parser {
 public:
  Parser(MatchScratch& scratch, std::uint32_t width, const CostModel& model, std::vector<Token>& tokens)
      : m_(scratch),
        s_(scratch),
        width_(width),
        model_(model),
        tokens_(tokens),
        runValue_(distanceValue(1, width)),
        runBits_(model.distanceBits(runValue_)) {
    s_.cost.resize(static_cast<std::size_t>(width) + 1);
    s_.step.resize(static_cast<std::size_t>(width) + 1);
    tokens_.clear();
    for (std::size_t y = 0; y < m_.rowOf.size(); ++y) {
      if (m_.startsRow[y]) {
        row(m_.rowOf[y]);
      } else {
        copy(distanceValue(width_, width_), width_);
      }
    }
  }

 private:
  void row(std::uint32_t r) {
    const std::uint32_t* line = m_.distinct[r];
    const std::uint32_t* runs = m_.runsOf(r, width_);
    const std::uint32_t previous = tokens_.empty() || tokens_.back().length == 0 ? 0 : tokens_.back().distance;
    std::fill(s_.cost.begin(), s_.cost.end(), std::numeric_limits<float>::infinity());
    s_.cost[0] = 0;
    std::uint32_t d = m_.decisionBegin[r];
    const std::uint32_t dEnd = m_.decisionBegin[r + 1];
    for (std::uint32_t x = 0; x < width_; ++x) {
      while (d < dEnd && m_.decisions[d].x < x) ++d;
      const bool decision = d < dEnd && m_.decisions[d].x == x;
      const float here = s_.cost[x];
      if (here == std::numeric_limits<float>::infinity()) continue;
      // Deeper in a run only the run copy to its end is worth trying.
      if (decision || runs[x] <= 2) relax(x, x + 1, here + model_.literal(line[x]), 0);
      if (x > 0 && line[x] == line[x - 1])
        relax(x, x + runs[x], here + model_.lengthBits(runs[x]) + runBits_, runValue_);
      if (!decision) continue;
      for (std::uint32_t i = m_.decisions[d].first; i < m_.decisions[d].last; ++i) {
        relaxCopy(x, m_.matches[i], previous);
      }
    }
    // Walk the cheapest path back, then emit it forwards.
    s_.path.clear();
    for (std::uint32_t x = width_; x > 0; x = s_.step[x].from) s_.path.push_back(x);
    std::uint32_t at = 0;
    for (auto it = s_.path.rbegin(); it != s_.path.rend(); ++it) {
      const std::uint32_t end = *it;
      const auto& st = s_.step[end];
      if (st.value == 0) {
        tokens_.push_back({line[at], 0, 0});
      } else {
        copy(st.value, end - at);
      }
      at = end;
    }
  }

  void relax(std::uint32_t from, std::uint32_t to, float cost, std::uint32_t value) {
    if (cost < s_.cost[to]) {
      s_.cost[to] = cost;
      s_.step[to] = {from, value};
    }
  }

  // A copy (shorter versions of it never paid on the art: a run or another
  // copy finishes as well). One continuing the previous token (same distance,
  // at the start of the row) only lengthens it.
  void relaxCopy(std::uint32_t x, const Match& m, std::uint32_t previous) {
    const float here = s_.cost[x];
    if (x == 0 && m.value == previous) {
      relax(x, x + m.length, here + 0.5f, m.value);
      return;
    }
    const float distanceBits = model_.distance[m.symbol] + static_cast<float>(m.extraBits);
    if (distanceBits < kBanned) relax(x, x + m.length, here + model_.lengthBits(m.length) + distanceBits, m.value);
  }

  // Copies with the same distance in a row are one copy, however long.
  void copy(std::uint32_t value, std::uint32_t length) {
    if (!tokens_.empty() && tokens_.back().length != 0 && tokens_.back().distance == value) {
      tokens_.back().length += length;
    } else {
      tokens_.push_back({0, length, value});
    }
  }

  const MatchScratch& m_;  // the matches (read only)
  MatchScratch& s_;        // the same, for the parse's own buffers
  std::uint32_t width_;
  const CostModel& model_;
  std::vector<Token>& tokens_;
  std::uint32_t runValue_;  // the stored distance of a run (the pixel to the left)
  float runBits_;           // the distance part of a run copy
};

// One parse of an image: its tokens, their statistics and the codes for them.
struct Parse {
  std::vector<Token> tokens;
  Histograms histograms;
  Codes codes;
};

struct Scratch {
  ColorTable table;
  std::array<std::uint16_t, kCanvasPixels> slot{};     // per canvas pixel: its colour's slot
  std::array<std::uint32_t, kCanvasPixels> symbols{};  // per canvas pixel: palette index, or ARGB
  std::vector<std::uint32_t> packed;                   // one packed row per source row the rectangle reads
  std::vector<const std::uint32_t*> lines;             // output row -> its packed row
  MatchScratch matches;
  CostModel narrowModel;
  std::array<Parse, 2> parses;  // with all distances, and with the two commonest
  std::array<ColorTableCoding, 2> colorTables;
  std::vector<std::uint32_t> lastColors, lastOrder;  // the last colour set (ascending) and the order chosen
  ColorTableCoding* lastTable = nullptr;             // and its coding (one of colorTables)
  CostModel model;
};

}  // namespace

void encodeScaledVp8l(const Canvas& canvas, const ScaleMaps& maps, const PixelRect& rect,
                      std::vector<std::uint8_t>& out, bool continueSequence) {
  thread_local Scratch s;
  const std::uint32_t* cols = maps.cols.source.data() + rect.x;
  const std::uint32_t* rows = maps.rows.source.data() + rect.y;
  const auto width = static_cast<std::uint32_t>(rect.width);
  const auto height = static_cast<std::uint32_t>(rect.height);

  // The distinct colours among the source pixels the rectangle reads, in
  // ascending ARGB order, and each pixel's index among them.
  const auto [colMin, colMax] = std::minmax_element(cols, cols + width);
  const auto [rowMin, rowMax] = std::minmax_element(rows, rows + height);
  s.table.clear();
  for (std::uint32_t y = *rowMin; y <= *rowMax; ++y) {
    for (std::uint32_t x = *colMin; x <= *colMax; ++x) {
      const std::size_t p = y * kNativeSize + x;
      s.slot[p] = s.table.insert(argbAt(canvas, p));
    }
  }
  const std::size_t ncolors = s.table.size();
  const bool indexed = ncolors <= kMaxPalette;
  const std::span<const std::uint32_t> palette = s.table.colors();
  if (indexed) {
    // Frames of one animation mostly share their colours: choosing the order
    // is remembered for the last set seen.
    const std::span<std::uint32_t> colors = s.table.colors();
    std::sort(colors.begin(), colors.end());
    if (std::equal(colors.begin(), colors.end(), s.lastColors.begin(), s.lastColors.end())) {
      std::copy(s.lastOrder.begin(), s.lastOrder.end(), colors.begin());
    } else {
      s.lastColors.assign(colors.begin(), colors.end());
      ColorTableCoding* chosen = nullptr;
      choosePaletteOrder(colors, s.colorTables, chosen);
      s.lastOrder.assign(colors.begin(), colors.end());
      s.lastTable = chosen;
    }
    s.table.numberSlots();
  }
  const int xbits = !indexed ? 0 : ncolors <= 2 ? 3 : ncolors <= 4 ? 2 : ncolors <= 16 ? 1 : 0;
  const std::uint32_t packedWidth = (width + (1u << xbits) - 1) >> xbits;
  const int bitsPerPixel = 8 >> xbits;
  const std::uint32_t xmask = (1u << xbits) - 1;
  bool alphaUsed = false;
  for (const std::uint32_t c : palette) alphaUsed |= (c >> 24) != 0xff;

  // Packed rows: palette indices in the green channel (alpha 255, red and
  // blue 0, as the spec describes the transform), or the pixels themselves.
  const std::uint32_t sourceRows = *rowMax - *rowMin + 1;
  s.packed.assign(static_cast<std::size_t>(sourceRows) * packedWidth, 0);
  for (std::uint32_t y = *rowMin; y <= *rowMax; ++y) {
    std::uint32_t* symbols = s.symbols.data() + y * kNativeSize;
    for (std::uint32_t x = *colMin; x <= *colMax; ++x) {
      symbols[x] = indexed ? s.table.index(s.slot[y * kNativeSize + x]) : argbAt(canvas, y * kNativeSize + x);
    }
    std::uint32_t* packed = s.packed.data() + static_cast<std::size_t>(y - *rowMin) * packedWidth;
    if (!indexed) {
      for (std::uint32_t x = 0; x < width; ++x) packed[x] = symbols[cols[x]];
      continue;
    }
    for (std::uint32_t x = 0; x < width; ++x) {
      packed[x >> xbits] |= symbols[cols[x]] << (8 + static_cast<int>(x & xmask) * bitsPerPixel);
    }
    for (std::uint32_t x = 0; x < packedWidth; ++x) packed[x] |= 0xff000000u;
  }

  s.lines.resize(height);
  for (std::uint32_t y = 0; y < height; ++y) {
    s.lines[y] = s.packed.data() + static_cast<std::size_t>(rows[y] - *rowMin) * packedWidth;
  }
  // Parse with the costs the previous frame's codes had or, for a first
  // frame, with default costs and then with the costs that parse would have.
  MatchFinder(s.lines, packedWidth, s.matches);
  Parse* parse = &s.parses[0];
  const auto run = [&](Parse& p, const CostModel& model) {
    Parser(s.matches, packedWidth, model, p.tokens);
    histogramsOf(p.tokens, p.histograms);
    p.codes.build(p.histograms);
    return p.codes.bits(p.histograms);
  };
  if (!continueSequence) {
    s.model.setDefault();
    run(*parse, s.model);
    s.model.fromCodes(parse->codes, parse->histograms);
  }
  const std::size_t bits = run(*parse, s.model);
  // A third distance symbol turns the two-symbol distance code (12 bits)
  // into a full one (~40 more), which a few rare copies seldom repay, and
  // the parse cannot see that: try again with the two commonest only.
  const auto distances = parse->histograms.distance.counts();
  if (std::count_if(distances.begin(), distances.end(), [](std::uint32_t c) { return c != 0; }) > 2) {
    CostModel& narrow = s.narrowModel;
    narrow = s.model;
    std::array<std::uint32_t, kDistanceSymbols> top{};
    std::copy(distances.begin(), distances.end(), top.begin());
    const auto first = std::max_element(top.begin(), top.end()) - top.begin();
    top[static_cast<std::size_t>(first)] = 0;
    const auto second = std::max_element(top.begin(), top.end()) - top.begin();
    for (std::size_t i = 0; i < kDistanceSymbols; ++i) {
      if (static_cast<std::ptrdiff_t>(i) != first && static_cast<std::ptrdiff_t>(i) != second)
        narrow.distance[i] = kBanned;
    }
    if (run(s.parses[1], narrow) < bits) parse = &s.parses[1];
  }
  s.model.fromCodes(parse->codes, parse->histograms);

  out.clear();
  BitWriter w(out);
  w.put(kSignature, 8);
  w.put(width - 1, 14);
  w.put(height - 1, 14);
  w.put(alphaUsed ? 1u : 0u, 1);
  w.put(0, 3);  // version
  if (indexed) {
    w.put(1, 1);
    w.put(kColorIndexingTransform, 2);
    w.put(static_cast<std::uint32_t>(ncolors - 1), 8);
    s.lastTable->write(w);
  }
  w.put(0, 1);  // no further transforms
  w.put(0, 1);  // no colour cache
  w.put(0, 1);  // one prefix-code group for the whole image
  writeTokens(w, parse->tokens, parse->codes);
  w.flush();
}

}  // namespace pixabots::core::detail
