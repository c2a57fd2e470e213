#include "cli/batch/runner.hpp"

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

#include "io/output_file.hpp"

namespace pixabots::cli::batch {
namespace {

// Set by SIGINT/SIGTERM: workers finish the file in hand and take no more,
// so an interrupted batch leaves no temporary files behind.
volatile std::sig_atomic_t gInterrupted = 0;

extern "C" void onSignal(int) { gInterrupted = 1; }

// Installs the handlers for the run and puts the previous ones back after.
class InterruptGuard {
 public:
  InterruptGuard() {
    gInterrupted = 0;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &oldInt_);
    sigaction(SIGTERM, &action, &oldTerm_);
  }
  ~InterruptGuard() {
    sigaction(SIGINT, &oldInt_, nullptr);
    sigaction(SIGTERM, &oldTerm_, nullptr);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction oldInt_ {};
  struct sigaction oldTerm_ {};
};

std::string where(const Job& job, const std::string& source) {
  const Entry& e = *job.entry;
  return (e.line > 0 ? source + ":" + std::to_string(e.line) + ": " : std::string()) + e.id + " " +
         std::string(job.variant->name) + " " + std::to_string(job.variant->options.size) + ": ";
}

JobResult runJob(const Context& ctx, const Job& job, const RunSettings& settings, Progress& progress) {
  std::error_code missing;
  const std::uintmax_t size = std::filesystem::file_size(job.path, missing);
  if (!missing && !settings.overwrite) return {Outcome::skipped, size};
  try {
    const std::vector<std::uint8_t> bytes = ctx.render(job.entry->id, job.variant->options);
    io::writeFile(job.path, bytes, settings.overwrite);
    return {Outcome::written, bytes.size()};
  } catch (const std::exception& e) {
    progress.report(where(job, settings.source) + e.what());
    return {Outcome::failed, 0};
  }
}

}  // namespace

RunResult runJobs(const Context& ctx, const std::vector<Job>& jobs, const RunSettings& settings, Progress& progress) {
  const InterruptGuard guard;
  RunResult run;
  run.results.resize(jobs.size());
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable finished;
  unsigned running = 0;

  auto work = [&] {
    while (!stop.load(std::memory_order_relaxed) && gInterrupted == 0) {
      const std::size_t j = next++;
      if (j >= jobs.size()) break;
      run.results[j] = runJob(ctx, jobs[j], settings, progress);
      if (run.results[j].outcome == Outcome::failed && settings.strict) stop = true;
      ++done;
    }
    const std::lock_guard lock(mutex);
    --running;
    finished.notify_one();
  };

  const unsigned threads =
      static_cast<unsigned>(std::min<std::size_t>(settings.threads, std::max<std::size_t>(jobs.size(), 1)));
  std::vector<std::thread> pool;
  running = threads;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  {
    // The bar is redrawn ten times a second; the wait ends as soon as the last worker does.
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(100), [&] { return running == 0; })) {
      lock.unlock();
      progress.draw(done.load());
      lock.lock();
    }
  }
  for (std::thread& t : pool) t.join();
  progress.finish(done.load());
  run.interrupted = gInterrupted != 0;
  return run;
}

}  // namespace pixabots::cli::batch
