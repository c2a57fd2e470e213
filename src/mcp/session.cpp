#include "mcp/session.hpp"

#include <algorithm>
#include <iostream>

namespace pixabots::mcp {
namespace {

[[noreturn]] void invalidParams(const std::string& message) { throw rpc::Failure(rpc::kInvalidParams, message); }

const Json& objectParams(const rpc::Request& request) {
  static const Json kEmpty = Json::object();
  if (request.params.is_null()) return kEmpty;
  if (!request.params.is_object()) invalidParams(request.method + " takes its params as an object");
  return request.params;
}

}  // namespace

Session::Session(const ToolRegistry& tools, std::string serverVersion)
    : tools_(tools), serverVersion_(std::move(serverVersion)) {}

std::optional<std::string> Session::handleLine(std::string_view line) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return std::nullopt;  // blank lines are skipped
  rpc::Incoming incoming = rpc::parse(line);
  if (const Json* error = std::get_if<Json>(&incoming)) return rpc::serialize(*error);
  if (std::holds_alternative<rpc::ClientReply>(incoming)) {
    std::clog << "pixabots mcp: ignored a reply to a request this server never sent\n";
    return std::nullopt;
  }
  const rpc::Request& request = std::get<rpc::Request>(incoming);
  if (request.notification) {
    notify(request);
    return std::nullopt;
  }
  try {
    return rpc::serialize(rpc::result(request.id, dispatch(request)));
  } catch (const rpc::Failure& e) {
    return rpc::serialize(rpc::error(request.id, e.code(), e.what()));
  } catch (const std::exception& e) {
    return rpc::serialize(rpc::error(request.id, rpc::kInternalError, std::string("internal error: ") + e.what()));
  }
}

std::string Session::oversizedReply(std::size_t bytes, std::size_t limit) {
  return rpc::serialize(
      rpc::error(nullptr, rpc::kInvalidRequest,
                 "request too large: " + std::to_string(bytes) + " bytes, limit " + std::to_string(limit)));
}

Json Session::dispatch(const rpc::Request& request) {
  const std::string& method = request.method;
  if (method == "initialize") return initialize(objectParams(request));
  if (method == "ping") return Json::object();
  if (!initialized_) {
    throw rpc::Failure(rpc::kInvalidRequest,
                       "the session is not initialized: send \"initialize\" before \"" + method + "\"");
  }
  if (method == "tools/list") {
    objectParams(request);  // a cursor is accepted; the list is one page
    return tools_.list();
  }
  if (method == "tools/call") {
    const Json& params = objectParams(request);
    const auto name = params.find("name");
    if (name == params.end() || !name->is_string())
      invalidParams("tools/call needs \"name\", the tool's name (a string)");
    const auto arguments = params.find("arguments");
    if (arguments != params.end() && !arguments->is_object()) {
      invalidParams("tools/call \"arguments\" must be an object, got " + std::string(arguments->type_name()));
    }
    return tools_.call(name->get<std::string>(), arguments == params.end() ? Json::object() : *arguments);
  }
  throw rpc::Failure(
      rpc::kMethodNotFound,
      "method \"" + method + "\" not found: this server has initialize, ping, tools/list and tools/call");
}

Json Session::initialize(const Json& params) {
  if (initialized_) throw rpc::Failure(rpc::kInvalidRequest, "the session is already initialized");
  const auto requested = params.find("protocolVersion");
  if (requested == params.end() || !requested->is_string()) {
    invalidParams("initialize needs \"protocolVersion\", a string such as \"" + std::string(kProtocolVersions[0]) +
                  "\"");
  }
  const std::string wanted = requested->get<std::string>();
  const bool known = std::find(kProtocolVersions.begin(), kProtocolVersions.end(), wanted) != kProtocolVersions.end();
  protocolVersion_ = known ? wanted : std::string(kProtocolVersions[0]);
  initialized_ = true;
  return {{"protocolVersion", protocolVersion_},
          {"capabilities", {{"tools", {{"listChanged", false}}}}},
          {"serverInfo", {{"name", "pixabots"}, {"version", serverVersion_}}},
          {"instructions",
           "Pixel-art robot avatars from 4-character IDs, drawn offline: render_pixabot returns the image; "
           "describe_pixabot, list_parts, seeded_id, random_ids and frames return JSON."}};
}

void Session::notify(const rpc::Request& request) {
  // notifications/initialized and notifications/cancelled need no action:
  // requests are answered one at a time, in order. Others are ignored, as
  // JSON-RPC asks (a notification is never answered).
  if (request.method != "notifications/initialized" && request.method != "notifications/cancelled") {
    std::clog << "pixabots mcp: ignored notification \"" << request.method << "\"\n";
  }
}

}  // namespace pixabots::mcp
