// One pack, many threads: renders must not interfere (the pack is immutable and
// the PNG encoder's scratch state is per thread).
#include <catch2/catch.hpp>

#include <thread>

#include "pixabots/core/render.hpp"

using namespace pixabots::core;

TEST_CASE("concurrent PNG renders on one pack give the single-threaded bytes") {
  const Pack& pack = Pack::embedded();
  constexpr int kBots = 96;
  const int sizes[] = {32, 100, 128, 333};
  std::vector<std::vector<std::uint8_t>> expected;
  for (int i = 0; i < kBots; ++i) {
    RenderOptions options;
    options.size = sizes[i % 4];
    options.hue = i * 15;
    expected.push_back(renderPng(pack, comboAt(pack.catalog(), static_cast<std::uint32_t>(i * 97)), options));
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < kBots; ++i) {
          const int k = (i + t * 17) % kBots;  // threads walk the bots in different orders
          RenderOptions options;
          options.size = sizes[k % 4];
          options.hue = k * 15;
          if (renderPng(pack, comboAt(pack.catalog(), static_cast<std::uint32_t>(k * 97)), options) !=
              expected[static_cast<std::size_t>(k)]) {
            ++mismatches[static_cast<std::size_t>(t)];
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}
