#pragma once
#include <cstdint>
#include <filesystem>
#include <span>

namespace pixabots::cli {

// Writes `bytes` to `path` through a temporary file renamed into place, so a
// failed or interrupted write never leaves a partial file. "-" is stdout.
// Throws Error(io) naming the path and the system's reason.
void writeOutput(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

}  // namespace pixabots::cli
