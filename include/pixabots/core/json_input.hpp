#pragma once
// Text from outside (a provider's reply, an MCP line, a caller's --input, a
// seed headed for a JSON manifest) checked before it is read as JSON or
// written into it. nlohmann's types appear here: the core headers are the
// library's insides, used only by the project's own front ends, which link
// nlohmann_json anyway (they are not installed).
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pixabots::core {

// Thrown by parseJsonBounded for a document nested deeper than allowed; what()
// is "the JSON nests deeper than N levels".
class JsonTooDeep : public std::runtime_error {
 public:
  explicit JsonTooDeep(int limit);
  int limit() const noexcept { return limit_; }

 private:
  int limit_;
};

// Parses JSON from a source we do not control. nlohmann copies and dumps
// recursively, so a document like [[[[...]]]] of a few MiB would overflow the
// stack later; refusing it while parsing keeps every later use bounded.
// Throws nlohmann::json::parse_error for bad syntax, nlohmann::json::out_of_range
// for a number no double holds, and JsonTooDeep: each caller words its own
// message (the MCP's JSON-RPC codes, the CLI's "--input is not valid JSON").
nlohmann::json parseJsonBounded(std::string_view text, int maxDepth = 64);

// Throws Error(invalid_option) "<what> is not valid UTF-8": JSON cannot carry
// other bytes, and the caller should hear which input was wrong.
void requireUtf8(std::string_view text, const std::string& what);

}  // namespace pixabots::core
