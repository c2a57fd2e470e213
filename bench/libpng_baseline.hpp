#pragma once
// A plain libpng writer, as a baseline for the PNG encoder benchmarks only.
// Each call creates and destroys its own png_struct, as typical code does.
#include <cstdint>
#include <vector>

namespace bench {

// 8-bit RGBA at libpng's defaults (zlib level 6, adaptive filtering).
void libpngWriteRgba(const std::uint8_t* rgba, int width, int height, std::vector<std::uint8_t>& out);

// Indexed at the given bit depth from one byte per pixel (packed by libpng),
// zlib level 1 with Z_RLE and filter None.
struct LibpngPalette {
  const std::uint8_t* rgb = nullptr;    // 3 bytes per entry
  const std::uint8_t* alpha = nullptr;  // tRNS, `alphaCount` entries
  int count = 0;
  int alphaCount = 0;
  int bitDepth = 8;
};
void libpngWritePalette(const std::uint8_t* indices, int width, int height, const LibpngPalette& palette,
                        std::vector<std::uint8_t>& out);

}  // namespace bench
