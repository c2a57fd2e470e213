// Pack::fromDirectory: reads the files a pack needs into memory, then builds
// the pack with fromFiles so both paths apply exactly the same rules.
#include <cerrno>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "pack/manifest.hpp"
#include "pack/pack_files.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {
namespace {

namespace fs = std::filesystem;

// The file's bytes, or nothing when it does not exist (fromFiles then reports
// it as missing, in the catalog's words). Checks the size before reading.
std::optional<std::vector<std::uint8_t>> readIfPresent(const fs::path& path, const std::string& label,
                                                       std::size_t maxBytes) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) return std::nullopt;
  if (ec) throw Error(Errc::io, label + ": cannot read: " + ec.message());
  // Also keeps FIFOs and devices out: reading one could block or never end.
  if (!fs::is_regular_file(status)) throw Error(Errc::invalid_pack, label + ": not a regular file");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw Error(Errc::io, label + ": cannot read: " + ec.message());
  if (size > maxBytes) detail::throwTooBig(label, size, maxBytes);

  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Errc::io, label + ": cannot read: " + std::generic_category().message(errno));
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    throw Error(Errc::io, label + ": cannot read: the file changed while it was being read");
  }
  return bytes;
}

}  // namespace

Pack Pack::fromDirectory(const fs::path& dir, const PackLimits& limits) {
  const std::string origin = dir.generic_string();
  std::error_code ec;
  const auto status = fs::status(dir, ec);
  if (status.type() == fs::file_type::not_found) {
    throw Error(Errc::io, "pack directory " + origin + ": does not exist");
  }
  if (ec) throw Error(Errc::io, "pack directory " + origin + ": cannot read: " + ec.message());
  if (!fs::is_directory(status)) throw Error(Errc::io, "pack directory " + origin + ": not a directory");

  std::vector<std::pair<std::string, std::vector<std::uint8_t>>> contents;
  auto readFile = [&](const std::string& path) {
    const std::string label = detail::fileLabel(origin, path);
    if (auto bytes = readIfPresent(dir / path, label, limits.maxFileBytes)) {
      contents.emplace_back(path, std::move(*bytes));
    }
  };

  // The catalog decides which sheets to read; fromFiles parses the manifest
  // again, which costs microseconds and keeps it the single source of rules.
  readFile(std::string(detail::kManifestPath));
  std::optional<detail::Manifest> manifest;
  if (!contents.empty()) {
    manifest = detail::parseManifest(contents.front().second,
                                     detail::fileLabel(origin, detail::kManifestPath));
  }
  const Catalog& catalog = manifest ? manifest->catalog : Catalog::service();
  for (Category c : kEncodingOrder) {
    for (const Part& part : catalog.parts(c)) readFile(detail::sheetPath(c, part));
  }

  std::vector<PackFile> files;
  files.reserve(contents.size());
  for (const auto& [path, bytes] : contents) files.push_back(PackFile{path, bytes});
  Pack pack = fromFiles(files, limits, origin);

  // Without a manifest name the pack is named after the directory; resolve
  // "." or "packs/robots/" to the directory's real name first.
  if (!manifest || manifest->name.empty()) {
    const fs::path absolute = fs::absolute(dir, ec);
    std::string name = ec ? std::string() : detail::baseName(absolute.lexically_normal().generic_string());
    if (!name.empty()) pack.name_ = std::move(name);
  }
  return pack;
}

}  // namespace pixabots::core
