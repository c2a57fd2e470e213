#pragma once
// Checks HTTP responses against an OpenAPI 3.1 document: is this status
// documented for this operation, this content type for this status, and does a
// JSON body validate against its schema. The validator covers the JSON Schema
// subset the server's document uses (keywordsUnderstood() lists it), so a test
// can also assert that the document stays inside what is checked.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jsonschema/schema.hpp"

namespace pixabots::contract {

using Json = nlohmann::json;

// The validator lives in the library (jsonschema), shared with the remote
// module; the contract checks use it under these names.
using jsonschema::join;
using jsonschema::keywordsUnderstood;
using jsonschema::resolveRef;
using jsonschema::SchemaValidator;

struct PathMatch {
  std::string templatePath;                   // the document's key, e.g. /api/pixabot/{id}
  std::map<std::string, std::string> params;  // id -> 2156
};

// The documented path a concrete path (query string allowed, ignored) falls
// under. Literal paths win over templated ones (OpenAPI's rule, so
// /api/pixabot/batch is not an {id}); among templates the most literal wins.
std::optional<PathMatch> matchPath(const Json& document, std::string_view path);

struct Response {
  int status = 0;
  std::string contentType;  // the Content-Type header, parameters allowed
  std::string body;
  std::map<std::string, std::string> headers;  // names in any case
};

// Every way `response` departs from the document for `method` (GET, HEAD,
// OPTIONS, ...) on `path`; empty when it is documented. HEAD is checked as
// the GET it mirrors, without a body. Headers named in `undocumentedForbidden`
// (any case) must not appear unless the document lists them for the status.
std::vector<std::string> checkResponse(const Json& document, std::string_view method, std::string_view path,
                                       const Response& response,
                                       const std::vector<std::string>& undocumentedForbidden = {});

// Every query parameter of `target` and every header in `headers` (names)
// that the document does not list for `method` on the target's path: what a
// client sends must be in the contract too.
std::vector<std::string> checkRequest(const Json& document, std::string_view method, std::string_view target,
                                      const std::vector<std::string>& headers);

}  // namespace pixabots::contract
