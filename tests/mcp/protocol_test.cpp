// The JSON-RPC and MCP rules of the session, in process: every error code,
// the lifecycle, version negotiation, notifications and batches.
#include <catch2/catch.hpp>

#include "mcp/base64.hpp"
#include "mcp/line_reader.hpp"
#include "mcp/server.hpp"
#include "mcp_harness.hpp"

using namespace pixabots::mcp;
using namespace pixabots::mcp::test;

namespace {

// The error a reply carries, checking its id.
Json errorOf(const std::optional<Json>& reply, const Json& id) {
  REQUIRE(reply);
  INFO(reply->dump());
  CHECK(reply->at("jsonrpc") == "2.0");
  CHECK(reply->at("id") == id);
  CHECK_FALSE(reply->contains("result"));
  return reply->at("error");
}

}  // namespace

TEST_CASE("initialize answers the client's version when supported, else the newest", "[mcp][protocol]") {
  for (const char* version : {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"}) {
    Harness h;
    CHECK(h.initialize(version).at("protocolVersion") == version);
    CHECK(h.session.protocolVersion() == version);
  }
  Harness h;
  const Json result = h.initialize("1999-01-01");
  CHECK(result.at("protocolVersion") == "2025-11-25");
  CHECK(result.at("capabilities") == Json{{"tools", {{"listChanged", false}}}});
  CHECK(result.at("serverInfo") == Json{{"name", "pixabots"}, {"version", "test-version"}});
}

TEST_CASE("initialize needs a protocolVersion string and happens once", "[mcp][protocol]") {
  Harness h;
  Json error =
      errorOf(h.send({{"jsonrpc", "2.0"}, {"id", 7}, {"method", "initialize"}, {"params", Json::object()}}), 7);
  CHECK(error.at("code") == -32602);
  CHECK(error.at("message") == "initialize needs \"protocolVersion\", a string such as \"2025-11-25\"");
  error = errorOf(h.send({{"jsonrpc", "2.0"}, {"id", 8}, {"method", "initialize"}, {"params", {1, 2}}}), 8);
  CHECK(error.at("code") == -32602);
  CHECK(error.at("message") == "initialize takes its params as an object");
  CHECK_FALSE(h.session.initialized());
  h.initialize();
  error = errorOf(
      h.send(
          {{"jsonrpc", "2.0"}, {"id", 9}, {"method", "initialize"}, {"params", {{"protocolVersion", "2025-06-18"}}}}),
      9);
  CHECK(error.at("code") == -32600);
  CHECK(error.at("message") == "the session is already initialized");
}

TEST_CASE("before initialize only ping is answered", "[mcp][protocol]") {
  Harness h;
  CHECK(h.request("ping", nullptr).at("result") == Json::object());
  for (const char* method : {"tools/list", "tools/call"}) {
    const Json error = errorOf(h.send({{"jsonrpc", "2.0"}, {"id", "a"}, {"method", method}}), "a");
    CHECK(error.at("code") == -32600);
    CHECK(error.at("message") ==
          std::string("the session is not initialized: send \"initialize\" before \"") + method + "\"");
  }
  h.initialize();
  CHECK(h.request("ping", nullptr, "p").at("result") == Json::object());
}

TEST_CASE("notifications are never answered, even unknown or malformed ones", "[mcp][protocol]") {
  Harness h;
  CHECK_FALSE(h.send({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}}));
  h.initialize();
  CHECK_FALSE(h.send({{"jsonrpc", "2.0"}, {"method", "notifications/cancelled"}, {"params", {{"requestId", 1}}}}));
  CHECK_FALSE(h.send({{"jsonrpc", "2.0"}, {"method", "no/such/thing"}}));
  CHECK_FALSE(h.send({{"jsonrpc", "2.0"}, {"method", "tools/call"}, {"params", {{"name", "nope"}}}}));
  // A reply to a request of ours (we send none) is not answered either.
  CHECK_FALSE(h.send({{"jsonrpc", "2.0"}, {"id", 3}, {"result", Json::object()}}));
  CHECK_FALSE(h.send({{"jsonrpc", "2.0"}, {"id", 3}, {"error", {{"code", 1}, {"message", "x"}}}}));
  CHECK_FALSE(h.sendLine(""));
  CHECK_FALSE(h.sendLine("  \t\r"));
}

TEST_CASE("an unknown method is -32601 with the request's id", "[mcp][protocol]") {
  Harness h;
  h.initialize();
  for (const Json& id : {Json(5), Json("req-5"), Json(-1)}) {
    const Json error = errorOf(h.send({{"jsonrpc", "2.0"}, {"id", id}, {"method", "resources/list"}}), id);
    CHECK(error.at("code") == -32601);
    CHECK(error.at("message") ==
          "method \"resources/list\" not found: this server has initialize, ping, tools/list and tools/call");
  }
}

TEST_CASE("lines that are not JSON are -32700 with id null", "[mcp][protocol]") {
  Harness h;
  for (const std::string& line :
       std::vector<std::string>{"garbage", "{\"jsonrpc\":\"2.0\",\"id\":1,", "{\"a\":1}}", "\xff\xfe{}",
                                std::string("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"p\xc3(\"}")}) {
    INFO(line);
    const Json error = errorOf(h.sendLine(line), nullptr);
    CHECK(error.at("code") == -32700);
    CHECK_THAT(error.at("message").get<std::string>(), Catch::StartsWith("parse error at"));
  }
  // A number no double holds is malformed too (found by the fuzzer).
  const Json error = errorOf(h.sendLine(R"({"jsonrpc":"2.0","id":1e99999,"method":"ping"})"), nullptr);
  CHECK(error.at("code") == -32700);
  CHECK(error.at("message") == "number overflow parsing '1e99999'");
}

TEST_CASE("JSON that is not a valid request is -32600", "[mcp][protocol]") {
  Harness h;
  struct Case {
    std::string line;
    Json id;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"42", nullptr, "a message must be a JSON object"},
      {"\"ping\"", nullptr, "a message must be a JSON object"},
      {"null", nullptr, "a message must be a JSON object"},
      {R"({"id":1,"method":"ping"})", 1, "\"jsonrpc\" must be \"2.0\""},
      {R"({"jsonrpc":"1.0","id":"x","method":"ping"})", "x", "\"jsonrpc\" must be \"2.0\""},
      {R"({"jsonrpc":2.0,"id":1,"method":"ping"})", 1, "\"jsonrpc\" must be \"2.0\""},
      {R"({"jsonrpc":"2.0","id":{"a":1},"method":"ping"})", nullptr, "\"id\" must be a string or an integer"},
      {R"({"jsonrpc":"2.0","id":null,"method":"ping"})", nullptr, "\"id\" must be a string or an integer"},
      {R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})", nullptr, "\"id\" must be a string or an integer"},
      {R"({"jsonrpc":"2.0","id":2})", 2, "a request needs \"method\""},
      {R"({"jsonrpc":"2.0","id":2,"method":7})", 2, "\"method\" must be a string"},
      {R"({"jsonrpc":"2.0","id":2,"method":"ping","params":"x"})", 2, "\"params\" must be an object or an array"},
      {R"({"jsonrpc":"2.0","method":"ping","params":3})", nullptr, "\"params\" must be an object or an array"},
      {"[]", nullptr, "batches are not supported: send one JSON-RPC object per line"},
      {R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])", nullptr,
       "batches are not supported: send one JSON-RPC object per line"},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const Json error = errorOf(h.sendLine(c.line), c.id);
    CHECK(error.at("code") == -32600);
    CHECK(error.at("message") == c.message);
  }
}

TEST_CASE("messages nested deeper than the cap are refused before they are walked", "[mcp][protocol]") {
  Harness h;
  h.initialize();
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  const Json error =
      errorOf(h.sendLine(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":)" + deep + "}}"), nullptr);
  CHECK(error.at("code") == -32600);
  CHECK(error.at("message") == "the message nests deeper than 64 levels");
  // 60 levels are fine (ping ignores its params).
  const std::string fine = std::string(60, '[') + std::string(60, ']');
  CHECK(h.sendLine(R"({"jsonrpc":"2.0","id":2,"method":"ping","params":{"x":)" + fine + "}}")->at("result") ==
        Json::object());
}

TEST_CASE("tools/call with malformed params is -32602, and so is an unknown tool", "[mcp][protocol]") {
  Harness h;
  h.initialize();
  Json error =
      errorOf(h.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "tools/call"}, {"params", Json::object()}}), 1);
  CHECK(error.at("code") == -32602);
  CHECK(error.at("message") == "tools/call needs \"name\", the tool's name (a string)");
  error = errorOf(h.send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "tools/call"}, {"params", {{"name", 3}}}}), 2);
  CHECK(error.at("code") == -32602);
  error = errorOf(h.send({{"jsonrpc", "2.0"},
                          {"id", 3},
                          {"method", "tools/call"},
                          {"params", {{"name", "list_parts"}, {"arguments", {1, 2}}}}}),
                  3);
  CHECK(error.at("code") == -32602);
  CHECK(error.at("message") == "tools/call \"arguments\" must be an object, got array");
  error = errorOf(h.send({{"jsonrpc", "2.0"}, {"id", 4}, {"method", "tools/call"}, {"params", {"list_parts"}}}), 4);
  CHECK(error.at("code") == -32602);
  CHECK(error.at("message") == "tools/call takes its params as an object");
  error =
      errorOf(h.send({{"jsonrpc", "2.0"}, {"id", 5}, {"method", "tools/call"}, {"params", {{"name", "paint"}}}}), 5);
  CHECK(error.at("code") == -32602);
  CHECK(error.at("message") ==
        "unknown tool \"paint\": the tools are render_pixabot, og_card, describe_pixabot, "
        "list_parts, seeded_id, random_ids, frames");
}

TEST_CASE("tools/list lists the local tools with object schemas", "[mcp][protocol]") {
  Harness h;
  h.initialize();
  const Json tools = h.request("tools/list", nullptr).at("result").at("tools");
  std::vector<std::string> names;
  for (const Json& tool : tools) {
    names.push_back(tool.at("name"));
    CHECK_FALSE(tool.at("description").get<std::string>().empty());
    CHECK(tool.at("inputSchema").at("type") == "object");
    CHECK(tool.at("inputSchema").at("additionalProperties") == false);
    // Every argument says what it accepts: the validation errors quote it.
    for (const auto& [name, property] : tool.at("inputSchema").at("properties").items()) {
      INFO(tool.at("name").get<std::string>() + "." + name);
      CHECK(property.contains("description"));
    }
  }
  CHECK(names == std::vector<std::string>{"render_pixabot", "og_card", "describe_pixabot", "list_parts", "seeded_id",
                                          "random_ids", "frames"});
  // A cursor is accepted; there is one page.
  CHECK(h.request("tools/list", {{"cursor", "x"}}).at("result").at("tools").size() == 7);
}

TEST_CASE("a tool handler's exception is an isError result, not a protocol error", "[mcp][protocol]") {
  Harness h;
  h.tools.add(
      {"explode", "throws", {{"type", "object"}}, [](const Json&) -> Json { throw std::runtime_error("boom"); }});
  const Json result = h.call("explode", Json::object());
  CHECK(errorText(result) == "explode failed: boom");
}

TEST_CASE("base64 follows RFC 4648's test vectors", "[mcp][protocol]") {
  auto encode = [](std::string_view text) {
    return base64Encode({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
  };
  CHECK(encode("") == "");
  CHECK(encode("f") == "Zg==");
  CHECK(encode("fo") == "Zm8=");
  CHECK(encode("foo") == "Zm9v");
  CHECK(encode("foob") == "Zm9vYg==");
  CHECK(encode("fooba") == "Zm9vYmE=");
  CHECK(encode("foobar") == "Zm9vYmFy");
  const std::vector<std::uint8_t> all = [] {
    std::vector<std::uint8_t> v;
    for (int i = 0; i < 256; ++i) v.push_back(static_cast<std::uint8_t>(i));
    return v;
  }();
  CHECK(base64Decode(base64Encode(all)) == all);
}

namespace {

// A source handing out `text` at most `chunk` bytes a call.
LineReader::Source chunked(std::string text, std::size_t chunk) {
  return [text = std::move(text), chunk, at = std::size_t{0}](char* buffer, std::size_t capacity) mutable {
    const std::size_t n = std::min({chunk, capacity, text.size() - at});
    std::copy_n(text.data() + at, n, buffer);
    at += n;
    return n;
  };
}

std::vector<Line> readAll(LineReader& reader) {
  std::vector<Line> lines;
  while (auto line = reader.next()) lines.push_back(*line);
  return lines;
}

}  // namespace

TEST_CASE("the line reader splits at newlines whatever the reads return", "[mcp][lines]") {
  for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{1} << 20}) {
    LineReader reader(chunked("one\r\ntwo\n\nthree", chunk), 100);
    const std::vector<Line> lines = readAll(reader);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].text == "one");
    CHECK(lines[0].bytes == 4);  // the '\r' counts, and goes
    CHECK(lines[1].text == "two");
    CHECK(lines[2].text.empty());
    CHECK(lines[3].text == "three");  // no final newline: still a line
    for (const Line& line : lines) CHECK_FALSE(line.oversized);
  }
}

TEST_CASE("the line reader skips a line over its limit and keeps going", "[mcp][lines]") {
  const std::string huge(300'000, 'x');
  for (std::size_t chunk : {std::size_t{7}, std::size_t{65536}, std::size_t{1} << 20}) {
    LineReader reader(chunked("ok\n" + std::string(11, 'y') + "\n" + huge + "\nafter\n" + huge, chunk), 10);
    const std::vector<Line> lines = readAll(reader);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].text == "ok");
    CHECK(lines[1].oversized);
    CHECK(lines[1].bytes == 11);
    CHECK(lines[2].oversized);
    CHECK(lines[2].bytes == 300'000);
    CHECK(lines[2].text.empty());
    CHECK(lines[3].text == "after");
    CHECK_FALSE(lines[3].oversized);
    CHECK(lines[4].oversized);  // the last, unterminated
    CHECK(lines[4].bytes == 300'000);
  }
  LineReader exact(chunked(std::string(10, 'z') + "\n", 4), 10);
  const auto line = exact.next();
  REQUIRE(line);
  CHECK_FALSE(line->oversized);  // the limit itself is allowed
  CHECK(line->text == std::string(10, 'z'));
  CHECK_FALSE(exact.next());
}

TEST_CASE("serve answers each line in order, oversized ones with -32600, until the input ends", "[mcp][lines]") {
  Harness h;
  const std::string init =
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}})";
  LineReader reader(chunked(init + "\n" + R"({"jsonrpc":"2.0","method":"notifications/initialized"})" + "\n" +
                                std::string(50, ' ') + "\n" + "nope\n" + R"({"jsonrpc":"2.0","id":2,"method":"ping"})",
                            5),
                    40);
  std::vector<std::string> sent;
  CHECK(serve(h.session, reader, [&](std::string_view line) {
    sent.emplace_back(line);
    return true;
  }));
  // initialize (91 bytes) is over this reader's 40-byte limit too.
  REQUIRE(sent.size() == 5);
  CHECK(Json::parse(sent[0]) ==
        rpc::error(nullptr, -32600, "request too large: " + std::to_string(init.size()) + " bytes, limit 40"));
  CHECK(Json::parse(sent[1]).at("error").at("message") == "request too large: 54 bytes, limit 40");
  CHECK(Json::parse(sent[2]).at("error").at("message") == "request too large: 50 bytes, limit 40");
  CHECK(Json::parse(sent[3]).at("error").at("code") == -32700);
  CHECK(Json::parse(sent[4]) == rpc::result(2, Json::object()));

  LineReader again(
      chunked(
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}\n{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}\n",
          64),
      100);
  int sends = 0;
  CHECK_FALSE(serve(h.session, again, [&](std::string_view) { return ++sends > 1; }));  // the client went away
  CHECK(sends == 1);
}
