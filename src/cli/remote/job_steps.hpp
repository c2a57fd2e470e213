#pragma once
// The steps after a job is submitted, shared by `remote run`, `remote job`
// and `generate`: the wait's options, the failed-job rule and the --json
// document.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "cli/remote/wait_progress.hpp"
#include "remote/lifecycle.hpp"

namespace pixabots::cli {

// --deadline SECONDS (more than 0): how long a wait may take.
std::optional<std::chrono::milliseconds> deadlineOption(const Args& args);

// waitForJob's options: progress shown by `progress`, Ctrl-C through
// `cancel`, the deadline when one was given (else the library's default).
remote::WaitOptions waitOptions(WaitProgress& progress, const remote::CancelToken& cancel,
                                std::optional<std::chrono::milliseconds> deadline);

// A wait that ends in a failed job is a failure: throws Error(job_failed)
// with the provider's reason.
void requireNotFailed(const remote::Job& job);

// What a command prints about a job on stdout: with --json, jobToJson plus
// "files" (the written paths, in output order) when the outputs were
// downloaded; otherwise jobReport's lines.
std::string jobText(const remote::Job& job, const std::optional<std::vector<std::filesystem::path>>& files, bool json);

}  // namespace pixabots::cli
