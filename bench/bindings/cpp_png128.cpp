// PNG@128 of bot 2156 through pixabots.hpp (Context::render, default
// Options): 200 warm-up renders, then N timed; prints "cpp <median_us>".
#include <pixabots/pixabots.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
  if (n < 1) return 2;
  const pixabots::Context ctx;
  const pixabots::Options options;
  std::vector<double> times(static_cast<std::size_t>(n));
  std::size_t bytes = 0;
  for (int i = -200; i < n; i++) {
    const auto start = std::chrono::steady_clock::now();
    bytes += ctx.render("2156", options).size();
    const auto end = std::chrono::steady_clock::now();
    if (i >= 0) times[static_cast<std::size_t>(i)] = std::chrono::duration<double, std::micro>(end - start).count();
  }
  std::sort(times.begin(), times.end());
  std::printf("cpp %.1f\n", times[static_cast<std::size_t>(n / 2)]);
  return bytes > 0 ? 0 : 1;
}
