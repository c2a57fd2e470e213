#pragma once
// Pieces several tools share: argument schemas, picking the avatar, writing
// a result file.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>

#include "mcp/json_rpc.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::mcp {

// {"type":"object","properties":...,"required":...,"additionalProperties":false}
Json objectSchema(Json properties, std::initializer_list<const char*> required = {});
// The schemas of arguments several tools take, with their accepted ranges.
Json idProperty();
Json seedProperty();
Json bgProperty();
Json outputPathProperty();

// The ID `arguments` name: "id", else the avatar of "seed", else (when
// `randomWhenNeither`) a random one. Throws ToolError for both, or neither
// when a random pick is not wanted; pixabots::Error for a bad ID.
std::string chooseId(const Context& ctx, const Json& arguments, bool randomWhenNeither);

// "2156 (eyes visor, head blob, body wings, top mohawk)"
std::string describeId(const Context& ctx, const std::string& id);

// Writes `bytes` to `path` whole or not at all (a temporary file renamed
// into place) and returns the absolute path. Throws ToolError for "-"
// (stdout carries the protocol) and core::Error for an I/O failure.
std::string writeResultFile(const std::string& path, std::span<const std::uint8_t> bytes);

}  // namespace pixabots::mcp
