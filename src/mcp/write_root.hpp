#pragma once
// Where tools may write files: only inside the one directory `pixabots mcp
// --allow-write DIR` names, so a prompt-injected agent cannot replace the
// user's files (docs/mcp.md, "Security: what a tool call can write").
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "io/fd.hpp"

namespace pixabots::mcp {

class WriteRoot {
 public:
  // Opens `dir` (links in it followed: the user chose it) and holds it open.
  // Throws core::Error(invalid_option) when it is not an existing directory.
  explicit WriteRoot(const std::string& dir);

  // The directory, resolved (no links, no "..").
  const std::filesystem::path& path() const { return real_; }

  // Writes `bytes` at `outputPath` (relative to the directory, or absolute
  // inside it) whole or not at all, and returns the absolute path written.
  // Each directory on the way is opened without following links (O_NOFOLLOW)
  // from the held descriptor, so no link and no rename racing the call can
  // lead outside. Throws ToolError for a path the rules refuse: outside the
  // directory, through or onto a symbolic link, not a regular file, or an
  // existing file without `overwrite`; core::Error(io) when writing fails.
  std::string write(const std::string& outputPath, std::span<const std::uint8_t> bytes, bool overwrite) const;

 private:
  io::Fd fd_;
  std::filesystem::path real_;   // canonical
  std::filesystem::path given_;  // absolute as given: absolute output paths may use either spelling
};

}  // namespace pixabots::mcp
