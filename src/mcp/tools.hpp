#pragma once
// The tool groups. Each adds its tools to a registry; the handlers draw with
// the one Context the server holds.
#include "mcp/tool_registry.hpp"
#include "mcp/write_root.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::mcp {

// Every tool that draws from the pack: the image and catalog tools. `root`
// (nullptr: none) is where output_path may write; it must outlive the tools.
void addLocalTools(ToolRegistry& registry, const Context& ctx, const WriteRoot* root);
// render_pixabot, og_card: pictures as image content.
void addImageTools(ToolRegistry& registry, const Context& ctx, const WriteRoot* root);
// describe_pixabot, list_parts, seeded_id, random_ids, frames: JSON.
void addCatalogTools(ToolRegistry& registry, const Context& ctx);
// The remote tools are in mcp/remote_tools.hpp (the CLI's remote helper only).

}  // namespace pixabots::mcp
