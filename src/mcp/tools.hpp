#pragma once
// The tool groups. Each adds its tools to a registry; the handlers draw with
// the one pack the server holds, through the core's request layer.
#include "mcp/tool_registry.hpp"
#include "mcp/write_root.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::mcp {

// Every tool that draws from the pack: the image and catalog tools. `root`
// (nullptr: none) is where output_path may write; it and `pack` must outlive
// the tools.
void addLocalTools(ToolRegistry& registry, const core::Pack& pack, const WriteRoot* root);
// render_pixabot, og_card: pictures as image content.
void addImageTools(ToolRegistry& registry, const core::Pack& pack, const WriteRoot* root);
// describe_pixabot, list_parts, seeded_id, random_ids, frames: JSON.
void addCatalogTools(ToolRegistry& registry, const core::Pack& pack);
// The remote tools are in mcp/remote_tools.hpp (the CLI's remote helper only).

}  // namespace pixabots::mcp
