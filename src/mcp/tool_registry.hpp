#pragma once
// The tools an MCP session offers: name, description, input schema and the
// handler, and the one place arguments are checked against the schema.
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mcp/json_rpc.hpp"

namespace pixabots::mcp {

// Thrown by a handler for a failure the caller can fix (a bad combination of
// arguments, a provider's refusal): the message becomes an isError result.
class ToolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Tool {
  std::string name;
  std::string description;
  Json inputSchema;  // an object schema; each property's description states its accepted range
  // Runs with arguments that passed inputSchema; returns a CallToolResult
  // ({"content":[...], "isError"?, "structuredContent"?}).
  std::function<Json(const Json& arguments)> handler;
};

class ToolRegistry {
 public:
  void add(Tool tool);
  // {"tools":[{"name","description","inputSchema"}, ...]}, in the order added.
  Json list() const;
  // Runs the tool. Arguments that break its schema, and any failure of the
  // handler, come back as isError results naming what was wrong; an unknown
  // name throws rpc::Failure(kInvalidParams) listing the tools.
  Json call(std::string_view name, const Json& arguments) const;

 private:
  std::vector<Tool> tools_;
};

// Result builders for handlers.
Json textContent(const std::string& text);
// {"type":"image","data":base64,"mimeType":...}
Json imageContent(std::string_view base64, const std::string& mimeType);
// {"content":[{"type":"text","text":message}],"isError":true}
Json errorResult(const std::string& message);
// The document as text content (for clients that read only text) and as
// structuredContent (an object).
Json jsonResult(const Json& document);

}  // namespace pixabots::mcp
