#include "mcp/json_rpc.hpp"

#include "pixabots/core/json_input.hpp"

namespace pixabots::mcp::rpc {
namespace {

// "parse error at line 1, column 5: syntax error ..." without nlohmann's
// "[json.exception.parse_error.101] " prefix.
std::string parseProblem(const Json::exception& e) {
  const std::string what = e.what();
  const auto end = what.find("] ");
  return end == std::string::npos ? what : what.substr(end + 2);
}

bool validId(const Json& id) { return id.is_string() || id.is_number_integer(); }

}  // namespace

Incoming parse(std::string_view line) {
  Json message;
  try {
    message = core::parseJsonBounded(line, kMaxDepth);
  } catch (const Json::exception& e) {
    // parse_error, or out_of_range for a number no double holds (1e999).
    return error(nullptr, kParseError, parseProblem(e));
  } catch (const core::JsonTooDeep&) {
    return error(nullptr, kInvalidRequest, "the message nests deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  if (message.is_array()) {
    // MCP 2025-06-18 dropped JSON-RPC batches; older clients never send them.
    return error(nullptr, kInvalidRequest, "batches are not supported: send one JSON-RPC object per line");
  }
  if (!message.is_object()) return error(nullptr, kInvalidRequest, "a message must be a JSON object");

  const auto id = message.find("id");
  const bool hasId = id != message.end();
  const Json replyId = hasId && validId(*id) ? *id : Json(nullptr);
  const auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    return error(replyId, kInvalidRequest, "\"jsonrpc\" must be \"2.0\"");
  }
  if (hasId && !validId(*id)) return error(nullptr, kInvalidRequest, "\"id\" must be a string or an integer");
  const auto method = message.find("method");
  if (method == message.end()) {
    if (hasId && (message.contains("result") || message.contains("error"))) return ClientReply{};
    return error(replyId, kInvalidRequest, "a request needs \"method\"");
  }
  if (!method->is_string()) return error(replyId, kInvalidRequest, "\"method\" must be a string");
  Request request{replyId, !hasId, method->get<std::string>(), nullptr};
  if (const auto params = message.find("params"); params != message.end()) {
    if (!params->is_object() && !params->is_array()) {
      return error(replyId, kInvalidRequest, "\"params\" must be an object or an array");
    }
    request.params = std::move(*params);
  }
  return request;
}

Json result(const Json& id, Json result) { return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}; }

Json error(const Json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

std::string serialize(const Json& message) { return message.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace pixabots::mcp::rpc
