#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "pixabots/core/catalog.hpp"

namespace pixabots::core::detail {

struct Manifest {
  std::string name;  // empty when the manifest has none
  Catalog catalog;
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
// Every error is Error(invalid_pack) "<label>: <JSON path> <problem>", e.g.
// "manifest.json: categories.eyes[3].frames must be an integer 1..64, got \"x\"".
Manifest parseManifest(std::span<const std::uint8_t> json, const std::string& label);

}  // namespace pixabots::core::detail
