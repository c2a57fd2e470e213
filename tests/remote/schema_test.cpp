// Model input against its JSON Schema: every keyword a model schema uses,
// every violation reported with its path, schemas that are broken or hostile
// (problems, not crashes or runaways), and submitValidated refusing to spend
// credits on input the schema rejects.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "jsonschema/schema.hpp"
#include "remote/lifecycle.hpp"
#include "remote/scripted_provider.hpp"
#include "remote/thrown_by.hpp"

using namespace pixabots::remote;
using pixabots::remote::test::ScriptedProvider;
using pixabots::remote::test::thrownBy;
using Problems = std::vector<std::string>;

namespace {

// A text-to-image model's input, as a jobs API serves it.
const Json kModel = Json::parse(R"({
  "type": "object",
  "required": ["prompt"],
  "properties": {
    "prompt": {"type": "string", "minLength": 1, "maxLength": 2000},
    "num_outputs": {"type": "integer", "minimum": 1, "maximum": 4, "default": 1},
    "aspect_ratio": {"type": "string", "enum": ["1:1", "16:9"]},
    "guidance": {"type": "number", "exclusiveMinimum": 0, "maximum": 20},
    "seed": {"type": ["integer", "null"]},
    "output_format": {"enum": ["png", "jpg", "webp"]},
    "loras": {
      "type": "array", "maxItems": 2,
      "items": {
        "type": "object", "required": ["url"],
        "properties": {"url": {"type": "string", "format": "uri", "pattern": "^https://"},
                       "scale": {"type": "number", "minimum": 0, "maximum": 1}}
      }
    }
  },
  "additionalProperties": false
})");

Problems check(const Json& schema, const Json& instance) { return validateInput(schema, instance); }

}  // namespace

TEST_CASE("schema: a model's input is accepted when it conforms", "[remote][schema]") {
  CHECK(check(kModel, Json::parse(R"({"prompt": "a robot"})")).empty());
  CHECK(check(kModel, Json::parse(R"({"prompt": "a robot", "num_outputs": 4, "aspect_ratio": "16:9",
                                      "guidance": 3.5, "seed": null, "output_format": "webp",
                                      "loras": [{"url": "https://a.example/l.safetensors", "scale": 0.5}]})"))
            .empty());
}

TEST_CASE("schema: every violation is reported, each with its JSON path", "[remote][schema]") {
  const Json input = Json::parse(R"({
    "num_outputs": 9, "aspect_ratio": "2:1", "guidance": 0, "seed": 1.5, "output_format": "bmp",
    "loras": [{"url": "http://x", "scale": 2}, {}, {"url": "https://y"}], "steps": 20
  })");
  CHECK(check(kModel, input) == Problems{
                                    "$: missing required property \"prompt\"",
                                    "$.aspect_ratio: \"2:1\" is not one of \"1:1\", \"16:9\"",
                                    "$.guidance: 0 is not above 0 (exclusiveMinimum)",
                                    "$.loras: 3 items, more than 2",
                                    "$.loras[0].scale: 2 is above the maximum 1",
                                    "$.loras[0].url: \"http://x\" does not match ^https://",
                                    "$.loras[1]: missing required property \"url\"",
                                    "$.num_outputs: 9 is above the maximum 4",
                                    "$.output_format: \"bmp\" is not one of \"png\", \"jpg\", \"webp\"",
                                    "$.seed: expected integer or null, got number",
                                    "$.steps: property is not allowed (additionalProperties: false)",
                                });
}

TEST_CASE("schema: type tells integer from number, takes lists and null", "[remote][schema]") {
  const Json integer = {{"type", "integer"}};
  CHECK(check(integer, 3).empty());
  CHECK(check(integer, 3.0).empty());  // JSON Schema: 3.0 is an integer
  CHECK(check(integer, 18446744073709551615u).empty());
  CHECK(check(integer, 2.5) == Problems{"$: expected integer, got number"});
  CHECK(check(integer, true) == Problems{"$: expected integer, got boolean"});
  CHECK(check(integer, "3") == Problems{"$: expected integer, got string"});
  CHECK(check({{"type", "number"}}, 2).empty());
  CHECK(check({{"type", "null"}}, nullptr).empty());
  CHECK(check({{"type", "null"}}, 0) == Problems{"$: expected null, got integer"});
  CHECK(check({{"type", {"string", "array"}}}, Json::array()).empty());
  CHECK(check({{"type", {"string", "array"}}}, Json::object()) == Problems{"$: expected string or array, got object"});
  // A mismatched type is one problem, not one per keyword that no longer applies.
  CHECK(check({{"type", "string"}, {"minLength", 3}, {"enum", {"abc"}}}, 5) ==
        Problems{"$: expected string, got integer"});
  // OpenAPI 3.0's way of allowing null.
  CHECK(check({{"type", "string"}, {"nullable", true}}, nullptr).empty());
  CHECK(check({{"type", "string"}, {"nullable", true}}, 3) == Problems{"$: expected string, got integer"});
}

TEST_CASE("schema: enum and const", "[remote][schema]") {
  CHECK(check({{"enum", {1, "two", nullptr}}}, "two").empty());
  CHECK(check({{"enum", {1, "two", nullptr}}}, 2) == Problems{"$: 2 is not one of 1, \"two\", null"});
  CHECK(check({{"const", "v1"}}, "v2") == Problems{"$: \"v2\" is not \"v1\""});
  CHECK(check({{"const", {{"a", 1}}}}, {{"a", 1}}).empty());
  // A long list is cut short in the message.
  CHECK(check({{"enum", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}}, 12) ==
        Problems{"$: 12 is not one of 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 (and 2 more)"});
}

TEST_CASE("schema: numeric ranges, inclusive and exclusive", "[remote][schema]") {
  const Json range = {{"minimum", 1}, {"maximum", 4}};
  CHECK(check(range, 1).empty());
  CHECK(check(range, 4).empty());
  CHECK(check(range, 0) == Problems{"$: 0 is below the minimum 1"});
  CHECK(check(range, 4.5) == Problems{"$: 4.5 is above the maximum 4"});
  CHECK(check(range, "9").empty());  // ranges apply to numbers only
  const Json open = {{"exclusiveMinimum", 0}, {"exclusiveMaximum", 1}};
  CHECK(check(open, 0.5).empty());
  CHECK(check(open, 0) == Problems{"$: 0 is not above 0 (exclusiveMinimum)"});
  CHECK(check(open, 1) == Problems{"$: 1 is not below 1 (exclusiveMaximum)"});
  // Draft 4 wrote exclusive bounds as booleans beside minimum and maximum.
  CHECK(check({{"minimum", 0}, {"exclusiveMinimum", true}}, 0) == Problems{"$: 0 is not above 0"});
  CHECK(check({{"minimum", 0}, {"exclusiveMinimum", true}}, 0.1).empty());
  CHECK(check({{"maximum", 1}, {"exclusiveMaximum", true}}, 1) == Problems{"$: 1 is not below 1"});
  CHECK(check({{"maximum", 1}, {"exclusiveMaximum", false}}, 1).empty());
}

TEST_CASE("schema: string lengths count characters, and pattern is an unanchored search", "[remote][schema]") {
  const Json length = {{"type", "string"}, {"minLength", 3}, {"maxLength", 4}};
  CHECK(check(length, "\xc3\xa9\xc3\xa9\xc3\xa9").empty());  // three characters, six bytes
  CHECK(check(length, "\xc3\xa9\xc3\xa9") == Problems{"$: string of 2 characters is shorter than 3"});
  CHECK(check(length, "abcde") == Problems{"$: string of 5 characters is longer than 4"});
  CHECK(check({{"pattern", "b+"}}, "abbc").empty());
  CHECK(check({{"pattern", "^b+$"}}, "abbc") == Problems{"$: \"abbc\" does not match ^b+$"});
  CHECK(check({{"pattern", "^\\d+:\\d+$"}}, "16:9").empty());
  // format is an annotation: not checked.
  CHECK(check({{"type", "string"}, {"format", "uri"}}, "not a uri").empty());
  // A long value is quoted only in part.
  const std::string prompt(300, 'x');
  const Problems long_ = check({{"pattern", "^y"}}, prompt);
  REQUIRE(long_.size() == 1);
  CHECK(long_[0] == "$: \"" + std::string(79, 'x') + "... does not match ^y");
}

TEST_CASE("schema: arrays: counts, items, positional items", "[remote][schema]") {
  const Json list = {{"type", "array"}, {"minItems", 1}, {"maxItems", 2}, {"items", {{"type", "string"}}}};
  CHECK(check(list, {"a", "b"}).empty());
  CHECK(check(list, Json::array()) == Problems{"$: 0 items, fewer than 1"});
  CHECK(check(list, {"a", 2, 3}) == Problems{"$: 3 items, more than 2", "$[1]: expected string, got integer",
                                             "$[2]: expected string, got integer"});
  const Json pair = {{"items", {{{"type", "string"}}, {{"type", "integer"}}}}};
  CHECK(check(pair, {"a", "b", 3}) == Problems{"$[1]: expected integer, got string"});
}

TEST_CASE("schema: objects: properties, additionalProperties as a flag or a schema, odd keys", "[remote][schema]") {
  const Json map = {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}};
  CHECK(check(map, {{"a", 1}, {"b", 2}}).empty());
  CHECK(check(map, {{"a", 1}, {"b", "x"}}) == Problems{"$.b: expected integer, got string"});
  CHECK(check({{"additionalProperties", true}}, {{"a", 1}}).empty());
  // Listed properties are not "additional".
  CHECK(check({{"properties", {{"a", true}}}, {"additionalProperties", false}}, {{"a", 1}, {"b", 2}}) ==
        Problems{"$.b: property is not allowed (additionalProperties: false)"});
  // A key that is not a plain name is quoted in the path.
  const Json odd = {{"properties", {{"a b", {{"type", "integer"}}}, {"1st", {{"type", "integer"}}}}}};
  CHECK(check(odd, {{"a b", "x"}, {"1st", "y"}}) ==
        Problems{"$[\"1st\"]: expected integer, got string", "$[\"a b\"]: expected integer, got string"});
  CHECK(check({{"properties", {{"a", false}}}}, {{"a", 1}}) == Problems{"$.a: no value is allowed here"});
}

TEST_CASE("schema: anyOf, oneOf, allOf say why no branch fits", "[remote][schema]") {
  const Json oneOf = {{"oneOf", {{{"type", "integer"}}, {{"type", "number"}, {"minimum", 10}}}}};
  CHECK(check(oneOf, 2).empty());
  CHECK(check(oneOf, 10.5).empty());
  CHECK(check(oneOf, 12) == Problems{"$: oneOf matched 2 of 2 schemas"});
  CHECK(check(oneOf, "x") == Problems{"$: oneOf matched 0 of 2 schemas ([0] $: expected integer, got string; "
                                      "[1] $: expected number, got string)"});
  const Json anyOf = {{"anyOf", {{{"type", "string"}}, {{"type", "null"}}}}};
  CHECK(check(anyOf, nullptr).empty());
  CHECK(check(anyOf, 1) == Problems{"$: anyOf matched 0 of 2 schemas ([0] $: expected string, got integer; "
                                    "[1] $: expected null, got integer)"});
  const Json allOf = {{"allOf", {{{"minimum", 1}}, {{"maximum", 3}}}}};
  CHECK(check(allOf, 2).empty());
  CHECK(check(allOf, 4) == Problems{"$: allOf matched 1 of 2 schemas ([1] $: 4 is above the maximum 3)"});
}

TEST_CASE("schema: local $ref, with siblings, and other references as schema errors", "[remote][schema]") {
  const Json schema = Json::parse(R"({
    "$defs": {"ratio": {"enum": ["1:1", "16:9"]}},
    "definitions": {"a/b": {"type": "integer"}},
    "properties": {
      "aspect_ratio": {"$ref": "#/$defs/ratio"},
      "steps": {"$ref": "#/definitions/a~1b", "maximum": 50},
      "remote": {"$ref": "https://example.com/schema.json"},
      "self": {"$ref": "#/properties/self"}
    }
  })");
  CHECK(check(schema, {{"aspect_ratio", "16:9"}, {"steps", 20}}).empty());
  CHECK(check(schema, {{"aspect_ratio", "2:1"}, {"steps", 51}}) ==
        Problems{"$.aspect_ratio: \"2:1\" is not one of \"1:1\", \"16:9\"", "$.steps: 51 is above the maximum 50"});
  CHECK(check(schema, {{"steps", 1.5}}) == Problems{"$.steps: expected integer, got number"});
  CHECK(check(schema, {{"remote", 1}}) ==
        Problems{"$.remote: schema error: unresolved $ref https://example.com/schema.json "
                 "(only local references are supported)"});
  CHECK(check(schema, {{"self", 1}}) ==
        Problems{"$.self: schema error: schemas nest deeper than 64 levels (a $ref cycle?)"});
}

TEST_CASE("schema: a keyword of the wrong type is a schema error, not a crash", "[remote][schema]") {
  CHECK(check({{"minimum", "5"}}, 3) == Problems{"$: schema error: \"minimum\" must be a number, got \"5\""});
  CHECK(check({{"maxLength", -1}}, "x") ==
        Problems{"$: schema error: \"maxLength\" must be a non-negative integer, got -1"});
  CHECK(check({{"minItems", 1.5}}, Json::array()) ==
        Problems{"$: schema error: \"minItems\" must be a non-negative integer, got 1.5"});
  CHECK(check({{"maxLength", 1e300}}, "x").empty());  // an integer, and no limit
  CHECK(check({{"type", 5}}, 1) == Problems{"$: schema error: \"type\" names no JSON type: 5"});
  CHECK(check({{"type", "float"}}, 1) == Problems{"$: schema error: \"type\" names no JSON type: \"float\""});
  CHECK(check({{"type", Json::array()}}, 1) == Problems{"$: schema error: \"type\" is an empty list"});
  CHECK(check({{"required", "prompt"}}, Json::object()) ==
        Problems{"$: schema error: \"required\" must be an array, got string"});
  CHECK(check({{"required", {1}}}, Json::object()) == Problems{"$: schema error: \"required\" lists a non-string: 1"});
  CHECK(check({{"properties", Json::array()}}, {{"a", 1}}) ==
        Problems{"$: schema error: \"properties\" must be an object, got array"});
  CHECK(check({{"properties", {{"a", "x"}}}}, {{"a", 1}}) ==
        Problems{"$.a: schema error: a schema must be an object or a boolean, got string"});
  CHECK(check({{"items", 3}}, {1}) ==
        Problems{"$[0]: schema error: a schema must be an object or a boolean, got integer"});
  CHECK(check({{"enum", {{"a", 1}}}}, 1) == Problems{"$: schema error: \"enum\" must be an array, got object"});
  CHECK(check({{"anyOf", Json::object()}}, 1) ==
        Problems{"$: schema error: \"anyOf\" must be a non-empty array of schemas"});
  CHECK(check({{"$ref", 5}}, 1) == Problems{"$: schema error: \"$ref\" must be a string, got integer"});
  CHECK(check({{"nullable", "yes"}, {"type", "string"}}, nullptr) == Problems{"$: expected string, got null"});
  CHECK(check("not a schema", 1) == Problems{"$: schema error: a schema must be an object or a boolean, got string"});
}

TEST_CASE("schema: a bad pattern is reported as the schema's fault, beside the input's problems", "[remote][schema]") {
  const Json schema = {{"properties", {{"name", {{"type", "string"}, {"pattern", "([a-"}}}, {"n", {{"maximum", 1}}}}}};
  const Problems problems = check(schema, {{"name", "x"}, {"n", 2}});
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "$.n: 2 is above the maximum 1");
  CHECK_THAT(problems[1], Catch::StartsWith("$.name: schema error: pattern \"([a-\" is not a valid ECMAScript "
                                            "regular expression ("));
  CHECK(check({{"pattern", 7}}, "x") == Problems{"$: schema error: \"pattern\" must be a string, got integer"});
}

TEST_CASE("schema: a pattern is matched against strings of up to 2000 bytes only", "[remote][schema]") {
  // std::regex recurses per character: a long string would overflow the stack.
  CHECK(check({{"pattern", "^(a|b)*c$"}}, std::string(100'000, 'a')).empty());
  CHECK(check({{"pattern", "^b"}}, std::string(2000, 'a')).size() == 1);
  CHECK(check({{"pattern", "^b"}}, std::string(2001, 'a')).empty());
  // Other string keywords still apply to long strings.
  CHECK(check({{"pattern", "^b"}, {"maxLength", 10}}, std::string(2001, 'a')) ==
        Problems{"$: string of 2001 characters is longer than 10"});
}

TEST_CASE("schema: hostile schemas end, with a problem saying why", "[remote][schema]") {
  SECTION("nesting ten thousand levels deep stops at the depth limit") {
    Json schema = {{"type", "string"}};
    Json instance = "leaf";
    std::string path = "$";
    for (int i = 0; i < 10'000; ++i) {
      schema = Json{{"type", "array"}, {"items", std::move(schema)}};
      instance = Json::array({std::move(instance)});
      if (i < 65) path += "[0]";
    }
    CHECK(check(schema, instance) ==
          Problems{path + ": schema error: schemas nest deeper than 64 levels (a $ref cycle?)"});
  }
  SECTION("alternatives that multiply exhaust a budget instead of taking forever") {
    // 2^20 branch combinations through 20 small definitions.
    Json defs = Json::object();
    for (int i = 0; i < 20; ++i) {
      const std::string next = "#/$defs/d" + std::to_string(i + 1);
      defs["d" + std::to_string(i)] = {{"anyOf", {{{"$ref", next}}, {{"$ref", next}}}}};
    }
    defs["d20"] = {{"type", "string"}};
    const Json schema = {{"$defs", defs}, {"$ref", "#/$defs/d0"}};
    CHECK(
        check(schema, 1) ==
        Problems{"$: schema error: checking needs more than 200000 steps (deeply nested anyOf/oneOf/allOf?); gave up"});
  }
}

TEST_CASE("submitValidated: input that breaks the schema is never submitted", "[remote][validate]") {
  ScriptedProvider provider;
  provider.schema = kModel;

  const Error e = thrownBy([&] { submitValidated(provider, "flux-dev", {{"num_outputs", 9}}); });
  CHECK(e.code() == Errc::validation);
  CHECK(std::string(e.what()) == "input for model flux-dev breaks its schema: 2 problems");
  CHECK(e.details() == Problems{"$: missing required property \"prompt\"", "$.num_outputs: 9 is above the maximum 4"});
  CHECK(provider.schemaRequests == std::vector<std::string>{"flux-dev"});
  CHECK(provider.submitted.empty());

  const Error one = thrownBy([&] { submitValidated(provider, "flux-dev", {{"prompt", ""}}); });
  CHECK(std::string(one.what()) == "input for model flux-dev breaks its schema: 1 problem");
  CHECK(one.details() == Problems{"$.prompt: string of 0 characters is shorter than 1"});
  CHECK(provider.submitted.empty());
}

TEST_CASE("submitValidated: valid input is submitted once, as given", "[remote][validate]") {
  ScriptedProvider provider;
  provider.schema = kModel;
  const Json input = {{"prompt", "a robot"}, {"num_outputs", 2}};
  CancelToken cancel;

  const Job job = submitValidated(provider, "flux-dev", input, &cancel);

  CHECK(job.id == "job_1");
  REQUIRE(provider.submitted.size() == 1);
  CHECK(provider.submitted[0].first == "flux-dev");
  CHECK(provider.submitted[0].second == input);
}
