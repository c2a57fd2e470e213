#pragma once
// File naming and problem reporting shared by every loader, so loading and
// checking a pack report a problem with the same words.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core::detail {

inline constexpr std::string_view kManifestPath = "manifest.json";

// "eyes/visor.png": where a part's sheet lives inside a pack.
std::string sheetPath(Category c, const Part& part);

// How errors name a file: "<origin>/<path>", or just the path without an origin.
std::string fileLabel(std::string_view origin, std::string_view path);

// "too big: N bytes, the limit is L".
std::string tooBig(std::uintmax_t size, std::size_t limit);

// The last component of `origin` ("packs/robots/" -> "robots"), or "" when it
// has none worth showing ("", ".", "/").
std::string baseName(std::string_view origin);

// Where the validation code sends a problem. Loading stops at the first: report
// throws Error(code, "<origin>/<file>: <problem>"). Checking (`into` given)
// collects every problem and returns, so the caller carries on with whatever
// is still usable.
class Problems {
 public:
  explicit Problems(std::string_view origin, std::vector<PackProblem>* into = nullptr) : origin_(origin), into_(into) {}

  void report(std::string_view file, std::string problem, Errc code = Errc::invalid_pack);
  bool any() const { return count_ > 0; }
  const std::string& origin() const { return origin_; }

 private:
  std::string origin_;
  std::vector<PackProblem>* into_;
  std::size_t count_ = 0;
};

}  // namespace pixabots::core::detail
