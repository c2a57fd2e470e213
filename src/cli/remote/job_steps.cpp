#include "cli/remote/job_steps.hpp"

#include "cli/remote/report.hpp"
#include "pixabots/core/error.hpp"
#include "remote/job_json.hpp"

namespace pixabots::cli {

std::optional<std::chrono::milliseconds> deadlineOption(const Args& args) {
  const auto seconds = args.number("--deadline");
  if (!seconds) return std::nullopt;
  if (*seconds <= 0 || *seconds > 86'400) {
    throw core::Error(core::Errc::invalid_option,
                      "--deadline " + *args.value("--deadline") + " is out of range: seconds, more than 0 up to 86400");
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(*seconds * 1000));
}

remote::WaitOptions waitOptions(WaitProgress& progress, const remote::CancelToken& cancel,
                                std::optional<std::chrono::milliseconds> deadline) {
  remote::WaitOptions options;
  if (deadline) options.deadline = *deadline;
  options.cancel = &cancel;
  options.onPoll = [&progress](const remote::Job& job, int polls, std::chrono::milliseconds elapsed) {
    progress.update(job, polls, elapsed);
  };
  return options;
}

void requireNotFailed(const remote::Job& job) {
  if (job.status != remote::JobStatus::failed) return;
  throw remote::Error(remote::Errc::job_failed,
                      "job " + job.id + " failed" + (job.error.empty() ? std::string() : ": " + job.error));
}

std::string jobText(const remote::Job& job, const std::optional<std::vector<std::filesystem::path>>& files, bool json) {
  if (!json) return jobReport(job, files.value_or(std::vector<std::filesystem::path>{}));
  remote::Json doc = remote::jobToJson(job);
  if (files) {
    doc["files"] = remote::Json::array();
    for (const auto& f : *files) doc["files"].push_back(f.string());
  }
  return doc.dump(2) + "\n";
}

}  // namespace pixabots::cli
