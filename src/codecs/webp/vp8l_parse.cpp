#include "codecs/webp/vp8l_parse.hpp"

#include <algorithm>
#include <limits>

namespace pixabots::core::detail::vp8l {
namespace {

class Parser {
 public:
  Parser(MatchScratch& scratch, std::uint32_t width, const CostModel& model, std::vector<Token>& tokens)
      : m_(scratch),
        s_(scratch),
        width_(width),
        model_(model),
        tokens_(tokens),
        runValue_(distanceValue(1, width)),
        runBits_(model.distanceBits(runValue_)) {
    s_.cost.resize(static_cast<std::size_t>(width) + 1);
    s_.step.resize(static_cast<std::size_t>(width) + 1);
    tokens_.clear();
    for (std::size_t y = 0; y < m_.rowOf.size(); ++y) {
      if (m_.startsRow[y]) {
        row(m_.rowOf[y]);
      } else {
        copy(distanceValue(width_, width_), width_);
      }
    }
  }

 private:
  void row(std::uint32_t r) {
    const std::uint32_t* line = m_.distinct[r];
    const std::uint32_t* runs = m_.runsOf(r, width_);
    const std::uint32_t previous = tokens_.empty() || tokens_.back().length == 0 ? 0 : tokens_.back().distance;
    std::fill(s_.cost.begin(), s_.cost.end(), std::numeric_limits<float>::infinity());
    s_.cost[0] = 0;
    std::uint32_t d = m_.decisionBegin[r];
    const std::uint32_t dEnd = m_.decisionBegin[r + 1];
    for (std::uint32_t x = 0; x < width_; ++x) {
      while (d < dEnd && m_.decisions[d].x < x) ++d;
      const bool decision = d < dEnd && m_.decisions[d].x == x;
      const float here = s_.cost[x];
      if (here == std::numeric_limits<float>::infinity()) continue;
      // Deeper in a run only the run copy to its end is worth trying.
      if (decision || runs[x] <= 2) relax(x, x + 1, here + model_.literal(line[x]), 0);
      if (x > 0 && line[x] == line[x - 1])
        relax(x, x + runs[x], here + model_.lengthBits(runs[x]) + runBits_, runValue_);
      if (!decision) continue;
      for (std::uint32_t i = m_.decisions[d].first; i < m_.decisions[d].last; ++i) {
        relaxCopy(x, m_.matches[i], previous);
      }
    }
    // Walk the cheapest path back, then emit it forwards.
    s_.path.clear();
    for (std::uint32_t x = width_; x > 0; x = s_.step[x].from) s_.path.push_back(x);
    std::uint32_t at = 0;
    for (auto it = s_.path.rbegin(); it != s_.path.rend(); ++it) {
      const std::uint32_t end = *it;
      const auto& st = s_.step[end];
      if (st.value == 0) {
        tokens_.push_back({line[at], 0, 0});
      } else {
        copy(st.value, end - at);
      }
      at = end;
    }
  }

  void relax(std::uint32_t from, std::uint32_t to, float cost, std::uint32_t value) {
    if (cost < s_.cost[to]) {
      s_.cost[to] = cost;
      s_.step[to] = {from, value};
    }
  }

  // A copy (shorter versions of it never paid on the art: a run or another
  // copy finishes as well). One continuing the previous token (same distance,
  // at the start of the row) only lengthens it.
  void relaxCopy(std::uint32_t x, const Match& m, std::uint32_t previous) {
    const float here = s_.cost[x];
    if (x == 0 && m.value == previous) {
      relax(x, x + m.length, here + 0.5f, m.value);
      return;
    }
    const float distanceBits = model_.distance[m.symbol] + static_cast<float>(m.extraBits);
    if (distanceBits < kBanned) relax(x, x + m.length, here + model_.lengthBits(m.length) + distanceBits, m.value);
  }

  // Copies with the same distance in a row are one copy, however long.
  void copy(std::uint32_t value, std::uint32_t length) {
    if (!tokens_.empty() && tokens_.back().length != 0 && tokens_.back().distance == value) {
      tokens_.back().length += length;
    } else {
      tokens_.push_back({0, length, value});
    }
  }

  const MatchScratch& m_;  // the matches (read only)
  MatchScratch& s_;        // the same, for the parse's own buffers
  std::uint32_t width_;
  const CostModel& model_;
  std::vector<Token>& tokens_;
  std::uint32_t runValue_;  // the stored distance of a run (the pixel to the left)
  float runBits_;           // the distance part of a run copy
};

}  // namespace

void parseRows(MatchScratch& scratch, std::uint32_t width, const CostModel& model, std::vector<Token>& tokens) {
  Parser(scratch, width, model, tokens);
}

}  // namespace pixabots::core::detail::vp8l
