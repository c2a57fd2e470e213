#include "server/contract.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <regex>

namespace pixabots::contract {
namespace {

// $ref chains in a sane document are short; this only stops a cycle.
constexpr int kMaxDepth = 64;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

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
  if (media == "text/html" && !startsWith("<!doctype html>")) return "body is not an HTML document";
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

std::vector<std::string> checkRequest(const Json& document, std::string_view method, std::string_view target,
                                      const std::vector<std::string>& headers) {
  std::vector<std::string> problems;
  const std::string where = std::string(method) + " " + std::string(target);
  const auto match = matchPath(document, target);
  const std::string operationKey = lower(method) == "head" ? "get" : lower(method);
  const Json* item = match ? deref(document, document["paths"][match->templatePath]) : nullptr;
  if (!item || !item->contains(operationKey)) {
    problems.push_back(where + ": no such operation in the document");
    return problems;
  }
  std::map<std::string, std::string> documented;  // lower-cased name -> where
  for (const Json& node : (*item)[operationKey].value("parameters", Json::array())) {
    if (const Json* parameter = deref(document, node))
      documented[lower(parameter->value("name", ""))] = parameter->value("in", "");
  }
  const auto need = [&](const std::string& name, const std::string& in) {
    const auto it = documented.find(lower(name));
    if (it == documented.end() || it->second != in)
      problems.push_back(where + ": " + in + " parameter " + name + " is not documented");
  };
  const auto question = target.find('?');
  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
      const std::string_view pair = query.substr(0, query.find('&'));
      if (!pair.empty()) need(std::string(pair.substr(0, pair.find('='))), "query");
      query.remove_prefix(std::min(query.size(), pair.size() + 1));
    }
  }
  for (const std::string& header : headers) need(header, "header");
  return problems;
}

std::vector<std::string> checkResponse(const Json& document, std::string_view method, std::string_view path,
                                       const Response& response,
                                       const std::vector<std::string>& undocumentedForbidden) {
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
    fail("status is not documented for " + std::string(method) + " " + match->templatePath + " (documented: " + listed +
         ")");
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
  for (const std::string& name : undocumentedForbidden) {
    if (!headers.contains(lower(name))) continue;
    bool listed = false;
    for (const auto& [documentedName, unused] : documentedHeaders.items())
      listed |= lower(documentedName) == lower(name);
    if (!listed) fail("header " + name + " is sent but not documented for this status");
  }

  const Json content = documented->value("content", Json::object());
  if (content.empty()) {
    if (!response.body.empty())
      fail("a body of " + std::to_string(response.body.size()) + " bytes where none is documented");
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
    fail("content type \"" + response.contentType + "\" is not documented for this status (documented: " + listed +
         ")");
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

}  // namespace pixabots::contract
