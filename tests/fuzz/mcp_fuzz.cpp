// libFuzzer target for the MCP server's input side: any bytes, split into
// lines by the line reader (with a small limit, so oversized lines happen
// too) and answered by a session, never crash; every reply is one line
// holding a JSON-RPC 2.0 object with a result or an error of a known code.
// The catalog tools answer tools/call; the image tools are left out, as
// they may write files (output_path).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mcp/line_reader.hpp"
#include "mcp/server.hpp"
#include "mcp/session.hpp"
#include "mcp/tools.hpp"

namespace {

using namespace pixabots::mcp;

void check(bool ok) {
  if (!ok) std::abort();
}

bool send(std::string_view line) {
  check(line.find('\n') == std::string_view::npos);
  const Json reply = Json::parse(line);
  check(reply.is_object() && reply.at("jsonrpc") == "2.0" && reply.contains("id"));
  check(reply.contains("result") != reply.contains("error"));
  if (reply.contains("error")) {
    const int code = reply.at("error").at("code").get<int>();
    check(code == rpc::kParseError || code == rpc::kInvalidRequest || code == rpc::kMethodNotFound ||
          code == rpc::kInvalidParams || code == rpc::kInternalError);
    check(reply.at("error").at("message").is_string());
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ToolRegistry tools = [] {
    ToolRegistry registry;
    addCatalogTools(registry, pixabots::core::Pack::embedded());
    return registry;
  }();
  Session session(tools, "fuzz");
  std::string_view input(reinterpret_cast<const char*>(data), size);
  LineReader reader(
      [&](char* buffer, std::size_t capacity) {
        // Short reads, as a pipe gives them.
        const std::size_t n = std::min({capacity, input.size(), std::size_t{61}});
        std::copy_n(input.data(), n, buffer);
        input.remove_prefix(n);
        return n;
      },
      4096);
  check(serve(session, reader, send));
  return 0;
}
