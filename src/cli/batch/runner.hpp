#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/batch/progress.hpp"
#include "cli/batch/variants.hpp"
#include "cli/batch/work_list.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::cli::batch {

// One file to produce.
struct Job {
  const Entry* entry;
  const Variant* variant;
  std::string file;            // as the name template gives it, relative to --out
  std::filesystem::path path;  // --out / file
};

enum class Outcome : std::uint8_t { pending, written, skipped, failed };

struct JobResult {
  Outcome outcome = Outcome::pending;
  std::uint64_t bytes = 0;
};

struct RunSettings {
  unsigned threads = 1;
  bool overwrite = false;  // else a file that exists is finished: skip it
  bool strict = false;     // stop at the first failure
  std::string source;      // the input file, for "ids.txt:3: ..." messages
};

struct RunResult {
  std::vector<JobResult> results;  // one per job, in job order
  bool interrupted = false;        // SIGINT or SIGTERM: the files started were finished, no more
};

// Renders and writes the jobs on `threads` threads sharing `ctx`, each file
// through a temporary file renamed into place. Failures are reported through
// `progress` and recorded; the rest go on unless `strict`.
RunResult runJobs(const Context& ctx, const std::vector<Job>& jobs, const RunSettings& settings, Progress& progress);

}  // namespace pixabots::cli::batch
