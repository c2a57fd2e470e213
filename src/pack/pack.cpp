#include "pixabots/core/pack.hpp"

#include <string>

#include "pixabots/core/error.hpp"

namespace pixabots::core {

const SpriteSheet& Pack::sheet(Category c, int part) const {
  const auto category = static_cast<std::size_t>(c);
  if (category >= sheets_.size()) {
    throw Error(Errc::invalid_id, "category " + std::to_string(category) + " does not exist: must be 0..3");
  }
  const auto& list = sheets_[category];
  if (part < 0 || static_cast<std::size_t>(part) >= list.size()) {
    throw Error(Errc::invalid_id, std::string(categoryName(c)) + " part " + std::to_string(part) +
                                      " does not exist: must be 0.." +
                                      std::to_string(static_cast<int>(list.size()) - 1));
  }
  return list[static_cast<std::size_t>(part)];
}

}  // namespace pixabots::core
