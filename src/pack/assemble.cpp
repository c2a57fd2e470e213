#include "pack/assemble.hpp"

#include <string>
#include <utility>

#include "pack/manifest.hpp"
#include "pack/sheet.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::core::detail {

std::optional<PackContents> assemblePack(const FileSource& source, const PackLimits& limits, Problems& problems,
                                         std::string_view unnamed) {
  // Size first, so that nothing reads more than the limit allows (a directory
  // source also checks before reading; this catches files given in memory).
  // The total is reported once, at the file that crosses it; the files after
  // it are not decoded.
  std::size_t total = 0;
  bool overTotal = false;
  auto usable = [&](const std::string& path, const FoundFile& file) {
    if (file.state != FoundFile::State::found || overTotal) return false;
    if (file.bytes.size() > limits.maxFileBytes) {
      problems.report(path, tooBig(file.bytes.size(), limits.maxFileBytes));
      return false;
    }
    total += file.bytes.size();
    if (total > limits.maxTotalBytes) {
      overTotal = true;
      problems.report(path, "the pack's files come to " + std::to_string(total) +
                                " bytes with this one, the limit is " + std::to_string(limits.maxTotalBytes) +
                                " for them all");
      return false;
    }
    return true;
  };

  const std::string manifestPath(kManifestPath);
  const FoundFile manifestFile = source(manifestPath);
  std::optional<Manifest> manifest;
  if (manifestFile.state != FoundFile::State::absent) {
    if (usable(manifestPath, manifestFile)) manifest = parseManifest(manifestFile.bytes, problems);
    // Without its parts, checking sheets against the service's catalog would
    // only add noise.
    if (!manifest) return std::nullopt;
  }
  auto partsOf = [&](Category c) {
    return manifest ? std::span<const Part>(manifest->parts[static_cast<std::size_t>(c)]) : Catalog::service().parts(c);
  };

  std::array<std::vector<SpriteSheet>, 4> sheets;
  for (Category c : kEncodingOrder) {
    const auto parts = partsOf(c);
    auto& out = sheets[static_cast<std::size_t>(c)];
    out.reserve(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const Part& part = parts[i];
      const std::string path = sheetPath(c, part);
      const FoundFile file = source(path);
      if (file.state == FoundFile::State::absent) {
        problems.report(path, "missing: the catalog's " + std::string(categoryName(c)) + " part " + std::to_string(i) +
                                  " \"" + part.name + "\" needs a " + std::to_string(part.frames * kNativeSize) +
                                  "x32 sheet");
        continue;
      }
      if (!usable(path, file)) continue;
      if (auto sheet = decodeSheet(file.bytes, c, part, limits, path, problems)) out.push_back(std::move(*sheet));
    }
  }
  if (problems.any()) return std::nullopt;

  if (!manifest) return PackContents{std::string(unnamed), Catalog::service(), std::move(sheets)};
  try {
    Catalog catalog(std::move(manifest->parts));
    std::string name = manifest->name.empty() ? std::string(unnamed) : std::move(manifest->name);
    return PackContents{std::move(name), std::move(catalog), std::move(sheets)};
  } catch (const Error& e) {
    // Unreachable while the manifest's checks are at least as strict as Catalog's.
    problems.report(kManifestPath, e.what());
    return std::nullopt;
  }
}

std::string unnamedPack(std::string_view origin) {
  std::string name = baseName(origin);
  return name.empty() ? "pack" : name;
}

}  // namespace pixabots::core::detail
