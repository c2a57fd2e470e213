#include "cli/remote/wait_progress.hpp"

#include <cstdio>

#include "remote/config.hpp"

namespace pixabots::cli {

std::string waitLine(const remote::Job& job, int polls, std::chrono::milliseconds elapsed) {
  return job.id + "  " + std::string(remote::jobStatusName(job.status)) + "  " +
         std::to_string(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count()) + "s  poll " +
         std::to_string(polls);
}

WaitProgress::WaitProgress(bool terminal, std::string apiKey) : terminal_(terminal), apiKey_(std::move(apiKey)) {}

WaitProgress::~WaitProgress() {
  if (drawn_) std::fputc('\n', stderr);
}

void WaitProgress::update(const remote::Job& job, int polls, std::chrono::milliseconds elapsed) {
  const std::string line = remote::redact(waitLine(job, polls, elapsed), apiKey_);
  if (terminal_) {
    // \r and erase-to-end-of-line redraw in place.
    std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
    drawn_ = true;
  } else if (shown_ != job.status) {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  shown_ = job.status;
  std::fflush(stderr);
}

}  // namespace pixabots::cli
