// Pack::fromFiles: a pack from files already in memory (the embedded art too).
#include <map>
#include <string>
#include <utility>

#include "pack/assemble.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {

// Only manifest.json and the sheets the catalog names are looked at: any other
// file (a README, sources, sheets of parts a newer catalog would add) is ignored.
// Paths are matched exactly ("eyes/visor.png"), without normalisation.
Pack Pack::fromFiles(std::span<const PackFile> files, const PackLimits& limits, std::string_view origin) {
  detail::Problems problems(origin);
  std::map<std::string_view, std::span<const std::uint8_t>, std::less<>> byPath;
  for (const auto& file : files) {
    if (!byPath.emplace(file.path, file.bytes).second) problems.report(file.path, "appears twice");
  }
  const detail::FileSource source = [&](const std::string& path) {
    const auto it = byPath.find(path);
    if (it == byPath.end()) return detail::FoundFile{};
    return detail::FoundFile{detail::FoundFile::State::found, it->second};
  };
  // Loading throws at the first problem, so there are contents when it returns.
  auto contents = detail::assemblePack(source, limits, problems, detail::unnamedPack(origin)).value();
  return Pack(std::move(contents.name), std::move(contents.catalog), std::move(contents.sheets));
}

}  // namespace pixabots::core
