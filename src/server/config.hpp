#pragma once
// `pixabots serve` settings: defaults, then PIXABOTS_* environment variables,
// then command-line flags (the CLI applies those through applySetting).
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pixabots::server {

// 2 x std::thread::hardware_concurrency() (at least 2).
int defaultMaxRenders();
// std::thread::hardware_concurrency() (at least 1): one event loop per core.
int defaultThreads();

// How the access log writes its lines.
enum class LogFormat { text, json };

struct Config {
  std::string host = "127.0.0.1";  // loopback unless asked: the server has no authentication
  int port = 8080;                 // 0 picks a free port
  // Threads running the event loop. Connections cost no thread while idle or
  // slow; expensive renders run on a pool of maxRenders threads beside them.
  int threads = defaultThreads();
  std::optional<std::string> pack;    // sprite pack directory; the built-in art otherwise
  std::optional<std::string> origin;  // URL prefix in JSON and redirects; http://HOST:PORT otherwise
  std::size_t cacheMegabytes = 64;    // response cache; 0 disables it
  int animatedPerMinute = 60;         // per client; 0 disables the limit
  int ogPerMinute = 30;
  // Expensive renders (animated, OG, PNG beyond kLargeRenderSize) at once; 0 = no cap.
  // Twice the cores: enough to keep them busy while some renders write out.
  int maxRenders = defaultMaxRenders();
  int renderWaitMs = 2000;                 // how long one waits for a slot before 503
  int keepAliveMaxCount = 1000;            // requests per connection
  int keepAliveTimeoutSeconds = 5;         // idle wait for a connection's next (or first) request
  int readTimeoutSeconds = 5;              // a whole request, headers and body, from its first byte
  int writeTimeoutSeconds = 5;             // a whole response
  std::size_t maxHeaderBytes = 16 * 1024;  // request line and header lines together; 431 beyond
  int maxHeaders = 100;                    // header fields; 431 beyond
  int maxConnections = 10000;              // open at once; more are answered 503 and closed
  int maxConnectionsPerAddress = 1000;     // open at once from one client address
  int shutdownTimeoutSeconds = 10;         // on stop, responses in flight get this long to finish
  bool trustProxy = false;                 // X-Forwarded-For/-Proto/-Host name the client and the origin
  bool accessLog = true;
  LogFormat logFormat = LogFormat::text;
};

// One setting: its flag, its environment variable, its help line.
struct Setting {
  std::string_view key;        // "port"; the flag is --port, the variable PIXABOTS_PORT
  std::string_view valueName;  // "N", "DIR", ...; empty for an on/off flag
  std::string_view help;
};
const std::vector<Setting>& settings();

// Sets `key` from text. Throws core::Error(invalid_option) naming the setting,
// the value and what is accepted.
void applySetting(Config& config, std::string_view key, std::string_view value);

// Defaults overridden by PIXABOTS_<KEY> variables (`getenv` is std::getenv outside tests).
Config configFromEnvironment(const std::function<const char*(const char*)>& getenv);

// The origin URLs point at when no request says otherwise: config.origin, else
// http://host:port (a wildcard host as 127.0.0.1). The HTTP server uses it
// only for requests without a Host header; tests and tools use it directly.
std::string originFor(const Config& config, int port);

}  // namespace pixabots::server
