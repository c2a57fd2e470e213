#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"

namespace pixabots::cli {

// Command-line arguments split into positionals and the options a command
// declares (commands.hpp): `--name value`, `--name=value`, the alias (`-o
// value`) and flags. Anything else starting with '-' is an unknown option.
// Errors are thrown as core::Error(invalid_option) naming the flag.
class Args {
 public:
  Args(const std::vector<std::string_view>& argv, std::span<const Option> options);

  const std::vector<std::string>& positionals() const { return positionals_; }
  // By the option's name ("--output"), whichever of its spellings was given.
  std::optional<std::string> value(std::string_view name) const;
  bool flag(std::string_view name) const;
  // The option's value as an integer or a finite number, with the flag named in errors.
  std::optional<int> integer(std::string_view name) const;
  std::optional<double> number(std::string_view name) const;

 private:
  std::vector<std::string> positionals_;
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace pixabots::cli
