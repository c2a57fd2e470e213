#include "mcp/tool_registry.hpp"

#include <algorithm>

#include "jsonschema/schema.hpp"

namespace pixabots::mcp {
namespace {

// "$.size: 20 is below the minimum 32" gains what the property accepts, from
// its description: "(size: an integer 32..1920, default 128)".
std::string explain(const std::string& problem, const Json& schema) {
  const Json& properties = schema.at("properties");
  if (problem.ends_with("property is not allowed (additionalProperties: false)")) {
    std::string names;
    for (const auto& [name, property] : properties.items()) names += (names.empty() ? "" : ", ") + name;
    return problem + " (the arguments are: " + (names.empty() ? "none" : names) + ")";
  }
  if (!problem.starts_with("$.")) return problem;
  const std::string name = problem.substr(2, problem.find_first_of(".[:", 2) - 2);
  const auto property = properties.find(name);
  if (property == properties.end() || !property->contains("description")) return problem;
  return problem + " (" + name + ": " + property->at("description").get<std::string>() + ")";
}

}  // namespace

void ToolRegistry::add(Tool tool) { tools_.push_back(std::move(tool)); }

Json ToolRegistry::list() const {
  Json tools = Json::array();
  for (const Tool& tool : tools_) {
    tools.push_back({{"name", tool.name}, {"description", tool.description}, {"inputSchema", tool.inputSchema}});
  }
  return {{"tools", std::move(tools)}};
}

Json ToolRegistry::call(std::string_view name, const Json& arguments) const {
  const auto tool = std::find_if(tools_.begin(), tools_.end(), [&](const Tool& t) { return t.name == name; });
  if (tool == tools_.end()) {
    std::string names;
    for (const Tool& t : tools_) names += (names.empty() ? "" : ", ") + t.name;
    throw rpc::Failure(rpc::kInvalidParams, "unknown tool \"" + std::string(name) + "\": the tools are " + names);
  }
  const std::vector<std::string> problems =
      jsonschema::SchemaValidator(tool->inputSchema).validate(tool->inputSchema, arguments);
  if (!problems.empty()) {
    std::string message = "invalid arguments for " + tool->name + ":";
    for (const std::string& problem : problems) message += "\n" + explain(problem, tool->inputSchema);
    return errorResult(message);
  }
  try {
    return tool->handler(arguments);
  } catch (const std::exception& e) {
    // Tool failures are results the model can read and act on, not protocol errors.
    return errorResult(tool->name + " failed: " + e.what());
  }
}

Json textContent(const std::string& text) { return {{"type", "text"}, {"text", text}}; }

Json imageContent(std::string_view base64, const std::string& mimeType) {
  return {{"type", "image"}, {"data", base64}, {"mimeType", mimeType}};
}

Json errorResult(const std::string& message) {
  return {{"content", Json::array({textContent(message)})}, {"isError", true}};
}

Json jsonResult(const Json& document) {
  return {{"content", Json::array({textContent(document.dump(2, ' ', false, Json::error_handler_t::replace))})},
          {"structuredContent", document}};
}

}  // namespace pixabots::mcp
