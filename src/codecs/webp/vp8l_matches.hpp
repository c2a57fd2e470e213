#pragma once
// LZ77 match finding over the rows of an image: what copies the parser may
// choose from, found once per image.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codecs/webp/vp8l_symbols.hpp"

namespace pixabots::core::detail::vp8l {

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
// `lines`: output row -> its pixels (or packed pixels), `width` each; rows
// repeating the one above may share a pointer.
void findMatches(std::span<const std::uint32_t* const> lines, std::uint32_t width, MatchScratch& scratch);

}  // namespace pixabots::core::detail::vp8l
