#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pack/pack_files.hpp"
#include "pixabots/core/catalog.hpp"

namespace pixabots::core::detail {

struct Manifest {
  std::string name;  // empty when the manifest has none
  // In ID order, for Catalog's constructor. After problems (when checking):
  // only the parts whose name and frames could be read, so their sheets can
  // still be checked.
  std::array<std::vector<Part>, 4> parts;
};

// Parses a pack's manifest.json (format "pixabots-pack", version 1):
//
//   {"format": "pixabots-pack", "version": 1, "name": "...", "license": "...",
//    "categories": {"eyes": [{"name": "visor", "frames": 8, "kind": "sequence"}, ...],
//                   "heads": [...], "body": [...], "top": [...]}}
//
// Strict, so that a typo fails loudly instead of silently changing the catalog:
// - format and version are required; name and license are optional non-empty
//   strings of at most 128 bytes (the license is checked, not kept).
// - categories holds exactly eyes, heads, body and top, each 1..36 parts in ID order.
// - A part needs a name of 1..64 characters [a-z0-9-] (it is a file name), unique
//   in its category. frames is an integer 1..64, default 1. kind is "static",
//   "blink" or "sequence"; it defaults to "static" for one frame and "sequence"
//   for more. static needs 1 frame, blink 2 ([open, closed]), sequence 2..64.
// - Unknown keys, duplicate keys and nesting deeper than the format's are errors.
// Every problem is reported for manifest.json as "<JSON path> <problem>", e.g.
// "categories.eyes[3].frames must be an integer 1..64, got \"x\"". When checking,
// reading carries on after a problem where the rest still makes sense (the next
// key, part or category); returns nothing when the manifest cannot be read at
// all (malformed JSON, wrong format or version, no categories).
std::optional<Manifest> parseManifest(std::span<const std::uint8_t> json, Problems& problems);

}  // namespace pixabots::core::detail
