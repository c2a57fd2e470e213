#pragma once
// JSON-RPC 2.0 framing for the MCP server: one message per line, parsed into a
// request or notification, or answered at once with the protocol error the
// line deserves. Knows nothing about MCP's methods.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

namespace pixabots::mcp {

using Json = nlohmann::json;

namespace rpc {

// The JSON-RPC 2.0 error codes the server answers with.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;

// Objects nested deeper than this are refused before anything walks them
// (serialising and validating recurse).
inline constexpr int kMaxDepth = 64;

// A request (id present) or a notification (no id: never answered).
struct Request {
  Json id;  // a string or an integer; null for a notification
  bool notification = false;
  std::string method;
  Json params;  // an object or an array; null when absent
};

// A line that is a reply to a request of ours. The server sends none, so
// these are only logged.
struct ClientReply {};

// What a line turned out to be: a request, a reply, or the error object to
// send back (parse error, invalid request; id null when the line had none).
using Incoming = std::variant<Request, ClientReply, Json>;

Incoming parse(std::string_view line);

// {"jsonrpc":"2.0","id":id,"result":result}
Json result(const Json& id, Json result);
// {"jsonrpc":"2.0","id":id,"error":{"code","message"}}
Json error(const Json& id, int code, const std::string& message);

// Thrown by a method handler: answered as this error for the request's id.
class Failure : public std::runtime_error {
 public:
  Failure(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const noexcept { return code_; }

 private:
  int code_;
};

// One line of output: compact, with invalid UTF-8 (echoed from a tool's
// input) replaced rather than failing.
std::string serialize(const Json& message);

}  // namespace rpc
}  // namespace pixabots::mcp
