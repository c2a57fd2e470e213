#pragma once
// Choosing the parse: each image's rows split into literals, runs and copies
// for the fewest estimated bits.
#include <cstdint>
#include <vector>

#include "codecs/webp/vp8l_entropy.hpp"
#include "codecs/webp/vp8l_matches.hpp"

namespace pixabots::core::detail::vp8l {

// Splits the rows into tokens with the matches found: rows repeating the one
// above are one copy, and each distinct row is parsed for the least estimated
// bits (a shortest path over its pixels) under a cost model, so several
// models can be tried on one set of matches.
// Replaces `tokens`; uses `scratch`'s parse buffers (its matches are read only).
void parseRows(MatchScratch& scratch, std::uint32_t width, const CostModel& model, std::vector<Token>& tokens);

}  // namespace pixabots::core::detail::vp8l
