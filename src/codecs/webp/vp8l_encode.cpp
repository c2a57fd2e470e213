// VP8L written directly rather than through WebPEncode: libwebp analyses every
// output pixel (up to 1920x1920) to rediscover what the maps already say, that
// the picture is 32x32 blocks and most rows repeat. See docs/formats.md.
//
// The encoder is split by job: vp8l_symbols.hpp (distance codes, prefix
// values, tokens), vp8l_palette (colour-indexing transform), vp8l_matches
// (LZ77 match finding), vp8l_parse (choosing literals, runs and copies),
// vp8l_entropy (histograms, prefix codes, cost model); this file frames one
// image.
#include "codecs/webp/vp8l_encode.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "codecs/webp/bit_writer.hpp"
#include "codecs/webp/vp8l_entropy.hpp"
#include "codecs/webp/vp8l_matches.hpp"
#include "codecs/webp/vp8l_palette.hpp"
#include "codecs/webp/vp8l_parse.hpp"

namespace pixabots::core::detail {
namespace vp8l {
namespace {

constexpr std::uint32_t kSignature = 0x2f;
constexpr std::uint32_t kColorIndexingTransform = 3;

std::uint32_t argbAt(const Canvas& canvas, std::size_t pixel) {
  const std::uint8_t* p = canvas.data() + pixel * 4;
  return static_cast<std::uint32_t>(p[3]) << 24 | static_cast<std::uint32_t>(p[0]) << 16 |
         static_cast<std::uint32_t>(p[1]) << 8 | p[2];
}

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
}  // namespace vp8l

void encodeScaledVp8l(const Canvas& canvas, const ScaleMaps& maps, const PixelRect& rect,
                      std::vector<std::uint8_t>& out, bool continueSequence) {
  using namespace vp8l;
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
  findMatches(s.lines, packedWidth, s.matches);
  Parse* parse = &s.parses[0];
  const auto run = [&](Parse& p, const CostModel& model) {
    parseRows(s.matches, packedWidth, model, p.tokens);
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
