// VP8L written directly rather than through WebPEncode: libwebp analyses every
// output pixel (up to 1920x1920) to rediscover what the maps already say, that
// the picture is 32x32 blocks and most rows repeat. See docs/formats.md.
#include "codecs/webp/vp8l_encode.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "codecs/webp/bit_writer.hpp"
#include "codecs/webp/prefix_code.hpp"

namespace pixabots::detail {
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

// The spec's neighbourhood: distance code i + 1 copies from xi pixels to the
// left (negative: right) and yi rows up.
constexpr std::int8_t kDistanceMap[kPlaneCodes][2] = {
    {0, 1},  {1, 0},  {1, 1},  {-1, 1}, {0, 2},  {2, 0},  {1, 2},  {-1, 2}, {2, 1},  {-2, 1}, {2, 2},  {-2, 2},
    {0, 3},  {3, 0},  {1, 3},  {-1, 3}, {3, 1},  {-3, 1}, {2, 3},  {-2, 3}, {3, 2},  {-3, 2}, {0, 4},  {4, 0},
    {1, 4},  {-1, 4}, {4, 1},  {-4, 1}, {3, 3},  {-3, 3}, {2, 4},  {-2, 4}, {4, 2},  {-4, 2}, {0, 5},  {3, 4},
    {-3, 4}, {4, 3},  {-4, 3}, {5, 0},  {1, 5},  {-1, 5}, {5, 1},  {-5, 1}, {2, 5},  {-2, 5}, {5, 2},  {-5, 2},
    {4, 4},  {-4, 4}, {3, 5},  {-3, 5}, {5, 3},  {-5, 3}, {0, 6},  {6, 0},  {1, 6},  {-1, 6}, {6, 1},  {-6, 1},
    {2, 6},  {-2, 6}, {6, 2},  {-6, 2}, {4, 5},  {-4, 5}, {5, 4},  {-5, 4}, {3, 6},  {-3, 6}, {6, 3},  {-6, 3},
    {0, 7},  {7, 0},  {1, 7},  {-1, 7}, {5, 5},  {-5, 5}, {7, 1},  {-7, 1}, {4, 6},  {-4, 6}, {6, 4},  {-6, 4},
    {2, 7},  {-2, 7}, {7, 2},  {-7, 2}, {3, 7},  {-3, 7}, {7, 3},  {-7, 3}, {5, 6},  {-5, 6}, {6, 5},  {-6, 5},
    {8, 0},  {4, 7},  {-4, 7}, {7, 4},  {-7, 4}, {8, 1},  {8, 2},  {6, 6},  {-6, 6}, {8, 3},  {5, 7},  {-5, 7},
    {7, 5},  {-7, 5}, {8, 4},  {6, 7},  {-6, 7}, {7, 6},  {-7, 6}, {8, 5},  {7, 7},  {-7, 7}, {8, 6},  {8, 7}};

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

// What VP8L stores for a copy `distance` pixels back in an image `width`
// pixels wide: a neighbourhood code when the source is close, else distance + 120.
std::uint32_t distanceValue(std::uint32_t distance, std::uint32_t width) {
  const std::uint32_t yi = distance / width;
  const std::uint32_t xi = distance % width;
  std::uint32_t best = distance + kPlaneCodes;
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

struct Scratch {
  std::array<std::uint32_t, kCanvasPixels> symbols{};  // per canvas pixel: palette index, or ARGB
  std::array<std::uint32_t, kCanvasPixels> colors{};
  std::vector<std::uint32_t> packed;        // one packed row per source row the rectangle reads
  std::vector<const std::uint32_t*> lines;  // output row -> its packed row
  std::vector<Token> tokens;
};

std::uint32_t argbAt(const Canvas& canvas, std::size_t pixel) {
  const std::uint8_t* p = canvas.data() + pixel * 4;
  return static_cast<std::uint32_t>(p[3]) << 24 | static_cast<std::uint32_t>(p[0]) << 16 |
         static_cast<std::uint32_t>(p[1]) << 8 | p[2];
}

struct Histograms {
  std::array<std::uint32_t, kGreenSymbols> green{};
  std::array<std::uint32_t, kLiteralSymbols> red{}, blue{}, alpha{};
  std::array<std::uint32_t, kDistanceSymbols> distance{};

  void literal(std::uint32_t argb) {
    ++green[(argb >> 8) & 0xff];
    ++red[(argb >> 16) & 0xff];
    ++blue[argb & 0xff];
    ++alpha[argb >> 24];
  }
};

struct Codes {
  PrefixCode green, red, blue, alpha, distance;

  void writeAll(BitWriter& w, const Histograms& h) {
    writePrefixCode(w, h.green, green);
    writePrefixCode(w, h.red, red);
    writePrefixCode(w, h.blue, blue);
    writePrefixCode(w, h.alpha, alpha);
    writePrefixCode(w, h.distance, distance);
  }

  void literal(BitWriter& w, std::uint32_t argb) const {
    green.put(w, static_cast<int>((argb >> 8) & 0xff));
    red.put(w, static_cast<int>((argb >> 16) & 0xff));
    blue.put(w, static_cast<int>(argb & 0xff));
    alpha.put(w, static_cast<int>(argb >> 24));
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

// The five prefix codes for the tokens, then the tokens.
void writeTokens(BitWriter& w, std::span<const Token> tokens) {
  Histograms h;
  for (const Token& t : tokens) {
    if (t.length == 0) {
      h.literal(t.argb);
      continue;
    }
    const int distanceSymbol = prefixOf(t.distance).symbol;
    forEachCopy(t.length, [&](std::uint32_t chunk) {
      ++h.green[static_cast<std::size_t>(kLiteralSymbols + prefixOf(chunk).symbol)];
      ++h.distance[static_cast<std::size_t>(distanceSymbol)];
    });
  }
  Codes codes;
  codes.writeAll(w, h);
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

class Tokenizer {
 public:
  Tokenizer(std::vector<Token>& tokens, std::vector<const std::uint32_t*>& lines, std::uint32_t width)
      : tokens_(tokens), lines_(lines), width_(width) {}

  // Appends output row y (lines[y], already set).
  void row(std::uint32_t y) {
    const std::uint32_t* line = lines_[y];
    if (y > 0 && (line == lines_[y - 1] || std::memcmp(line, lines_[y - 1], width_ * 4) == 0)) {
      copy(width_, width_);
      return;
    }
    candidates(y);
    const std::uint64_t start = static_cast<std::uint64_t>(y) * width_;
    for (std::uint32_t x = 0; x < width_;) {
      std::uint32_t best = 0;
      std::uint32_t bestDistance = 0;
      for (std::size_t i = 0; i < count_; ++i) {
        const std::uint32_t d = distances_[i];
        if (d > start + x) continue;
        const std::uint32_t len = matchLength(y, x, d);
        if (len > best) {
          best = len;
          bestDistance = d;
        }
      }
      if (best >= kMinMatch) {
        copy(bestDistance, best);
        x += best;
      } else {
        tokens_.push_back({line[x], 0, 0});
        ++x;
      }
    }
  }

 private:
  // Copies with the same distance in a row are one copy, however long.
  void copy(std::uint32_t distance, std::uint32_t length) {
    const std::uint32_t value = distanceValue(distance, width_);
    if (!tokens_.empty() && tokens_.back().length != 0 && tokens_.back().distance == value) {
      tokens_.back().length += length;
    } else {
      tokens_.push_back({0, length, value});
    }
  }

  // The pixel to the left (a run), two to the left, and the three nearest
  // distinct rows above, straight or shifted by one or two pixels.
  void candidates(std::uint32_t y) {
    count_ = 0;
    distances_[count_++] = 1;
    distances_[count_++] = 2;
    const std::uint32_t* seen[3] = {};
    std::size_t distinct = 0;
    for (std::uint32_t up = y; up-- > 0 && distinct < 3;) {
      const std::uint32_t* line = lines_[up];
      if (std::find(seen, seen + distinct, line) != seen + distinct) continue;
      seen[distinct++] = line;
      const std::uint32_t base = (y - up) * width_;
      for (const int dx : {0, 1, -1, 2, -2}) {
        const auto d = static_cast<std::int64_t>(base) + dx;
        if (d >= 1) distances_[count_++] = static_cast<std::uint32_t>(d);
      }
    }
  }

  // Pixels from (x, y) to the end of the row that equal those `distance` back.
  std::uint32_t matchLength(std::uint32_t y, std::uint32_t x, std::uint32_t distance) const {
    const std::uint32_t* line = lines_[y];
    const std::uint64_t from = static_cast<std::uint64_t>(y) * width_ + x - distance;
    auto refY = static_cast<std::uint32_t>(from / width_);
    auto refX = static_cast<std::uint32_t>(from % width_);
    const std::uint32_t* ref = lines_[refY];
    std::uint32_t len = 0;
    while (x + len < width_ && line[x + len] == ref[refX]) {
      ++len;
      if (++refX == width_) {
        refX = 0;
        ref = lines_[++refY];
      }
    }
    return len;
  }

  std::vector<Token>& tokens_;
  std::vector<const std::uint32_t*>& lines_;
  std::uint32_t width_;
  std::array<std::uint32_t, 2 + 3 * 5> distances_{};
  std::size_t count_ = 0;
};

}  // namespace

void encodeScaledVp8l(const Canvas& canvas, const ScaleMaps& maps, const PixelRect& rect,
                      std::vector<std::uint8_t>& out) {
  thread_local Scratch s;
  const std::uint32_t* cols = maps.cols.source.data() + rect.x;
  const std::uint32_t* rows = maps.rows.source.data() + rect.y;
  const auto width = static_cast<std::uint32_t>(rect.width);
  const auto height = static_cast<std::uint32_t>(rect.height);

  // The source pixels the rectangle reads.
  const auto [colMin, colMax] = std::minmax_element(cols, cols + width);
  const auto [rowMin, rowMax] = std::minmax_element(rows, rows + height);
  std::size_t ncolors = 0;
  for (std::uint32_t y = *rowMin; y <= *rowMax; ++y) {
    for (std::uint32_t x = *colMin; x <= *colMax; ++x) s.colors[ncolors++] = argbAt(canvas, y * kNativeSize + x);
  }
  std::sort(s.colors.begin(), s.colors.begin() + static_cast<std::ptrdiff_t>(ncolors));
  ncolors = static_cast<std::size_t>(std::unique(s.colors.begin(), s.colors.begin() + static_cast<std::ptrdiff_t>(ncolors)) -
                                     s.colors.begin());
  const bool indexed = ncolors <= kMaxPalette;
  const auto palette = std::span<const std::uint32_t>(s.colors.data(), ncolors);
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
    for (std::uint32_t x = *colMin; x <= *colMax; ++x) {
      const std::uint32_t argb = argbAt(canvas, y * kNativeSize + x);
      s.symbols[y * kNativeSize + x] =
          indexed ? static_cast<std::uint32_t>(std::lower_bound(palette.begin(), palette.end(), argb) - palette.begin())
                  : argb;
    }
    std::uint32_t* packed = s.packed.data() + static_cast<std::size_t>(y - *rowMin) * packedWidth;
    const std::uint32_t* symbols = s.symbols.data() + y * kNativeSize;
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
  s.tokens.clear();
  Tokenizer tokenizer(s.tokens, s.lines, packedWidth);
  for (std::uint32_t y = 0; y < height; ++y) {
    s.lines[y] = s.packed.data() + static_cast<std::size_t>(rows[y] - *rowMin) * packedWidth;
    tokenizer.row(y);
  }

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
    // The table is a 1-pixel-high image of per-channel differences from the previous entry.
    std::array<Token, kMaxPalette> deltas{};
    std::uint32_t previous = 0;
    for (std::size_t i = 0; i < ncolors; ++i) {
      std::uint32_t delta = 0;
      for (int shift = 0; shift < 32; shift += 8) {
        const std::uint32_t d = ((palette[i] >> shift) - (previous >> shift)) & 0xffu;
        delta |= d << shift;
      }
      deltas[i] = {delta, 0, 0};
      previous = palette[i];
    }
    w.put(0, 1);  // no colour cache
    writeTokens(w, {deltas.data(), ncolors});
  }
  w.put(0, 1);  // no further transforms
  w.put(0, 1);  // no colour cache
  w.put(0, 1);  // one prefix-code group for the whole image
  writeTokens(w, s.tokens);
  w.flush();
}

}  // namespace pixabots::detail
