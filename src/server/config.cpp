#include "server/config.hpp"

#include <algorithm>
#include <charconv>
#include <thread>

#include "pixabots/core/error.hpp"
#include "pixabots/core/json.hpp"

namespace pixabots::server {
namespace {

[[noreturn]] void invalid(std::string_view key, std::string_view value, std::string_view accepted) {
  throw core::Error(core::Errc::invalid_option,
                    std::string(key) + " \"" + std::string(value) + "\" is not valid: " + std::string(accepted));
}

int integer(std::string_view key, std::string_view value, int min, int max) {
  int v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || end != value.data() + value.size() || v < min || v > max) {
    invalid(key, value, "must be an integer between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return v;
}

bool boolean(std::string_view key, std::string_view value) {
  if (value == "1" || value == "true" || value == "on" || value == "yes") return true;
  if (value == "0" || value == "false" || value == "off" || value == "no") return false;
  invalid(key, value, "must be true or false (1/0, on/off, yes/no)");
}

}  // namespace

int defaultThreads() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

int defaultMaxRenders() { return 2 * defaultThreads(); }

const std::vector<Setting>& settings() {
  static const std::vector<Setting> list = {
      {"host", "ADDR", "address to bind (default 127.0.0.1; 0.0.0.0 for every interface)"},
      {"port", "N", "port (default 8080; 0 picks a free one, printed at start)"},
      {"threads", "N", "event-loop threads (default: one per core); connections cost no thread"},
      {"pack", "DIR", "sprite pack directory (default: the built-in art)"},
      {"origin", "URL", "origin of generated URLs, e.g. https://bots.example.com (default: from each request's Host)"},
      {"trust-proxy", "BOOL", "take the client address and origin from X-Forwarded-For/-Proto/-Host (default false)"},
      {"cache-mb", "N", "response cache size in MiB (default 64, 0 disables)"},
      {"rate-animated", "N", "animated renders per client per minute (default 60, 0 = unlimited)"},
      {"rate-og", "N", "Open Graph cards per client per minute (default 30, 0 = unlimited)"},
      {"max-renders", "N", "expensive renders at once: animated, OG, PNG over 480 px (default 2 x cores, 0 = no cap)"},
      {"render-wait-ms", "MS", "wait for a render slot before answering 503 (default 2000)"},
      {"keep-alive-max", "N", "requests per keep-alive connection (default 1000)"},
      {"keep-alive-timeout", "S", "idle seconds before a connection without a request closes (default 5)"},
      {"read-timeout", "S", "seconds to receive a whole request, headers and body (default 5)"},
      {"write-timeout", "S", "seconds to send a whole response (default 5)"},
      {"max-header-bytes", "N", "limit on a request line and its header lines together (default 16384)"},
      {"max-headers", "N", "limit on a request's header fields (default 100)"},
      {"max-connections", "N", "connections open at once (default 10000)"},
      {"max-connections-per-address", "N", "connections open at once from one address (default 1000)"},
      {"shutdown-timeout", "S", "on SIGTERM, seconds responses in flight get to finish (default 10)"},
      {"access-log", "BOOL", "one line per request and refused connection on stderr (default true)"},
      {"log-format", "FORMAT", "access log lines as text or json (default text)"},
  };
  return list;
}

void applySetting(Config& config, std::string_view key, std::string_view value) {
  if (key == "host") {
    if (value.empty()) invalid(key, value, "must be an address such as 127.0.0.1");
    config.host = value;
  } else if (key == "port") {
    config.port = integer(key, value, 0, 65535);
  } else if (key == "threads") {
    config.threads = integer(key, value, 1, 4096);
  } else if (key == "pack") {
    config.pack = std::string(value);
  } else if (key == "origin") {
    config.origin = core::parseOrigin(value);  // the rule the CLI and MCP apply too
  } else if (key == "cache-mb") {
    config.cacheMegabytes = static_cast<std::size_t>(integer(key, value, 0, 1 << 20));
  } else if (key == "rate-animated") {
    config.animatedPerMinute = integer(key, value, 0, 1000000);
  } else if (key == "rate-og") {
    config.ogPerMinute = integer(key, value, 0, 1000000);
  } else if (key == "max-renders") {
    config.maxRenders = integer(key, value, 0, 1024);  // each is a pool thread
  } else if (key == "render-wait-ms") {
    config.renderWaitMs = integer(key, value, 0, 600000);
  } else if (key == "keep-alive-max") {
    config.keepAliveMaxCount = integer(key, value, 1, 1000000);
  } else if (key == "keep-alive-timeout") {
    config.keepAliveTimeoutSeconds = integer(key, value, 1, 3600);
  } else if (key == "read-timeout") {
    config.readTimeoutSeconds = integer(key, value, 1, 3600);
  } else if (key == "write-timeout") {
    config.writeTimeoutSeconds = integer(key, value, 1, 3600);
  } else if (key == "max-header-bytes") {
    config.maxHeaderBytes = static_cast<std::size_t>(integer(key, value, 1024, 1 << 20));
  } else if (key == "max-headers") {
    config.maxHeaders = integer(key, value, 1, 10000);
  } else if (key == "max-connections") {
    config.maxConnections = integer(key, value, 1, 1000000);
  } else if (key == "max-connections-per-address") {
    config.maxConnectionsPerAddress = integer(key, value, 1, 1000000);
  } else if (key == "shutdown-timeout") {
    config.shutdownTimeoutSeconds = integer(key, value, 0, 3600);
  } else if (key == "trust-proxy") {
    config.trustProxy = boolean(key, value);
  } else if (key == "access-log") {
    config.accessLog = boolean(key, value);
  } else if (key == "log-format") {
    if (value == "text")
      config.logFormat = LogFormat::text;
    else if (value == "json")
      config.logFormat = LogFormat::json;
    else
      invalid(key, value, "must be text or json");
  } else {
    throw core::Error(core::Errc::invalid_option, "unknown setting " + std::string(key));
  }
}

Config configFromEnvironment(const std::function<const char*(const char*)>& getenv) {
  Config config;
  for (const Setting& s : settings()) {
    std::string name = "PIXABOTS_" + std::string(s.key);
    std::transform(name.begin(), name.end(), name.begin(), [](char c) {
      return c == '-' ? '_' : (c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    });
    if (const char* value = getenv(name.c_str())) applySetting(config, s.key, value);
  }
  return config;
}

std::string originFor(const Config& config, int port) {
  if (config.origin) return *config.origin;
  std::string host = config.host == "0.0.0.0" || config.host == "::" ? "127.0.0.1" : config.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port);
}

}  // namespace pixabots::server
