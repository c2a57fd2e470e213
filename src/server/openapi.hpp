#pragma once
#include <string_view>

namespace pixabots::server {

// The server's OpenAPI 3.1 document (src/server/openapi.json), embedded at
// build time: GET /openapi.json serves these bytes, and the contract tests
// check responses against them, so the two cannot drift apart.
std::string_view openApiDocument();

}  // namespace pixabots::server
