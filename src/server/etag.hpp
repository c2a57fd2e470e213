#pragma once
// Validators for the server's deterministic responses: a strong ETag derived
// from the bytes, and the If-None-Match test that turns a repeat into a 304.
#include <string>
#include <string_view>

namespace pixabots::server {

// `"<16 hex digits>"`: FNV-1a 64 over the content type, a NUL and the body, so
// the same bytes served under another type get another tag. Stable across
// runs, builds and platforms (no std::hash), so caches and CDNs keep their
// tags after a restart.
std::string strongEtag(std::string_view body, std::string_view contentType);

// RFC 9110 13.1.2: the header is `*` or a comma-separated list of entity tags;
// If-None-Match uses the weak comparison, so `W/"x"` matches `"x"` and the
// reverse. Malformed list members are skipped, never matched. An empty or
// malformed `etag` never hits.
bool ifNoneMatchHits(std::string_view ifNoneMatchHeader, std::string_view etag);

}  // namespace pixabots::server
