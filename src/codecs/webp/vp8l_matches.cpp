#include "codecs/webp/vp8l_matches.hpp"

#include <algorithm>
#include <cstring>

namespace pixabots::core::detail::vp8l {
namespace {

// Shorter matches cost more as a length + distance pair than as literals.
constexpr std::uint32_t kMinMatch = 2;

class MatchFinder {
 public:
  MatchFinder(std::span<const std::uint32_t* const> lines, std::uint32_t width, MatchScratch& scratch)
      : lines_(lines), width_(width), s_(scratch) {
    s_.head.fill(-1);
    s_.boundaries.clear();
    s_.rowOf.clear();
    s_.startsRow.clear();
    s_.distinct.clear();
    s_.runs.clear();
    s_.firstRow.clear();
    s_.decisionBegin.assign(1, 0);
    s_.decisions.clear();
    s_.matches.clear();
    for (std::uint32_t y = 0; y < lines.size(); ++y) row(y);
  }

 private:
  // Pixel x copies pixel x of a distinct row above.
  struct Candidate {
    std::uint32_t row;
    std::uint32_t value;  // the stored distance
  };

  void row(std::uint32_t y) {
    const std::uint32_t* line = lines_[y];
    if (y > 0 && (line == lines_[y - 1] || std::memcmp(line, lines_[y - 1], width_ * 4) == 0)) {
      s_.rowOf.push_back(s_.rowOf.back());
      s_.startsRow.push_back(0);
      return;
    }
    const auto current = static_cast<std::uint32_t>(s_.distinct.size());
    s_.rowOf.push_back(current);
    s_.startsRow.push_back(1);
    s_.firstRow.push_back(y);
    s_.distinct.push_back(line);
    s_.runs.resize(s_.runs.size() + width_);
    std::uint32_t* runs = s_.runs.data() + static_cast<std::size_t>(current) * width_;
    for (std::uint32_t x = width_; x-- > 0;) runs[x] = x + 1 < width_ && line[x] == line[x + 1] ? runs[x + 1] + 1 : 1;
    candidates(y, current);
    inserted_ = 1;
    run_ = 1;
    for (std::uint32_t x = 0; x < width_; ++x) {
      const bool decision = x == 0 || line[x] != line[x - 1] || (x >= 2 && line[x - 1] != line[x - 2]);
      if (!decision) continue;
      insertBoundaries(line, current, x);
      const auto first = static_cast<std::uint32_t>(s_.matches.size());
      std::uint32_t longest = kMinMatch - 1;
      for (std::size_t i = 0; i < count_; ++i) {
        const std::uint32_t len = matchLength(current, x, candidates_[i].row, x);
        if (len >= kMinMatch) s_.matches.emplace_back(len, candidates_[i].value);
        longest = std::max(longest, len);
      }
      farMatch(y, current, x, longest);
      s_.decisions.push_back({x, first, static_cast<std::uint32_t>(s_.matches.size())});
    }
    insertBoundaries(line, current, width_ - 1);
    s_.decisionBegin.push_back(static_cast<std::uint32_t>(s_.decisions.size()));
  }

  // Equal pixels from x in the current row and from `from` in distinct row
  // `row`, compared a run at a time. (A copy overlapping its source writes
  // what it reads, so comparing the final pixels is exact.)
  std::uint32_t matchLength(std::uint32_t current, std::uint32_t x, std::uint32_t row, std::uint32_t from) const {
    const std::uint32_t* a = s_.distinct[current];
    const std::uint32_t* b = s_.distinct[row];
    const std::uint32_t* runsA = s_.runsOf(current, width_);
    const std::uint32_t* runsB = s_.runsOf(row, width_);
    std::uint32_t len = 0;
    std::uint32_t i = x, j = from;
    while (i < width_ && j < width_ && a[i] == b[j]) {
      const std::uint32_t step = std::min(runsA[i], runsB[j]);
      len += step;
      i += step;
      j += step;
    }
    return len;
  }

  static std::size_t hash(std::uint32_t before, std::uint32_t after) {
    const std::uint32_t h = (before * 0x9e3779b1u) ^ (after * 0x85ebca6bu);
    return h >> (32 - MatchScratch::kHashBits);
  }

  // Adds the boundaries of the current row up to x, so later pixels of the
  // same row can copy from it too.
  void insertBoundaries(const std::uint32_t* line, std::uint32_t row, std::uint32_t x) {
    for (; inserted_ <= x && inserted_ < width_; ++inserted_) {
      const std::uint32_t b = inserted_;
      if (line[b] == line[b - 1]) {
        ++run_;
        continue;
      }
      const std::size_t h = hash(line[b - 1], line[b]);
      s_.boundaries.push_back({row, b, run_, s_.head[h]});
      s_.head[h] = static_cast<std::int32_t>(s_.boundaries.size() - 1);
      run_ = 1;
    }
  }

  // The longest match that starts in a run like the one at x and continues
  // past the same colour change, in any earlier distinct row (at its last
  // output row, the nearest copy) or earlier in this row; only if longer than
  // `longest`, what a straight-above copy gets with a cheaper distance.
  void farMatch(std::uint32_t y, std::uint32_t current, std::uint32_t x, std::uint32_t longest) {
    const std::uint32_t* line = s_.distinct[current];
    const std::uint32_t run = s_.runsOf(current, width_)[x];
    const std::uint32_t at = x + run;
    if (at >= width_) return;
    std::uint32_t bestDistance = 0;  // as stored
    int steps = 0;
    for (std::int32_t i = s_.head[hash(line[x], line[at])]; i >= 0 && steps < kMaxChain; ++steps) {
      const Boundary& b = s_.boundaries[static_cast<std::size_t>(i)];
      i = b.next;
      const std::uint32_t* ref = s_.distinct[b.row];
      if (b.run < run || ref[b.x] != line[at] || ref[b.x - 1] != line[x]) continue;
      const std::uint32_t len = run + matchLength(current, at, b.row, b.x);
      if (len <= longest) continue;
      longest = len;
      const std::uint32_t refRow = b.row == current ? y : s_.firstRow[b.row + 1] - 1;
      // From (b.x - run, refRow) to (x, y), without dividing by the width.
      const std::uint32_t from = b.x - run;
      bestDistance = from <= x ? distanceValue(y - refRow, x - from, width_)
                               : distanceValue(y - refRow - 1, width_ + x - from, width_);
    }
    if (bestDistance != 0) s_.matches.emplace_back(longest, bestDistance);
  }

  void candidates(std::uint32_t y, std::uint32_t current) {
    count_ = 0;
    for (std::uint32_t k = 1; k <= 2 && k <= current; ++k) {
      const std::uint32_t row = current - k;
      const std::uint32_t lastRow = s_.firstRow[row + 1] - 1;
      candidates_[count_++] = {row, distanceValue(y - lastRow, 0, width_)};
    }
  }

  static constexpr int kMaxChain = 4;
  std::uint32_t inserted_ = 1;  // the next pixel of the current row to consider as a boundary
  std::uint32_t run_ = 1;       // the run ending just before it
  std::span<const std::uint32_t* const> lines_;
  std::uint32_t width_;
  MatchScratch& s_;
  std::array<Candidate, 2> candidates_{};
  std::size_t count_ = 0;
};

}  // namespace

void findMatches(std::span<const std::uint32_t* const> lines, std::uint32_t width, MatchScratch& scratch) {
  MatchFinder(lines, width, scratch);
}

}  // namespace pixabots::core::detail::vp8l
