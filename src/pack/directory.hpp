#pragma once
#include <filesystem>
#include <optional>

#include "pack/assemble.hpp"

namespace pixabots::core::detail {

// A pack directory through assemblePack: reads only the manifest and the
// sheets the catalog names, each checked against the size limit before it is
// read. Problems name files by their path inside `dir` (the Problems' origin).
// Throws Error(io) when `dir` is missing, not a directory or unreadable.
std::optional<PackContents> loadDirectory(const std::filesystem::path& dir, const PackLimits& limits,
                                          Problems& problems);

}  // namespace pixabots::core::detail
