#include "cli/remote/report.hpp"

#include <algorithm>
#include <cstdio>

#include "remote/config.hpp"

namespace pixabots::cli {
namespace {

std::string plural(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// A JSON value for a column: strings without quotes, null as "-".
std::string cell(const remote::Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "-";
  return value.dump();
}

// The first of `keys` that `object` has as a non-empty string.
std::string firstString(const remote::Json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = object.find(key);
    if (it != object.end() && it->is_string() && !it->get<std::string>().empty()) return it->get<std::string>();
  }
  return "-";
}

}  // namespace

std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    if (row.size() > widths.size()) widths.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += row[c];
      if (c + 1 < row.size()) out += std::string(widths[c] - row[c].size() + 2, ' ');
    }
    out += '\n';
  }
  return out;
}

std::vector<std::string> jobColumns(const remote::Job& job) {
  std::vector<std::string> columns{job.id, std::string(remote::jobStatusName(job.status))};
  if (job.status == remote::JobStatus::completed) columns.push_back(plural(job.outputs.size(), "output"));
  if (job.status == remote::JobStatus::failed && !job.error.empty()) columns.push_back(job.error);
  return columns;
}

std::string jobReport(const remote::Job& job, const std::vector<std::filesystem::path>& files) {
  std::string out = table({jobColumns(job)});
  for (std::size_t i = 0; i < job.outputs.size(); ++i) {
    out += job.outputs[i];
    if (i < files.size()) out += " -> " + files[i].string();
    out += '\n';
  }
  return out;
}

std::string modelTable(const std::vector<remote::Model>& models) {
  std::vector<std::vector<std::string>> rows;
  for (const remote::Model& m : models) {
    rows.push_back(m.name.empty() || m.name == m.id ? std::vector<std::string>{m.id}
                                                    : std::vector<std::string>{m.id, m.name});
  }
  return table(rows);
}

std::string fieldLines(const remote::Json& value) {
  if (!value.is_object()) return value.dump(2) + "\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& [key, member] : value.items()) rows.push_back({key, cell(member)});
  return table(rows);
}

std::string imageList(const remote::Page& page) {
  std::vector<std::vector<std::string>> rows;
  for (const remote::Json& image : page.items) {
    rows.push_back({firstString(image, {"id"}), firstString(image, {"title", "prompt", "slug"}),
                    firstString(image, {"url", "webDownloadUrl"})});
  }
  std::string out = table(rows);
  if (page.nextCursor) out += "next: --cursor " + *page.nextCursor + "\n";
  return out;
}

void printRedacted(std::string_view text, std::string_view apiKey) {
  const std::string out = remote::redact(text, apiKey);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
}

int reportFailure(std::string_view command, const remote::Error& error, std::string_view apiKey) {
  if (error.code() == remote::Errc::cancelled) {
    std::fprintf(stderr, "pixabots %.*s: cancelled\n", static_cast<int>(command.size()), command.data());
    return 130;
  }
  std::string text = "pixabots " + std::string(command) + ": " + error.what() + "\n";
  for (const std::string& detail : error.details()) text += "  " + detail + "\n";
  text = remote::redact(text, apiKey);
  std::fwrite(text.data(), 1, text.size(), stderr);
  return 1;
}

}  // namespace pixabots::cli
