#include <array>
#include <cstdio>

#include "pixabots/core/svg.hpp"
#include "render/pipeline.hpp"

namespace pixabots::core {
namespace {

using detail::Canvas;
using detail::kCanvasStride;

const std::uint8_t* pixelAt(const Canvas& canvas, int x, int y) {
  return canvas.data() + static_cast<std::size_t>(y) * kCanvasStride + static_cast<std::size_t>(x) * 4;
}

bool samePixel(const std::uint8_t* a, const std::uint8_t* b) { return std::equal(a, a + 4, b); }

// fill-opacity text for every alpha: alpha/255 to 3 decimals, as JavaScript's
// toFixed(3) prints it. Built once; formatting per rect would dominate.
const std::array<std::string, 256> kOpacity = [] {
  std::array<std::string, 256> table;
  for (int a = 0; a < 256; ++a) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", a / 255.0);
    table[static_cast<std::size_t>(a)] = buf;
  }
  return table;
}();

void appendInt(std::string& out, int v) {  // 0..32
  if (v >= 10) out += static_cast<char>('0' + v / 10);
  out += static_cast<char>('0' + v % 10);
}

void appendRect(std::string& out, int x, int y, int w, int h, const std::uint8_t* px) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "<rect x=\"";
  appendInt(out, x);
  out += "\" y=\"";
  appendInt(out, y);
  out += "\" width=\"";
  appendInt(out, w);
  out += "\" height=\"";
  appendInt(out, h);
  out += "\" fill=\"#";
  for (int c = 0; c < 3; ++c) {
    out += kHex[px[c] >> 4];
    out += kHex[px[c] & 15];
  }
  out += '"';
  if (px[3] < 255) {
    out += " fill-opacity=\"";
    out += kOpacity[px[3]];
    out += '"';
  }
  out += "/>";
}

// Greedy rectangles: a horizontal run of one colour, grown down while the rows
// below repeat exactly that run.
void appendCompact(std::string& out, const Canvas& canvas) {
  std::array<std::array<bool, kNativeSize>, kNativeSize> done{};
  for (int y = 0; y < kNativeSize; ++y) {
    for (int x = 0; x < kNativeSize; ++x) {
      const std::uint8_t* px = pixelAt(canvas, x, y);
      if (px[3] == 0 || done[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)]) continue;
      int w = 1;
      while (x + w < kNativeSize && !done[static_cast<std::size_t>(y)][static_cast<std::size_t>(x + w)] &&
             samePixel(pixelAt(canvas, x + w, y), px)) {
        ++w;
      }
      int h = 1;
      for (; y + h < kNativeSize; ++h) {
        bool same = true;
        for (int i = 0; i < w && same; ++i) {
          same = !done[static_cast<std::size_t>(y + h)][static_cast<std::size_t>(x + i)] &&
                 samePixel(pixelAt(canvas, x + i, y + h), px);
        }
        if (!same) break;
      }
      for (int j = 0; j < h; ++j) {
        for (int i = 0; i < w; ++i) done[static_cast<std::size_t>(y + j)][static_cast<std::size_t>(x + i)] = true;
      }
      appendRect(out, x, y, w, h, px);
    }
  }
}

}  // namespace

std::string renderSvg(const Pack& pack, const Combo& combo, const RenderOptions& options, const SvgOptions& svg) {
  validate(options);
  Canvas canvas;
  detail::composite(detail::stillLayers(pack, combo), canvas);

  std::string out;
  out.reserve(svg.compact ? 4096 : 65536);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(options.size) + "\" height=\"" +
         std::to_string(options.size) + "\" viewBox=\"0 0 32 32\" shape-rendering=\"crispEdges\">";
  if (options.bg) {
    const std::uint8_t bg[4] = {options.bg->r, options.bg->g, options.bg->b, 255};
    appendRect(out, 0, 0, kNativeSize, kNativeSize, bg);
  }
  if (svg.compact) {
    appendCompact(out, canvas);
  } else {
    for (int y = 0; y < kNativeSize; ++y) {
      for (int x = 0; x < kNativeSize; ++x) {
        if (pixelAt(canvas, x, y)[3] != 0) appendRect(out, x, y, 1, 1, pixelAt(canvas, x, y));
      }
    }
  }
  out += "</svg>";
  return out;
}

}  // namespace pixabots::core
