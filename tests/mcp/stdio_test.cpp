// The real `pixabots mcp` driven over pipes as an MCP client drives it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "mcp/json_rpc.hpp"
#include "mcp_harness.hpp"
#include "mcp_process.hpp"

using namespace pixabots;
using namespace pixabots::mcp;
using namespace pixabots::mcp::test;

namespace {

Json requestLine(const Json& id, const std::string& method, const Json& params = nullptr) {
  Json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) message["params"] = params;
  return message;
}

// Every line stdout carried is one JSON-RPC 2.0 object.
void checkOnlyProtocol(const std::string& out) {
  std::istringstream lines(out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    INFO(line.substr(0, 300));
    const Json message = Json::parse(line);
    CHECK(message.is_object());
    CHECK(message.at("jsonrpc") == "2.0");
    ++count;
  }
  CHECK(count > 0);
  CHECK(out.back() == '\n');
}

}  // namespace

TEST_CASE("pixabots mcp over pipes: handshake, tools, a render, bad lines, a clean exit", "[mcp][stdio]") {
  McpProcess server({});
  server.writeLine(requestLine(1, "initialize",
                               {{"protocolVersion", "2025-06-18"},
                                {"capabilities", Json::object()},
                                {"clientInfo", {{"name", "test"}, {"version", "1"}}}})
                       .dump());
  const Json init = Json::parse(server.readLine());
  CHECK(init.at("id") == 1);
  CHECK(init.at("result").at("protocolVersion") == "2025-06-18");
  CHECK(init.at("result").at("serverInfo").at("name") == "pixabots");
  CHECK(init.at("result").at("serverInfo").at("version") == std::string(version()));
  server.writeLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");

  server.writeLine(requestLine(2, "tools/list").dump());
  const Json tools = Json::parse(server.readLine()).at("result").at("tools");
  CHECK(tools.size() == 7);  // no provider in this environment: no remote tools

  server.writeLine(requestLine(3, "tools/call", {{"name", "render_pixabot"}, {"arguments", {{"id", "2156"}}}}).dump());
  const Json render = Json::parse(server.readLine());
  CHECK(render.at("id") == 3);
  const Rgba image = decodePng(imageBytes(render.at("result"), "image/png"));
  const Context ctx;
  Options rgba{.format = Format::rgba};
  CHECK(image.pixels == ctx.render("2156", rgba));

  server.writeLine("{this is not json");
  CHECK(Json::parse(server.readLine()) ==
        rpc::error(nullptr, -32700,
                   "parse error at line 1, column 3: syntax error while parsing object key - invalid "
                   "literal; last read: '{th'; expected string literal"));

  // 5 MiB on one line: skipped without being held, answered, and the server carries on.
  const std::size_t huge = std::size_t{5} << 20;
  server.write(R"({"jsonrpc":"2.0","id":4,"method":"ping","params":{"x":")" + std::string(huge - 50, 'a') + "\"}}" +
               std::string(2, ' ') + "\n");
  const Json tooLarge = Json::parse(server.readLine());
  CHECK(tooLarge.at("error").at("code") == -32600);
  CHECK_THAT(tooLarge.at("error").at("message").get<std::string>(),
             Catch::Matches("request too large: [0-9]+ bytes, limit 4194304"));

  server.writeLine(requestLine("after", "ping").dump());
  CHECK(Json::parse(server.readLine()) == rpc::result("after", Json::object()));

  CHECK(server.finish() == 0);
  checkOnlyProtocol(server.stdoutText());
  CHECK_THAT(server.stderrText(), Catch::Contains("skipped a request of"));
}

TEST_CASE("pixabots mcp answers exactly the oversized line's length", "[mcp][stdio]") {
  McpProcess server({});
  server.write(std::string(std::size_t{5} << 20, 'x') + "\n");
  CHECK(Json::parse(server.readLine()) ==
        rpc::error(nullptr, -32600, "request too large: 5242880 bytes, limit 4194304"));
  CHECK(server.finish() == 0);
}

TEST_CASE("pixabots mcp exits 0 at the end of stdin, even mid-session or with nothing sent", "[mcp][stdio]") {
  McpProcess idle({});
  CHECK(idle.finish() == 0);
  CHECK(idle.stdoutText().empty());

  McpProcess partial({});
  partial.write(R"({"jsonrpc":"2.0","id":1,"method":"ping"})");  // no newline: still a line at EOF
  CHECK(partial.finish() == 0);
  CHECK(Json::parse(partial.stdoutText()) == rpc::result(1, Json::object()));
}

TEST_CASE("pixabots mcp usage errors exit 2 without touching stdout", "[mcp][stdio]") {
  McpProcess extra({"serve"});
  CHECK(extra.finish() == 2);
  CHECK(extra.stdoutText().empty());
  CHECK_THAT(extra.stderrText(), Catch::Contains("mcp takes options only, got \"serve\""));

  McpProcess unknown({"--port", "1"});
  CHECK(unknown.finish() == 2);
  CHECK(unknown.stdoutText().empty());

  McpProcess help({"--help"});
  CHECK(help.finish() == 0);
  CHECK_THAT(help.stdoutText(), Catch::StartsWith("usage: pixabots mcp"));
}

TEST_CASE("pixabots mcp --allow-write DIR: output_path lands inside DIR, and a missing DIR is bad usage",
          "[mcp][stdio]") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("pixabots-mcp-stdio-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  McpProcess server({"--allow-write", dir.string()});
  server.writeLine(requestLine(1, "initialize",
                               {{"protocolVersion", "2025-06-18"},
                                {"capabilities", Json::object()},
                                {"clientInfo", {{"name", "test"}, {"version", "1"}}}})
                       .dump());
  server.readLine();
  server.writeLine(
      requestLine(2, "tools/call",
                  {{"name", "render_pixabot"}, {"arguments", {{"id", "2156"}, {"output_path", "bot.png"}}}})
          .dump());
  const Json written = Json::parse(server.readLine()).at("result");
  server.writeLine(
      requestLine(3, "tools/call",
                  {{"name", "render_pixabot"}, {"arguments", {{"id", "2156"}, {"output_path", "../bot.png"}}}})
          .dump());
  const Json outside = Json::parse(server.readLine()).at("result");
  CHECK(server.finish() == 0);
  const std::string real = std::filesystem::canonical(dir).string();
  std::ifstream file(dir / "bot.png", std::ios::binary);
  CHECK(std::vector<std::uint8_t>(std::istreambuf_iterator<char>(file), {}) == imageBytes(written, "image/png"));
  CHECK(errorText(outside) == "render_pixabot failed: output_path \"../bot.png\" is outside the allowed directory " +
                                  real + " (pixabots mcp --allow-write DIR)");
  CHECK_FALSE(std::filesystem::exists(dir.parent_path() / "bot.png"));
  CHECK(server.stderrText() == "pixabots mcp: tools may write files inside " + real + "\n");
  std::filesystem::remove_all(dir);

  McpProcess missing({"--allow-write", (dir / "missing").string()});
  CHECK(missing.finish() == 2);
  CHECK(missing.stdoutText().empty());
  CHECK(missing.stderrText() == "pixabots mcp: --allow-write \"" + (dir / "missing").string() +
                                    "\": No such file or directory (give an existing directory)\n");
}
