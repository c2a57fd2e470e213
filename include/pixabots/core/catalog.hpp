#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pixabots::core {

// The four categories, numbered in encoding order (the order of an ID's characters).
enum class Category : std::uint8_t { eyes = 0, heads = 1, body = 2, top = 3 };

inline constexpr int kCategoryCount = 4;
inline constexpr int kMaxPartsPerCategory = 36;  // one base-36 character per category

inline constexpr std::array<Category, 4> kEncodingOrder = {Category::eyes, Category::heads, Category::body,
                                                           Category::top};
// Bottom to top when compositing.
inline constexpr std::array<Category, 4> kLayerOrder = {Category::top, Category::body, Category::heads, Category::eyes};

std::string_view categoryName(Category c);

// How a part's frames play in the animation: static parts have one frame, blink
// sheets are [open, closed], sequences cycle through every frame.
enum class PartKind : std::uint8_t { still, blink, sequence };

std::string_view partKindName(PartKind k);

struct Part {
  std::string name;
  int frames = 1;
  PartKind kind = PartKind::still;
  bool operator==(const Part&) const = default;
};

// Which parts exist, in ID order. Data, not code: the service's catalog is the
// default and a pack's manifest can define another (1..36 parts a category).
class Catalog {
 public:
  // Throws Error(invalid_pack) naming the category and part when a category is
  // empty, holds more than 36 parts, repeats a name, or has a bad frame count.
  explicit Catalog(std::array<std::vector<Part>, 4> parts);

  // The public service's catalog (16 eyes, 8 heads, 7 bodies, 12 tops).
  static const Catalog& service();

  std::span<const Part> parts(Category c) const { return parts_[index(c)]; }
  const Part& part(Category c, int i) const { return parts_[index(c)][static_cast<std::size_t>(i)]; }
  int count(Category c) const { return static_cast<int>(parts_[index(c)].size()); }
  // Product of the four counts: 10,752 for the service's catalog.
  std::uint32_t combinations() const;
  // Index of the part named `name`, or -1.
  int find(Category c, std::string_view name) const;

  bool operator==(const Catalog&) const = default;

 private:
  static std::size_t index(Category c) { return static_cast<std::size_t>(c); }
  std::array<std::vector<Part>, 4> parts_;
};

}  // namespace pixabots::core
