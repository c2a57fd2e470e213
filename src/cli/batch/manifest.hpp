#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "cli/batch/variants.hpp"
#include "cli/batch/work_list.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::cli::batch {

// The list of files a batch produced, one row per avatar and variant:
// id, seed, parts (eyes, heads, body, top), format, size, file (relative to
// --out), bytes. JSON Lines for a .jsonl/.ndjson name, CSV (with a header
// row) for .csv.
class Manifest {
 public:
  // Throws core::Error(invalid_option) when the name says neither kind.
  explicit Manifest(std::filesystem::path path);

  void add(const Context& ctx, const Entry& entry, const Variant& variant, std::string_view file, std::uint64_t bytes);
  // Atomically, like every other output.
  void write() const;

 private:
  std::filesystem::path path_;
  bool csv_ = false;
  std::string text_;
};

}  // namespace pixabots::cli::batch
