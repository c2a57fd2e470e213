#include "cli/batch/plan.hpp"

#include <set>
#include <string>
#include <unordered_map>

#include "pixabots/core/error.hpp"

namespace pixabots::cli::batch {
namespace {

std::string describe(const Entry& e, const Variant& v) {
  return e.id + " (" + std::string(v.name) + " " + std::to_string(v.options.size) + ")";
}

}  // namespace

Plan makePlan(const std::vector<Entry>& entries, const std::vector<Variant>& variants, const NameTemplate& name,
              const std::filesystem::path& out) {
  Plan plan;
  plan.jobs.reserve(entries.size() * variants.size());
  plan.rows.reserve(entries.size() * variants.size());
  std::unordered_map<std::string, std::size_t> byFile;
  byFile.reserve(entries.size() * variants.size());
  std::set<std::filesystem::path> directories;
  for (const Entry& entry : entries) {
    for (const Variant& variant : variants) {
      std::string file = name.expand({entry.id, entry.seed, entry.index, variant.options.size, variant.extension});
      const auto [it, added] = byFile.try_emplace(file, plan.jobs.size());
      if (!added) {
        const Job& first = plan.jobs[it->second];
        if (first.entry->id != entry.id || first.variant != &variant) {
          throw core::Error(core::Errc::invalid_option, "--name \"" + name.text() + "\" gives the same file \"" + file +
                                                            "\" to " + describe(*first.entry, *first.variant) +
                                                            " and " + describe(entry, variant) +
                                                            ": add {id}, {size} or {format} to tell them apart");
        }
        plan.rows.push_back({&entry, &variant, it->second});
        continue;
      }
      std::filesystem::path path = out / file;
      directories.insert(path.parent_path());
      plan.rows.push_back({&entry, &variant, plan.jobs.size()});
      plan.jobs.push_back({&entry, &variant, std::move(file), std::move(path)});
    }
  }
  plan.directories.assign(directories.begin(), directories.end());
  return plan;
}

}  // namespace pixabots::cli::batch
