#include "codecs/webp/vp8l_palette.hpp"

#include <algorithm>

namespace pixabots::core::detail::vp8l {
namespace {

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

}  // namespace

std::size_t ColorTableCoding::plan(std::span<const std::uint32_t> palette) {
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

void ColorTableCoding::write(BitWriter& w) {
  w.put(0, 1);  // no colour cache
  writeTokens(w, {deltas.data(), size}, codes);
}

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

}  // namespace pixabots::core::detail::vp8l
