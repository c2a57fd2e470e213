#pragma once
// Where a request came from and which origin its absolute URLs use. Without
// --origin the origin is the one the client asked for (its Host header), so
// a server bound to every interface never sends remote clients to 127.0.0.1;
// X-Forwarded-* count only with --trust-proxy, as anyone can send them.
#include <optional>
#include <string>
#include <string_view>

#include "server/config.hpp"
#include "server/request_parser.hpp"

namespace pixabots::server {

// A Host value as RFC 3986 allows it: a name or IPv4 address of letters,
// digits, '-', '.', '_' and '~', or a bracketed IPv6 literal, then optionally
// ':' and a port. Anything else could inject text into URLs and bodies.
bool validHost(std::string_view host);

// The origin for a request: config.origin; else "http://" + the Host header
// (X-Forwarded-Proto and -Host first when trusted); else, for HTTP/1.0
// requests without Host, `fallback` (the address the client connected to).
// nullopt when the request names no usable host: answered 400.
std::optional<std::string> requestOrigin(const Config& config, const RequestHead& head, std::string_view fallback);

// The client a request is counted and logged as: the peer's address, or with
// --trust-proxy the last address in X-Forwarded-For (the one the proxy
// in front of us appended).
std::string clientAddress(const Config& config, const RequestHead& head, std::string_view peer);

}  // namespace pixabots::server
