#include "server/request_origin.hpp"

#include <algorithm>
#include <cctype>

namespace pixabots::server {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The first element of a comma-separated list: the outermost proxy's view.
std::string_view first(std::string_view list) { return trim(list.substr(0, list.find(','))); }

bool nameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
}

}  // namespace

bool validHost(std::string_view host) {
  std::string_view name = host;
  std::string_view port;
  if (host.starts_with('[')) {
    const std::size_t close = host.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    const std::string_view literal = host.substr(1, close - 1);
    if (!std::all_of(literal.begin(), literal.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.'; })) {
      return false;
    }
    const std::string_view rest = host.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':')) return false;
    port = rest.empty() ? rest : rest.substr(1);
    if (!rest.empty() && port.empty()) return false;
  } else {
    const std::size_t colon = host.find(':');
    name = host.substr(0, colon);
    if (colon != std::string_view::npos) {
      port = host.substr(colon + 1);
      if (port.empty()) return false;
    }
    if (name.empty() || !std::all_of(name.begin(), name.end(), nameChar)) return false;
  }
  return port.size() <= 5 && std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> requestOrigin(const Config& config, const RequestHead& head, std::string_view fallback) {
  if (config.origin) return *config.origin;
  std::string scheme = "http";
  std::string_view host = head.host;
  if (config.trustProxy) {
    if (const std::string_view proto = first(head.forwardedProto); proto == "https" || proto == "http") {
      scheme = proto;
    }
    if (const std::string_view forwarded = first(head.forwardedHost); !forwarded.empty()) host = forwarded;
  }
  if (!head.hasHost && host.empty()) {
    if (head.version >= 11) return std::nullopt;  // RFC 9112 3.2: a 1.1 request without Host is a 400
    return scheme + "://" + std::string(fallback);
  }
  if (!validHost(host)) return std::nullopt;
  return scheme + "://" + std::string(host);
}

std::string clientAddress(const Config& config, const RequestHead& head, std::string_view peer) {
  if (!config.trustProxy || head.forwardedFor.empty()) return std::string(peer);
  std::string_view list = head.forwardedFor;
  const std::size_t comma = list.rfind(',');
  const std::string_view last = trim(comma == std::string_view::npos ? list : list.substr(comma + 1));
  // An address is at most 45 characters; a longer value is not one and would bloat the rate limiter.
  if (last.empty() || last.size() > 45) return std::string(peer);
  return std::string(last);
}

}  // namespace pixabots::server
