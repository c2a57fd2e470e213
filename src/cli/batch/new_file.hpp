#pragma once
#include <cstdint>
#include <filesystem>
#include <span>

namespace pixabots::cli::batch {

// Creates `path` with `bytes` as an unnamed file (O_TMPFILE) that gets its
// name only when complete (linkat): one directory update instead of the
// create + rename of writeOutput, and a run killed even by SIGKILL leaves no
// file behind at all. Returns false, having written nothing, when this way is
// not available: the file exists already (--overwrite), or the filesystem or
// kernel has no O_TMPFILE; the caller then uses writeOutput. Throws
// core::Error(io) when writing the data fails.
bool writeNewFile(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

}  // namespace pixabots::cli::batch
