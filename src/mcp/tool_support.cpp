#include "mcp/tool_support.hpp"

#include "mcp/tool_registry.hpp"
#include "pixabots/core/seeded.hpp"

namespace pixabots::mcp {

Json objectSchema(Json properties, std::initializer_list<const char*> required) {
  Json schema = {{"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
  if (required.size() > 0) schema["required"] = Json::array();
  for (const char* name : required) schema["required"].push_back(name);
  return schema;
}

Json idProperty() {
  return {{"type", "string"},
          {"pattern", "^[0-9a-z]{4}$"},
          {"description", "an avatar ID: 4 characters of [0-9a-z], the eyes, head, body and top part (e.g. \"2156\")"}};
}

Json seedProperty() {
  return {{"type", "string"},
          {"description", "any text (a user name, an e-mail): always the same avatar, as the service's seeded IDs"}};
}

Json bgProperty() {
  return {{"type", "string"},
          {"pattern", "^#[0-9a-fA-F]{6}$"},
          {"description", "a background colour #rrggbb (default: transparent)"}};
}

Json outputPathProperty(const WriteRoot* root) {
  const std::string where =
      root ? "inside " + root->path().string() +
                 " (the server's --allow-write directory): a path relative to it, or "
                 "absolute inside it; never through a symbolic link; an existing file "
                 "only with overwrite: true; written whole or not at all"
           : "refused on this server: it writes files only when started as pixabots mcp --allow-write DIR";
  return {{"type", "string"}, {"minLength", 1}, {"description", "also write the file, " + where}};
}

Json overwriteProperty() {
  return {{"type", "boolean"}, {"description", "replace a file already at output_path (default false)"}};
}

core::Combo chooseCombo(const core::Catalog& catalog, const Json& arguments, bool randomWhenNeither) {
  const auto id = arguments.find("id");
  const auto seed = arguments.find("seed");
  if (id != arguments.end() && seed != arguments.end()) throw ToolError("give \"id\" or \"seed\", not both");
  if (id != arguments.end()) return core::decodeId(catalog, id->get<std::string>());
  if (seed != arguments.end()) return core::seededCombo(catalog, seed->get<std::string>());
  if (!randomWhenNeither) throw ToolError("give \"id\" (4 characters of [0-9a-z]) or \"seed\" (any text)");
  return core::randomCombo(catalog);
}

std::string describeCombo(const core::Catalog& catalog, const core::Combo& combo) {
  const auto name = [&](core::Category c) { return catalog.part(c, combo[c]).name; };
  return core::encodeId(catalog, combo) + " (eyes " + name(core::Category::eyes) + ", head " +
         name(core::Category::heads) + ", body " + name(core::Category::body) + ", top " + name(core::Category::top) +
         ")";
}

std::optional<std::string> writeResultFile(const WriteRoot* root, const Json& arguments,
                                           std::span<const std::uint8_t> bytes) {
  const auto path = arguments.find("output_path");
  const bool overwrite = arguments.value("overwrite", false);
  if (path == arguments.end()) {
    if (arguments.contains("overwrite")) throw ToolError("\"overwrite\" goes with \"output_path\"");
    return std::nullopt;
  }
  if (!root)
    throw ToolError("output_path is refused: start pixabots mcp with --allow-write DIR to let tools write files");
  return root->write(path->get<std::string>(), bytes, overwrite);
}

}  // namespace pixabots::mcp
