#include "cli/args.hpp"

#include <charconv>
#include <cmath>

#include "pixabots/core/error.hpp"

namespace pixabots::cli {
namespace {

const Option* find(std::span<const Option> options, std::string_view spelling) {
  for (const Option& o : options) {
    if (o.name == spelling || (!o.alias.empty() && o.alias == spelling)) return &o;
  }
  return nullptr;
}

}  // namespace

Args::Args(const std::vector<std::string_view>& argv, std::span<const Option> options) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string_view arg = argv[i];
    if (arg.size() < 2 || arg[0] != '-' || (arg[1] >= '0' && arg[1] <= '9')) {
      positionals_.emplace_back(arg);
      continue;
    }
    std::string_view spelling = arg, inlineValue;
    bool hasInline = false;
    if (auto eq = arg.find('='); eq != std::string_view::npos && arg.starts_with("--")) {
      spelling = arg.substr(0, eq), inlineValue = arg.substr(eq + 1), hasInline = true;
    }
    const Option* option = find(options, spelling);
    if (!option || (option->value.empty() && hasInline)) {
      throw core::Error(core::Errc::invalid_option, "unknown option " + std::string(spelling));
    }
    if (!option->value.empty() && !hasInline) {
      if (i + 1 >= argv.size())
        throw core::Error(core::Errc::invalid_option, "option " + std::string(spelling) + " needs a value");
      inlineValue = argv[++i];
    }
    values_[std::string(option->name)] = std::string(inlineValue);
  }
}

std::optional<std::string> Args::value(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

bool Args::flag(std::string_view name) const { return values_.find(name) != values_.end(); }

std::optional<int> Args::integer(std::string_view name) const {
  auto text = value(name);
  if (!text) return std::nullopt;
  int v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw core::Error(core::Errc::invalid_option, std::string(name) + " \"" + *text + "\" is not an integer");
  }
  return v;
}

std::optional<double> Args::number(std::string_view name) const {
  auto text = value(name);
  if (!text) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || !std::isfinite(v)) {
    throw core::Error(core::Errc::invalid_option, std::string(name) + " \"" + *text + "\" is not a number");
  }
  return v;
}

}  // namespace pixabots::cli
