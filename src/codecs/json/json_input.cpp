#include "pixabots/core/json_input.hpp"

#include "pixabots/core/error.hpp"

namespace pixabots::core {

JsonTooDeep::JsonTooDeep(int limit)
    : std::runtime_error("the JSON nests deeper than " + std::to_string(limit) + " levels"), limit_(limit) {}

nlohmann::json parseJsonBounded(std::string_view text, int maxDepth) {
  return nlohmann::json::parse(text, [maxDepth](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    // nlohmann counts from 0: the (N+1)th nested container opens at depth N.
    if (depth >= maxDepth) throw JsonTooDeep(maxDepth);
    return true;
  });
}

void requireUtf8(std::string_view text, const std::string& what) {
  try {
    (void)nlohmann::json(text).dump();  // the serialiser is the UTF-8 validator JSON output uses
  } catch (const nlohmann::json::type_error&) {
    throw Error(Errc::invalid_option, what + " is not valid UTF-8");
  }
}

}  // namespace pixabots::core
