// libFuzzer target for Pack::fromFiles: the manifest parser, the PNG decoder
// behind it and the sheet checks. Any pixabots::core::Error is an accepted answer;
// crashes, sanitizer reports, other exceptions and broken invariants are bugs.
//
// Input: byte 0 picks PackLimits::maxFramesPerSheet (0..64), then chunks of
// [length: 2 bytes little-endian][bytes]. Chunk 0 is manifest.json (left out of
// the pack when empty), the rest are the sheets kPaths names, in order. The
// seeds in corpus/pack/ define a catalog with exactly those parts.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>
#include <vector>

#include "pixabots/core/error.hpp"
#include "pixabots/core/pack.hpp"

namespace {

constexpr std::array<std::string_view, 5> kPaths = {"eyes/a.png", "eyes/b.png", "heads/a.png", "body/a.png",
                                                    "top/a.png"};

// Touches every byte a renderer could read, so ASan sees a short sheet.
void checkPack(const pixabots::core::Pack& pack) {
  unsigned sum = 0;
  for (pixabots::core::Category c : pixabots::core::kEncodingOrder) {
    for (int i = 0; i < pack.catalog().count(c); ++i) {
      const auto& sheet = pack.sheet(c, i);
      if (sheet.frames() != pack.catalog().part(c, i).frames) std::abort();
      for (int f = 0; f < sheet.frames(); ++f) {
        sum += sheet.frame(f)[0] + sheet.frame(f)[pixabots::core::kFrameBytes - 1];
      }
    }
  }
  if (pack.name().empty()) std::abort();
  // Keeps the reads from being optimised away.
  volatile unsigned sink = sum;
  (void)sink;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  pixabots::core::PackLimits limits;
  limits.maxFramesPerSheet = data[0] % 65;
  std::span<const std::uint8_t> rest(data + 1, size - 1);

  std::vector<std::span<const std::uint8_t>> chunks;
  while (rest.size() >= 2 && chunks.size() < 1 + kPaths.size()) {
    const std::size_t length = std::min<std::size_t>(rest[0] | (rest[1] << 8), rest.size() - 2);
    chunks.push_back(rest.subspan(2, length));
    rest = rest.subspan(2 + length);
  }

  std::vector<pixabots::core::PackFile> files;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (i == 0) {
      if (!chunks[0].empty()) files.push_back({"manifest.json", chunks[0]});
    } else {
      files.push_back({kPaths[i - 1], chunks[i]});
    }
  }

  try {
    checkPack(pixabots::core::Pack::fromFiles(files, limits, "fuzz"));
  } catch (const pixabots::core::Error&) {
  }
  return 0;
}
