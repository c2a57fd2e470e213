#include "pack/pack_files.hpp"

#include <utility>

namespace pixabots::core::detail {

std::string sheetPath(Category c, const Part& part) {
  std::string path(categoryName(c));
  path += '/';
  path += part.name;
  path += ".png";
  return path;
}

std::string fileLabel(std::string_view origin, std::string_view path) {
  if (origin.empty()) return std::string(path);
  std::string label(origin);
  if (label.back() != '/') label += '/';
  label += path;
  return label;
}

std::string tooBig(std::uintmax_t size, std::size_t limit) {
  return "too big: " + std::to_string(size) + " bytes, the limit is " + std::to_string(limit);
}

std::string baseName(std::string_view origin) {
  while (!origin.empty() && (origin.back() == '/' || origin.back() == '\\')) origin.remove_suffix(1);
  const auto slash = origin.find_last_of("/\\");
  if (slash != std::string_view::npos) origin.remove_prefix(slash + 1);
  if (origin == "." || origin == "..") return {};
  return std::string(origin);
}

void Problems::report(std::string_view file, std::string problem, Errc code) {
  ++count_;
  if (into_ == nullptr) throw Error(code, fileLabel(origin_, file) + ": " + problem);
  into_->push_back(PackProblem{std::string(file), std::move(problem)});
}

}  // namespace pixabots::core::detail
