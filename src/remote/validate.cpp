// Model input checked against the model's JSON Schema before a submit: a run
// spends credits, and the provider's own 422 names one problem at a time.
#include <string>

#include "jsonschema/schema.hpp"
#include "remote/lifecycle.hpp"

namespace pixabots::remote {

std::vector<std::string> validateInput(const Json& schema, const Json& input) {
  // A model's schema is its own document: its $refs point inside it.
  return jsonschema::SchemaValidator(schema).validate(schema, input);
}

Job submitValidated(Provider& provider, std::string_view model, const Json& input, const CancelToken* cancel) {
  const Json schema = provider.modelSchema(model);
  std::vector<std::string> problems = validateInput(schema, input);
  if (!problems.empty()) {
    const std::size_t n = problems.size();
    // The problems go in details(), one line each, for the caller to list.
    throw Error(Errc::validation,
                "input for model " + std::string(model) + " breaks its schema: " + std::to_string(n) +
                    (n == 1 ? " problem" : " problems"),
                0, std::nullopt, std::move(problems));
  }
  return provider.submit(model, input, cancel);
}

}  // namespace pixabots::remote
