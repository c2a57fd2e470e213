// Pack::fromFiles: the one place a pack is assembled; the directory and the
// embedded loaders both end here.
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "pack/manifest.hpp"
#include "pack/pack_files.hpp"
#include "pack/sheet.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {

// Only manifest.json and the sheets the catalog names are looked at: any other
// file (a README, sources, sheets of parts a newer catalog would add) is ignored.
// Paths are matched exactly ("eyes/visor.png"), without normalisation.
Pack Pack::fromFiles(std::span<const PackFile> files, const PackLimits& limits,
                     std::string_view origin) {
  std::map<std::string_view, std::span<const std::uint8_t>> byPath;
  for (const auto& file : files) {
    if (!byPath.emplace(file.path, file.bytes).second) {
      throw Error(Errc::invalid_pack, detail::fileLabel(origin, file.path) + ": appears twice");
    }
  }

  // Size first, so that nothing reads more than the limit allows.
  auto withinLimit = [&](std::span<const std::uint8_t> bytes, const std::string& label) {
    if (bytes.size() > limits.maxFileBytes) detail::throwTooBig(label, bytes.size(), limits.maxFileBytes);
    return bytes;
  };

  std::optional<detail::Manifest> manifest;
  if (const auto it = byPath.find(detail::kManifestPath); it != byPath.end()) {
    const std::string label = detail::fileLabel(origin, detail::kManifestPath);
    manifest = detail::parseManifest(withinLimit(it->second, label), label);
  }
  const Catalog& catalog = manifest ? manifest->catalog : Catalog::service();

  std::array<std::vector<SpriteSheet>, 4> sheets;
  for (Category c : kEncodingOrder) {
    auto& out = sheets[static_cast<std::size_t>(c)];
    out.reserve(static_cast<std::size_t>(catalog.count(c)));
    for (int i = 0; i < catalog.count(c); ++i) {
      const Part& part = catalog.part(c, i);
      const std::string path = detail::sheetPath(c, part);
      const std::string label = detail::fileLabel(origin, path);
      const auto it = byPath.find(path);
      if (it == byPath.end()) {
        throw Error(Errc::invalid_pack,
                    label + ": missing: the catalog's " + std::string(categoryName(c)) + " part " +
                        std::to_string(i) + " \"" + part.name + "\" needs a " +
                        std::to_string(part.frames * kNativeSize) + "x32 sheet");
      }
      out.push_back(detail::decodeSheet(withinLimit(it->second, label), c, part, limits, label));
    }
  }

  std::string name = manifest ? manifest->name : std::string();
  if (name.empty()) name = detail::baseName(origin);
  if (name.empty()) name = "pack";
  return Pack(std::move(name), catalog, std::move(sheets));
}

}  // namespace pixabots::core
