// libFuzzer target for the server's HTTP request path as the connection
// drives it: any bytes go through RequestParser (Beast's parser with our
// limits), request after request as pipelining would; each parsed head gives
// an origin and client address, and every request line makes an access log
// line. Refusals map to 400/413/414/431 only; origins are built only from
// valid hosts; log lines hold printable ASCII only.
#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/asio/buffer.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "server/access_log.hpp"
#include "server/request_origin.hpp"
#include "server/request_parser.hpp"

namespace {

using namespace pixabots::server;

void check(bool ok) {
  if (!ok) std::abort();
}

void checkLogLine(std::string_view line) {
  for (const char c : line) check(c >= 0x20 && c < 0x7f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Small limits, so the fuzzer reaches them.
  const RequestLimits limits{512, 8, 256, 64};
  Config config;
  config.trustProxy = size % 2 == 1;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (int request = 0; request < 16 && !input.empty(); ++request) {
    RequestParser parser(limits);
    boost::beast::error_code ec;
    // As a connection reads: a few bytes at a time, so split headers are exercised.
    std::size_t used = 0;
    std::size_t offered = 0;
    while (!parser.is_done() && !ec && used < input.size()) {
      offered = std::min(input.size(), offered + 7);
      used += parser.put(boost::asio::buffer(input.data() + used, offered - used), ec);
      if (ec == boost::beast::http::error::need_more) {
        ec = {};
        if (offered == input.size()) break;
      }
    }
    if (ec) {
      const int status = parser.refusalStatus(ec);
      check(status == 400 || status == 413 || status == 414 || status == 431);
      check(!parser.refusalMessage(ec).empty());
      checkLogLine(formatLogLine(LogFormat::text, {"dropped", "::1", input.substr(0, 64), status, 0, 0, "x"},
                                 std::chrono::system_clock::time_point()));
      break;
    }
    if (!parser.is_done()) break;
    const RequestHead& head = parser.head();
    check(head.target.size() <= limits.maxTargetBytes);
    if (const auto origin = requestOrigin(config, head, "127.0.0.1:80")) {
      check(origin->starts_with("http://") || origin->starts_with("https://"));
      check(validHost(origin->substr(origin->find("//") + 2)));
    }
    check(clientAddress(config, head, "127.0.0.1").size() <= 45);
    const std::string line = head.method + " " + head.target;
    checkLogLine(formatLogLine(LogFormat::text, {"request", "127.0.0.1", line, 200, 1, 0.5, {}},
                               std::chrono::system_clock::time_point()));
    checkLogLine(formatLogLine(LogFormat::json, {"request", "127.0.0.1", line, 200, 1, 0.5, {}},
                               std::chrono::system_clock::time_point()));
    input.remove_prefix(used);
  }
  return 0;
}
