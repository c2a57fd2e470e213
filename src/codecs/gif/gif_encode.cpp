// Animated GIF: one global palette, frame 0 whole, later frames only the
// rectangle that changed, written with our own LZW (codecs/gif/lzw.hpp)
// because giflib's hashed encoder costs several times more per pixel.
#include "codecs/gif/gif_encode.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "codecs/gif/lzw.hpp"
#include "codecs/gif/quantize.hpp"
#include "pixabots/core/gif.hpp"

namespace pixabots::core {
namespace detail {
namespace {

constexpr int kSide = kNativeSize;
constexpr std::size_t kPixels = std::size_t{kSide} * kSide;
constexpr std::uint8_t kClear = 0;  // palette index 0 is the transparent one
constexpr std::size_t kMaxOpaqueColours = 255;
constexpr std::uint8_t kOpaqueAlpha = 128;  // the service's threshold: 128 shows, 64 does not
constexpr int kKeepDisposal = 1;            // "do not dispose"
constexpr int kClearDisposal = 2;           // "restore to background": decoders clear the rectangle

using IndexCanvas = std::array<std::uint8_t, kPixels>;

// Native pixel rectangle, half-open; empty until something is added.
struct Rect {
  int x0 = kSide, y0 = kSide, x1 = 0, y1 = 0;
  bool empty() const { return x0 >= x1 || y0 >= y1; }
  void add(int x, int y) {
    x0 = std::min(x0, x);
    y0 = std::min(y0, y);
    x1 = std::max(x1, x + 1);
    y1 = std::max(y1, y + 1);
  }
  void add(const Rect& r) {
    if (r.empty()) return;
    add(r.x0, r.y0);
    add(r.x1 - 1, r.y1 - 1);
  }
};

// Colour (0xBBGGRR) -> 1-based id in order of first appearance. Open
// addressing; only the slots a call used are cleared again.
class ColourIds {
 public:
  void reset() {
    for (const std::uint32_t slot : used_) keys_[slot] = 0;
    used_.clear();
  }
  std::uint16_t find(std::uint32_t rgb, std::vector<HistogramColour>& colours) {
    const std::uint32_t key = rgb | kPresent;
    std::uint32_t slot = (key * 2654435761u) >> (32 - kBits);
    while (keys_[slot] != 0) {
      if (keys_[slot] == key) return ids_[slot];
      slot = (slot + 1) & (kSlots - 1);
    }
    keys_[slot] = key;
    used_.push_back(slot);
    colours.push_back({rgb, 0});
    ids_[slot] = static_cast<std::uint16_t>(colours.size());
    return ids_[slot];
  }

 private:
  static constexpr std::uint32_t kPresent = 1u << 24;
  static constexpr int kBits = 15;  // twice the most colours 16 frames can hold
  static constexpr std::uint32_t kSlots = 1u << kBits;
  std::array<std::uint32_t, kSlots> keys_{};
  std::array<std::uint16_t, kSlots> ids_{};
  std::vector<std::uint32_t> used_;
};

struct Scratch {
  ColourIds ids;
  std::vector<HistogramColour> colours;
  std::array<std::array<std::uint16_t, kPixels>, kLoopTicks> provisional{};
  std::array<IndexCanvas, kLoopTicks> indexed{};
  std::array<std::uint32_t, 256> palette{};
  std::size_t paletteSize = 0;  // entries in use, the transparent one included
  std::vector<std::uint32_t> reduced;
  std::vector<std::uint8_t> mapping;
  IndexCanvas base{};  // what a decoder shows before the frame being written
  IndexCanvas emit{};  // the frame's pixels as written (kClear = keep what is shown)
  std::array<std::uint8_t, kMaxSize> row{};
  std::array<std::uint16_t, kMaxSize> runEnds{};
  LzwEncoder lzw;
};

Scratch& scratch() {
  // On the heap, not in static TLS: about 2.2 MiB (mostly the LZW trie) for
  // each thread that encodes a GIF, none for the others.
  thread_local std::unique_ptr<Scratch> s;
  if (!s) s = std::make_unique<Scratch>();
  return *s;
}

// The global palette and every frame as palette indices.
void indexColours(const AnimationFrames& frames, Scratch& s) {
  s.ids.reset();
  s.colours.clear();
  for (std::size_t k = 0; k < static_cast<std::size_t>(frames.count); ++k) {
    const std::uint8_t* px = frames.canvases[k].data();
    std::array<std::uint16_t, kPixels>& ids = s.provisional[k];
    std::uint32_t lastRgb = 0xffffffffu;  // no colour: the cache starts empty
    std::uint16_t lastId = 0;
    for (std::size_t p = 0; p < kPixels; ++p, px += 4) {
      if (px[3] < kOpaqueAlpha) {
        ids[p] = 0;
        continue;
      }
      const std::uint32_t rgb = px[0] | (std::uint32_t{px[1]} << 8) | (std::uint32_t{px[2]} << 16);
      if (rgb != lastRgb) {
        lastId = s.ids.find(rgb, s.colours);
        lastRgb = rgb;
      }
      ids[p] = lastId;
      ++s.colours[lastId - 1u].count;
    }
  }

  s.palette.fill(0);
  if (s.colours.size() <= kMaxOpaqueColours) {
    for (std::size_t i = 0; i < s.colours.size(); ++i) s.palette[i + 1] = s.colours[i].rgb;
    s.paletteSize = s.colours.size() + 1;
    for (std::size_t k = 0; k < static_cast<std::size_t>(frames.count); ++k) {
      std::transform(s.provisional[k].begin(), s.provisional[k].end(), s.indexed[k].begin(),
                     [](std::uint16_t id) { return static_cast<std::uint8_t>(id); });
    }
    return;
  }
  medianCut(s.colours, static_cast<int>(kMaxOpaqueColours), s.reduced, s.mapping);
  for (std::size_t i = 0; i < s.reduced.size(); ++i) s.palette[i + 1] = s.reduced[i];
  s.paletteSize = s.reduced.size() + 1;
  for (std::size_t k = 0; k < static_cast<std::size_t>(frames.count); ++k) {
    std::transform(s.provisional[k].begin(), s.provisional[k].end(), s.indexed[k].begin(), [&s](std::uint16_t id) {
      return id == 0 ? kClear : static_cast<std::uint8_t>(s.mapping[id - 1u] + 1u);
    });
  }
}

// The output positions each native row or column covers.
struct Spans {
  std::array<int, kSide> first{};
  std::array<int, kSide> last{};
};

Spans spansOf(const AxisMap& axis) {
  Spans spans;
  spans.first.fill(axis.size);
  spans.last.fill(-1);
  for (int i = 0; i < axis.size; ++i) {
    const std::size_t n = axis.source[static_cast<std::size_t>(i)];
    spans.first[n] = std::min(spans.first[n], i);
    spans.last[n] = i;
  }
  return spans;
}

void putU16(std::vector<std::uint8_t>& out, int v) {
  out.push_back(static_cast<std::uint8_t>(v & 0xff));
  out.push_back(static_cast<std::uint8_t>((v >> 8) & 0xff));
}

void writeHeader(std::vector<std::uint8_t>& out, int size, const Scratch& s, int depth) {
  static constexpr std::uint8_t kSignature[] = {'G', 'I', 'F', '8', '9', 'a'};
  out.insert(out.end(), std::begin(kSignature), std::end(kSignature));
  putU16(out, size);
  putU16(out, size);
  // Global table present, colour resolution and table size from the depth.
  out.push_back(static_cast<std::uint8_t>(0x80 | ((depth - 1) << 4) | (depth - 1)));
  out.push_back(kClear);  // background: the transparent index, what disposal 2 restores
  out.push_back(0);       // square pixels
  for (std::size_t i = 0; i < (std::size_t{1} << depth); ++i) {
    const std::uint32_t rgb = s.palette[i];
    out.push_back(static_cast<std::uint8_t>(rgb));
    out.push_back(static_cast<std::uint8_t>(rgb >> 8));
    out.push_back(static_cast<std::uint8_t>(rgb >> 16));
  }
  // NETSCAPE2.0 application extension: loop count 0 = forever.
  static constexpr std::uint8_t kLoop[] = {0x21, 0xff, 0x0b, 'N', 'E',  'T',  'S',  'C',  'A', 'P',
                                           'E',  '2',  '.',  '0', 0x03, 0x01, 0x00, 0x00, 0x00};
  out.insert(out.end(), std::begin(kLoop), std::end(kLoop));
}

// Within the changed rectangle, an unchanged pixel may be written as its
// colour or as the transparent index (keep what is shown). Writing the colour
// when a neighbour in the row is written as that colour extends runs, which
// LZW codes cheaply; otherwise transparent joins the run of kept pixels.
std::uint8_t keepOrColour(std::uint8_t colour, std::uint8_t left, std::uint8_t right) {
  return (colour == left || colour == right) ? colour : kClear;
}

void planPixels(const IndexCanvas& cur, const Rect& rect, Scratch& s) {
  const IndexCanvas& base = s.base;
  IndexCanvas& emit = s.emit;
  for (int y = rect.y0; y < rect.y1; ++y) {
    const std::size_t rowStart = static_cast<std::size_t>(y) * kSide;
    std::uint8_t left = 0xff;  // nothing written yet on this row
    for (int x = rect.x0; x < rect.x1;) {
      const std::size_t p = rowStart + static_cast<std::size_t>(x);
      if (cur[p] != base[p]) {
        left = emit[p] = cur[p];
        ++x;
        continue;
      }
      // A run of unchanged pixels of one colour, decided as a whole.
      int end = x + 1;
      while (end < rect.x1 && cur[rowStart + static_cast<std::size_t>(end)] == cur[p] &&
             cur[rowStart + static_cast<std::size_t>(end)] == base[rowStart + static_cast<std::size_t>(end)]) {
        ++end;
      }
      const std::size_t after = rowStart + static_cast<std::size_t>(end);
      const std::uint8_t right = (end < rect.x1 && cur[after] != base[after]) ? cur[after] : kClear;
      const std::uint8_t value = keepOrColour(cur[p], left, right);
      std::fill(emit.begin() + static_cast<std::ptrdiff_t>(p), emit.begin() + static_cast<std::ptrdiff_t>(after),
                value);
      left = value;
      x = end;
    }
  }
}

void writeFrame(std::vector<std::uint8_t>& out, const Rect& rect, int disposal, int delayCs, int minCodeSize,
                const ScaleMaps& maps, const Spans& cols, const Spans& rows, Scratch& s) {
  const int left = cols.first[static_cast<std::size_t>(rect.x0)];
  const int right = cols.last[static_cast<std::size_t>(rect.x1 - 1)] + 1;
  const int top = rows.first[static_cast<std::size_t>(rect.y0)];
  const int bottom = rows.last[static_cast<std::size_t>(rect.y1 - 1)] + 1;

  // Graphic control extension: disposal, transparency on (index 0), delay.
  out.push_back(0x21);
  out.push_back(0xf9);
  out.push_back(0x04);
  out.push_back(static_cast<std::uint8_t>((disposal << 2) | 1));
  putU16(out, delayCs);
  out.push_back(kClear);
  out.push_back(0x00);
  // Image descriptor: no local table, not interlaced.
  out.push_back(0x2c);
  putU16(out, left);
  putU16(out, top);
  putU16(out, right - left);
  putU16(out, bottom - top);
  out.push_back(0x00);

  s.lzw.begin(minCodeSize);
  std::uint32_t shown = 0xffffffffu;  // the native row held in s.row
  const std::size_t width = static_cast<std::size_t>(right - left);
  for (int y = top; y < bottom; ++y) {
    const std::uint32_t source = maps.rows.source[static_cast<std::size_t>(y)];
    if (source != shown) {
      // Expand the native row once; the output rows that repeat it reuse it.
      // Runs are found on the native pixels (equal neighbours merge), then
      // written out with their output ends.
      // Locals: stores through the uint8_t row could alias everything else.
      const std::uint8_t* native = s.emit.data() + std::size_t{source} * kSide;
      std::uint8_t* const row = s.row.data();
      std::uint16_t* const runEnds = s.runEnds.data();
      auto runEnd = static_cast<std::uint16_t>(right - left);
      for (int x = rect.x1 - 1; x >= rect.x0; --x) {
        const auto from = static_cast<std::size_t>(cols.first[static_cast<std::size_t>(x)] - left);
        const auto to = static_cast<std::size_t>(cols.last[static_cast<std::size_t>(x)] + 1 - left);
        const std::uint8_t value = native[x];
        if (x + 1 < rect.x1 && native[x + 1] != value) runEnd = static_cast<std::uint16_t>(to);
        // Spans are short at small sizes, where a memset call per span would cost more.
        for (std::size_t o = from; o < to; ++o) {
          row[o] = value;
          runEnds[o] = runEnd;
        }
      }
      shown = source;
    }
    s.lzw.write(s.row.data(), s.runEnds.data(), width);
  }
  s.lzw.finish(out);
}

// The bounding box of the pixels where pred(a, b) (0 or 1) holds; flags are
// OR-ed per row and per column so the loops vectorise.
template <class Pred>
Rect boxWhere(const IndexCanvas& a, const IndexCanvas& b, Pred pred) {
  Rect box;
  std::array<std::uint8_t, kSide> columns{};
  for (int y = 0; y < kSide; ++y) {
    const std::size_t row = static_cast<std::size_t>(y) * kSide;
    std::uint8_t any = 0;
    for (std::size_t x = 0; x < kSide; ++x) {
      const std::uint8_t flag = pred(a[row + x], b[row + x]);
      columns[x] |= flag;
      any |= flag;
    }
    if (any == 0) continue;
    box.y0 = std::min(box.y0, y);
    box.y1 = y + 1;
  }
  for (int x = 0; x < kSide; ++x) {
    if (columns[static_cast<std::size_t>(x)] != 0) {
      box.x0 = std::min(box.x0, x);
      box.x1 = x + 1;
    }
  }
  return box;
}

int depthFor(std::size_t entries) {
  int depth = 1;
  while ((std::size_t{1} << depth) < entries) ++depth;
  return depth;
}

}  // namespace

void encodeAnimatedGif(const AnimationFrames& frames, int tickMs, const ScaleMaps& maps,
                       std::vector<std::uint8_t>& out) {
  out.clear();
  Scratch& s = scratch();
  indexColours(frames, s);
  const int depth = depthFor(s.paletteSize);
  const int minCodeSize = std::max(2, depth);  // GIF's LZW needs at least 2 bits
  writeHeader(out, maps.cols.size, s, depth);

  const Spans cols = spansOf(maps.cols);
  const Spans rows = spansOf(maps.rows);
  // Each tick rounds to whole centiseconds on its own, as the service's
  // encoder does before merging frames (speed 3: 24 ms ticks, a merged pair is 4 cs).
  const int tickCs = (tickMs + 5) / 10;
  const std::size_t count = static_cast<std::size_t>(frames.count);
  s.base.fill(kClear);
  for (std::size_t k = 0; k < count; ++k) {
    const IndexCanvas& cur = s.indexed[k];
    const IndexCanvas& next = s.indexed[(k + 1) % count];  // the last frame loops to frame 0
    const Rect rect0 = k == 0 ? Rect{0, 0, kSide, kSide} : boxWhere(cur, s.base, [](std::uint8_t a, std::uint8_t b) {
      return static_cast<std::uint8_t>(a != b);
    });
    // Pixels the next frame makes transparent: "do not dispose" could never
    // clear them, so this frame is restored to background after showing, and
    // its rectangle grows to cover them.
    const Rect clears = boxWhere(cur, next, [](std::uint8_t a, std::uint8_t b) {
      return static_cast<std::uint8_t>((a != kClear) & (b == kClear));
    });
    Rect rect = rect0;
    const int disposal = clears.empty() ? kKeepDisposal : kClearDisposal;
    rect.add(clears);
    if (rect.empty()) rect = {0, 0, 1, 1};  // nothing visible changed: one kept pixel

    planPixels(cur, rect, s);
    const int ticks = std::max(1, (frames.delayMs[k] + tickMs / 2) / tickMs);
    writeFrame(out, rect, disposal, tickCs * ticks, minCodeSize, maps, cols, rows, s);

    s.base = cur;
    if (disposal == kClearDisposal) {
      for (int y = rect.y0; y < rect.y1; ++y) {
        std::fill_n(s.base.begin() + y * kSide + rect.x0, rect.x1 - rect.x0, kClear);
      }
    }
  }
  out.push_back(0x3b);  // trailer
}

}  // namespace detail

std::vector<std::uint8_t> renderGif(const Pack& pack, const Combo& combo, const RenderOptions& options) {
  // ~64 KiB of canvases: per thread on the heap rather than on the stack.
  thread_local std::unique_ptr<detail::AnimationFrames> frames;
  if (!frames) frames = std::make_unique<detail::AnimationFrames>();
  detail::composeAnimation(pack, combo, options, *frames);
  const detail::ScaleMaps maps(options.size);
  thread_local std::vector<std::uint8_t> bytes;
  detail::encodeAnimatedGif(*frames, frameDelayMs(options.speed), maps, bytes);
  return {bytes.begin(), bytes.end()};
}

}  // namespace pixabots::core
