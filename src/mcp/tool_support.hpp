#pragma once
// Pieces several tools share: argument schemas, picking the avatar, writing
// a result file.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>

#include "mcp/json_rpc.hpp"
#include "mcp/write_root.hpp"
#include "pixabots/core/catalog.hpp"
#include "pixabots/core/id.hpp"

namespace pixabots::mcp {

// {"type":"object","properties":...,"required":...,"additionalProperties":false}
Json objectSchema(Json properties, std::initializer_list<const char*> required = {});
// The schemas of arguments several tools take, with their accepted ranges.
Json idProperty();
Json seedProperty();
Json bgProperty();
// output_path and overwrite, described as `root` allows (nullptr: refused).
Json outputPathProperty(const WriteRoot* root);
Json overwriteProperty();

// The avatar `arguments` name: "id", else the avatar of "seed", else (when
// `randomWhenNeither`) a random one. Throws ToolError for both, or neither
// when a random pick is not wanted; core::Error(invalid_id) for a bad ID.
core::Combo chooseCombo(const core::Catalog& catalog, const Json& arguments, bool randomWhenNeither);

// "2156 (eyes visor, head blob, body wings, top mohawk)"
std::string describeCombo(const core::Catalog& catalog, const core::Combo& combo);

// Writes `bytes` where "output_path" in `arguments` says, replacing a file
// only with "overwrite": true, and returns the absolute path written; nullopt
// without "output_path". Throws ToolError when `root` is nullptr (the server
// was started without --allow-write) or its rules refuse the path.
std::optional<std::string> writeResultFile(const WriteRoot* root, const Json& arguments,
                                           std::span<const std::uint8_t> bytes);

}  // namespace pixabots::mcp
