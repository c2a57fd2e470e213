#pragma once
// A JSON Schema validator for the subset real documents use: the server's
// OpenAPI document (checked by its contract tests) and generation models'
// input schemas (checked before a paid submit). Schemas may come from a
// remote provider, so a malformed or hostile schema yields problems, never a
// crash or a runaway: recursion depth and total work are bounded.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace pixabots::jsonschema {

using Json = nlohmann::json;

// "#/components/schemas/Id" inside `root` (an RFC 6901 pointer after '#');
// nullptr when it does not resolve. Only local references are supported.
const Json* resolveRef(const Json& root, std::string_view ref);

// The schema keywords validate() acts on, and the annotations it may ignore.
// Any other keyword is ignored too; this list lets a test assert that a
// document stays inside what is actually checked.
const std::vector<std::string>& keywordsUnderstood();

class SchemaValidator {
 public:
  // `root` is the document $ref resolves against; it must outlive the
  // validator. For a standalone schema it is the schema itself.
  explicit SchemaValidator(const Json& root) : root_(root) {}

  // Every violation, each naming the JSON path of the offending value, e.g.
  // "$.frames[3].top: expected number, got string" or
  // "$: missing required property \"prompt\""; empty when `instance` is
  // valid. A fault in the schema itself (a keyword of the wrong type, a bad
  // pattern, a broken $ref) is reported the same way, as "schema error: ...".
  // A pattern is matched only against strings of up to 2000 bytes (std::regex
  // needs stack and time in proportion); longer ones pass unchecked.
  std::vector<std::string> validate(const Json& schema, const Json& instance) const;

 private:
  const Json& root_;
};

// "a; b" joined, for messages.
std::string join(const std::vector<std::string>& problems);

}  // namespace pixabots::jsonschema
