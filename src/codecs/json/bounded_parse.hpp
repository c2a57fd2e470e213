#pragma once
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

namespace pixabots::core::detail {

// Thrown by parseBounded for a document nested deeper than allowed.
class JsonTooDeep : public std::runtime_error {
 public:
  explicit JsonTooDeep(int limit);
  int limit() const noexcept { return limit_; }

 private:
  int limit_;
};

// Parses JSON from a source we do not control (a provider's reply, an MCP
// line, a caller's input). nlohmann copies and dumps recursively, so a
// document like [[[[...]]]] of a few MiB would overflow the stack later;
// refusing it while parsing keeps every later use bounded. Throws
// nlohmann::json::parse_error for bad syntax, nlohmann::json::out_of_range for
// a number no double holds, and JsonTooDeep.
nlohmann::json parseBounded(std::string_view text, int maxDepth = 64);

}  // namespace pixabots::core::detail
