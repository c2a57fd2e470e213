#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/pixabots.hpp"

namespace pixabots::cli::batch {

// One file per avatar for each format and size asked for.
struct Variant {
  Options options;
  std::string_view name;       // png, apng, gif, webp, svg, json, frames (the manifest's "format")
  std::string_view extension;  // {format}: png, gif, webp, svg, json, frames.json
};

// --format and --size may each list several values ("png,webp", "64,128");
// every other render option applies to all of them. Repeated values count
// once. Throws core::Error(invalid_option) naming the flag and what it takes.
std::vector<Variant> parseVariants(std::string_view formats, std::string_view sizes, const Options& common,
                                   bool animated);

}  // namespace pixabots::cli::batch
