#include <catch2/catch.hpp>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/error.hpp"

using namespace pixabots::core;

TEST_CASE("the service catalog has 16 eyes, 8 heads, 7 bodies and 12 tops") {
  const Catalog& c = Catalog::service();
  CHECK(c.count(Category::eyes) == 16);
  CHECK(c.count(Category::heads) == 8);
  CHECK(c.count(Category::body) == 7);
  CHECK(c.count(Category::top) == 12);
  CHECK(c.combinations() == 10752u);
}

TEST_CASE("the service catalog names parts, frames and kinds in ID order") {
  const Catalog& c = Catalog::service();
  CHECK(c.part(Category::eyes, 1) == Part{"cheeky-terminal", 16, PartKind::sequence});
  CHECK(c.part(Category::eyes, 2) == Part{"glasses", 2, PartKind::blink});
  CHECK(c.part(Category::eyes, 14) == Part{"wayfarer", 4, PartKind::sequence});
  CHECK(c.part(Category::eyes, 15) == Part{"wayfarer-face", 8, PartKind::sequence});
  CHECK(c.part(Category::heads, 7).name == "punch-bowl");
  CHECK(c.part(Category::body, 6).name == "fire");
  CHECK(c.part(Category::top, 11).name == "spikes");
  CHECK(c.find(Category::top, "mohawk") == 6);
  CHECK(c.find(Category::top, "nope") == -1);
  int animated = 0;
  for (Category cat : kEncodingOrder) {
    for (const Part& p : c.parts(cat)) animated += p.frames > 1;
  }
  CHECK(animated == 11);
}

TEST_CASE("category names and orders") {
  CHECK(categoryName(Category::eyes) == "eyes");
  CHECK(categoryName(Category::top) == "top");
  CHECK(kLayerOrder[0] == Category::top);
  CHECK(kLayerOrder[3] == Category::eyes);
  CHECK(partKindName(PartKind::still) == "static");
}

namespace {
std::array<std::vector<Part>, 4> oneEach() {
  return {{{{"e", 1, PartKind::still}},
           {{"h", 1, PartKind::still}},
           {{"b", 1, PartKind::still}},
           {{"t", 1, PartKind::still}}}};
}
}  // namespace

TEST_CASE("a catalog accepts 1 to 36 parts a category") {
  auto parts = oneEach();
  for (int i = 1; i < 36; ++i) parts[3].push_back({"t" + std::to_string(i), 1, PartKind::still});
  Catalog c(parts);
  CHECK(c.count(Category::top) == 36);
  CHECK(c.count(Category::eyes) == 1);
  CHECK(c.combinations() == 36u);
}

TEST_CASE("a catalog rejects empty, oversized and duplicate categories") {
  auto empty = oneEach();
  empty[1].clear();
  CHECK_THROWS_WITH(Catalog(empty), Catch::Contains("category heads has 0 parts; it must have 1 to 36"));

  auto big = oneEach();
  for (int i = 1; i < 37; ++i) big[0].push_back({"e" + std::to_string(i), 1, PartKind::still});
  CHECK_THROWS_WITH(Catalog(big), Catch::Contains("category eyes has 37 parts"));

  auto dup = oneEach();
  dup[2].push_back({"b", 1, PartKind::still});
  CHECK_THROWS_WITH(Catalog(dup), Catch::Contains("body lists the part name \"b\" twice"));

  auto frames = oneEach();
  frames[0][0].frames = 0;
  CHECK_THROWS_WITH(Catalog(frames), Catch::Contains("eyes/e has 0 frames"));
  try {
    Catalog bad(frames);
  } catch (const Error& e) {
    CHECK(e.code() == Errc::invalid_pack);
  }
}
