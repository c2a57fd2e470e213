#pragma once
// File naming and size rules shared by the in-memory and the directory loader,
// so both report a problem with the same words.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pixabots/core/catalog.hpp"

namespace pixabots::core::detail {

inline constexpr std::string_view kManifestPath = "manifest.json";

// "eyes/visor.png": where a part's sheet lives inside a pack.
std::string sheetPath(Category c, const Part& part);

// How errors name a file: "<origin>/<path>", or just the path without an origin.
std::string fileLabel(std::string_view origin, std::string_view path);

[[noreturn]] void throwTooBig(const std::string& label, std::uintmax_t size, std::size_t limit);

// The last component of `origin` ("packs/robots/" -> "robots"), or "" when it
// has none worth showing ("", ".", "/").
std::string baseName(std::string_view origin);

}  // namespace pixabots::core::detail
