#pragma once
// sprites/'s pack files (manifest.json and every sheet) read into memory, to
// load the art through PNG decoding (Pack::fromFiles, pxb_ctx_new_from_memory)
// beside the embedded pack, which was decoded at build time.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pixabots/core/pack.hpp"
#include "support/files.hpp"

namespace testing {

struct SpriteFiles {
  std::vector<std::string> paths;  // inside the pack: "manifest.json", "eyes/visor.png"
  std::vector<std::vector<std::uint8_t>> bytes;

  std::vector<pixabots::core::PackFile> files() const {
    std::vector<pixabots::core::PackFile> out;
    for (std::size_t i = 0; i < paths.size(); ++i) out.push_back({paths[i], bytes[i]});
    return out;
  }
};

// The art's sources (sprites/src) are not part of the pack and are left out.
inline SpriteFiles readSpriteFiles(const std::filesystem::path& root) {
  SpriteFiles s;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const std::string path = std::filesystem::relative(entry.path(), root).generic_string();
    const bool sheet = entry.path().extension() == ".png" && !path.starts_with("src/");
    if (!sheet && path != "manifest.json") continue;
    s.paths.push_back(path);
    s.bytes.push_back(readBytes(entry.path()));
  }
  return s;
}

}  // namespace testing
