#pragma once
// The one place a pack's rules are applied: the in-memory and the directory
// loaders, and the pack checker, all feed their files through assemblePack.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pack/pack_files.hpp"
#include "pixabots/core/catalog.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core::detail {

// A file of a pack as a loader found it.
struct FoundFile {
  enum class State { found, absent, unreadable };  // unreadable: the source reported why
  State state = State::absent;
  std::span<const std::uint8_t> bytes;  // when found; valid until the next lookup
};

// Looks a file up by its path inside the pack ("eyes/visor.png").
using FileSource = std::function<FoundFile(const std::string& path)>;

struct PackContents {
  std::string name;
  Catalog catalog;
  std::array<std::vector<SpriteSheet>, 4> sheets;
};

// Asks `source` for manifest.json (optional: the service's catalog without it),
// then for every sheet the catalog names, and validates each. Every problem
// goes to `problems`; the contents come back only when there was none. The
// pack is named by the manifest, else `unnamed`.
std::optional<PackContents> assemblePack(const FileSource& source, const PackLimits& limits, Problems& problems,
                                         std::string_view unnamed);

// The name of a pack whose manifest gives none: the origin's last component, else "pack".
std::string unnamedPack(std::string_view origin);

}  // namespace pixabots::core::detail
