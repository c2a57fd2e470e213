// renderInto is the engine path: after the pack is loaded it must not touch the heap.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "pixabots/render.hpp"

namespace {
std::atomic<long> allocations{0};
}  // namespace

// Counts every allocation the test binary makes (replacing the global operators).
void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace pixabots;

TEST_CASE("renderInto allocates nothing, whatever the size and filters") {
  const Pack& pack = Pack::embedded();
  std::vector<std::uint8_t> buffer(static_cast<std::size_t>(kMaxSize) * kMaxSize * 4);
  RenderOptions options;
  options.hue = 120;
  options.saturate = 2;
  options.bg = Rgb{1, 2, 3};
  Combo combo{};
  const long before = allocations.load();
  for (int size : {32, 100, 128, 1000, 1920}) {
    options.size = size;
    for (int i = 0; i < 50; ++i) {
      combo = nextCombo(pack.catalog(), combo);
      renderInto(pack, combo, options, buffer);
    }
  }
  CHECK(allocations.load() == before);
}
