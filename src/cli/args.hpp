#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pixabots::cli {

// Command-line arguments split into positionals and --name value options.
// Errors are thrown as core::Error(invalid_option) naming the flag.
class Args {
 public:
  // `valued` lists the options that take a value (e.g. "--size", "-o"); `flags`
  // the ones that do not. Anything else starting with '-' is an unknown option.
  Args(const std::vector<std::string_view>& argv, const std::vector<std::string_view>& valued,
       const std::vector<std::string_view>& flags);

  const std::vector<std::string>& positionals() const { return positionals_; }
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
