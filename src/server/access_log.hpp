#pragma once
// The access log: one line per answered request, per refused connection and
// per connection dropped mid-request, on stderr; in the same format, one line
// per reload of the service. Request bytes are the
// client's: every byte outside printable ASCII is escaped, so a request line
// cannot forge log lines or send escape sequences to a terminal.
#include <chrono>
#include <string>
#include <string_view>

#include "server/config.hpp"

namespace pixabots::server {

struct LogEntry {
  // "request", "refused" (connection caps), "dropped" (timeout, shutdown),
  // "reloaded", "reload-failed" (HttpServer::reload)
  std::string_view event = "request";
  std::string_view client;   // the client's address; none for a reload
  std::string_view request;  // the request line as received ("" when none arrived)
  int status = 0;            // 0: nothing was answered
  std::size_t bytes = 0;     // body bytes sent
  double milliseconds = 0;
  std::string_view reason;  // why a connection was refused or dropped
};

// `text` with `"` and `\` and every byte outside 0x20..0x7e as \xHH.
std::string escapeForLog(std::string_view text);
// RFC 3339 in UTC with milliseconds: 2026-12-06T17:04:05.123Z.
std::string rfc3339(std::chrono::system_clock::time_point time);

// One line, without the newline:
//   text: TIME CLIENT "REQUEST" STATUS BYTES MSms[ EVENT: REASON]
//   json: {"time":...,"event":...,"client":...,"request":...,"status":...,"bytes":...,"ms":...[,"reason":...]}
std::string formatLogLine(LogFormat format, const LogEntry& entry, std::chrono::system_clock::time_point time);

class AccessLog {
 public:
  AccessLog(bool enabled, LogFormat format) : enabled_(enabled), format_(format) {}
  bool enabled() const { return enabled_; }
  // Writes one line on stderr in one call, so lines from threads never interleave.
  void write(const LogEntry& entry) const;
  // As write(), even with the access log off: the server's own events (a
  // reload and why it failed) are what the operator asked for.
  void event(const LogEntry& entry) const;

 private:
  bool enabled_;
  LogFormat format_;
};

}  // namespace pixabots::server
