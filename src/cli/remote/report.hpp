#pragma once
// What the remote commands print for people (without --json), and how they
// report a failure. Everything a provider sent may be echoed, so every text
// goes out through remote::redact with the API key.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "remote/error.hpp"
#include "remote/job.hpp"

namespace pixabots::cli {

// Rows as columns aligned by two spaces (the last column is not padded).
std::string table(const std::vector<std::vector<std::string>>& rows);

// "job_abc123  completed  2 outputs", "job_1  failed  REASON", "job_1  pending".
std::vector<std::string> jobColumns(const remote::Job& job);
// The job's line, then each output URL on its own line, as "URL -> FILE"
// where `files` (in output order, as downloadOutputs returns them) has one.
std::string jobReport(const remote::Job& job, const std::vector<std::filesystem::path>& files = {});
// "ID  NAME" per model (the name left out when it is the id).
std::string modelTable(const std::vector<remote::Model>& models);
// An object's members as aligned "key  value" lines: strings bare, anything
// else as compact JSON. A value that is not an object is printed as JSON.
std::string fieldLines(const remote::Json& value);
// "ID  TITLE  URL" per image, then "next: --cursor C" when there is a next page.
std::string imageList(const remote::Page& page);

// `text` on stdout with the key redacted.
void printRedacted(std::string_view text, std::string_view apiKey);
// "pixabots COMMAND: what()" on stderr, then each detail (e.g. every schema
// violation) on its own line, the key redacted. Returns the exit status:
// 130 when the user cancelled, else 1.
int reportFailure(std::string_view command, const remote::Error& error, std::string_view apiKey);

}  // namespace pixabots::cli
