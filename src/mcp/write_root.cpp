#include "mcp/write_root.hpp"

#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>
#include <vector>

#include "io/output_file.hpp"
#include "mcp/tool_registry.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::mcp {
namespace fs = std::filesystem;
namespace {

// `path` relative to `base` when it lies inside it (both absolute and
// lexically normal), else nullopt.
std::optional<fs::path> inside(const fs::path& path, const fs::path& base) {
  fs::path relative = path.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative;
}

}  // namespace

WriteRoot::WriteRoot(const std::string& dir) : fd_(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {
  std::error_code ec;
  if (fd_.get() >= 0) real_ = fs::canonical(dir, ec);
  if (fd_.get() < 0 || ec) {
    throw core::Error(core::Errc::invalid_option, "--allow-write \"" + dir +
                                                      "\": " + (ec ? ec.message() : std::strerror(errno)) +
                                                      " (give an existing directory)");
  }
  given_ = fs::absolute(dir).lexically_normal();
  if (!given_.has_filename()) given_ = given_.parent_path();  // "/tmp/out/" is /tmp/out
}

std::string WriteRoot::write(const std::string& outputPath, std::span<const std::uint8_t> bytes, bool overwrite) const {
  if (outputPath == "-")
    throw ToolError("output_path \"-\" would be stdout, which carries the protocol: give a file name");
  const std::string quoted = "output_path \"" + outputPath + "\"";
  const fs::path normal = fs::path(outputPath).lexically_normal();
  std::optional<fs::path> relative;
  if (normal.is_absolute()) {
    relative = inside(normal, real_);
    if (!relative) relative = inside(normal, given_);
  } else if (normal.empty() || *normal.begin() != "..") {
    relative = normal;
  }
  if (!relative) {
    throw ToolError(quoted + " is outside the allowed directory " + real_.string() +
                    " (pixabots mcp --allow-write DIR)");
  }
  if (!relative->has_filename()) throw ToolError(quoted + " names a directory: give a file name");
  const std::string shown = (real_ / *relative).lexically_normal().string();
  const auto linkRefused = [&](const fs::path& link) {
    return ToolError(quoted + " is refused: \"" + link.string() +
                     "\" is a symbolic link, and tools never follow or replace links");
  };

  const std::vector<fs::path> parts(relative->begin(), relative->end());
  io::Fd dir(::openat(fd_.get(), ".", O_PATH | O_DIRECTORY | O_CLOEXEC));
  fs::path walked;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    walked /= parts[i];
    io::Fd next(::openat(dir.get(), parts[i].c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (next.get() < 0) {
      const int err = errno;
      if (io::entryAt(dir.get(), parts[i], shown).kind == io::EntryKind::symlink) throw linkRefused(walked);
      throw core::Error(core::Errc::io, "cannot create " + shown + ": " + std::strerror(err));
    }
    dir = std::move(next);
  }
  const std::string name = parts.back();
  const io::EntryType entry = io::entryAt(dir.get(), name, shown);
  if (entry.kind == io::EntryKind::symlink) throw linkRefused(walked / name);
  if (entry.kind == io::EntryKind::other) {
    throw ToolError(quoted + " is refused: it is " + entry.name + ", not a regular file");
  }
  if (entry.kind == io::EntryKind::regular && !overwrite) {
    throw ToolError(quoted + " exists (" + shown + "): pass \"overwrite\": true to replace it");
  }
  io::writeFileAt(dir.get(), name, bytes, overwrite, shown);
  return shown;
}

}  // namespace pixabots::mcp
