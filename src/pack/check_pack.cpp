// checkPackDirectory: the directory loader run with a Problems that collects
// instead of throwing, so checking can never disagree with loading.
#include "pack/directory.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {

std::vector<PackProblem> checkPackDirectory(const std::filesystem::path& dir, const PackLimits& limits) {
  std::vector<PackProblem> found;
  detail::Problems problems(dir.generic_string(), &found);
  detail::loadDirectory(dir, limits, problems);
  return found;
}

}  // namespace pixabots::core
