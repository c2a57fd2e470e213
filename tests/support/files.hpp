#pragma once
// Test helpers for reading fixtures.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace testing {

inline std::filesystem::path dataPath(const std::string& relative) {
  return std::filesystem::path(PIXABOTS_TEST_DATA) / relative;
}

inline std::vector<std::uint8_t> readBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string readText(const std::filesystem::path& path) {
  auto bytes = readBytes(path);
  return {bytes.begin(), bytes.end()};
}

}  // namespace testing
