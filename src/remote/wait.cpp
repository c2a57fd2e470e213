// Polling a job to its end: backoff with jitter so many waiting clients do
// not poll in step, the server's hint first, and a deadline that is never
// overslept.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "remote/lifecycle.hpp"

namespace pixabots::remote {
namespace {

using std::chrono::milliseconds;

// "1.5", "600": a number as a message shows it (six significant digits).
std::string shortNumber(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", x);
  return text;
}

std::string seconds(milliseconds d) { return shortNumber(static_cast<double>(d.count()) / 1000.0); }

void checkOptions(const WaitOptions& o) {
  const auto bad = [](const std::string& what) { throw Error(Errc::config, "wait options: " + what); };
  if (o.deadline.count() < 0) bad("deadline " + std::to_string(o.deadline.count()) + " ms is negative");
  if (o.initialInterval.count() <= 0)
    bad("initial interval " + std::to_string(o.initialInterval.count()) + " ms must be above 0");
  if (o.maxInterval < o.initialInterval)
    bad("max interval " + std::to_string(o.maxInterval.count()) + " ms is below the initial interval " +
        std::to_string(o.initialInterval.count()) + " ms");
  if (!(o.multiplier >= 1.0)) bad("multiplier " + shortNumber(o.multiplier) + " must be at least 1");
  if (!(o.jitter >= 0.0 && o.jitter < 1.0)) bad("jitter " + shortNumber(o.jitter) + " is outside [0, 1)");
}

// The computed waits: initialInterval * multiplier^n up to maxInterval, each
// scaled by a factor drawn from [1 - jitter, 1 + jitter].
class Backoff {
 public:
  explicit Backoff(const WaitOptions& o)
      : base_(static_cast<double>(o.initialInterval.count())),
        max_(static_cast<double>(o.maxInterval.count())),
        multiplier_(o.multiplier),
        jitter_(1.0 - o.jitter, 1.0 + o.jitter),
        rng_(o.jitterSeed != 0 ? o.jitterSeed : std::random_device{}()) {}

  // The wait after the current poll; a draw is made only when it is used.
  milliseconds wait() { return milliseconds(std::llround(base_ * jitter_(rng_))); }

  // The schedule moves on with every poll, whether or not a hint replaced
  // its wait.
  void advance() { base_ = std::min(max_, base_ * multiplier_); }

 private:
  double base_, max_, multiplier_;
  std::uniform_real_distribution<double> jitter_;
  std::mt19937_64 rng_;
};

}  // namespace

Job waitForJob(Provider& provider, ApiClient& client, std::string_view jobId, const WaitOptions& options) {
  checkOptions(options);
  Clock& clock = client.clock();
  const auto start = clock.now();
  const auto deadline = start + options.deadline;
  const auto cancelled = [&] { return options.cancel && options.cancel->cancelled(); };
  const auto stop = [&] { return Error(Errc::cancelled, "waiting for job " + std::string(jobId) + " was cancelled"); };
  Backoff backoff(options);

  for (int polls = 1;; ++polls) {
    if (cancelled()) throw stop();
    Job job = provider.getJob(jobId, options.poll, options.cancel);
    const auto now = clock.now();
    if (options.onPoll) options.onPoll(job, polls, std::chrono::duration_cast<milliseconds>(now - start));
    if (job.status == JobStatus::completed) return job;
    if (job.status == JobStatus::failed)
      throw Error(Errc::job_failed, "job " + std::string(jobId) +
                                        " failed: " + (job.error.empty() ? "the provider gave no reason" : job.error));
    if (cancelled()) throw stop();  // e.g. from onPoll

    // The last poll may fall on the deadline itself, after a sleep cut short
    // to end there; only then does the wait give up.
    const auto remaining = std::chrono::duration_cast<milliseconds>(deadline - now);
    if (remaining.count() <= 0)
      throw Error(Errc::timeout, "job " + std::string(jobId) + " still " + std::string(jobStatusName(job.status)) +
                                     " after " + seconds(std::chrono::duration_cast<milliseconds>(now - start)) +
                                     " s (deadline)");
    const milliseconds wait = job.pollHint ? *job.pollHint : backoff.wait();
    backoff.advance();
    clock.sleepFor(std::clamp(wait, milliseconds(0), remaining), options.cancel);
  }
}

}  // namespace pixabots::remote
