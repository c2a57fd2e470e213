// renderInto is the engine path: after the pack is loaded it must not touch the heap.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "pixabots/core/animation.hpp"

namespace {
std::atomic<long> allocations{0};

void* counted(std::size_t size) noexcept {
  ++allocations;
  return std::malloc(size ? size : 1);
}
}  // namespace

// Counts every allocation the test binary makes. All plain forms are replaced
// together so that new and delete always pair up (ASan checks that they do).
void* operator new(std::size_t size) {
  if (void* p = counted(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = counted(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace pixabots::core;

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

TEST_CASE("renderTickInto and renderTicksInto allocate nothing") {
  const Pack& pack = Pack::embedded();
  RenderOptions options;
  options.size = 100;
  options.hue = 30;
  std::vector<std::uint8_t> strip(100 * 100 * 4 * 16);
  const Combo animated = decodeId(pack.catalog(), "d000");
  const long before = allocations.load();
  for (int tick = 0; tick < 16; ++tick) renderTickInto(pack, animated, options, tick, strip);
  renderTicksInto(pack, animated, options, strip);
  CHECK(allocations.load() == before);
}
