#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

namespace pixabots::cli::batch {

// The one writer of stderr while workers run: a progress bar redrawn in
// place (only on a terminal, so logs and pipes stay clean) and messages,
// which clear the bar first so the two never mix on one line.
class Progress {
 public:
  static constexpr std::size_t kMaxReported = 50;

  Progress(std::size_t total, bool bar);

  // Redraws the bar with `done` of the total finished.
  void draw(std::size_t done);
  // Leaves the final bar on its own line.
  void finish(std::size_t done);
  void message(std::string_view text);
  // A problem (bad line, failed file): the first kMaxReported are printed,
  // the rest only counted, so a full disk does not print ten thousand lines.
  void report(std::string_view text);
  std::size_t unreported() const { return unreported_; }

  double elapsedSeconds() const;

 private:
  void drawLocked(std::size_t done);

  std::size_t total_;
  bool bar_;
  bool drawn_ = false;
  std::size_t reported_ = 0;
  std::size_t unreported_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
};

// "[#########-----------]  5376/10752  50%  9.8k/s  ETA 0:01", `width` bar cells.
std::string progressLine(std::size_t done, std::size_t total, double seconds, int width);

}  // namespace pixabots::cli::batch
