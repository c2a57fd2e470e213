#include <algorithm>
#include <string>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::core {

std::string_view categoryName(Category c) {
  switch (c) {
    case Category::eyes: return "eyes";
    case Category::heads: return "heads";
    case Category::body: return "body";
    case Category::top: return "top";
  }
  return "?";
}

std::string_view partKindName(PartKind k) {
  switch (k) {
    case PartKind::still: return "static";
    case PartKind::blink: return "blink";
    case PartKind::sequence: return "sequence";
  }
  return "?";
}

Catalog::Catalog(std::array<std::vector<Part>, 4> parts) : parts_(std::move(parts)) {
  for (Category c : kEncodingOrder) {
    const auto& list = parts_[index(c)];
    const std::string cat(categoryName(c));
    if (list.empty() || list.size() > kMaxPartsPerCategory) {
      throw Error(Errc::invalid_pack,
                  "category " + cat + " has " + std::to_string(list.size()) + " parts; it must have 1 to 36");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Part& p = list[i];
      if (p.name.empty()) {
        throw Error(Errc::invalid_pack, cat + " part " + std::to_string(i) + " has an empty name");
      }
      if (p.frames < 1) {
        throw Error(Errc::invalid_pack,
                    cat + "/" + p.name + " has " + std::to_string(p.frames) + " frames; it needs at least 1");
      }
      auto same = [&](const Part& q) { return q.name == p.name; };
      if (std::any_of(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(i), same)) {
        throw Error(Errc::invalid_pack, cat + " lists the part name \"" + p.name + "\" twice");
      }
    }
  }
}

std::uint32_t Catalog::combinations() const {
  std::uint32_t n = 1;
  for (const auto& list : parts_) n *= static_cast<std::uint32_t>(list.size());
  return n;
}

int Catalog::find(Category c, std::string_view name) const {
  const auto& list = parts_[index(c)];
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace pixabots::core
