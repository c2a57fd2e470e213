#pragma once
#include <cstddef>
#include <filesystem>
#include <vector>

#include "cli/batch/name_template.hpp"
#include "cli/batch/runner.hpp"

namespace pixabots::cli::batch {

// One manifest row: an entry's file in one variant.
struct Row {
  const Entry* entry;
  const Variant* variant;
  std::size_t job;
};

// The files to write. Entries that name the same file (an ID listed twice,
// two seeds with the same ID) share one job, so no two threads ever write
// one path; each still gets its manifest row.
struct Plan {
  std::vector<Job> jobs;
  std::vector<Row> rows;
  std::vector<std::filesystem::path> directories;  // to create before writing
};

// Throws core::Error(invalid_option) when the template gives one file name to
// two different images.
Plan makePlan(const std::vector<Entry>& entries, const std::vector<Variant>& variants, const NameTemplate& name,
              const std::filesystem::path& out);

}  // namespace pixabots::cli::batch
