#include "cli/batch/progress.hpp"

#include <cmath>
#include <cstdio>

namespace pixabots::cli::batch {
namespace {

std::string rate(double perSecond) {
  char text[32];
  if (perSecond >= 1000) {
    std::snprintf(text, sizeof text, "%.1fk/s", perSecond / 1000);
  } else {
    std::snprintf(text, sizeof text, "%.0f/s", perSecond);
  }
  return text;
}

std::string clock(double seconds) {
  const auto s = static_cast<long>(std::ceil(seconds));
  char text[32];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  }
  return text;
}

}  // namespace

std::string progressLine(std::size_t done, std::size_t total, double seconds, int width) {
  const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const auto filled = static_cast<int>(fraction * width);
  std::string line = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(width - filled), '-') + "] ";
  line +=
      std::to_string(done) + "/" + std::to_string(total) + " " + std::to_string(static_cast<int>(fraction * 100)) + "%";
  if (seconds > 0 && done > 0) {
    const double perSecond = static_cast<double>(done) / seconds;
    line += "  " + rate(perSecond);
    line += done < total ? "  ETA " + clock(static_cast<double>(total - done) / perSecond) : "  " + clock(seconds);
  }
  return line;
}

Progress::Progress(std::size_t total, bool bar) : total_(total), bar_(bar) {}

double Progress::elapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::drawLocked(std::size_t done) {
  // \r and erase-to-end-of-line redraw in place without a newline per update.
  std::fprintf(stderr, "\r%s\x1b[K", progressLine(done, total_, elapsedSeconds(), 30).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::draw(std::size_t done) {
  if (!bar_) return;
  const std::lock_guard lock(mutex_);
  drawLocked(done);
}

void Progress::finish(std::size_t done) {
  if (!bar_) return;
  const std::lock_guard lock(mutex_);
  drawLocked(done);
  std::fputc('\n', stderr);
  drawn_ = false;
}

void Progress::report(std::string_view text) {
  {
    const std::lock_guard lock(mutex_);
    if (reported_ == kMaxReported) {
      ++unreported_;
      return;
    }
    ++reported_;
  }
  message(text);
}

void Progress::message(std::string_view text) {
  const std::lock_guard lock(mutex_);
  if (drawn_) std::fputs("\r\x1b[K", stderr);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fputc('\n', stderr);
  drawn_ = false;  // the next draw() puts the bar back under the message
  std::fflush(stderr);
}

}  // namespace pixabots::cli::batch
