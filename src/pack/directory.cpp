// Pack::fromDirectory, and the directory reading that checkPackDirectory shares.
#include "pack/directory.hpp"

#include <cerrno>
#include <fstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "pixabots/core/error.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {
namespace detail {
namespace {

namespace fs = std::filesystem;

// Reads `path` into `buffer` (reused between files: only one is looked at at a
// time). Checks the size before reading.
FoundFile readFile(const fs::path& dir, const std::string& path, std::size_t maxBytes, Problems& problems,
                   std::vector<std::uint8_t>& buffer) {
  const FoundFile unreadable{FoundFile::State::unreadable, {}};
  const fs::path file = dir / path;
  std::error_code ec;
  const auto status = fs::status(file, ec);
  if (status.type() == fs::file_type::not_found) return FoundFile{};
  if (ec) {
    problems.report(path, "cannot read: " + ec.message(), Errc::io);
    return unreadable;
  }
  // Also keeps FIFOs and devices out: reading one could block or never end.
  if (!fs::is_regular_file(status)) {
    problems.report(path, "not a regular file");
    return unreadable;
  }
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) {
    problems.report(path, "cannot read: " + ec.message(), Errc::io);
    return unreadable;
  }
  if (size > maxBytes) {
    problems.report(path, tooBig(size, maxBytes));
    return unreadable;
  }

  std::ifstream in(file, std::ios::binary);
  if (!in) {
    problems.report(path, "cannot read: " + std::generic_category().message(errno), Errc::io);
    return unreadable;
  }
  buffer.resize(static_cast<std::size_t>(size));
  in.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    problems.report(path, "cannot read: the file changed while it was being read", Errc::io);
    return unreadable;
  }
  return FoundFile{FoundFile::State::found, buffer};
}

}  // namespace

std::optional<PackContents> loadDirectory(const fs::path& dir, const PackLimits& limits, Problems& problems) {
  const std::string origin = dir.generic_string();
  std::error_code ec;
  const auto status = fs::status(dir, ec);
  if (status.type() == fs::file_type::not_found) {
    throw Error(Errc::io, "pack directory " + origin + ": does not exist");
  }
  if (ec) throw Error(Errc::io, "pack directory " + origin + ": cannot read: " + ec.message());
  if (!fs::is_directory(status)) throw Error(Errc::io, "pack directory " + origin + ": not a directory");

  // Without a manifest name the pack is named after the directory; resolve
  // "." or "packs/robots/" to the directory's real name first.
  const fs::path absolute = fs::absolute(dir, ec);
  std::string unnamed = ec ? std::string() : baseName(absolute.lexically_normal().generic_string());
  if (unnamed.empty()) unnamed = unnamedPack(origin);

  std::vector<std::uint8_t> buffer;
  const FileSource source = [&](const std::string& path) {
    return readFile(dir, path, limits.maxFileBytes, problems, buffer);
  };
  return assemblePack(source, limits, problems, unnamed);
}

}  // namespace detail

Pack Pack::fromDirectory(const std::filesystem::path& dir, const PackLimits& limits) {
  detail::Problems problems(dir.generic_string());
  // Loading throws at the first problem, so there are contents when it returns.
  auto contents = detail::loadDirectory(dir, limits, problems).value();
  return Pack(std::move(contents.name), std::move(contents.catalog), std::move(contents.sheets));
}

}  // namespace pixabots::core
