// The server's OpenAPI document, as compiled into the binary: well-formed
// OpenAPI 3.1, every reference resolves, every operation is answerable, and
// every schema stays inside what the contract validator checks (so a passing
// contract test means something).
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "server/contract.hpp"
#include "server/openapi.hpp"

using pixabots::contract::Json;
namespace contract = pixabots::contract;

namespace {

const Json& document() {
  static const Json doc = Json::parse(pixabots::server::openApiDocument());
  return doc;
}

const std::set<std::string> kMethods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

// Calls `visit(node, pointer)` on every object and array in the tree.
void walk(const Json& node, const std::string& pointer,
          const std::function<void(const Json&, const std::string&)>& visit) {
  visit(node, pointer);
  if (node.is_object())
    for (const auto& [key, value] : node.items()) walk(value, pointer + "/" + key, visit);
  else if (node.is_array())
    for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], pointer + "/" + std::to_string(i), visit);
}

const Json& deref(const Json& node) {
  const Json* at = &node;
  while (at->is_object() && at->contains("$ref")) {
    at = contract::resolveRef(document(), at->at("$ref").get<std::string>());
    REQUIRE(at != nullptr);
  }
  return *at;
}

// Every schema object in the document with its JSON pointer: component
// schemas, parameter and header schemas, media type schemas, and the
// subschemas inside them.
std::vector<std::pair<const Json*, std::string>> schemas() {
  std::vector<std::pair<const Json*, std::string>> found;
  std::function<void(const Json&, const std::string&)> add = [&](const Json& s, const std::string& at) {
    found.emplace_back(&s, at);
    if (!s.is_object()) return;
    for (const char* key : {"items", "additionalProperties"})
      if (s.contains(key) && s[key].is_object()) add(s[key], at + "/" + key);
    if (s.contains("properties"))
      for (const auto& [name, sub] : s["properties"].items()) add(sub, at + "/properties/" + name);
    for (const char* key : {"oneOf", "anyOf", "allOf"})
      if (s.contains(key))
        for (std::size_t i = 0; i < s[key].size(); ++i) add(s[key][i], at + "/" + key + "/" + std::to_string(i));
  };
  walk(document(), "", [&](const Json& node, const std::string& at) {
    if (!node.is_object()) return;
    if (node.contains("schema") && node["schema"].is_object()) add(node["schema"], at + "/schema");
  });
  for (const auto& [name, s] : document()["components"]["schemas"].items()) add(s, "/components/schemas/" + name);
  return found;
}

}  // namespace

TEST_CASE("openapi: the embedded document is JSON and OpenAPI 3.1.0", "[openapi]") {
  const Json doc = Json::parse(pixabots::server::openApiDocument(), nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  CHECK(doc["openapi"] == "3.1.0");
  CHECK(doc["info"]["title"].is_string());
  CHECK(doc["info"]["version"].is_string());
  // Self-hosted: the document must not point clients at someone else's host.
  REQUIRE(doc["servers"].size() == 1);
  CHECK(doc["servers"][0]["url"] == "/");
}

TEST_CASE("openapi: every $ref resolves", "[openapi]") {
  std::vector<std::string> broken;
  std::size_t refs = 0;
  walk(document(), "#", [&](const Json& node, const std::string& at) {
    if (!node.is_object() || !node.contains("$ref")) return;
    ++refs;
    if (!node["$ref"].is_string() || !contract::resolveRef(document(), node["$ref"].get<std::string>()))
      broken.push_back(at + " -> " + node["$ref"].dump());
  });
  INFO(contract::join(broken));
  CHECK(broken.empty());
  CHECK(refs > 10);
}

TEST_CASE("openapi: every operation has responses and a unique operationId", "[openapi]") {
  std::set<std::string> ids;
  for (const auto& [path, item] : document()["paths"].items()) {
    INFO(path);
    CHECK(path.starts_with("/"));
    std::size_t operations = 0;
    for (const auto& [method, operation] : deref(item).items()) {
      if (!kMethods.contains(method)) continue;
      ++operations;
      INFO(method);
      REQUIRE(operation.contains("responses"));
      CHECK_FALSE(operation["responses"].empty());
      for (const auto& [code, response] : operation["responses"].items()) {
        INFO(code);
        CHECK(std::regex_match(code, std::regex("[1-5]([0-9][0-9]|XX)|default")));
        CHECK(deref(response).contains("description"));
      }
      REQUIRE(operation.contains("operationId"));
      CHECK(ids.insert(operation["operationId"].get<std::string>()).second);
    }
    CHECK(operations > 0);
  }
}

TEST_CASE("openapi: every parameter has a schema, and path parameters match the template", "[openapi]") {
  for (const auto& [path, item] : document()["paths"].items()) {
    std::set<std::string> placeholders;
    static const std::regex placeholder(R"(\{([^}]+)\})");
    for (auto it = std::sregex_iterator(path.begin(), path.end(), placeholder); it != std::sregex_iterator(); ++it)
      placeholders.insert((*it)[1].str());
    for (const auto& [method, operation] : deref(item).items()) {
      if (!kMethods.contains(method)) continue;
      INFO(method << " " << path);
      std::set<std::string> inPath;
      std::set<std::pair<std::string, std::string>> seen;
      for (const Json& ref : operation.value("parameters", Json::array())) {
        const Json& parameter = deref(ref);
        INFO(parameter.dump());
        REQUIRE(parameter.contains("name"));
        REQUIRE(parameter.contains("in"));
        CHECK(parameter.contains("schema"));
        CHECK(std::set<std::string>{"path", "query", "header", "cookie"}.contains(parameter["in"].get<std::string>()));
        const bool unique =
            seen.emplace(parameter["name"].get<std::string>(), parameter["in"].get<std::string>()).second;
        CHECK(unique);
        if (parameter["in"] == "path") {
          CHECK(parameter.value("required", false));
          inPath.insert(parameter["name"].get<std::string>());
        }
      }
      // OPTIONS preflights take no parameters of their own.
      if (method != "options") CHECK(inPath == placeholders);
    }
  }
}

TEST_CASE("openapi: schemas use only the keywords the contract validator checks", "[openapi]") {
  const auto& known = contract::keywordsUnderstood();
  std::vector<std::string> unknown;
  for (const auto& [schema, at] : schemas()) {
    if (!schema->is_object()) continue;
    for (const auto& [key, unused] : schema->items())
      if (std::find(known.begin(), known.end(), key) == known.end()) unknown.push_back(at + "/" + key);
  }
  INFO(contract::join(unknown));
  CHECK(unknown.empty());
}

TEST_CASE("openapi: examples and defaults satisfy their own schemas", "[openapi]") {
  const contract::SchemaValidator validator(document());
  std::size_t checked = 0;
  for (const auto& [schema, at] : schemas()) {
    if (!schema->is_object()) continue;
    for (const char* key : {"example", "default"}) {
      if (!schema->contains(key)) continue;
      ++checked;
      INFO(at << "/" << key);
      const auto problems = validator.validate(*schema, (*schema)[key]);
      INFO(contract::join(problems));
      CHECK(problems.empty());
    }
  }
  CHECK(checked > 10);
}

TEST_CASE("openapi: every JSON body has a component schema", "[openapi]") {
  // Named schemas keep the document and docs/server-api.md in step; an inline
  // JSON schema would be a body shape nobody reviews.
  for (const auto& [path, item] : document()["paths"].items())
    for (const auto& [method, operation] : deref(item).items()) {
      if (!kMethods.contains(method)) continue;
      for (const auto& [code, response] : operation["responses"].items()) {
        const Json content = deref(response).value("content", Json::object());
        for (const auto& [media, object] : content.items()) {
          if (media != "application/json") continue;
          INFO(method << " " << path << " " << code);
          CHECK(object["schema"].contains("$ref"));
        }
      }
    }
}
