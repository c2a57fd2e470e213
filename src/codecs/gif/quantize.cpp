#include "codecs/gif/quantize.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace pixabots::core::detail {
namespace {

int channel(std::uint32_t rgb, int c) { return static_cast<int>((rgb >> (8 * c)) & 0xffu); }

struct Box {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint64_t count = 0;
  int range = 0;   // the widest channel's max - min
  int widest = 0;  // that channel, 0 = R, 1 = G, 2 = B (first on ties)
};

Box measure(std::span<const HistogramColour> colours, std::size_t begin, std::size_t end) {
  Box box{begin, end, 0, 0, 0};
  std::array<int, 3> lo{255, 255, 255};
  std::array<int, 3> hi{0, 0, 0};
  for (std::size_t i = begin; i < end; ++i) {
    box.count += colours[i].count;
    for (int c = 0; c < 3; ++c) {
      lo[static_cast<std::size_t>(c)] = std::min(lo[static_cast<std::size_t>(c)], channel(colours[i].rgb, c));
      hi[static_cast<std::size_t>(c)] = std::max(hi[static_cast<std::size_t>(c)], channel(colours[i].rgb, c));
    }
  }
  for (int c = 0; c < 3; ++c) {
    const int r = hi[static_cast<std::size_t>(c)] - lo[static_cast<std::size_t>(c)];
    if (r > box.range) {
      box.range = r;
      box.widest = c;
    }
  }
  return box;
}

// The count-weighted mean of the box, each channel rounded half up.
std::uint32_t average(std::span<const HistogramColour> colours, const Box& box) {
  std::array<std::uint64_t, 3> sum{};
  for (std::size_t i = box.begin; i < box.end; ++i) {
    for (int c = 0; c < 3; ++c) {
      sum[static_cast<std::size_t>(c)] +=
          std::uint64_t{colours[i].count} * static_cast<std::uint64_t>(channel(colours[i].rgb, c));
    }
  }
  std::uint32_t rgb = 0;
  const std::uint64_t n = std::max<std::uint64_t>(box.count, 1);
  for (int c = 0; c < 3; ++c)
    rgb |= static_cast<std::uint32_t>((2 * sum[static_cast<std::size_t>(c)] + n) / (2 * n)) << (8 * c);
  return rgb;
}

}  // namespace

void medianCut(std::span<const HistogramColour> input, int maxColours, std::vector<std::uint32_t>& palette,
               std::vector<std::uint8_t>& mapping) {
  std::vector<HistogramColour> colours(input.begin(), input.end());
  std::vector<Box> boxes;
  if (!colours.empty()) boxes.push_back(measure(colours, 0, colours.size()));
  while (boxes.size() < static_cast<std::size_t>(maxColours)) {
    // Split the box with the widest channel range; ties go to the larger
    // pixel count, then to the earlier box.
    std::size_t pick = boxes.size();
    for (std::size_t b = 0; b < boxes.size(); ++b) {
      if (boxes[b].range == 0) continue;
      if (pick == boxes.size() || boxes[b].range > boxes[pick].range ||
          (boxes[b].range == boxes[pick].range && boxes[b].count > boxes[pick].count)) {
        pick = b;
      }
    }
    if (pick == boxes.size()) break;  // every box holds one colour
    const Box box = boxes[pick];
    const int c = box.widest;
    const auto first = colours.begin() + static_cast<std::ptrdiff_t>(box.begin);
    const auto last = colours.begin() + static_cast<std::ptrdiff_t>(box.end);
    // Colours are distinct, so ordering by (channel, rgb) is total: the result
    // does not depend on the sort algorithm.
    std::sort(first, last, [c](const HistogramColour& a, const HistogramColour& b) {
      const int ca = channel(a.rgb, c);
      const int cb = channel(b.rgb, c);
      return ca != cb ? ca < cb : a.rgb < b.rgb;
    });
    // Cut after the colour where the running count first reaches half,
    // keeping at least one colour on each side.
    std::uint64_t running = 0;
    std::size_t cut = box.begin + 1;
    for (std::size_t i = box.begin; i + 1 < box.end; ++i) {
      running += colours[i].count;
      cut = i + 1;
      if (2 * running >= box.count) break;
    }
    boxes[pick] = measure(colours, box.begin, cut);
    boxes.push_back(measure(colours, cut, box.end));
  }

  palette.clear();
  for (const Box& box : boxes) palette.push_back(average(colours, box));

  mapping.assign(input.size(), 0);
  for (std::size_t i = 0; i < input.size(); ++i) {
    int best = 0;
    int bestDistance = 1 << 30;
    for (std::size_t p = 0; p < palette.size(); ++p) {
      int d = 0;
      for (int ch = 0; ch < 3; ++ch) {
        const int diff = channel(input[i].rgb, ch) - channel(palette[p], ch);
        d += diff * diff;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = static_cast<int>(p);
      }
    }
    mapping[i] = static_cast<std::uint8_t>(best);
  }
}

}  // namespace pixabots::core::detail
