#pragma once
// The colour-indexing transform: the distinct colours of the pixels an image
// reads, and the colour table, coded in whichever order of the palette is
// smallest.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "codecs/webp/vp8l_entropy.hpp"
#include "render/canvas.hpp"

namespace pixabots::core::detail::vp8l {

inline constexpr std::size_t kMaxPalette = 256;
inline constexpr std::size_t kCanvasPixels = kNativeSize * kNativeSize;

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

// The colour table is stored as a 1-pixel-high image of per-channel
// differences from the previous entry, coded like any image.
struct ColorTableCoding {
  std::array<Token, kMaxPalette> deltas{};
  std::size_t size = 0;
  Histograms histograms;
  Codes codes;

  // Plans the table for `palette`; returns its size in bits.
  std::size_t plan(std::span<const std::uint32_t> palette);
  void write(BitWriter& w);
};

// Any order of the palette is valid; the table's cost depends on it. Tries
// ascending ARGB and two greedy chains that always take the nearest
// remaining colour (by delta size, or first by how many channels change),
// and keeps whichever table is smallest, planned in `table`. (The image's
// cost barely changes: indices are only renamed.)
void choosePaletteOrder(std::span<std::uint32_t> palette, std::array<ColorTableCoding, 2>& tables,
                        ColorTableCoding*& chosen);

}  // namespace pixabots::core::detail::vp8l
