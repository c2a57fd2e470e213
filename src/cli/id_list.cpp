#include "cli/id_list.hpp"

namespace pixabots::cli {

std::vector<std::string> splitIds(std::string_view text) {
  std::vector<std::string> ids;
  std::string current;
  for (char c : text) {
    if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!current.empty()) ids.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) ids.push_back(std::move(current));
  return ids;
}

std::vector<core::Combo> decodeIds(const core::Catalog& catalog, const std::vector<std::string>& ids) {
  std::vector<core::Combo> combos;
  combos.reserve(ids.size());
  for (const std::string& id : ids) combos.push_back(core::decodeId(catalog, id));
  return combos;
}

}  // namespace pixabots::cli
