#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "remote/job.hpp"

namespace pixabots::cli {

// A wait for a job, shown on stderr: on a terminal one line redrawn in place
// after every poll ("job_1  processing  12s  poll 5"); otherwise (a log, a
// pipe) one such line per status change, so logs stay short. Give
// `update` to WaitOptions::onPoll.
class WaitProgress {
 public:
  WaitProgress(bool terminal, std::string apiKey);
  // Ends a redrawn line, so what follows starts on its own.
  ~WaitProgress();
  WaitProgress(const WaitProgress&) = delete;
  WaitProgress& operator=(const WaitProgress&) = delete;

  void update(const remote::Job& job, int polls, std::chrono::milliseconds elapsed);

 private:
  bool terminal_;
  std::string apiKey_;  // redacted from the job id, which a provider chose
  bool drawn_ = false;
  std::optional<remote::JobStatus> shown_;
};

// "job_1  processing  12s  poll 5"
std::string waitLine(const remote::Job& job, int polls, std::chrono::milliseconds elapsed);

}  // namespace pixabots::cli
