// The contract checker on small schemas and documents (it must reject what
// is wrong, or a green contract test proves nothing), then every endpoint of
// a live server checked against the server's own OpenAPI document.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "server/contract.hpp"

using pixabots::contract::Json;
namespace contract = pixabots::contract;

namespace {

// Problems of `instance` against `schema`, with `defs` reachable as #/defs/...
std::vector<std::string> validate(const Json& schema, const Json& instance, const Json& defs = Json::object()) {
  const Json root = {{"defs", defs}};
  return contract::SchemaValidator(root).validate(schema, instance);
}

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const std::string& p : problems)
    if (p.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("contract validator: type", "[contract][validator]") {
  CHECK(validate({{"type", "integer"}}, 3).empty());
  CHECK(validate({{"type", "integer"}}, 3.0).empty());  // JSON Schema: 3.0 is an integer
  CHECK(mentions(validate({{"type", "integer"}}, 2.5), "$: expected integer, got number"));
  CHECK(validate({{"type", "number"}}, 2.5).empty());
  CHECK(mentions(validate({{"type", "string"}}, 1), "expected string, got integer"));
  CHECK(validate({{"type", Json::array({"string", "null"})}}, nullptr).empty());
  CHECK(mentions(validate({{"type", Json::array({"string", "null"})}}, true), "expected string or null"));
  CHECK(mentions(validate({{"type", "object"}}, Json::array()), "expected object, got array"));
}

TEST_CASE("contract validator: properties, required, additionalProperties name the JSON path", "[contract][validator]") {
  const Json schema = Json::parse(R"({
    "type": "object",
    "properties": {
      "id": {"type": "string", "pattern": "^[0-9a-z]{4}$"},
      "combo": {"type": "object", "properties": {"eyes": {"type": "integer", "minimum": 0, "maximum": 15}},
                "required": ["eyes"], "additionalProperties": false}
    },
    "required": ["id", "combo"]
  })");
  CHECK(validate(schema, Json::parse(R"({"id": "2156", "combo": {"eyes": 2}, "extra": 1})")).empty());
  CHECK(mentions(validate(schema, Json::parse(R"({"combo": {"eyes": 2}})")), "$: missing required property \"id\""));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "21567", "combo": {"eyes": 2}})")),
                 "$.id: \"21567\" does not match ^[0-9a-z]{4}$"));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "2156", "combo": {"eyes": 16}})")),
                 "$.combo.eyes: 16 is above the maximum 15"));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "2156", "combo": {"eyes": -1}})")),
                 "$.combo.eyes: -1 is below the minimum 0"));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "2156", "combo": {"eyes": 1, "ears": 2}})")),
                 "$.combo.ears: property is not allowed"));
  CHECK(mentions(validate(schema, Json::parse(R"({"id": "2156", "combo": {}})")),
                 "$.combo: missing required property \"eyes\""));
  // additionalProperties as a schema applies to the properties not listed.
  const Json map = {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}};
  CHECK(validate(map, {{"a", 1}, {"b", 2}}).empty());
  CHECK(mentions(validate(map, {{"a", 1}, {"b", "x"}}), "$.b: expected integer"));
}

TEST_CASE("contract validator: items, enum, const, lengths", "[contract][validator]") {
  const Json list = {{"type", "array"}, {"items", {{"type", "string"}, {"enum", {"top", "body"}}}}, {"maxItems", 3}};
  CHECK(validate(list, {"top", "body"}).empty());
  CHECK(mentions(validate(list, {"top", "ears"}), "$[1]: value \"ears\" is not one of [\"top\",\"body\"]"));
  CHECK(mentions(validate(list, {"top", "top", "top", "top"}), "$: 4 items, more than 3"));
  CHECK(mentions(validate({{"const", "3.1.0"}}, "3.0.0"), "is not \"3.1.0\""));
  CHECK(validate({{"type", "string"}, {"maxLength", 2}}, "\xc3\xa9\xc3\xa9").empty());  // two characters, four bytes
  CHECK(mentions(validate({{"type", "string"}, {"maxLength", 2}}, "abc"), "longer than 2"));
  CHECK(mentions(validate({{"type", "string"}, {"minLength", 1}}, ""), "shorter than 1"));
  CHECK(mentions(validate({{"exclusiveMinimum", 0}}, 0), "is not above 0"));
}

TEST_CASE("contract validator: pattern is an unanchored ECMAScript search", "[contract][validator]") {
  CHECK(validate({{"pattern", "b+"}}, "abbc").empty());
  CHECK(mentions(validate({{"pattern", "^b+$"}}, "abbc"), "does not match"));
  CHECK(validate({{"pattern", "^#[0-9a-fA-F]{6}$"}}, "#FDE68a").empty());
}

TEST_CASE("contract validator: $ref, with sibling keywords, and broken refs", "[contract][validator]") {
  const Json defs = {{"Id", {{"type", "string"}, {"pattern", "^[0-9a-z]{4}$"}}},
                     {"Wrapped", {{"$ref", "#/defs/Id"}}},
                     {"Loop", {{"$ref", "#/defs/Loop"}}}};
  CHECK(validate({{"$ref", "#/defs/Wrapped"}}, "2156", defs).empty());
  CHECK(mentions(validate({{"$ref", "#/defs/Wrapped"}}, "ABCD", defs), "$: \"ABCD\" does not match"));
  CHECK(mentions(validate({{"$ref", "#/defs/Id"}, {"maxLength", 3}}, "2156", defs), "longer than 3"));
  CHECK(mentions(validate({{"$ref", "#/defs/Nope"}}, "2156", defs), "unresolved $ref #/defs/Nope"));
  CHECK(mentions(validate({{"$ref", "#/defs/Loop"}}, 1, defs), "a $ref cycle"));
}

TEST_CASE("contract validator: oneOf, anyOf, allOf", "[contract][validator]") {
  const Json oneOf = {{"oneOf", {{{"type", "integer"}}, {{"type", "number"}, {"minimum", 10}}}}};
  CHECK(validate(oneOf, 2).empty());
  CHECK(validate(oneOf, 10.5).empty());
  CHECK(mentions(validate(oneOf, 12), "oneOf matched 2 of 2"));  // both branches: not exactly one
  CHECK(mentions(validate(oneOf, "x"), "oneOf matched 0 of 2"));
  const Json anyOf = {{"anyOf", {{{"type", "string"}}, {{"type", "null"}}}}};
  CHECK(validate(anyOf, nullptr).empty());
  CHECK(mentions(validate(anyOf, 1), "anyOf matched 0 of 2 schemas ([0] $: expected string"));
  const Json allOf = {{"allOf", {{{"minimum", 1}}, {{"maximum", 3}}}}};
  CHECK(validate(allOf, 2).empty());
  CHECK(mentions(validate(allOf, 4), "allOf matched 1 of 2"));
}

TEST_CASE("contract: concrete paths match templated paths, literal ones first", "[contract]") {
  const Json doc = Json::parse(R"({"paths": {
    "/api/pixabot/{id}": {}, "/api/pixabot/{id}/frames": {}, "/api/pixabot/batch": {},
    "/parts/{category}/{name}.png": {}, "/healthz": {}}})");
  const auto id = contract::matchPath(doc, "/api/pixabot/2156?size=64");
  REQUIRE(id);
  CHECK(id->templatePath == "/api/pixabot/{id}");
  CHECK(id->params.at("id") == "2156");
  CHECK(contract::matchPath(doc, "/api/pixabot/batch?ids=2156")->templatePath == "/api/pixabot/batch");
  CHECK(contract::matchPath(doc, "/api/pixabot/2156/frames")->templatePath == "/api/pixabot/{id}/frames");
  const auto part = contract::matchPath(doc, "/parts/eyes/human-2.png");
  REQUIRE(part);
  CHECK(part->params.at("category") == "eyes");
  CHECK(part->params.at("name") == "human-2");
  CHECK_FALSE(contract::matchPath(doc, "/parts/eyes/glasses.gif"));
  CHECK_FALSE(contract::matchPath(doc, "/api/pixabot/a/b/c"));
  CHECK_FALSE(contract::matchPath(doc, "/nope"));
}

TEST_CASE("contract: responses must be documented", "[contract]") {
  const Json doc = Json::parse(R"({"paths": {"/api/pixabot/{id}": {"get": {"responses": {
      "200": {"description": "ok", "headers": {"ETag": {"required": true, "schema": {"type": "string"}},
                                               "X-Count": {"schema": {"type": "integer", "minimum": 0}}},
              "content": {"image/png": {}, "application/json": {"schema": {"$ref": "#/components/schemas/M"}}}},
      "304": {"description": "not modified"}}}}},
    "components": {"schemas": {"M": {"type": "object", "required": ["id"],
                                     "properties": {"id": {"type": "string"}}}}}})");
  contract::Response ok{200, "application/json; charset=utf-8", R"({"id": "2156"})", {{"etag", "\"x\""}}};
  CHECK(contract::checkResponse(doc, "GET", "/api/pixabot/2156", ok).empty());

  auto problems = [&](std::string_view method, const contract::Response& r) {
    return contract::join(contract::checkResponse(doc, method, "/api/pixabot/2156?size=64", r));
  };
  contract::Response r = ok;
  r.status = 404;
  CHECK_THAT(problems("GET", r), Catch::Contains("status is not documented") && Catch::Contains("200, 304"));
  CHECK_THAT(problems("POST", ok), Catch::Contains("method is not documented"));
  r = ok;
  r.contentType = "text/html";
  CHECK_THAT(problems("GET", r), Catch::Contains("content type \"text/html\" is not documented"));
  r = ok;
  r.body = R"({"name": 1})";
  CHECK_THAT(problems("GET", r), Catch::Contains("$: missing required property \"id\""));
  r.body = "{not json";
  CHECK_THAT(problems("GET", r), Catch::Contains("body is not valid JSON"));
  r = ok;
  r.headers.clear();
  CHECK_THAT(problems("GET", r), Catch::Contains("required header ETag is missing"));
  r = ok;
  r.headers["X-Count"] = "-1";
  CHECK_THAT(problems("GET", r), Catch::Contains("header X-Count: $: -1 is below the minimum 0"));
  r = ok;
  r.contentType = "image/png";
  r.body = "GIF89a...";
  CHECK_THAT(problems("GET", r), Catch::Contains("body is not a PNG"));
  r.body = "\x89PNG\r\n\x1a\n....";
  CHECK(problems("GET", r).empty());
  const contract::Response notModified{304, "", "", {{"ETag", "\"x\""}}};
  CHECK(problems("GET", notModified).empty());
  CHECK_THAT(problems("GET", contract::Response{304, "text/plain", "body", {}}),
             Catch::Contains("a body of 4 bytes where none is documented"));
  // HEAD is GET without the body.
  CHECK(problems("HEAD", contract::Response{200, "image/png", "", {{"ETag", "\"x\""}}}).empty());
}
