#include "server/access_log.hpp"

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace pixabots::server {

std::string escapeForLog(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f && c != '"' && c != '\\') {
      out += c;
    } else {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

std::string rfc3339(std::chrono::system_clock::time_point time) {
  const auto since = time.time_since_epoch();
  const std::time_t seconds = std::chrono::duration_cast<std::chrono::seconds>(since).count();
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];  // room for any year, so the compiler sees no truncation
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
  return text;
}

std::string formatLogLine(LogFormat format, const LogEntry& e, std::chrono::system_clock::time_point time) {
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.2f", e.milliseconds);
  if (format == LogFormat::json) {
    // Escaped before JSON sees them: the fields are ASCII whatever the client sent.
    nlohmann::ordered_json line = {{"time", rfc3339(time)},
                                   {"event", e.event},
                                   {"client", escapeForLog(e.client)},
                                   {"request", escapeForLog(e.request)},
                                   {"status", e.status},
                                   {"bytes", e.bytes},
                                   {"ms", std::stod(ms)}};
    if (!e.reason.empty()) line["reason"] = e.reason;
    return line.dump();
  }
  std::string line = rfc3339(time) + " " + (e.client.empty() ? std::string("-") : escapeForLog(e.client)) + " \"" +
                     (e.request.empty() ? std::string("-") : escapeForLog(e.request)) + "\" " +
                     (e.status ? std::to_string(e.status) : std::string("-")) + " " + std::to_string(e.bytes) + " " +
                     ms + "ms";
  if (e.event != "request") line += " " + std::string(e.event) + ": " + escapeForLog(e.reason);
  return line;
}

void AccessLog::write(const LogEntry& entry) const {
  if (enabled_) event(entry);
}

void AccessLog::event(const LogEntry& entry) const {
  const std::string line = formatLogLine(format_, entry, std::chrono::system_clock::now()) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace pixabots::server
