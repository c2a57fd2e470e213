#pragma once
#include <string>
#include <string_view>

#include "pixabots/core/id.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::core {

// The public service, where the JSON documents' URLs point unless told otherwise.
inline constexpr std::string_view kDefaultOrigin = "https://pixabots.com";

// Where the URLs inside the JSON documents point.
struct JsonOptions {
  std::string origin{kDefaultOrigin};  // no trailing slash
  int size = kDefaultSize;             // the size the png/gif URLs ask for
};

// An origin for those URLs as a user gives it (--origin, the MCP frames tool,
// pixabots serve's setting): http:// or https:// only, since the documents
// hand the URLs to clients that fetch or link them (javascript:, data: and
// file: would run or read something else). Returns it without trailing
// slashes; throws Error(invalid_option): origin "javascript:x" is not valid:
// must start with http:// or https://
std::string parseOrigin(std::string_view origin);

// The service's metadata document:
// {"id","combo":{eyes,heads,body,top},"parts":{...names},"png","gif"} with
// png = origin/api/pixabot/ID?size=S and gif = the same plus &animated=true.
std::string metadataJson(const Pack& pack, const Combo& combo, const JsonOptions& options = {});

// The service's frames document (/api/pixabot/{id}/frames): timeline for
// client-side playback, 16 frames with unrounded offsets, and the sprite sheet
// of each layer at origin/sprites/{category}/{name}.png.
std::string framesJson(const Pack& pack, const Combo& combo, const JsonOptions& options = {});

// The pack's catalog: {"name","categories":{eyes:[{index,digit,name,frames,
// kind}],...},"combinations"}, categories in ID order; what `pixabots parts
// --json` prints and the MCP list_parts tool returns. `indent` as in
// nlohmann's dump (-1: one line).
std::string catalogJson(const Pack& pack, int indent = -1);

}  // namespace pixabots::core
