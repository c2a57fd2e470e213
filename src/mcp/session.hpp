#pragma once
// One MCP session: the lifecycle (initialize, then the tools), the methods
// (initialize, ping, tools/list, tools/call) and the JSON-RPC error for
// everything else. Input and output are lines; the transport is elsewhere.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "mcp/json_rpc.hpp"
#include "mcp/tool_registry.hpp"

namespace pixabots::mcp {

// The protocol revisions this server speaks, newest first. A client asking
// for another one is answered with the newest (MCP version negotiation).
inline constexpr std::array<std::string_view, 4> kProtocolVersions = {"2025-11-25", "2025-06-18", "2025-03-26",
                                                                      "2024-11-05"};

class Session {
 public:
  // `tools` must outlive the session.
  Session(const ToolRegistry& tools, std::string serverVersion);

  // The reply to one line (a JSON-RPC message without its newline), or
  // nothing when the line needs none (a notification, a client's reply).
  std::optional<std::string> handleLine(std::string_view line);
  // The reply to a line that was longer than the limit and never read.
  static std::string oversizedReply(std::size_t bytes, std::size_t limit);

  bool initialized() const { return initialized_; }
  // The revision agreed at initialize; empty before.
  const std::string& protocolVersion() const { return protocolVersion_; }

 private:
  Json dispatch(const rpc::Request& request);
  Json initialize(const Json& params);
  void notify(const rpc::Request& request);

  const ToolRegistry& tools_;
  std::string serverVersion_;
  bool initialized_ = false;
  std::string protocolVersion_;
};

}  // namespace pixabots::mcp
