#pragma once
// An MCP session in the test process: send a message, get the reply parsed,
// as a client would see it; plus decoding of what tools return.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "mcp/session.hpp"
#include "mcp/tools.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::mcp::test {

// RFC 4648 base64 back to bytes; fails the test on a character outside the alphabet.
inline std::vector<std::uint8_t> base64Decode(const std::string& text) {
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  REQUIRE(text.size() % 4 == 0);
  std::vector<std::uint8_t> out;
  std::uint32_t bits = 0;
  int count = 0;
  const std::size_t end = text.find('=');
  REQUIRE(text.substr(0, end).find_first_not_of(kAlphabet) == std::string::npos);
  for (char c : text.substr(0, end)) {
    const auto at = kAlphabet.find(c);
    bits = bits << 6 | static_cast<std::uint32_t>(at);
    if (++count == 4) {
      out.insert(out.end(), {static_cast<std::uint8_t>(bits >> 16), static_cast<std::uint8_t>(bits >> 8),
                             static_cast<std::uint8_t>(bits)});
      bits = 0;
      count = 0;
    }
  }
  if (count == 2) out.push_back(static_cast<std::uint8_t>(bits >> 4));
  if (count == 3) out.insert(out.end(), {static_cast<std::uint8_t>(bits >> 10), static_cast<std::uint8_t>(bits >> 2)});
  return out;
}

// A session over the local tools (and whatever a test adds before the first call);
// output_path writes inside `root`, or is refused without one.
class Harness {
 public:
  explicit Harness(const WriteRoot* root = nullptr) { addLocalTools(tools, pack, root); }

  // The reply to `line`, parsed; nullopt when the server sent none.
  std::optional<Json> sendLine(const std::string& line) {
    const std::optional<std::string> reply = session.handleLine(line);
    if (!reply) return std::nullopt;
    CHECK(reply->find('\n') == std::string::npos);  // one message, one line
    return Json::parse(*reply);
  }
  std::optional<Json> send(const Json& message) { return sendLine(message.dump()); }

  // A request with id `id`; its reply (which must come).
  Json request(const std::string& method, const Json& params, const Json& id = 1) {
    Json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
    if (!params.is_null()) message["params"] = params;
    const std::optional<Json> reply = send(message);
    REQUIRE(reply);
    CHECK(reply->at("jsonrpc") == "2.0");
    CHECK(reply->at("id") == id);
    return *reply;
  }

  Json initialize(const std::string& version = "2025-06-18") {
    const Json reply = request("initialize", {{"protocolVersion", version},
                                              {"capabilities", Json::object()},
                                              {"clientInfo", {{"name", "test"}, {"version", "1"}}}});
    REQUIRE(reply.contains("result"));
    CHECK_FALSE(send({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}}));
    return reply.at("result");
  }

  // tools/call's result (a CallToolResult), initializing first if needed.
  Json call(const std::string& name, const Json& arguments) {
    if (!session.initialized()) initialize();
    const Json reply = request("tools/call", {{"name", name}, {"arguments", arguments}});
    REQUIRE(reply.contains("result"));
    return reply.at("result");
  }

  // The tools draw with the core's pack; tests check them against the public API.
  const core::Pack& pack = core::Pack::embedded();
  Context ctx;
  ToolRegistry tools;
  Session session{tools, "test-version"};
};

inline bool isError(const Json& result) { return result.value("isError", false); }

// The text of an isError result (which must be one).
inline std::string errorText(const Json& result) {
  INFO(result.dump());
  REQUIRE(isError(result));
  REQUIRE(result.at("content").size() == 1);
  return result.at("content").at(0).at("text").get<std::string>();
}

// The content item of `type` (the first).
inline Json contentOf(const Json& result, const std::string& type) {
  INFO(result.dump().substr(0, 2000));
  REQUIRE_FALSE(isError(result));
  for (const Json& item : result.at("content")) {
    if (item.at("type") == type) return item;
  }
  FAIL("no " + type + " content");
  return nullptr;
}

// The text content of a successful result.
inline std::string textOf(const Json& result) { return contentOf(result, "text").at("text").get<std::string>(); }

// The bytes of the result's image content, checking its MIME type.
inline std::vector<std::uint8_t> imageBytes(const Json& result, const std::string& mimeType) {
  const Json image = contentOf(result, "image");
  CHECK(image.at("mimeType") == mimeType);
  return base64Decode(image.at("data").get<std::string>());
}

}  // namespace pixabots::mcp::test
