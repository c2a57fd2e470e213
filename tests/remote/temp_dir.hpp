#pragma once
// A fresh directory under the system's temporary one for a test's files,
// removed with everything in it when the test ends.
#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace pixabots::remote::test {

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("pixabots-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The names in the directory, hidden ones included (a leftover temporary
  // file would be one), sorted.
  std::vector<std::filesystem::path> files() const {
    std::vector<std::filesystem::path> names;
    for (const auto& entry : std::filesystem::directory_iterator(path_)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace pixabots::remote::test
