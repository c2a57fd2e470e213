#include "codecs/json/bounded_parse.hpp"

#include <string>

namespace pixabots::core::detail {

JsonTooDeep::JsonTooDeep(int limit)
    : std::runtime_error("the JSON nests deeper than " + std::to_string(limit) + " levels"), limit_(limit) {}

nlohmann::json parseBounded(std::string_view text, int maxDepth) {
  return nlohmann::json::parse(text, [maxDepth](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    // nlohmann counts from 0: the (N+1)th nested container opens at depth N.
    if (depth >= maxDepth) throw JsonTooDeep(maxDepth);
    return true;
  });
}

}  // namespace pixabots::core::detail
