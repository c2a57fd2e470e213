#include "jsonschema/schema.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <regex>

namespace pixabots::jsonschema {
namespace {

// $ref chains and nesting in a sane schema are short; this stops a cycle and
// bounds the stack.
constexpr int kMaxDepth = 64;
// Schemas checked in all: nested anyOf/oneOf branches multiply, so a small
// hostile schema could otherwise take exponential time.
constexpr std::size_t kMaxSteps = 200'000;
// The longest string a pattern is matched against: std::regex recurses per
// character matched (a long string overflows the stack) and backtracks in
// quadratic time, and a model schema's pattern is the provider's.
constexpr std::size_t kMaxPatternInput = 2000;
// What a message quotes of a value, and of an enum's list.
constexpr std::size_t kShownChars = 80;
constexpr std::size_t kShownValues = 10;

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

const std::vector<std::string> kTypes = {"null", "boolean", "integer", "number", "string", "array", "object"};

// JSON Schema: an integer is any number with a zero fractional part (2.0 is).
bool hasType(const Json& v, const std::string& type) {
  if (type == "integer")
    return v.is_number_integer() ||
           (v.is_number_float() && std::isfinite(v.get<double>()) && v.get<double>() == std::floor(v.get<double>()));
  if (type == "number") return v.is_number();
  return typeName(v) == type;
}

// Code points, not bytes: maxLength counts characters.
std::size_t utf8Length(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A value as a message quotes it: JSON, cut short when long (a prompt can be
// pages).
std::string shown(const Json& v) {
  std::string text = v.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > kShownChars) text = text.substr(0, kShownChars) + "...";
  return text;
}

// "\"1:1\", \"16:9\"", the first few of a long list.
std::string shownList(const Json& values) {
  std::string out;
  std::size_t n = 0;
  for (const Json& v : values) {
    if (n == kShownValues) return out + " (and " + std::to_string(values.size() - n) + " more)";
    out += (n++ ? ", " : "") + shown(v);
  }
  return out;
}

bool isIdentifier(const std::string& key) {
  return !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0])) &&
         std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

// A keyword present with the value true (not merely truthy).
bool isTrue(const Json& schema, const char* keyword) {
  const auto it = schema.find(keyword);
  return it != schema.end() && *it == true;
}

// $.a.b, or $["a b"] when the key is not a plain name.
std::string member(const std::string& path, const std::string& key) {
  return isIdentifier(key) ? path + "." + key : path + "[" + shown(Json(key)) + "]";
}

// One validate() call: the problems found, the work budget, compiled patterns.
class Run {
 public:
  explicit Run(const Json& root) : root_(root) {}

  std::vector<std::string> validate(const Json& schema, const Json& instance) {
    std::vector<std::string> problems;
    check(schema, instance, "$", 0, problems);
    if (exhausted_)
      problems.push_back("$: schema error: checking needs more than " + std::to_string(kMaxSteps) +
                         " steps (deeply nested anyOf/oneOf/allOf?); gave up");
    return problems;
  }

 private:
  using Problems = std::vector<std::string>;

  struct At {  // where a check is, and where its problems go
    const std::string& path;
    int depth;
    Problems& problems;
    void fail(const std::string& message) const { problems.push_back(path + ": " + message); }
    void schemaError(const std::string& message) const { fail("schema error: " + message); }
  };

  void check(const Json& schema, const Json& instance, const std::string& path, int depth, Problems& problems) {
    const At at{path, depth, problems};
    if (depth > kMaxDepth)
      return at.schemaError("schemas nest deeper than " + std::to_string(kMaxDepth) + " levels (a $ref cycle?)");
    if (exhausted_ || ++steps_ > kMaxSteps) {
      exhausted_ = true;
      return;
    }
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) at.fail("no value is allowed here");
      return;
    }
    if (!schema.is_object()) return at.schemaError("a schema must be an object or a boolean, got " + typeName(schema));

    // 2020-12: $ref applies alongside its sibling keywords.
    if (const auto ref = schema.find("$ref"); ref != schema.end()) {
      if (!ref->is_string()) {
        at.schemaError("\"$ref\" must be a string, got " + typeName(*ref));
      } else if (const Json* target = resolveRef(root_, ref->get<std::string>())) {
        check(*target, instance, path, depth + 1, problems);
      } else {
        at.schemaError("unresolved $ref " + ref->get<std::string>() + " (only local references are supported)");
      }
    }
    // OpenAPI 3.0 marks an optional null this way instead of a type list.
    if (instance.is_null() && isTrue(schema, "nullable")) return;
    // Further keywords would only repeat a type mismatch in other words.
    if (!typeMatches(schema, instance, at)) return;

    checkValue(schema, instance, at);
    if (instance.is_number()) checkNumber(schema, instance.get<double>(), instance, at);
    if (instance.is_string()) checkString(schema, instance.get_ref<const std::string&>(), instance, at);
    if (instance.is_array()) checkArray(schema, instance, at);
    if (instance.is_object()) checkObject(schema, instance, at);
    checkBranches(schema, instance, at);
  }

  bool typeMatches(const Json& schema, const Json& instance, const At& at) {
    const auto type = schema.find("type");
    if (type == schema.end()) return true;
    const Json names = type->is_array() ? *type : Json::array({*type});
    if (names.empty()) {
      at.schemaError("\"type\" is an empty list");
      return true;
    }
    bool ok = false;
    std::string wanted;
    for (const Json& t : names) {
      if (!t.is_string() || std::find(kTypes.begin(), kTypes.end(), t.get<std::string>()) == kTypes.end()) {
        at.schemaError("\"type\" names no JSON type: " + shown(t));
        return true;
      }
      ok = ok || hasType(instance, t.get<std::string>());
      wanted += (wanted.empty() ? "" : " or ") + t.get<std::string>();
    }
    if (!ok) at.fail("expected " + wanted + ", got " + typeName(instance));
    return ok;
  }

  void checkValue(const Json& schema, const Json& instance, const At& at) {
    if (const auto e = schema.find("enum"); e != schema.end()) {
      if (!e->is_array())
        at.schemaError("\"enum\" must be an array, got " + typeName(*e));
      else if (std::find(e->begin(), e->end(), instance) == e->end())
        at.fail(shown(instance) + " is not one of " + shownList(*e));
    }
    if (const auto c = schema.find("const"); c != schema.end() && *c != instance)
      at.fail(shown(instance) + " is not " + shown(*c));
  }

  // A number keyword's value; nullopt (and a schema error) when it is not one.
  static std::optional<double> number(const Json& schema, const char* keyword, const At& at) {
    const auto it = schema.find(keyword);
    if (it == schema.end() || it->is_boolean()) return std::nullopt;
    if (!it->is_number()) {
      at.schemaError("\"" + std::string(keyword) + "\" must be a number, got " + shown(*it));
      return std::nullopt;
    }
    return it->get<double>();
  }

  // A count keyword's value (minLength, maxItems, ...): a non-negative integer.
  static std::optional<std::size_t> count(const Json& schema, const char* keyword, const At& at) {
    const auto it = schema.find(keyword);
    if (it == schema.end()) return std::nullopt;
    if (!hasType(*it, "integer") || it->get<double>() < 0) {
      at.schemaError("\"" + std::string(keyword) + "\" must be a non-negative integer, got " + shown(*it));
      return std::nullopt;
    }
    if (!it->is_number_float()) return it->get<std::size_t>();
    // 1e300 is an integer too; any count that large is no limit.
    const double value = it->get<double>();
    return value < 1e18 ? static_cast<std::size_t>(value) : std::numeric_limits<std::size_t>::max();
  }

  static void checkNumber(const Json& schema, double v, const Json& instance, const At& at) {
    // Draft 4 wrote exclusive bounds as booleans beside minimum/maximum.
    const bool exclusiveMin = isTrue(schema, "exclusiveMinimum");
    const bool exclusiveMax = isTrue(schema, "exclusiveMaximum");
    if (const auto m = number(schema, "minimum", at)) {
      if (exclusiveMin && v <= *m)
        at.fail(shown(instance) + " is not above " + shown(schema.at("minimum")));
      else if (!exclusiveMin && v < *m)
        at.fail(shown(instance) + " is below the minimum " + shown(schema.at("minimum")));
    }
    if (const auto m = number(schema, "maximum", at)) {
      if (exclusiveMax && v >= *m)
        at.fail(shown(instance) + " is not below " + shown(schema.at("maximum")));
      else if (!exclusiveMax && v > *m)
        at.fail(shown(instance) + " is above the maximum " + shown(schema.at("maximum")));
    }
    if (const auto m = number(schema, "exclusiveMinimum", at); m && v <= *m)
      at.fail(shown(instance) + " is not above " + shown(schema.at("exclusiveMinimum")) + " (exclusiveMinimum)");
    if (const auto m = number(schema, "exclusiveMaximum", at); m && v >= *m)
      at.fail(shown(instance) + " is not below " + shown(schema.at("exclusiveMaximum")) + " (exclusiveMaximum)");
  }

  void checkString(const Json& schema, const std::string& s, const Json& instance, const At& at) {
    const std::size_t length = utf8Length(s);
    if (const auto m = count(schema, "minLength", at); m && length < *m)
      at.fail("string of " + std::to_string(length) + " characters is shorter than " + std::to_string(*m));
    if (const auto m = count(schema, "maxLength", at); m && length > *m)
      at.fail("string of " + std::to_string(length) + " characters is longer than " + std::to_string(*m));
    if (const auto p = schema.find("pattern"); p != schema.end()) {
      if (!p->is_string()) return at.schemaError("\"pattern\" must be a string, got " + typeName(*p));
      const std::string& source = p->get_ref<const std::string&>();
      const Pattern& compiled = pattern(source);
      if (!compiled.regex)
        at.schemaError("pattern " + shown(*p) + " is not a valid ECMAScript regular expression (" + compiled.error +
                       ")");
      // JSON Schema patterns are unanchored: a search, not a full match.
      // A longer string is left to the provider to check.
      else if (s.size() <= kMaxPatternInput && !std::regex_search(s, *compiled.regex))
        at.fail(shown(instance) + " does not match " + source);
    }
  }

  void checkArray(const Json& schema, const Json& instance, const At& at) {
    if (const auto m = count(schema, "minItems", at); m && instance.size() < *m)
      at.fail(std::to_string(instance.size()) + " items, fewer than " + std::to_string(*m));
    if (const auto m = count(schema, "maxItems", at); m && instance.size() > *m)
      at.fail(std::to_string(instance.size()) + " items, more than " + std::to_string(*m));
    const auto items = schema.find("items");
    if (items == schema.end()) return;
    // An array of schemas (drafts before 2020-12) applies item by item.
    const bool tuple = items->is_array();
    for (std::size_t i = 0; i < instance.size() && (!tuple || i < items->size()); ++i)
      check(tuple ? (*items)[i] : *items, instance[i], at.path + "[" + std::to_string(i) + "]", at.depth + 1,
            at.problems);
  }

  void checkObject(const Json& schema, const Json& instance, const At& at) {
    if (const auto required = schema.find("required"); required != schema.end()) {
      if (!required->is_array())
        at.schemaError("\"required\" must be an array, got " + typeName(*required));
      else
        for (const Json& name : *required) {
          if (!name.is_string())
            at.schemaError("\"required\" lists a non-string: " + shown(name));
          else if (!instance.contains(name.get<std::string>()))
            at.fail("missing required property " + shown(name));
        }
    }
    auto properties = schema.find("properties");
    if (properties != schema.end() && !properties->is_object()) {
      at.schemaError("\"properties\" must be an object, got " + typeName(*properties));
      properties = schema.end();
    }
    const auto additional = schema.find("additionalProperties");
    for (const auto& [key, value] : instance.items()) {
      const std::string path = member(at.path, key);
      if (properties != schema.end() && properties->contains(key))
        check(properties->at(key), value, path, at.depth + 1, at.problems);
      else if (additional != schema.end() && *additional == false)
        at.problems.push_back(path + ": property is not allowed (additionalProperties: false)");
      else if (additional != schema.end())
        check(*additional, value, path, at.depth + 1, at.problems);
    }
  }

  // Alternatives: collect each branch's problems so a failure says why.
  void checkBranches(const Json& schema, const Json& instance, const At& at) {
    const auto branches = [&](const char* keyword, auto accept) {
      const auto list = schema.find(keyword);
      if (list == schema.end()) return;
      if (!list->is_array() || list->empty())
        return at.schemaError("\"" + std::string(keyword) + "\" must be a non-empty array of schemas");
      std::size_t passed = 0;
      std::vector<std::string> why;
      for (std::size_t i = 0; i < list->size(); ++i) {
        Problems branch;
        check((*list)[i], instance, at.path, at.depth + 1, branch);
        if (branch.empty())
          ++passed;
        else
          why.push_back("[" + std::to_string(i) + "] " + shortened(join(branch)));
      }
      if (!accept(passed, list->size()))
        at.fail(std::string(keyword) + " matched " + std::to_string(passed) + " of " + std::to_string(list->size()) +
                " schemas" + (why.empty() ? "" : " (" + join(why) + ")"));
    };
    branches("allOf", [](std::size_t passed, std::size_t n) { return passed == n; });
    branches("anyOf", [](std::size_t passed, std::size_t) { return passed >= 1; });
    branches("oneOf", [](std::size_t passed, std::size_t) { return passed == 1; });
  }

  // A branch's reasons, bounded: nested alternatives would otherwise repeat
  // every inner reason at every level.
  static std::string shortened(std::string text) {
    constexpr std::size_t kMaxReason = 4 * kShownChars;
    if (text.size() > kMaxReason) text = text.substr(0, kMaxReason) + "...";
    return text;
  }

  struct Pattern {
    std::optional<std::regex> regex;
    std::string error;  // why it does not compile
  };

  // Compiled once per run: an array of strings shares its item pattern.
  const Pattern& pattern(const std::string& source) {
    const auto [it, added] = patterns_.try_emplace(source);
    if (added) {
      try {
        it->second.regex.emplace(source, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        it->second.error = e.what();
      }
    }
    return it->second;
  }

  const Json& root_;
  std::size_t steps_ = 0;
  bool exhausted_ = false;
  std::map<std::string, Pattern> patterns_;
};

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
      if (token.empty() || token.size() > 9 ||
          !std::all_of(token.begin(), token.end(), [](unsigned char c) { return std::isdigit(c); }))
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
      "$ref", "type", "nullable", "enum", "const", "properties", "required", "additionalProperties", "items",
      "minItems", "maxItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
      "pattern", "oneOf", "anyOf", "allOf",
      // annotations: they describe, they do not constrain
      "description", "title", "example", "examples", "default", "format"};
  return keywords;
}

std::vector<std::string> SchemaValidator::validate(const Json& schema, const Json& instance) const {
  return Run(root_).validate(schema, instance);
}

std::string join(const std::vector<std::string>& problems) {
  std::string out;
  for (const std::string& p : problems) out += (out.empty() ? "" : "; ") + p;
  return out;
}

}  // namespace pixabots::jsonschema
