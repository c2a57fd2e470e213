#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pixabots::remote {

struct HeaderNameLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;  // ASCII case-insensitive
};
using Headers = std::map<std::string, std::string, HeaderNameLess>;

struct HttpRequest {
  std::string method = "GET";  // GET or POST
  std::string url;             // absolute, http or https
  Headers headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  Headers headers;   // the last value of a repeated header wins
  std::string body;  // empty when the request streamed it to a sink
  std::optional<std::string> header(std::string_view name) const;
};

struct TransferLimits {
  std::chrono::milliseconds connectTimeout{10'000};
  std::chrono::milliseconds totalTimeout{120'000};
  std::size_t maxBodyBytes = 16u << 20;
};

// Receives the body as it arrives, after the status and headers are known;
// used for downloads so a large asset never sits in memory. Only a 2xx body
// is streamed; an error reply's body (its first 64 KiB) stays in
// HttpResponse::body for the error message.
using BodySink = std::function<void(std::string_view chunk)>;

// One HTTP exchange. Throws Error(timeout) when the limits' time runs out,
// Error(unreachable) when the host cannot be resolved or connected to (so
// nothing was sent), Error(network) when the connection breaks later
// (including a body shorter than its Content-Length), Error(too_large) when
// the body passes maxBodyBytes. Any HTTP status is a normal return.
// Implementations never log the request headers (they carry the API key).
class Transport {
 public:
  virtual ~Transport() = default;
  virtual HttpResponse send(const HttpRequest& request, const TransferLimits& limits, const BodySink& sink = {}) = 0;
};

// libcurl, one easy handle per call, safe to use from several threads.
std::unique_ptr<Transport> makeCurlTransport();

}  // namespace pixabots::remote
