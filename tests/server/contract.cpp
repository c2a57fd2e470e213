#include "server/contract.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <regex>
#include <set>

namespace pixabots::contract {
namespace {

// $ref chains in a sane document are short; this only stops a cycle.
constexpr int kMaxDepth = 64;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string typeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "integer";
    case Json::value_t::number_float: return "number";
    case Json::value_t::string: return "string";
    case Json::value_t::array: return "array";
    case Json::value_t::object: return "object";
    default: return "unknown";
  }
}

// JSON Schema: an integer is any number with a zero fractional part (2.0 is).
bool hasType(const Json& v, const std::string& type) {
  if (type == "integer")
    return v.is_number_integer() || (v.is_number_float() && std::isfinite(v.get<double>()) &&
                                     v.get<double>() == std::floor(v.get<double>()));
  if (type == "number") return v.is_number();
  return typeName(v) == type;
}

// Code points, not bytes: maxLength counts characters.
std::size_t utf8Length(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string property(const std::string& path, const std::string& key) { return path + "." + key; }

// A schema by value or by reference; nullptr when the reference is broken.
const Json* deref(const Json& root, const Json& node) {
  const Json* at = &node;
  for (int i = 0; i < kMaxDepth && at->is_object() && at->contains("$ref"); ++i) {
    at = resolveRef(root, at->at("$ref").get<std::string>());
    if (!at) return nullptr;
  }
  return at;
}

std::string mediaType(std::string_view contentType) {
  const auto semicolon = contentType.find(';');
  std::string_view type = contentType.substr(0, semicolon);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
  return lower(type);
}

bool isJson(const std::string& media) {
  return media == "application/json" || (media.size() > 5 && media.ends_with("+json"));
}

// The body is what the content type says: a cheap guard against, say, a GIF
// served as image/png, which no schema would catch.
std::optional<std::string> signatureProblem(const std::string& media, const std::string& body) {
  const auto startsWith = [&](std::string_view prefix) { return std::string_view(body).starts_with(prefix); };
  if (media == "image/png" && !startsWith("\x89PNG\r\n\x1a\n")) return "body is not a PNG";
  if (media == "image/gif" && !startsWith("GIF89a") && !startsWith("GIF87a")) return "body is not a GIF";
  if (media == "image/webp" && !(body.size() >= 12 && startsWith("RIFF") && body.compare(8, 4, "WEBP") == 0))
    return "body is not a WebP";
  if (media == "image/svg+xml" && !startsWith("<svg")) return "body is not an SVG";
  return std::nullopt;
}

std::regex templateRegex(const std::string& templ, std::vector<std::string>& names, std::size_t& literal) {
  static const std::regex special(R"([.^$|()\[\]*+?\\])");
  std::string pattern = "^";
  literal = 0;
  std::size_t i = 0;
  while (i < templ.size()) {
    const auto open = templ.find('{', i);
    const std::string text = templ.substr(i, open == std::string::npos ? std::string::npos : open - i);
    literal += text.size();
    pattern += std::regex_replace(text, special, R"(\$&)");
    if (open == std::string::npos) break;
    const auto close = templ.find('}', open);
    names.push_back(templ.substr(open + 1, close - open - 1));
    pattern += "([^/]+)";  // a path parameter never spans segments
    i = close + 1;
  }
  return std::regex(pattern + "$");
}

// A header value checked as the type its schema names (headers are text).
std::vector<std::string> checkHeader(const SchemaValidator& validator, const Json& schema, const std::string& name,
                                     const std::string& value) {
  Json instance = value;
  if (schema.contains("type") && (schema["type"] == "integer" || schema["type"] == "number")) {
    const Json parsed = Json::parse(value, nullptr, false);
    if (parsed.is_number()) instance = parsed;
  }
  std::vector<std::string> problems;
  for (const std::string& p : validator.validate(schema, instance)) problems.push_back("header " + name + ": " + p);
  return problems;
}

}  // namespace

const Json* resolveRef(const Json& root, std::string_view ref) {
  if (!ref.starts_with("#")) return nullptr;
  ref.remove_prefix(1);
  if (ref.empty()) return &root;
  if (!ref.starts_with("/")) return nullptr;
  const Json* at = &root;
  while (!ref.empty()) {
    ref.remove_prefix(1);
    const auto slash = ref.find('/');
    std::string token(ref.substr(0, slash));
    ref = slash == std::string_view::npos ? std::string_view() : ref.substr(slash);
    // RFC 6901 escapes: ~1 is '/', ~0 is '~' (in that order).
    for (std::size_t p; (p = token.find("~1")) != std::string::npos;) token.replace(p, 2, "/");
    for (std::size_t p; (p = token.find("~0")) != std::string::npos;) token.replace(p, 2, "~");
    if (at->is_object()) {
      const auto it = at->find(token);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array()) {
      if (token.empty() || !std::all_of(token.begin(), token.end(), [](unsigned char c) { return std::isdigit(c); }))
        return nullptr;
      const std::size_t index = std::stoul(token);
      if (index >= at->size()) return nullptr;
      at = &(*at)[index];
    } else {
      return nullptr;
    }
  }
  return at;
}

const std::vector<std::string>& keywordsUnderstood() {
  static const std::vector<std::string> keywords = {
      // validated
      "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems",
      "maxItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern",
      "oneOf", "anyOf", "allOf",
      // annotations: they describe, they do not constrain
      "description", "title", "example", "examples", "default", "format"};
  return keywords;
}

std::vector<std::string> SchemaValidator::validate(const Json& schema, const Json& instance) const {
  std::vector<std::string> problems;
  check(schema, instance, "$", 0, problems);
  return problems;
}

void SchemaValidator::check(const Json& schema, const Json& instance, const std::string& path, int depth,
                            std::vector<std::string>& problems) const {
  const auto fail = [&](const std::string& message) { problems.push_back(path + ": " + message); };
  if (depth > kMaxDepth) return fail("schema nests too deep (a $ref cycle?)");
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) fail("no value is allowed here");
    return;
  }
  if (!schema.is_object()) return fail("schema is not an object");

  // 2020-12: $ref applies alongside its sibling keywords.
  if (const auto ref = schema.find("$ref"); ref != schema.end()) {
    const Json* target = resolveRef(root_, ref->get<std::string>());
    if (!target) return fail("unresolved $ref " + ref->get<std::string>());
    check(*target, instance, path, depth + 1, problems);
  }

  if (const auto type = schema.find("type"); type != schema.end()) {
    bool ok = false;
    std::string wanted;
    for (const Json& t : type->is_array() ? *type : Json::array({*type})) {
      ok = ok || hasType(instance, t.get<std::string>());
      wanted += (wanted.empty() ? "" : " or ") + t.get<std::string>();
    }
    // Further keywords would only repeat the mismatch in other words.
    if (!ok) return fail("expected " + wanted + ", got " + typeName(instance));
  }

  if (const auto e = schema.find("enum"); e != schema.end()) {
    if (std::find(e->begin(), e->end(), instance) == e->end())
      fail("value " + instance.dump() + " is not one of " + e->dump());
  }
  if (const auto c = schema.find("const"); c != schema.end() && *c != instance)
    fail("value " + instance.dump() + " is not " + c->dump());

  if (instance.is_number()) {
    const double v = instance.get<double>();
    if (const auto m = schema.find("minimum"); m != schema.end() && v < m->get<double>())
      fail(instance.dump() + " is below the minimum " + m->dump());
    if (const auto m = schema.find("maximum"); m != schema.end() && v > m->get<double>())
      fail(instance.dump() + " is above the maximum " + m->dump());
    if (const auto m = schema.find("exclusiveMinimum"); m != schema.end() && v <= m->get<double>())
      fail(instance.dump() + " is not above " + m->dump());
    if (const auto m = schema.find("exclusiveMaximum"); m != schema.end() && v >= m->get<double>())
      fail(instance.dump() + " is not below " + m->dump());
  }

  if (instance.is_string()) {
    const auto& s = instance.get_ref<const std::string&>();
    const std::size_t length = utf8Length(s);
    if (const auto m = schema.find("minLength"); m != schema.end() && length < m->get<std::size_t>())
      fail("string of " + std::to_string(length) + " characters is shorter than " + m->dump());
    if (const auto m = schema.find("maxLength"); m != schema.end() && length > m->get<std::size_t>())
      fail("string of " + std::to_string(length) + " characters is longer than " + m->dump());
    // JSON Schema patterns are unanchored ECMAScript regexes: regex_search.
    if (const auto p = schema.find("pattern"); p != schema.end() && !std::regex_search(s, std::regex(p->get<std::string>())))
      fail(instance.dump() + " does not match " + p->get<std::string>());
  }

  if (instance.is_array()) {
    if (const auto m = schema.find("minItems"); m != schema.end() && instance.size() < m->get<std::size_t>())
      fail(std::to_string(instance.size()) + " items, fewer than " + m->dump());
    if (const auto m = schema.find("maxItems"); m != schema.end() && instance.size() > m->get<std::size_t>())
      fail(std::to_string(instance.size()) + " items, more than " + m->dump());
    if (const auto items = schema.find("items"); items != schema.end())
      for (std::size_t i = 0; i < instance.size(); ++i)
        check(*items, instance[i], path + "[" + std::to_string(i) + "]", depth + 1, problems);
  }

  if (instance.is_object()) {
    if (const auto required = schema.find("required"); required != schema.end())
      for (const Json& name : *required)
        if (!instance.contains(name.get<std::string>()))
          fail("missing required property \"" + name.get<std::string>() + "\"");
    const auto properties = schema.find("properties");
    const auto additional = schema.find("additionalProperties");
    for (const auto& [key, value] : instance.items()) {
      if (properties != schema.end() && properties->contains(key)) {
        check(properties->at(key), value, property(path, key), depth + 1, problems);
      } else if (additional != schema.end()) {
        if (additional->is_boolean() && !additional->get<bool>())
          problems.push_back(property(path, key) + ": property is not allowed (additionalProperties: false)");
        else
          check(*additional, value, property(path, key), depth + 1, problems);
      }
    }
  }

  // Alternatives: collect each branch's problems so a failure says why.
  const auto branches = [&](const char* keyword, auto accept) {
    const auto list = schema.find(keyword);
    if (list == schema.end()) return;
    std::size_t passed = 0;
    std::vector<std::string> why;
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::vector<std::string> branch;
      check((*list)[i], instance, path, depth + 1, branch);
      if (branch.empty()) ++passed;
      else why.push_back("[" + std::to_string(i) + "] " + join(branch));
    }
    if (!accept(passed, list->size()))
      fail(std::string(keyword) + " matched " + std::to_string(passed) + " of " + std::to_string(list->size()) +
           " schemas" + (why.empty() ? "" : " (" + join(why) + ")"));
  };
  branches("allOf", [](std::size_t passed, std::size_t n) { return passed == n; });
  branches("anyOf", [](std::size_t passed, std::size_t) { return passed >= 1; });
  branches("oneOf", [](std::size_t passed, std::size_t) { return passed == 1; });
}

std::optional<PathMatch> matchPath(const Json& document, std::string_view path) {
  const std::string bare(path.substr(0, path.find('?')));
  if (!document.contains("paths")) return std::nullopt;
  const Json& paths = document["paths"];
  if (paths.contains(bare) && bare.find('{') == std::string::npos) return PathMatch{bare, {}};
  std::optional<PathMatch> best;
  std::size_t bestLiteral = 0;
  for (const auto& [templ, item] : paths.items()) {
    if (templ.find('{') == std::string::npos) continue;
    std::vector<std::string> names;
    std::size_t literal = 0;
    const std::regex re = templateRegex(templ, names, literal);
    std::smatch m;
    if (!std::regex_match(bare, m, re)) continue;
    if (best && literal <= bestLiteral) continue;
    PathMatch match{templ, {}};
    for (std::size_t i = 0; i < names.size(); ++i) match.params[names[i]] = m[i + 1].str();
    best = std::move(match);
    bestLiteral = literal;
  }
  return best;
}

std::vector<std::string> checkResponse(const Json& document, std::string_view method, std::string_view path,
                                       const Response& response) {
  std::vector<std::string> problems;
  const std::string where = std::string(method) + " " + std::string(path) + " -> " + std::to_string(response.status);
  const auto fail = [&](const std::string& message) { problems.push_back(where + ": " + message); };

  const auto match = matchPath(document, path);
  if (!match) {
    fail("path is not documented");
    return problems;
  }
  const bool head = lower(method) == "head";
  const std::string operationKey = head ? "get" : lower(method);
  const Json* item = deref(document, document["paths"][match->templatePath]);
  if (!item || !item->contains(operationKey)) {
    fail("method is not documented for " + match->templatePath);
    return problems;
  }
  const Json& responses = (*item)[operationKey].value("responses", Json::object());

  // An exact code first, then its range (2XX), then default.
  const std::string code = std::to_string(response.status);
  const Json* documented = nullptr;
  for (const std::string& key : {code, code.substr(0, 1) + "XX", std::string("default")})
    if (responses.contains(key)) {
      documented = deref(document, responses[key]);
      break;
    }
  if (!documented) {
    std::string listed;
    for (const auto& [key, unused] : responses.items()) listed += (listed.empty() ? "" : ", ") + key;
    fail("status is not documented for " + std::string(method) + " " + match->templatePath + " (documented: " +
         listed + ")");
    return problems;
  }

  const SchemaValidator validator(document);
  std::map<std::string, std::string> headers;
  for (const auto& [name, value] : response.headers) headers[lower(name)] = value;
  // A named copy: a range-for over value(...).items() would outlive the temporary.
  const Json documentedHeaders = documented->value("headers", Json::object());
  for (const auto& [name, node] : documentedHeaders.items()) {
    const Json* header = deref(document, node);
    if (!header) {
      fail("header " + name + " has an unresolved $ref");
      continue;
    }
    const auto it = headers.find(lower(name));
    if (it == headers.end()) {
      if (header->value("required", false)) fail("required header " + name + " is missing");
      continue;
    }
    if (header->contains("schema"))
      for (const std::string& p : checkHeader(validator, header->at("schema"), name, it->second)) fail(p);
  }

  const Json content = documented->value("content", Json::object());
  if (content.empty()) {
    if (!response.body.empty()) fail("a body of " + std::to_string(response.body.size()) + " bytes where none is documented");
    return problems;
  }
  if (head) return problems;  // HEAD carries GET's headers but never a body
  const std::string media = mediaType(response.contentType);
  const Json* mediaObject = nullptr;
  for (const auto& [key, value] : content.items())
    if (mediaType(key) == media) mediaObject = &value;
  if (!mediaObject) {
    std::string listed;
    for (const auto& [key, unused] : content.items()) listed += (listed.empty() ? "" : ", ") + key;
    fail("content type \"" + response.contentType + "\" is not documented for this status (documented: " + listed + ")");
    return problems;
  }
  if (const auto bad = signatureProblem(media, response.body)) fail(*bad);
  if (isJson(media) && mediaObject->contains("schema")) {
    const Json body = Json::parse(response.body, nullptr, false);
    if (body.is_discarded()) {
      fail("body is not valid JSON");
      return problems;
    }
    for (const std::string& p : validator.validate(mediaObject->at("schema"), body)) fail(p);
  }
  return problems;
}

std::string join(const std::vector<std::string>& problems) {
  std::string out;
  for (const std::string& p : problems) out += (out.empty() ? "" : "; ") + p;
  return out;
}

}  // namespace pixabots::contract
